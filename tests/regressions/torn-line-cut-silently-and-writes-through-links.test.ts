// Attack (issue 10, item 11): a last journal line that is not an entry and has no newline (the
// mark of a write cut short) was cut off by `suspend` and `deck rename` without a word — only
// `decks` warned about it. And through a journal that is a symbolic link, parley appended its
// history to (and cut the last line of) a file outside its home; settings and state files that are
// links had conf replace the file they point to.
// Fix: the store's warnings are printed by every command, writing ones included; the journal is
// never opened through a symbolic link (refused in one line, for reading and writing alike);
// settings and state files that are links are refused before conf writes; the lock's pid file and
// writeFileAtomic's temp file are created afresh, never opened through a link left at their name.
import { mkdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/store/atomic.js';
import { withLock } from '../../src/store/lock.js';
import { tempHome } from '../helpers/cli.js';
import { journalOf } from '../helpers/journal.js';
import { parleyIn } from '../helpers/in-process.js';
import { makeHome } from '../helpers/home-fixture.js';

const NOW = '2026-11-29T10:00:00.000Z';
const FOREIGN = '今天的会议改到下午三点。\nThe meeting moved to three this afternoon.\nno newline at the end';

async function home(): Promise<{ home: string; journal: string; noteId: string }> {
  const root = tempHome();
  await makeHome(root, { decks: 1, notesPerDeck: 20, reviewed: 10, now: new Date(NOW) });
  const noteId = JSON.parse(readFileSync(join(root, 'decks', 'deck-0.json'), 'utf8')).notes[15].id as string;
  return { home: root, journal: journalOf(root), noteId };
}

describe('a torn last journal line is never cut without a word', () => {
  for (const [name, args] of [
    ['suspend', (id: string) => ['suspend', id]],
    ['deck rename', () => ['deck', 'rename', 'deck-0', 'renamed']],
  ] as const) {
    it(`${name} warns in one line that it dropped the torn line, and keeps every whole line`, async () => {
      const { home: root, journal, noteId } = await home();
      const whole = readFileSync(journal);
      writeFileSync(journal, Buffer.concat([whole, Buffer.from('{"type":"review","id":"cut-sh')]));
      const result = await parleyIn(args(noteId), { home: root, env: { PARLEY_NOW: NOW } });
      expect(result.code, result.stderr).toBe(0);
      const warnings = result.stderr.trim().split('\n');
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(`torn last line of ${journal}`);
      expect(readFileSync(journal).subarray(0, whole.length).equals(whole)).toBe(true);
    });
  }
});

describe('parley never writes through a symbolic link', () => {
  it('refuses a journal that is a link, for reading and writing, and leaves the file it points to alone', async () => {
    const { home: root, journal, noteId } = await home();
    const outside = join(tempHome(), 'notes.txt');
    writeFileSync(outside, FOREIGN);
    renameSync(journal, `${journal}.real`);
    symlinkSync(outside, journal);
    for (const args of [['suspend', noteId], ['decks', '--json'], ['stats', '--json']]) {
      const result = await parleyIn(args, { home: root, env: { PARLEY_NOW: NOW } });
      expect(result.code, `${args[0]}: ${result.stderr}`).toBe(1);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/^parley: .*journal\/[a-z0-9-]+\.jsonl is a symbolic link — /);
    }
    expect(readFileSync(outside, 'utf8')).toBe(FOREIGN);
  });

  it('refuses to write a settings file that is a link', async () => {
    const root = tempHome();
    const outside = join(tempHome(), 'settings.json');
    writeFileSync(outside, '{"newPerDay": 12}\n');
    symlinkSync(outside, join(root, 'settings.json'));
    const result = await parleyIn(['config', 'set', 'newPerDay', '25'], { home: root });
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/settings\.json is a symbolic link — /);
    expect(readFileSync(outside, 'utf8')).toBe('{"newPerDay": 12}\n');
  });

  it('creates the lock pid file and the atomic temp file afresh, never through a link at their names', () => {
    const root = tempHome();
    const outside = join(tempHome(), 'precious.txt');
    writeFileSync(outside, FOREIGN);
    symlinkSync(outside, join(root, `.lock.${process.pid}`));
    expect(withLock(join(root, '.lock'), () => 'held')).toBe('held');
    mkdirSync(join(root, 'decks'));
    symlinkSync(outside, join(root, 'decks', `.d.json.${process.pid}.tmp`));
    writeFileAtomic(join(root, 'decks', 'd.json'), '{}\n');
    expect(readFileSync(join(root, 'decks', 'd.json'), 'utf8')).toBe('{}\n');
    expect(readFileSync(outside, 'utf8')).toBe(FOREIGN);
  });
});
