import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DECK_FORMAT } from '../../src/core/deck/note.js';
import { serialiseDeck } from '../../src/core/deck/file.js';
import { readJournal } from '../../src/store/journal.js';
import { Store } from '../../src/store/store.js';
import { bundleHelper, CLI, parley, ROOT, tempHome } from '../helpers/cli.js';
import { fakeNote, makeHome } from '../helpers/home-fixture.js';

function oneLine(stderr: string): string {
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^parley: .+ — .+/);
  return lines[0]!;
}

describe('the CLI frame', () => {
  it('prints its version and help with examples', () => {
    expect(parley(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = parley(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain('parley import article.txt');
  });

  it('exits 2 with one line for an unknown command or option', () => {
    const command = parley(['fly']);
    expect(command.status).toBe(2);
    expect(oneLine(command.stderr)).toContain("unknown command 'fly'");
    const option = parley(['decks', '--fast']);
    expect(option.status).toBe(2);
    expect(oneLine(option.stderr)).toContain("unknown option '--fast'");
  });

  it('exits 1 with one line when --home is a file', () => {
    const dir = tempHome();
    const file = join(dir, 'not-a-dir');
    writeFileSync(file, 'x');
    const result = parley(['--home', file, 'config', 'set', 'newPerDay', '5']);
    expect(result.status).toBe(1);
    expect(oneLine(result.stderr)).toContain('is a file, not a directory');
    expect(readFileSync(file, 'utf8')).toBe('x');
  });

  it('tells a newcomer how to start on an empty home', () => {
    const home = join(tempHome(), 'fresh');
    const result = parley(['decks'], { home });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('parley review');
    expect(result.stdout).toContain('parley import');
    expect(JSON.parse(parley(['decks', '--json'], { home }).stdout)).toEqual([]);
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

  it('rejects a bad PARLEY_NOW in one line', () => {
    const result = parley(['decks'], { home: tempHome(), env: { PARLEY_NOW: 'yesterday' } });
    expect(result.status).toBe(1);
    expect(oneLine(result.stderr)).toContain('PARLEY_NOW');
  });
});

describe('config', () => {
  it('lists, gets and sets with validation', () => {
    const home = tempHome();
    expect(parley(['config', 'get', 'newPerDay'], { home }).stdout.trim()).toBe('20');
    expect(parley(['config', 'set', 'desiredRetention', '0.92'], { home }).status).toBe(0);
    expect(parley(['config', 'get', 'desiredRetention'], { home }).stdout.trim()).toBe('0.92');
    const listed = JSON.parse(parley(['config', 'list', '--json'], { home }).stdout);
    expect(listed).toMatchObject({ desiredRetention: 0.92, newPerDay: 20, dayStartsAt: 4, direction: 'both' });
    // Set only by `parley optimize --apply`, but asked about.
    expect(parley(['config', 'get', 'fsrsWeights'], { home }).stdout).toMatch(/^default/);
  });

  it.each([
    ['desiredRetention', '0.5', '0.70 to 0.99'],
    ['desiredRetention', 'high', '0.70 to 0.99'],
    ['dayStartsAt', '24', '0 to 23'],
    ['direction', 'sideways', 'zh-en, en-zh or both'],
    ['newPerDay', '-3', 'whole number'],
    ['showPinyin', 'maybe', 'true or false'],
  ])('refuses %s=%s naming the allowed range', (key, value, allowed) => {
    const home = tempHome();
    const result = parley(['config', 'set', key, value], { home });
    expect(result.status).toBe(1);
    expect(oneLine(result.stderr)).toContain(allowed);
  });

  it('refuses an unknown key', () => {
    const result = parley(['config', 'set', 'colour', 'blue'], { home: tempHome() });
    expect(result.status).toBe(1);
    expect(oneLine(result.stderr)).toContain('unknown setting "colour"');
  });
});

describe('damaged files are refused and kept', () => {
  it('a corrupt settings file', () => {
    const home = tempHome();
    const file = join(home, 'settings.json');
    writeFileSync(file, '{"newPerDay": 20,,,');
    const result = parley(['config', 'set', 'newPerDay', '5'], { home });
    expect(result.status).toBe(1);
    expect(oneLine(result.stderr)).toContain(file);
    expect(readFileSync(file, 'utf8')).toBe('{"newPerDay": 20,,,');
  });

  it('a hand-broken settings value', () => {
    const home = tempHome();
    const file = join(home, 'settings.json');
    writeFileSync(file, '{"desiredRetention": 5}');
    const result = parley(['config', 'list'], { home });
    expect(result.status).toBe(1);
    expect(oneLine(result.stderr)).toContain('settings.json has a wrong value');
    expect(readFileSync(file, 'utf8')).toBe('{"desiredRetention": 5}');
  });

  it('a damaged state file is rebuilt from the journal, with a warning; with no journal it is refused and kept', async () => {
    const home = tempHome();
    await makeHome(home, { decks: 1, notesPerDeck: 5, reviewed: 3, now: new Date('2026-11-29T10:00:00Z') });
    const file = join(home, 'state.json');
    const before = parley(['decks', '--json'], { home }).stdout;
    writeFileSync(file, '{"cards": {');
    const rebuilt = parley(['decks', '--json'], { home });
    expect(rebuilt.status).toBe(0);
    expect(rebuilt.stderr).toBe(`parley: ${file} is not valid JSON (line 1): rebuilt it from the journal\n`);
    expect(rebuilt.stdout).toBe(before);
    expect(JSON.parse(readFileSync(file, 'utf8')).format).toBe('parley-state/1');

    writeFileSync(file, '{"cards": {');
    rmSync(join(home, 'journal.jsonl'));
    const refused = parley(['decks'], { home });
    expect(refused.status).toBe(1);
    expect(oneLine(refused.stderr)).toContain(`${file} is not valid JSON (line 1), and there is no journal to rebuild it from`);
    expect(readFileSync(file, 'utf8')).toBe('{"cards": {');
  });

  it('a broken deck file names file:line', () => {
    const home = tempHome();
    mkdirSync(join(home, 'decks'));
    const notes = [fakeNote(0, 0), { ...fakeNote(0, 1), en: '' }];
    const text = serialiseDeck({ format: DECK_FORMAT, name: 'Broken', slug: 'broken', source: { sha256: 'x' }, notes });
    const file = join(home, 'decks', 'broken.json');
    writeFileSync(file, text);
    const result = parley(['decks'], { home });
    expect(result.status).toBe(1);
    const line = text.split('\n').findIndex((l) => l.includes(notes[1]!.id)) + 1;
    expect(oneLine(result.stderr)).toContain(`${file}:${line}: note ${notes[1]!.id}: "en" must be non-empty text`);
    expect(readFileSync(file, 'utf8')).toBe(text);

    writeFileSync(file, '{\n  "format": "parley-deck/1",\n  "name": "x"\n  "slug": "x"\n}\n');
    expect(oneLine(parley(['decks'], { home }).stderr)).toContain(`${file}:4: not valid JSON`);
  });

  it('a garbled journal line names file:line; a torn last line is dropped with a warning', async () => {
    const home = tempHome();
    await makeHome(home, { decks: 1, notesPerDeck: 5, reviewed: 3, now: new Date('2026-11-29T10:00:00Z') });
    const journal = join(home, 'journal.jsonl');
    const good = readFileSync(journal, 'utf8');
    writeFileSync(journal, `${good}{"type": "review", "id": "torn`);
    const torn = parley(['decks', '--json'], { home });
    expect(torn.status).toBe(0);
    expect(torn.stderr).toContain('torn last line');
    expect(JSON.parse(torn.stdout)[0].review).toBe(3);

    // Without the state file the state is rebuilt from the whole journal, which must then be readable.
    rmSync(join(home, 'state.json'));
    writeFileSync(journal, good);
    expect(JSON.parse(parley(['decks', '--json'], { home }).stdout)[0].review).toBe(3);
    rmSync(join(home, 'state.json'));
    const lines = good.split('\n');
    lines[1] = 'garbage';
    writeFileSync(journal, lines.join('\n'));
    const broken = parley(['decks'], { home });
    expect(broken.status).toBe(1);
    expect(oneLine(broken.stderr)).toContain(`${journal}:2: not a review journal entry`);
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

describe('the state file', () => {
  it('gives the same counts as a full read, and notices grades, edits and damage', async () => {
    const home = tempHome();
    const now = new Date('2026-11-29T10:00:00Z');
    await makeHome(home, { decks: 2, notesPerDeck: 30, reviewed: 0, now });
    const env = { PARLEY_NOW: now.toISOString(), TZ: 'UTC' };
    const decks = () => JSON.parse(parley(['decks', '--json'], { home, env }).stdout);
    const first = decks();
    expect(Object.keys(JSON.parse(readFileSync(join(home, 'state.json'), 'utf8')).decks)).toEqual(['deck-0', 'deck-1']);
    expect(decks()).toEqual(first);

    const grader = await bundleHelper('grader');
    await new Promise((resolve) => spawn(process.execPath, [grader, home, 'deck-0', '3', 'c']).on('exit', resolve));
    const graded = decks();
    expect(first[0]).toMatchObject({ new: 60, review: 0 });
    expect(graded[0]).toMatchObject({ new: 57, review: 3 });
    expect(graded[1]).toEqual(first[1]);

    writeFileSync(join(home, 'state.json'), '{"format": "parley-state/1", "decks": 7}');
    expect(decks()).toEqual(graded);
    rmSync(join(home, 'decks', 'deck-1.json'));
    expect(decks()).toHaveLength(1);
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
    const entries = readJournal(join(home, 'journal.jsonl')).entries.map((p) => p.entry);
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
