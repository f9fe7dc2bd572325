// The built CLI as a user's shell runs it: what only a separate process shows (the version fast
// path, a pipe closed under it, several processes on one home, kill -9). What a command prints
// and its exit code are tested in-process, in tests/commands.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readJournal } from '../../src/store/journal.js';
import { Store } from '../../src/store/store.js';
import { bundleHelper, CLI, parley, ROOT, tempHome } from '../helpers/cli.js';
import { makeHome } from '../helpers/home-fixture.js';
import { journalOf } from '../helpers/journal.js';

describe('the built CLI', () => {
  it('prints its version', () => {
    const version = parley(['--version']);
    expect(version).toEqual({ status: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/), stderr: '' });
  });

  it('stops quietly with exit 0 when the reader of its output goes away', async () => {
    const home = tempHome();
    expect(parley(['import', join(ROOT, 'decks', 'morning-market.txt')], { home }).status).toBe(0);
    for (const args of [['decks', '--json'], ['export', 'morning-market', '--format', 'md'], ['decks']]) {
      const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, PARLEY_HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      const code = await new Promise((resolve) => child.on('close', resolve));
      expect({ args, code, stderr }).toEqual({ args, code: 0, stderr: '' });
    }
  });
});

describe('decks', () => {
  it('counts cards by state and what is due today', async () => {
    const home = tempHome();
    const now = new Date('2026-11-29T10:00:00Z');
    await makeHome(home, { decks: 2, notesPerDeck: 40, reviewed: 30, now });
    const result = parley(['decks', '--json'], { home, env: { PARLEY_NOW: now.toISOString(), TZ: 'UTC' } });
    expect(result.status).toBe(0);
    const decks = JSON.parse(result.stdout);
    expect(decks).toHaveLength(2);
    // Reviewed i is due (i % 30 - 10) days from now: i%30 in 0..10 is due by the end of today (04:00 tomorrow).
    expect(decks[0]).toEqual({ name: 'Deck 0', slug: 'deck-0', notes: 40, cards: 80, new: 50, learning: 0, review: 30, dueToday: 11, suspended: 0 });
    const table = parley(['decks'], { home, env: { PARLEY_NOW: now.toISOString(), TZ: 'UTC' } }).stdout;
    expect(table).toMatch(/Deck 0\s+40\s+80\s+50\s+0\s+30\s+11\s+0/);
  });
});

describe('durability', () => {
  let grader = '';
  beforeAll(async () => {
    grader = await bundleHelper('grader');
  });

  function runGrader(home: string, count: number, tag: string) {
    return spawn(process.execPath, [grader, home, 'deck-0', String(count), tag], { stdio: ['ignore', 'pipe', 'inherit'] });
  }

  it('two processes grading the same cards at once lose nothing', async () => {
    const home = tempHome();
    await makeHome(home, { decks: 1, notesPerDeck: 20, reviewed: 0, now: new Date('2026-11-29T10:00:00Z') });
    const done = ['a', 'b'].map((tag) => new Promise<number | null>((resolve) => runGrader(home, 150, tag).on('exit', resolve)));
    expect(await Promise.all(done)).toEqual([0, 0]);
    const entries = readJournal(journalOf(home)).entries.map((p) => p.entry);
    expect(entries).toHaveLength(300);
    expect(new Set(entries.map((e) => e.id)).size).toBe(300);
    // Every card's reps count every grade it got from either process: no update was lost.
    const states = new Store(home).states('deck-0');
    const reps = [...states.values()].reduce((n, s) => n + s.reps, 0);
    expect(reps).toBe(300);
  });

  it('kill -9 right after an acknowledged grade keeps it', async () => {
    const home = tempHome();
    await makeHome(home, { decks: 1, notesPerDeck: 20, reviewed: 0, now: new Date('2026-11-29T10:00:00Z') });
    const child = runGrader(home, 100_000, 'k');
    const acked = await new Promise<string[]>((resolve) => {
      const seen: string[] = [];
      child.stdout!.on('data', (chunk: Buffer) => {
        for (const line of chunk.toString().split('\n')) if (line.startsWith('ack ')) seen.push(line.slice(4));
        if (seen.length >= 25) {
          child.kill('SIGKILL');
          resolve(seen);
        }
      });
    });
    await new Promise((resolve) => child.on('exit', resolve));
    const ids = new Set(new Store(home).journal().map((e) => e.id));
    for (const id of acked) expect(ids.has(id)).toBe(true);
    expect(parley(['decks', '--json'], { home }).status).toBe(0);
  });
});
