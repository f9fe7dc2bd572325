import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parley, ROOT, tempHome } from '../helpers/cli.js';
import { journalLines } from '../helpers/journal.js';
import { runInTerminal } from '../helpers/pty.js';

const SAMPLE = join(ROOT, 'decks', 'morning-market.txt');
const FIXTURE = join(ROOT, 'tests', 'fixtures', 'articles', 'dumplings-zh-en-annotated', 'article.txt');
const MONDAY = '2026-11-30T09:00:00.000Z';
const LATER = '2026-11-30T09:05:00.000Z';

/** The first frame `parley review` draws; the session is quit at once. */
async function firstFrame(home: string, args: string[] = []): Promise<string> {
  const term = runInTerminal(['review', ...args], { PARLEY_HOME: home, PARLEY_NOW: LATER, NO_COLOR: '1', TZ: 'UTC' });
  await term.waitFor('q quit');
  const frame = term.output().split('q quit')[0]!;
  term.type('q');
  expect(await term.exited).toBe(0);
  return frame;
}

describe('starting a review from the state file', () => {
  it('shows the card and counts the whole journal gives, changes since the last save included', async () => {
    const home = tempHome();
    expect(parley(['import', SAMPLE], { home }).status).toBe(0);
    expect(parley(['import', FIXTURE], { home }).status).toBe(0);
    const file = join(home, 'state.json');
    expect(existsSync(file)).toBe(true);

    // A session over every deck grading three new cards.
    const term = runInTerminal(['review'], { PARLEY_HOME: home, PARLEY_NOW: MONDAY, NO_COLOR: '1', TZ: 'UTC' });
    for (const grade of ['1', '3', '3']) {
      await term.waitFor('q quit');
      term.mark();
      term.type(' ');
      await term.waitFor('3 Good');
      term.mark();
      term.type(grade);
    }
    await term.waitFor('q quit');
    term.type('q');
    expect(await term.exited).toBe(0);

    // A change since: the next new card's note is suspended.
    const journal = journalLines(home).map((l) => JSON.parse(l) as { cardId: string });
    const graded = new Set(journal.map((e) => e.cardId.split(':')[0]));
    const decks = JSON.parse(parley(['show', 'morning-market', '--json'], { home }).stdout) as { notes: { id: string }[] };
    const untouched = decks.notes.find((n) => !graded.has(n.id))!;
    expect(parley(['suspend', untouched.id], { home }).status).toBe(0);

    const fromState = await firstFrame(home);
    const oneDeck = await firstFrame(home, ['morning-market']);
    // The same home with no state file: everything rebuilt from the journal and the deck files.
    rmSync(file);
    expect(await firstFrame(home)).toBe(fromState);
    rmSync(file);
    expect(await firstFrame(home, ['morning-market'])).toBe(oneDeck);
    // The three cards graded minutes ago are learning cards now; the suspended note is out of the new count.
    expect(fromState).toMatch(/learn 3/);
  }, 90_000);

  it('a deck file changed behind its back is read anew: the state file cannot show a note that is gone', async () => {
    const home = tempHome();
    expect(parley(['import', SAMPLE], { home }).status).toBe(0);
    const before = await firstFrame(home);
    const path = join(home, 'decks', 'morning-market.json');
    const deck = JSON.parse(readFileSync(path, 'utf8'));
    const first = deck.notes.reduce((a: { order: number }, b: { order: number }) => (b.order < a.order ? b : a));
    deck.notes = deck.notes.filter((n: unknown) => n !== first);
    writeFileSync(path, `${JSON.stringify(deck, null, 2)}\n`);
    const after = await firstFrame(home);
    expect(after).not.toBe(before);
    rmSync(join(home, 'state.json'));
    expect(await firstFrame(home)).toBe(after);
  }, 90_000);
});
