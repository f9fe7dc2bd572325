// Found by an attacker (issue 10, item 5): `deck rename` was neither crash-safe nor safe against a
// second rename. A kill at its first link left both decks (the new one without history), a kill at
// its third unlink left both with the same schedules, and two renames at once exited 70 in 5 of 10
// runs. A rename is now one journal line plus file steps that only repeat it, under the home lock,
// with a marker so that a re-run or the next start of parley finishes what a kill interrupted.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT, tempHome } from '../helpers/cli.js';
import { parleyIn } from '../helpers/in-process.js';
import { copyHome, journalOf } from '../helpers/journal.js';

const SAMPLE = join(ROOT, 'decks', 'morning-market.txt');
const NOW = '2026-11-30T09:00:00.000Z';
const env = { PARLEY_NOW: NOW, TZ: 'UTC' };

/** A home with deck "market", two of its notes suspended (so it has card states to carry). */
async function studiedHome(): Promise<string> {
  const home = tempHome();
  expect((await parleyIn(['import', SAMPLE, '--deck', 'market'], { home })).code).toBe(0);
  const ids = JSON.parse(readFileSync(join(home, 'decks', 'market.json'), 'utf8')).notes.map((n: { id: string }) => n.id);
  for (const id of ids.slice(0, 2)) expect((await parleyIn(['suspend', id], { home, env })).code).toBe(0);
  return home;
}

const decks = async (home: string) => JSON.parse((await parleyIn(['decks', '--json'], { home, env })).stdout) as { slug: string; suspended: number }[];

describe('a rename cut short by a kill', () => {
  // The states a kill can leave, rebuilt by hand from a finished rename: the marker, then the
  // journal line, then the new deck file, then the old one removed.
  async function interrupted(stage: 'marker' | 'journal' | 'new file'): Promise<string> {
    const before = await studiedHome();
    const after = join(tempHome(), 'after');
    copyHome(before, after);
    expect((await parleyIn(['deck', 'rename', 'market', 'bazaar'], { home: after, env })).code).toBe(0);
    const line = readFileSync(journalOf(after), 'utf8').trim().split('\n').at(-1)!;
    const entry = JSON.parse(line);
    expect(entry).toMatchObject({ type: 'rename', from: 'market', deck: 'bazaar' });
    const journal = journalOf(before);
    const size = statSync(journal).size;
    const lines = readFileSync(journal, 'utf8').split('\n').length;
    writeFileSync(join(before, 'rename.pending'), JSON.stringify({ id: entry.id, from: 'market', to: 'bazaar', name: 'bazaar', mark: { offset: size, line: lines } }));
    if (stage !== 'marker') writeFileSync(journal, `${readFileSync(journal, 'utf8')}${line}\n`);
    if (stage === 'new file') cpSync(join(after, 'decks', 'bazaar.json'), join(before, 'decks', 'bazaar.json'));
    return before;
  }

  it('before its journal line: the next command forgets it, nothing moved', async () => {
    const home = await interrupted('marker');
    expect(await decks(home)).toMatchObject([{ slug: 'market', suspended: 4 }]);
    expect(existsSync(join(home, 'rename.pending'))).toBe(false);
  });

  it.each(['journal', 'new file'] as const)('after the %s: the next command finishes it, history and all', async (stage) => {
    const home = await interrupted(stage);
    expect(await decks(home)).toMatchObject([{ slug: 'bazaar', suspended: 4 }]);
    expect(readdirSync(join(home, 'decks'))).toEqual(['bazaar.json']);
    expect(existsSync(join(home, 'rename.pending'))).toBe(false);
    expect(JSON.parse(readFileSync(join(home, 'decks', 'bazaar.json'), 'utf8'))).toMatchObject({ name: 'bazaar', slug: 'bazaar' });
  });

  it('a deck made under the new name after the kill keeps its notes, and the renamed ones join it', async () => {
    const home = await interrupted('journal');
    writeFileSync(join(home, 'other.txt'), '河边有一座小桥。\nThere is a small bridge by the river.\n');
    // As if another parley had imported it in the moment after the kill, before any command ran.
    cpSync(join(home, 'rename.pending'), join(home, 'saved.pending'));
    rmSync(join(home, 'rename.pending'));
    expect((await parleyIn(['import', join(home, 'other.txt'), '--deck', 'bazaar', '--suggest', '0'], { home, env })).code).toBe(0);
    cpSync(join(home, 'saved.pending'), join(home, 'rename.pending'));
    expect(await decks(home)).toMatchObject([{ slug: 'bazaar', suspended: 4 }]);
    const notes = JSON.parse(readFileSync(join(home, 'decks', 'bazaar.json'), 'utf8')).notes;
    expect(notes).toHaveLength(11);
  });

  it.each([
    ['a negative place', { offset: -5, line: 1 }],
    ['a place mid-line', { offset: 30, line: 2 }],
    ['a place past the end', { offset: 10_000_000, line: 9 }],
  ])('a marker with %s is named as damaged in one line, the journal left alone', async (_what, mark) => {
    const home = await studiedHome();
    const journal = journalOf(home);
    const journalBefore = readFileSync(journal, 'utf8');
    writeFileSync(join(home, 'rename.pending'), JSON.stringify({ id: 'x1', from: 'market', to: 'bazaar', name: 'bazaar', mark }));
    const result = await parleyIn(['decks'], { home, env });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/rename\.pending is damaged/);
    expect(readFileSync(journal, 'utf8')).toBe(journalBefore);
  });

  it('a re-run of the same rename finishes it and says the deck is already renamed', async () => {
    const home = await interrupted('journal');
    const again = await parleyIn(['deck', 'rename', 'market', 'bazaar'], { home, env });
    expect(again.code).toBe(1);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(await decks(home)).toMatchObject([{ slug: 'bazaar', suspended: 4 }]);
  });
});

function rename(home: string, to: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'deck', 'rename', 'market', to], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1', PARLEY_HOME: home, ...env },
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

function killed(home: string, delayMs: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'deck', 'rename', 'market', 'bazaar'], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1', PARLEY_HOME: home, ...env }, stdio: 'ignore',
    });
    setTimeout(() => child.kill('SIGKILL'), delayMs);
    child.on('exit', () => resolve());
  });
}

describe('renames racing and killed', () => {
  it('two renames at once: one wins, the other says so in one line', async () => {
    for (let round = 0; round < 6; round++) {
      const home = await studiedHome();
      const results = await Promise.all([rename(home, 'left'), rename(home, 'right')]);
      expect(results.map((r) => r.code).sort()).toEqual([0, 1]);
      const loser = results.find((r) => r.code === 1)!;
      expect(loser.stderr.trim().split('\n')).toHaveLength(1);
      expect(loser.stderr).toMatch(/^parley: no deck named "market"/);
      const left = await decks(home);
      expect(left).toHaveLength(1);
      expect(left[0]!.suspended).toBe(4);
    }
  }, 120_000);

  it('killed at random moments: afterwards exactly one deck, with its history', async () => {
    const template = await studiedHome();
    for (let round = 0; round < 12; round++) {
      const home = join(tempHome(), 'home');
      copyHome(template, home);
      await killed(home, 40 + round * 15);
      const after = await decks(home);
      expect(after, `kill after ${40 + round * 15} ms`).toHaveLength(1);
      expect(after[0]!.suspended).toBe(4);
      rmSync(home, { recursive: true, force: true });
    }
  }, 120_000);
});
