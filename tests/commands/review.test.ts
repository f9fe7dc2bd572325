// `parley review` in-process: a scripted prompter answers the sample-deck question and keys are typed
// into the test IO's standard input, read by the same key reader a terminal's keys go through. The
// review screen on a real terminal (resizing, Ctrl+Z, two sessions at once) is in tests/e2e.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJournal } from '../../src/store/journal.js';
import { ROOT, tempHome } from '../helpers/cli.js';
import { parleyIn } from '../helpers/in-process.js';
import { journalOf } from '../helpers/journal.js';

const SAMPLE = join(ROOT, 'decks', 'morning-market.txt');
const MONDAY = '2026-11-30T09:00:00.000Z';
const env = { PARLEY_NOW: MONDAY };
const SAMPLE_QUESTION = /^No decks yet\. Add the sample deck "morning-market" \(10 notes\) and review it\?$/;

describe('parley review', () => {
  it('grades with single keys and says what was done', async () => {
    const home = tempHome();
    expect((await parleyIn(['import', SAMPLE], { home })).code).toBe(0);
    // Reveal, Good; reveal, Easy; quit.
    const result = await parleyIn(['review', '--direction', 'zh-en', '--new', '3'], { home, env, terminal: { isTTY: true, input: ' 3 4q' } });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('每天清晨六点');
    expect(result.stdout).toMatch(/cards done\s+2/);
    expect(readJournal(journalOf(home)).entries.map((e) => e.entry.type === 'review' && e.entry.rating)).toEqual([3, 4]);
  });

  it('offers the sample deck on an empty home, and reviews it when the answer is yes', async () => {
    const home = join(tempHome(), 'new-home');
    const answers = [{ message: SAMPLE_QUESTION, answer: true }];
    const result = await parleyIn(['review'], { home, env, answers, terminal: { isTTY: true, input: ' 3q' } });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/cards done\s+1/);
    expect(JSON.parse((await parleyIn(['decks', '--json'], { home })).stdout)[0]).toMatchObject({ slug: 'morning-market', notes: 10 });
    expect(readJournal(journalOf(home)).entries).toHaveLength(1);
  });

  it('writes nothing when the sample deck is declined', async () => {
    const home = join(tempHome(), 'new-home');
    const answers = [{ message: SAMPLE_QUESTION, answer: false }];
    const result = await parleyIn(['review'], { home, env, answers, terminal: { isTTY: true } });
    expect(result).toEqual({ code: 0, stdout: 'Nothing to review. Make a deck with `parley import article.txt`.\n', stderr: '' });
    expect(existsSync(home)).toBe(false);
  });

  it('refuses without a terminal in one line', async () => {
    const home = tempHome();
    await parleyIn(['import', SAMPLE], { home });
    const result = await parleyIn(['review'], { home });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(/^parley: review needs an interactive terminal — .+$/);
  });

  it('rejects bad options as usage errors', async () => {
    const result = await parleyIn(['review', '--direction', 'up'], { home: tempHome() });
    expect(result.code).toBe(2);
    expect((await parleyIn(['review', '--new', 'lots'], { home: tempHome() })).code).toBe(2);
  });

  it('the shipped sample deck is what importing its article gives today', async () => {
    const home = tempHome();
    await parleyIn(['import', SAMPLE], { home });
    const imported = JSON.parse(readFileSync(join(home, 'decks', 'morning-market.json'), 'utf8'));
    const shipped = JSON.parse(readFileSync(join(ROOT, 'decks', 'morning-market.json'), 'utf8'));
    expect(shipped.notes).toEqual(imported.notes);
  });
});
