import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parley, ROOT, tempHome } from '../helpers/cli.js';
import { journalLines } from '../helpers/journal.js';
import { runInTerminal } from '../helpers/pty.js';

const SAMPLE = join(ROOT, 'decks', 'morning-market.txt');
const MONDAY = '2026-11-30T09:00:00.000Z';
const NEXT_MONDAY = '2026-12-07T09:00:00.000Z';

function journal(home: string) {
  return journalLines(home).map((l) => JSON.parse(l));
}

describe('parley review in a terminal', () => {
  it('reviews with single keys, keeps every grade, and brings the cards back a week later', async () => {
    const home = tempHome();
    expect(parley(['import', SAMPLE], { home }).status).toBe(0);
    const env = { PARLEY_HOME: home, PARLEY_NOW: MONDAY, NO_COLOR: '1', TZ: 'UTC' };
    const term = runInTerminal(['review', '--direction', 'zh-en', '--new', '3'], env);
    // The whole first frame: the header, then the prompt (a frame can reach the pty in pieces).
    await term.waitFor(/new 3[\s\S]*每天清晨六点/);
    for (let i = 0; i < 3; i++) {
      term.mark();
      term.type(' ');
      await term.waitFor(/1 Again \S+\s+2 Hard \S+\s+3 Good \S+\s+4 Easy \S+/);
      term.mark();
      term.type(i === 1 ? '4' : '3');
      // The grade is on disk before the next card is drawn.
      await term.waitFor(i < 2 ? /new \d/ : /cards done|learn/);
      expect(journal(home)).toHaveLength(i + 1);
    }
    term.type('q');
    expect(await term.exited).toBe(0);
    expect(term.output()).toMatch(/cards done\s+3/);
    const entries = journal(home);
    expect(entries.map((e) => e.rating)).toEqual([3, 4, 3]);
    expect(entries.every((e) => e.type === 'review' && e.before === null && e.cardId.endsWith(':zh-en'))).toBe(true);

    const week = JSON.parse(parley(['decks', '--json'], { home, env: { PARLEY_NOW: NEXT_MONDAY, TZ: 'UTC' } }).stdout)[0];
    expect(week).toMatchObject({ new: 18, dueToday: 3 });
    const later = runInTerminal(['review', '--direction', 'zh-en', '--new', '0'], { ...env, PARLEY_NOW: NEXT_MONDAY });
    // Good on a new card leaves it in learning (10 min step); Easy graduates it to review.
    await later.waitFor(/learn 2\s+due 1/);
    later.type('q');
    expect(await later.exited).toBe(0);
  }, 60_000);

  it('undo takes back the last grade on screen and in the journal', async () => {
    const home = tempHome();
    parley(['import', SAMPLE], { home });
    const term = runInTerminal(['review', '--direction', 'zh-en', '--new', '2'], { PARLEY_HOME: home, PARLEY_NOW: MONDAY, NO_COLOR: '1' });
    await term.waitFor('new 2');
    term.type(' ');
    await term.waitFor('3 Good');
    term.mark();
    term.type('3');
    await term.waitFor('new 1');
    term.mark();
    term.type('u');
    await term.waitFor('new 2');
    term.type('q');
    expect(await term.exited).toBe(0);
    const entries = journal(home);
    expect(entries.map((e) => e.type)).toEqual(['review', 'undo']);
    expect(JSON.parse(parley(['decks', '--json'], { home, env: { PARLEY_NOW: MONDAY } }).stdout)[0].new).toBe(21);
  }, 60_000);

  it('two sessions on the same deck in two terminals lose nothing of either', async () => {
    const home = tempHome();
    parley(['import', SAMPLE], { home });
    const env = { PARLEY_HOME: home, PARLEY_NOW: MONDAY, NO_COLOR: '1' };
    const a = runInTerminal(['review', '--direction', 'zh-en', '--new', '4'], env);
    const b = runInTerminal(['review', '--direction', 'zh-en', '--new', '4'], env);
    await a.waitFor('new 4');
    await b.waitFor('new 4');
    // Both show the same first card. A grades it first; B's grade of it is refused, B is told,
    // and B goes on with the next card.
    for (const term of [a, b]) {
      term.mark();
      term.type(' ');
      await term.waitFor('3 Good');
      term.mark();
      term.type('3');
      await term.waitFor(/new \d/);
    }
    expect(b.output()).toMatch(/changed|another session/i);
    for (const term of [a, b]) {
      term.mark();
      term.type(' ');
      await term.waitFor('3 Good');
      term.mark();
      term.type('4');
      await term.waitFor(/new \d|cards done/);
    }
    a.type('q');
    b.type('q');
    expect(await a.exited).toBe(0);
    expect(await b.exited).toBe(0);
    const entries = journal(home).filter((e) => e.type === 'review');
    // Every acknowledged grade is in the journal once, and no card was graded twice from "new".
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    const fromNew = entries.filter((e) => e.before === null).map((e) => e.cardId);
    expect(new Set(fromNew).size).toBe(fromNew.length);
    expect(entries.length).toBeGreaterThanOrEqual(3);
  }, 60_000);

  it('--type: the typed answer is compared, a grade suggested, and enter accepts it', async () => {
    const home = tempHome();
    parley(['import', SAMPLE], { home });
    const term = runInTerminal(['review', '--type', '--direction', 'zh-en'], { PARLEY_HOME: home, PARLEY_NOW: MONDAY, NO_COLOR: '1' });
    await term.waitFor('Your answer');
    term.mark();
    term.type('Every morning at six the market on the old street comes alive\r');
    // A frame can reach the pty in pieces: wait for its last part, the suggested grade, too.
    await term.waitFor(/typed: .*\{\+to life\+\}[\s\S]*>2 Hard \S+</);
    term.mark();
    term.type('\r');
    await term.waitFor('Your answer');
    expect(journal(home).map((e) => e.rating)).toEqual([2]);
    term.type('\x03');
    expect(await term.exited).toBe(0);
    expect(journal(home)).toHaveLength(1);
  }, 60_000);

  it('redraws to the new size when the terminal is resized', async () => {
    const home = tempHome();
    parley(['import', SAMPLE], { home });
    const term = runInTerminal(['review'], { PARLEY_HOME: home, PARLEY_NOW: MONDAY, NO_COLOR: '1' });
    await term.waitFor(/new \d+/);
    term.mark();
    term.pty.resize(50, 16);
    const frame = await term.waitFor(/-{50}/);
    expect(frame).not.toMatch(/-{51}/);
    term.type('q');
    expect(await term.exited).toBe(0);
  }, 60_000);

  it('Ctrl+C quits cleanly and keeps what was graded', async () => {
    const home = tempHome();
    parley(['import', SAMPLE], { home });
    const term = runInTerminal(['review'], { PARLEY_HOME: home, PARLEY_NOW: MONDAY, NO_COLOR: '1' });
    await term.waitFor(/new \d+/);
    term.type(' ');
    await term.waitFor('3 Good');
    term.type('3');
    await term.waitFor(/new \d+/);
    term.type('\x03');
    expect(await term.exited).toBe(0);
    expect(term.output()).not.toMatch(/Error|at .*\.js/);
    expect(journal(home)).toHaveLength(1);
  }, 60_000);

  it('offers the sample deck on an empty home', async () => {
    const home = join(tempHome(), 'new-home');
    const term = runInTerminal(['review'], { PARLEY_HOME: home, PARLEY_NOW: MONDAY, NO_COLOR: '1' });
    await term.waitFor('Add the sample deck');
    term.type('\r');
    await term.waitFor(/new \d+/);
    term.type('q');
    expect(await term.exited).toBe(0);
    expect(JSON.parse(parley(['decks', '--json'], { home }).stdout)[0].slug).toBe('morning-market');
  }, 60_000);
});
