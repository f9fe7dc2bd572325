import { forgetting_curve } from 'ts-fsrs';
import { isNew, type CardState } from '../srs/card-state.js';

const DAY = 86_400_000;

export interface Recall {
  /** Cards studied at least once: a new card has no memory to recall from. */
  cards: number;
  /** Mean FSRS retrievability now, 0..1; null when no card was studied. */
  mean: number | null;
}

/**
 * "You would recall about X% now": the mean retrievability of the studied cards, suspended ones
 * included (what you learnt is still in memory). Elapsed time counts whole days, as ts-fsrs's
 * get_retrievability does, so the number agrees with what the scheduler sees.
 */
export function meanRecall(states: Iterable<CardState>, now: Date, weights: readonly number[]): Recall {
  let cards = 0;
  let sum = 0;
  for (const state of states) {
    if (isNew(state.state) || !state.last_review) continue;
    const elapsed = Math.max(0, Math.floor((now.getTime() - Date.parse(state.last_review)) / DAY));
    sum += forgetting_curve(weights, elapsed, state.stability);
    cards++;
  }
  return { cards, mean: cards === 0 ? null : sum / cards };
}
