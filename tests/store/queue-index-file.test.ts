import { truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DECK_FORMAT, type Deck } from '../../src/core/deck/note.js';
import type { CardState, JournalEntry } from '../../src/core/srs/card-state.js';
import { indexDecks } from '../../src/core/srs/queue-index.js';
import { deckPath, writeDeck } from '../../src/store/deck-files.js';
import { deckStamps, readIndexedNote, readQueueIndex, saveQueueIndex } from '../../src/store/queue-index-file.js';
import type { HomeLayout } from '../../src/store/home.js';
import { Store } from '../../src/store/store.js';
import { tempHome } from '../helpers/cli.js';

const NOW = '2026-11-29T10:00:00.000Z';
const state: CardState = { due: NOW, stability: 3, difficulty: 5, elapsed_days: 0, scheduled_days: 1, learning_steps: 0, reps: 1, lapses: 0, state: 2 };

function deck(slug: string): Deck {
  return {
    format: DECK_FORMAT, name: slug, slug, source: { sha256: 'x' }, notes: [
      { id: `${slug}-n1`, kind: 'sentence', zh: '下雨了。', en: 'It is raining.', order: 0 },
      { id: `${slug}-n2`, kind: 'vocab', zh: '雨伞', en: 'umbrella', lang: 'zh', order: 1, context: { zh: '带上雨伞吧。', en: 'Take an umbrella.' } },
    ],
  };
}

function review(id: string, slug: string): JournalEntry {
  return { type: 'review', id, at: NOW, deck: slug, cardId: `${slug}-n1:zh-en`, rating: 3, durationMs: 100, before: null, after: state };
}

/** The saved index for these decks, stamped as their files are now. */
const read = (paths: HomeLayout, slugs: string[]) => readQueueIndex(paths, slugs, deckStamps(paths, slugs)!);

/** A home with decks a and b, one grade, and an index saved after it. */
function saved() {
  const home = tempHome();
  const store = new Store(home);
  const decks = [deck('a'), deck('b')];
  for (const d of decks) writeDeck(store.paths, d);
  store.loadDecks(['a', 'b']);
  store.commit([review('r1', 'a')]);
  const stamps = deckStamps(store.paths, ['a', 'b'])!;
  saveQueueIndex(store.paths, stamps, store.end, indexDecks(decks.map((d) => ({ deck: d, states: store.states(d.slug) })), []));
  return { store, paths: store.paths };
}

describe('the saved queue index', () => {
  it('reads back for the same decks, with the journal entries made after it', () => {
    const { store, paths } = saved();
    expect(read(paths, ['a', 'b'])?.later).toEqual([]);
    store.commit([review('r2', 'b')]);
    const found = read(paths, ['a', 'b']);
    expect(found?.index.decks.map((d) => [d.slug, d.cards.length])).toEqual([['a', 5], ['b', 0]]);
    expect(found?.later.map((e) => e.id)).toEqual(['r2']);
  });

  it('serves some of its decks, but not a deck it does not hold', () => {
    const { paths } = saved();
    expect(read(paths, ['b'])?.index.decks.map((d) => d.slug)).toEqual(['b']);
    writeDeck(paths, deck('c'));
    expect(read(paths, ['a', 'b', 'c'])).toBeUndefined();
  });

  it('is not used when a deck file changed, the file is damaged, or the journal shrank', () => {
    const { paths } = saved();
    const later = new Date(Date.now() + 5000);
    utimesSync(deckPath(paths, 'b'), later, later);
    expect(read(paths, ['a', 'b'])).toBeUndefined();

    const other = saved().paths;
    truncateSync(other.journal, 10);
    expect(read(other, ['a', 'b'])).toBeUndefined();

    const third = saved().paths;
    writeFileSync(join(third.state, '_queue.json'), '{"version":1,"index":');
    expect(read(third, ['a', 'b'])).toBeUndefined();
  });
});

describe('one note from its deck file', () => {
  it('is read alone where the index says it lies, and only if it is the note asked for', () => {
    const { paths } = saved();
    const [a] = read(paths, ['a', 'b'])!.index.decks;
    expect(readIndexedNote(paths, a!, 1, 'a-n2')).toEqual(deck('a').notes[1]);
    expect(readIndexedNote(paths, a!, 0, 'a-n1')).toEqual(deck('a').notes[0]);
    expect(readIndexedNote(paths, a!, 0, 'a-n2')).toBeUndefined();
    expect(readIndexedNote(paths, a!, 2, 'a-n3')).toBeUndefined();
    expect(readIndexedNote(paths, { ...a!, spans: undefined }, 0, 'a-n1')).toBeUndefined();
  });
});
