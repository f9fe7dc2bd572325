// Found by an attacker (issue 10, item 4): renaming a deck while a review session was open on it
// orphaned the session's later grades: they were journalled under the old deck name, and the
// renamed deck showed stale due dates. The rename is now one journal line the session's store
// reads before its next grade, and grades made for the old name are recorded under the new one.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parley, ROOT, tempHome } from '../helpers/cli.js';
import { journalLines } from '../helpers/journal.js';
import { runInTerminal } from '../helpers/pty.js';

const SAMPLE = join(ROOT, 'decks', 'morning-market.txt');
const NOW = '2026-11-30T09:00:00.000Z';

const journal = (home: string) => journalLines(home).map((l) => JSON.parse(l));

/** Reveals the card on screen, grades it Good, and waits for the screen the grade leads to. */
function grader(term: ReturnType<typeof runInTerminal>) {
  return async (next: RegExp) => {
    term.mark();
    term.type(' ');
    await term.waitFor('3 Good');
    term.mark();
    term.type('3');
    await term.waitFor(next);
  };
}

describe('a deck renamed while a session is open on it', () => {
  it('takes the session\'s later grades with it', async () => {
    const home = tempHome();
    expect(parley(['import', SAMPLE, '--deck', 'market'], { home }).status).toBe(0);
    const env = { PARLEY_HOME: home, PARLEY_NOW: NOW, NO_COLOR: '1', TZ: 'UTC' };
    const term = runInTerminal(['review', 'market', '--direction', 'zh-en', '--new', '4'], env);
    await term.waitFor('new 4');
    const grade = grader(term);
    await grade(/new 3/);
    const renamed = parley(['deck', 'rename', 'market', 'bazaar'], { home, env: { PARLEY_NOW: NOW } });
    expect(renamed.stderr).toBe('');
    expect(renamed.status).toBe(0);
    await grade(/new 2/);
    await grade(/new 1/);
    term.type('q');
    expect(await term.exited).toBe(0);

    const reviews = journal(home).filter((e) => e.type === 'review');
    expect(reviews).toHaveLength(3);
    expect(reviews.map((e) => e.deck)).toEqual(['market', 'bazaar', 'bazaar']);
    const shown = JSON.parse(parley(['show', 'bazaar', '--json'], { home, env: { PARLEY_NOW: NOW } }).stdout);
    const studied = shown.notes.flatMap((n: { cards: { state: string }[] }) => n.cards).filter((c: { state: string }) => c.state !== 'new');
    expect(studied).toHaveLength(3);
    expect(JSON.parse(parley(['decks', '--json'], { home, env: { PARLEY_NOW: NOW } }).stdout)).toMatchObject([{ slug: 'bazaar', notes: 10, new: 18 }]);
  }, 60_000);

  it('follows two renames, and a rename back, made while it runs', async () => {
    const home = tempHome();
    expect(parley(['import', SAMPLE, '--deck', 'market'], { home }).status).toBe(0);
    const term = runInTerminal(['review', 'market', '--direction', 'zh-en', '--new', '5'], { PARLEY_HOME: home, PARLEY_NOW: NOW, NO_COLOR: '1', TZ: 'UTC' });
    await term.waitFor('new 5');
    const grade = grader(term);
    const rename = (from: string, to: string) => expect(parley(['deck', 'rename', from, to], { home, env: { PARLEY_NOW: NOW } }).status).toBe(0);
    await grade(/new 4/);
    rename('market', 'bazaar');
    rename('bazaar', 'souk');
    await grade(/new 3/);
    rename('souk', 'market');
    await grade(/new 2/);
    rename('market', 'fair');
    await grade(/new 1/);
    term.type('q');
    expect(await term.exited).toBe(0);
    const reviews = journal(home).filter((e) => e.type === 'review');
    expect(reviews.map((e) => e.deck)).toEqual(['market', 'souk', 'market', 'fair']);
    const shown = JSON.parse(parley(['show', 'fair', '--json'], { home, env: { PARLEY_NOW: NOW } }).stdout);
    expect(shown.notes.flatMap((n: { cards: { state: string }[] }) => n.cards).filter((c: { state: string }) => c.state !== 'new')).toHaveLength(4);
  }, 60_000);
});
