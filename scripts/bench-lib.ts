// In-process parts of `npm run bench`, bundled by scripts/bench.mjs from the real sources.
import { randomUUID } from 'node:crypto';
import { cardId } from '../src/core/deck/note.js';
import { buildQueue, cardsOfDeck } from '../src/core/srs/queue.js';
import { makeScheduler } from '../src/core/srs/scheduler.js';
import { startSession, step, type SessionState } from '../src/core/srs/session.js';
import { listDeckSlugs, readDeck } from '../src/store/deck-files.js';
import { renderReview } from '../src/ui/review/render.js';
import { Store } from '../src/store/store.js';
import { reviewState } from '../tests/helpers/home-fixture.js';

export { makeLearnerHome } from '../tests/helpers/learner-home.js';
export { keepDevice } from '../tests/helpers/journal.js';

/** Milliseconds to make one grade durable (lock, catch up, append, fsync) in a learner's home. */
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

/**
 * Milliseconds from a grade key to the next card's frame, as the review command does it: the
 * reducer step, the durable commit, the render.
 */
export function nextCardLatencies(home: string, now: Date, count: number): number[] {
  const store = new Store(home);
  const settings = store.settings.all();
  const decks = listDeckSlugs(store.paths).map((slug) => readDeck(store.paths, slug));
  const cards = decks.map((d) => cardsOfDeck(d, store.states(d.slug)));
  const queue = buildQueue(cards, store.journal(), settings, { direction: 'both', newLimit: count, reviewLimit: count }, now);
  let state: SessionState = startSession(queue, { scheduler: makeScheduler(settings), idGen: randomUUID, dayStartsAt: 4, typeAnswers: false }, { pinyin: false }, now);
  const out: number[] = [];
  for (let i = 0; i < count && state.showing; i++) {
    state = step(state, { type: 'show-answer' }, now).state;
    const start = performance.now();
    const result = step(state, { type: 'grade', grade: 3 }, now);
    for (const effect of result.effects) if (effect.type === 'append') store.commit(effect.entries);
    state = result.state;
    renderReview(state, { columns: 80, rows: 24, color: true });
    out.push(performance.now() - start);
  }
  return out;
}
