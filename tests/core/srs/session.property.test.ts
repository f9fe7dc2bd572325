import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { CardState } from '../../../src/core/srs/card-state.js';
import { buildQueue } from '../../../src/core/srs/queue.js';
import { applyEntry } from '../../helpers/recorded-state.js';
import { makeScheduler } from '../../../src/core/srs/scheduler.js';
import { startSession, step, type SessionEvent, type SessionState } from '../../../src/core/srs/session.js';
import { counter, deck, id, learningState, reviewState, sentence, settings, vocab } from './fixtures.js';

// With vocabulary listed last that the new sentences use, so the session starts with cards pulled forward.
const notes = [
  ...[1, 2, 3, 4, 5].map((n) => sentence(`s${n}`, `句子${n}。`, `Sentence ${n}.`, n)),
  vocab('v1', '句子4', 'sentence four', 6, { lang: 'zh' }),
  vocab('v2', '句子五', 'Sentence 5', 7, { lang: 'en' }),
];
const initial: Record<string, CardState> = {
  [id('s1', 'zh-en')]: reviewState('2025-05-09T08:00:00Z', { lapses: 7, stability: 1.5 }),
  [id('s2', 'zh-en')]: learningState('2025-05-10T09:00:00Z'),
  [id('s3', 'en-zh')]: reviewState('2025-05-10T12:00:00Z'),
};

const event: fc.Arbitrary<SessionEvent> = fc.oneof(
  { weight: 4, arbitrary: fc.constant<SessionEvent>({ type: 'show-answer' }) },
  { weight: 5, arbitrary: fc.integer({ min: 1, max: 4 }).map((g): SessionEvent => ({ type: 'grade', grade: g as 1 | 2 | 3 | 4 })) },
  { weight: 2, arbitrary: fc.constant<SessionEvent>({ type: 'undo' }) },
  { weight: 1, arbitrary: fc.constant<SessionEvent>({ type: 'suspend' }) },
  { weight: 1, arbitrary: fc.constant<SessionEvent>({ type: 'bury' }) },
  { weight: 1, arbitrary: fc.constant<SessionEvent>({ type: 'toggle-pinyin' }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }).map((text): SessionEvent => ({ type: 'typed-answer', text })) },
);

test('random sessions keep the store and the screen honest', () => {
  const scheduler = makeScheduler(settings);
  fc.assert(
    fc.property(fc.array(fc.tuple(event, fc.integer({ min: 0, max: 15 * 60_000 })), { maxLength: 60 }), fc.boolean(), (events, typeAnswers) => {
      let now = new Date('2025-05-10T10:00:00Z');
      const store = new Map(Object.entries(initial));
      const queue = buildQueue([deck(notes, initial)], [], settings, { direction: 'both' }, now);
      expect(queue.fresh.map((c) => c.cardId)).toEqual(['v1:zh-en', 's4:zh-en', 'v2:zh-en', 's5:zh-en']);
      let state: SessionState = startSession(queue, { scheduler, idGen: counter(), dayStartsAt: 4, typeAnswers }, { pinyin: false }, now);
      // What the store and the screen looked like before each action that undo can take back.
      const undoable: Array<{ store: Map<string, CardState>; showing: SessionState['showing'] }> = [];

      for (const [e, wait] of events) {
        now = new Date(now.getTime() + wait);
        const before = { store: new Map(store), showing: state.showing };
        const result = step(state, e, now);
        const entries = result.effects.flatMap((x) => (x.type === 'append' ? x.entries : []));
        for (const entry of entries) {
          expect(entry.before ?? null).toEqual(store.get(entry.cardId) ?? null);
          applyEntry(store, entry);
          if (entry.type === 'review') {
            expect(Date.parse(entry.after.due)).toBeGreaterThanOrEqual(Date.parse(entry.after.last_review!));
            expect(Date.parse(entry.after.last_review!)).toBeLessThanOrEqual(now.getTime());
          }
        }
        state = result.state;

        if (e.type === 'undo' && entries.length) {
          const target = undoable.pop()!;
          expect(store).toEqual(target.store);
          expect(state.showing?.card).toEqual(target.showing?.card);
        } else if (entries.length) {
          undoable.push(before);
        }

        // Every card the session may still show matches the store and is neither suspended nor buried.
        const live = [...state.queue.learning, ...state.queue.review, ...state.queue.fresh, ...(state.showing ? [state.showing.card] : [])];
        for (const card of live) {
          const stored = store.get(card.cardId) ?? null;
          expect(card.state).toEqual(stored);
          expect(stored?.suspended ?? false).toBe(false);
          expect(stored?.buriedUntil === undefined || Date.parse(stored.buriedUntil) <= now.getTime()).toBe(true);
        }
        expect(new Set(live.map((c) => c.cardId)).size).toBe(live.length);
      }
    }),
    { numRuns: 300 },
  );
});
