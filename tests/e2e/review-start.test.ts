import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parley, ROOT, tempHome } from '../helpers/cli.js';
import { runInTerminal } from '../helpers/pty.js';

const SAMPLE = join(ROOT, 'decks', 'morning-market.txt');
const FIXTURE = join(ROOT, 'tests', 'fixtures', 'articles', 'dumplings-zh-en-annotated', 'article.txt');
const MONDAY = '2026-11-30T09:00:00.000Z';
const LATER = '2026-11-30T09:05:00.000Z';

/** The first frame `parley review` draws, whether it drew again once everything had loaded, and the frame it settled on. */
async function firstFrame(home: string, args: string[] = []): Promise<{ frame: string; redrawn: boolean; settled: string }> {
  const term = runInTerminal(['review', ...args], { PARLEY_HOME: home, PARLEY_NOW: LATER, NO_COLOR: '1', TZ: 'UTC' });
  await term.waitFor('q quit');
  const frame = term.output().split('q quit')[0]!;
  const redrawn = await term.waitFor(/q quit[\s\S]*q quit/, 1500).then(() => true, () => false);
  const frames = term.output().split('q quit');
  term.type('q');
  expect(await term.exited).toBe(0);
  return { frame, redrawn, settled: frames.at(-2)!.trim() };
}

describe('starting a review from the queue index', () => {
  it('shows the card and counts the full load would, journal changes since the index included', async () => {
    const home = tempHome();
    expect(parley(['import', SAMPLE], { home }).status).toBe(0);
    expect(parley(['import', FIXTURE], { home }).status).toBe(0);
    const index = join(home, 'state', '_queue.json');

    // A session over every deck grading three new cards; the index is saved at the end.
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
    expect(existsSync(index)).toBe(true);

    // A change the index has not seen: the next new card's note is suspended.
    const journal = readFileSync(join(home, 'journal.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { cardId: string });
    const graded = new Set(journal.map((e) => e.cardId.split(':')[0]));
    const decks = JSON.parse(parley(['show', 'morning-market', '--json'], { home }).stdout) as { notes: { id: string }[] };
    const untouched = decks.notes.find((n) => !graded.has(n.id))!;
    expect(parley(['suspend', untouched.id], { home }).status).toBe(0);

    const fromIndex = await firstFrame(home);
    expect(fromIndex.redrawn).toBe(true);
    // One deck by its slug starts from the same index.
    const oneDeck = await firstFrame(home, ['morning-market']);
    expect(oneDeck.redrawn).toBe(true);
    rmSync(index);
    // Named decks leave no index, so this one loads everything too.
    const oneDeckFromDecks = await firstFrame(home, ['morning-market']);
    expect(oneDeckFromDecks.redrawn).toBe(false);
    expect(oneDeck.frame).toBe(oneDeckFromDecks.frame);
    const fromDecks = await firstFrame(home);
    expect(fromDecks.redrawn).toBe(false);
    expect(fromIndex.frame).toBe(fromDecks.frame);
    expect(fromIndex.settled).toBe(fromDecks.settled);

    // The three cards graded minutes ago are learning cards now; the suspended note is out of the new count.
    expect(fromIndex.frame).toMatch(/learn 3/);
  }, 90_000);

  it('a wrong index costs only a wrong first glimpse: the session settles on the real first card', async () => {
    const home = tempHome();
    expect(parley(['import', SAMPLE], { home }).status).toBe(0);
    const term = runInTerminal(['review'], { PARLEY_HOME: home, PARLEY_NOW: MONDAY, NO_COLOR: '1', TZ: 'UTC' });
    await term.waitFor('q quit');
    term.type(' ');
    await term.waitFor('3 Good');
    term.type('3');
    await term.waitFor(/q quit[\s\S]*q quit[\s\S]*q quit/);
    term.type('q');
    expect(await term.exited).toBe(0);
    const index = join(home, 'state', '_queue.json');
    const truth = await firstFrame(home);

    // Every card claims to be a review due long ago, and the notes are in another order.
    const saved = JSON.parse(readFileSync(index, 'utf8'));
    for (const deck of saved.index.decks) {
      deck.ids = deck.ids.split('\n').reverse().join('\n');
      deck.cards = deck.cards.map((v: number, i: number) => (i % 5 === 1 ? 2 : i % 5 === 2 ? 0 : v));
    }
    writeFileSync(index, JSON.stringify(saved));
    const fooled = await firstFrame(home);
    expect(fooled.frame).not.toBe(truth.frame);
    expect(fooled.settled).toBe(truth.settled);
  }, 90_000);
});
