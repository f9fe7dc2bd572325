import type { CardState, Grade, CardEntry } from '../../../src/core/srs/card-state.js';

/** A stored state with the fields the stats read; the rest are plausible constants. */
export function state(over: Partial<CardState> & Pick<CardState, 'state'>): CardState {
  return {
    due: new Date(2026, 2, 10, 9).toISOString(), stability: 10, difficulty: 5, elapsed_days: 0, scheduled_days: 10,
    learning_steps: 0, reps: 3, lapses: 0, last_review: new Date(2026, 1, 28, 9).toISOString(), ...over,
  };
}

let next = 0;

/** A review entry at a local time, so the test holds in any time zone. */
export function review(cardId: string, at: Date, rating: Grade, before: CardState | null, durationMs = 5000): Extract<CardEntry, { type: 'review' }> {
  return {
    type: 'review', id: `r${next++}`, at: at.toISOString(), deck: 'd', cardId, rating, durationMs, before,
    after: state({ state: 2, last_review: at.toISOString() }),
  };
}

export function undo(target: CardEntry, at: Date): CardEntry {
  return { type: 'undo', id: `u${next++}`, at: at.toISOString(), deck: target.deck, cardId: target.cardId, target: target.id, before: null, restored: null };
}

/** Local time in March 2026 (month index 2), or another month when given. */
export const local = (day: number, hour: number, minute = 0, month = 2) => new Date(2026, month, day, hour, minute);
