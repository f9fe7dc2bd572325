import { noteId } from '../../src/core/deck/id.js';
import { cardId, DECK_FORMAT, type Deck, type Note } from '../../src/core/deck/note.js';
import type { CardState, JournalEntry } from '../../src/core/srs/card-state.js';
import { writeDeck } from '../../src/store/deck-files.js';
import { Store } from '../../src/store/store.js';

const DAY = 86_400_000;

/** A made-up note; content is numbered so every id is distinct. */
export function fakeNote(deck: number, i: number): Note {
  const zh = `第${deck}组第${i}句:今天我们在河边散步,看见了${i % 97}只白鹭。`;
  const en = `Deck ${deck}, sentence ${i}: today we walked by the river and saw ${i % 97} egrets.`;
  return { id: noteId('sentence', [zh, en]), kind: 'sentence', zh, en, order: i };
}

export function reviewState(now: Date, i: number): CardState {
  const due = new Date(now.getTime() + ((i % 30) - 10) * DAY);
  return {
    due: due.toISOString(), stability: 5 + (i % 40), difficulty: 5, elapsed_days: 3, scheduled_days: 10,
    learning_steps: 0, reps: 3, lapses: 0, state: 2, last_review: new Date(due.getTime() - 10 * DAY).toISOString(),
  };
}

/**
 * A home with `decks` decks of `notesPerDeck` notes (two cards each); `reviewed` of every deck's
 * notes have review history in the journal, with the state file written as a long-used home has it.
 */
export async function makeHome(root: string, options: { decks: number; notesPerDeck: number; reviewed: number; now: Date }): Promise<Store> {
  const store = new Store(root);
  for (let d = 0; d < options.decks; d++) {
    const notes = Array.from({ length: options.notesPerDeck }, (_, i) => fakeNote(d, i));
    const deck: Deck = { format: DECK_FORMAT, name: `Deck ${d}`, slug: `deck-${d}`, source: { sha256: `${d}` }, notes };
    writeDeck(store.paths, deck);
    store.wrote(deck);
    const entries: JournalEntry[] = notes.slice(0, options.reviewed).map((note, i) => {
      const after = reviewState(options.now, i);
      return {
        type: 'review', id: `seed-${d}-${i}`, at: after.last_review!, deck: deck.slug,
        cardId: cardId(note.id, 'zh-en'), rating: 3, durationMs: 4000, before: null, after,
      };
    });
    for (let i = 0; i < entries.length; i += 1000) store.commit(entries.slice(i, i + 1000));
  }
  await store.save(true);
  return store;
}
