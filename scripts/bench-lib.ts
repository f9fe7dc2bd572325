// In-process parts of `npm run bench`, bundled by scripts/bench.mjs from the real sources.
import { cardId } from '../src/core/deck/note.js';
import { readDeck } from '../src/store/deck-files.js';
import { Store } from '../src/store/store.js';
import { reviewState } from '../tests/helpers/home-fixture.js';

export { makeHome } from '../tests/helpers/home-fixture.js';

/** Milliseconds to make one grade durable (lock, catch up, append, fsync) in a big home. */
export function gradeLatencies(home: string, now: Date, count: number): number[] {
  const store = new Store(home);
  const deck = readDeck(store.paths, 'deck-0');
  const states = store.states('deck-0');
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const id = cardId(deck.notes[i]!.id, 'en-zh');
    const before = states.get(id) ?? null;
    const start = performance.now();
    store.commit([{ type: 'review', id: `bench-${i}`, at: now.toISOString(), deck: 'deck-0', cardId: id, rating: 3, durationMs: 3000, before, after: reviewState(now, i + 1) }]);
    out.push(performance.now() - start);
  }
  return out;
}
