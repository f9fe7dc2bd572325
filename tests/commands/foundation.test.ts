// The CLI frame, config, damaged files and the state file, run in-process through the real
// command tree (tests/helpers/in-process.ts): what each command prints and the exit code it ends with.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DECK_FORMAT } from '../../src/core/deck/note.js';
import { serialiseDeck } from '../../src/core/deck/file.js';
import { OutputClosed } from '../../src/ui/io.js';
import { createTestIO } from '../helpers/test-io.js';
import { bundleHelper, tempHome } from '../helpers/cli.js';
import { fakeNote, makeHome } from '../helpers/home-fixture.js';
import { journalOf } from '../helpers/journal.js';
import { parleyIn } from '../helpers/in-process.js';

function oneLine(stderr: string): string {
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^parley: .+ — .+/);
  return lines[0]!;
}

describe('the CLI frame', () => {
  it('prints help with examples', async () => {
    const help = await parleyIn(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain('parley import article.txt');
    // A command group run bare shows its help, on stdout, as bare `parley` does.
    const group = await parleyIn(['deck']);
    expect(group).toMatchObject({ code: 0, stderr: '' });
    expect(group.stdout).toContain('parley deck rename');
  });

  it('exits 2 with one line for an unknown command or option', async () => {
    const command = await parleyIn(['fly']);
    expect(command.code).toBe(2);
    expect(oneLine(command.stderr)).toContain("unknown command 'fly'");
    const option = await parleyIn(['decks', '--fast']);
    expect(option.code).toBe(2);
    expect(oneLine(option.stderr)).toContain("unknown option '--fast'");
  });

  it('exits 1 with one line when --home is a file', async () => {
    const dir = tempHome();
    const file = join(dir, 'not-a-dir');
    writeFileSync(file, 'x');
    const result = await parleyIn(['--home', file, 'config', 'set', 'newPerDay', '5']);
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toContain('is a file, not a directory');
    expect(readFileSync(file, 'utf8')).toBe('x');
  });

  it('tells a newcomer how to start on an empty home', async () => {
    const home = join(tempHome(), 'fresh');
    const result = await parleyIn(['decks'], { home });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('parley review');
    expect(result.stdout).toContain('parley import');
    expect(JSON.parse((await parleyIn(['decks', '--json'], { home })).stdout)).toEqual([]);
  });

  it('ends with 0, saying nothing, when the reader of its output went away', async () => {
    const gone = () => {
      throw new OutputClosed();
    };
    for (const args of [['decks', '--json'], ['--help'], ['--version']]) {
      const io = { ...createTestIO(), write: gone, out: gone };
      expect(await parleyIn(args, { home: tempHome(), io })).toEqual({ code: 0, stdout: '', stderr: '' });
    }
  });

  it('rejects a bad PARLEY_NOW in one line', async () => {
    const result = await parleyIn(['decks'], { home: tempHome(), env: { PARLEY_NOW: 'yesterday' } });
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toContain('PARLEY_NOW');
  });
});

describe('config', () => {
  it('lists, gets and sets with validation', async () => {
    const home = tempHome();
    expect((await parleyIn(['config', 'get', 'newPerDay'], { home })).stdout.trim()).toBe('20');
    expect((await parleyIn(['config', 'set', 'desiredRetention', '0.92'], { home })).code).toBe(0);
    expect((await parleyIn(['config', 'get', 'desiredRetention'], { home })).stdout.trim()).toBe('0.92');
    const listed = JSON.parse((await parleyIn(['config', 'list', '--json'], { home })).stdout);
    expect(listed).toMatchObject({ desiredRetention: 0.92, newPerDay: 20, dayStartsAt: 4, direction: 'both' });
    // Set only by `parley optimize --apply`, but asked about.
    expect((await parleyIn(['config', 'get', 'fsrsWeights'], { home })).stdout).toMatch(/^default/);
  });

  it.each([
    ['desiredRetention', '0.5', '0.70 to 0.99'],
    ['desiredRetention', 'high', '0.70 to 0.99'],
    ['dayStartsAt', '24', '0 to 23'],
    ['direction', 'sideways', 'zh-en, en-zh or both'],
    ['newPerDay', '-3', 'whole number'],
    ['showPinyin', 'maybe', 'true or false'],
  ])('refuses %s=%s naming the allowed range', async (key, value, allowed) => {
    const home = tempHome();
    const result = await parleyIn(['config', 'set', key, value], { home });
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toContain(allowed);
  });

  it('refuses an unknown key', async () => {
    const result = await parleyIn(['config', 'set', 'colour', 'blue'], { home: tempHome() });
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toContain('unknown setting "colour"');
  });
});

describe('damaged files are refused and kept', () => {
  it('a corrupt settings file', async () => {
    const home = tempHome();
    const file = join(home, 'settings.json');
    writeFileSync(file, '{"newPerDay": 20,,,');
    const result = await parleyIn(['config', 'set', 'newPerDay', '5'], { home });
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toContain(file);
    expect(readFileSync(file, 'utf8')).toBe('{"newPerDay": 20,,,');
  });

  it('a hand-broken settings value', async () => {
    const home = tempHome();
    const file = join(home, 'settings.json');
    writeFileSync(file, '{"desiredRetention": 5}');
    const result = await parleyIn(['config', 'list'], { home });
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toContain('settings.json has a wrong value');
    expect(readFileSync(file, 'utf8')).toBe('{"desiredRetention": 5}');
  });

  it('a damaged state file is rebuilt from the journal, with a warning; with no journal it is refused and kept', async () => {
    const home = tempHome();
    await makeHome(home, { decks: 1, notesPerDeck: 5, reviewed: 3, now: new Date('2026-11-29T10:00:00Z') });
    const file = join(home, 'state.json');
    const before = (await parleyIn(['decks', '--json'], { home })).stdout;
    writeFileSync(file, '{"cards": {');
    const rebuilt = await parleyIn(['decks', '--json'], { home });
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stderr).toBe(`parley: ${file} is not valid JSON (line 1): rebuilt it from the journal\n`);
    expect(rebuilt.stdout).toBe(before);
    expect(JSON.parse(readFileSync(file, 'utf8')).format).toBe('parley-state/2');

    writeFileSync(file, '{"cards": {');
    rmSync(journalOf(home));
    const refused = await parleyIn(['decks'], { home });
    expect(refused.code).toBe(1);
    expect(oneLine(refused.stderr)).toContain(`${file} is not valid JSON (line 1), and there is no journal to rebuild it from`);
    expect(readFileSync(file, 'utf8')).toBe('{"cards": {');
  });

  it('a broken deck file names file:line', async () => {
    const home = tempHome();
    mkdirSync(join(home, 'decks'));
    const notes = [fakeNote(0, 0), { ...fakeNote(0, 1), en: '' }];
    const text = serialiseDeck({ format: DECK_FORMAT, name: 'Broken', slug: 'broken', source: { sha256: 'x' }, notes });
    const file = join(home, 'decks', 'broken.json');
    writeFileSync(file, text);
    const result = await parleyIn(['decks'], { home });
    expect(result.code).toBe(1);
    const line = text.split('\n').findIndex((l) => l.includes(notes[1]!.id)) + 1;
    expect(oneLine(result.stderr)).toContain(`${file}:${line}: note ${notes[1]!.id}: "en" must be non-empty text`);
    expect(readFileSync(file, 'utf8')).toBe(text);

    writeFileSync(file, '{\n  "format": "parley-deck/1",\n  "name": "x"\n  "slug": "x"\n}\n');
    expect(oneLine((await parleyIn(['decks'], { home })).stderr)).toContain(`${file}:4: not valid JSON`);
  });

  it('a garbled journal line names file:line; a torn last line is dropped with a warning', async () => {
    const home = tempHome();
    await makeHome(home, { decks: 1, notesPerDeck: 5, reviewed: 3, now: new Date('2026-11-29T10:00:00Z') });
    const journal = journalOf(home);
    const good = readFileSync(journal, 'utf8');
    writeFileSync(journal, `${good}{"type": "review", "id": "torn`);
    const torn = await parleyIn(['decks', '--json'], { home });
    expect(torn.code).toBe(0);
    expect(torn.stderr).toContain('torn last line');
    expect(JSON.parse(torn.stdout)[0].review).toBe(3);

    // Without the state file the state is rebuilt from the whole journal, which must then be readable.
    rmSync(join(home, 'state.json'));
    writeFileSync(journal, good);
    expect(JSON.parse((await parleyIn(['decks', '--json'], { home })).stdout)[0].review).toBe(3);
    const lines = good.split('\n');
    lines[1] = 'garbage';
    rmSync(join(home, 'state.json'));
    writeFileSync(journal, lines.join('\n'));
    const broken = await parleyIn(['decks'], { home });
    expect(broken.code).toBe(1);
    expect(oneLine(broken.stderr)).toContain(`${journal}:2: not a review journal entry`);
  });
});

describe('the state file', () => {
  it('gives the same counts as a full read, and notices grades, edits and damage', async () => {
    const home = tempHome();
    const now = new Date('2026-11-29T10:00:00Z');
    await makeHome(home, { decks: 2, notesPerDeck: 30, reviewed: 0, now });
    const env = { PARLEY_NOW: now.toISOString(), TZ: 'UTC' };
    const decks = async () => JSON.parse((await parleyIn(['decks', '--json'], { home, env })).stdout);
    const first = await decks();
    expect(Object.keys(JSON.parse(readFileSync(join(home, 'state.json'), 'utf8')).decks)).toEqual(['deck-0', 'deck-1']);
    expect(await decks()).toEqual(first);

    const grader = await bundleHelper('grader');
    await new Promise((resolve) => spawn(process.execPath, [grader, home, 'deck-0', '3', 'c']).on('exit', resolve));
    const graded = await decks();
    expect(first[0]).toMatchObject({ new: 60, review: 0 });
    expect(graded[0]).toMatchObject({ new: 57, review: 3 });
    expect(graded[1]).toEqual(first[1]);

    writeFileSync(join(home, 'state.json'), '{"format": "parley-state/1", "decks": 7}');
    expect(await decks()).toEqual(graded);
    rmSync(join(home, 'decks', 'deck-1.json'));
    expect(await decks()).toHaveLength(1);
  });
});

