import { createEmptyCard, fsrs, State, type Card, type Grade as FsrsGrade } from 'ts-fsrs';
import type { Settings } from '../settings.js';
import type { ReviewEntry } from './reviews.js';

/** What a set of FSRS parameters predicts for the user's cards. */
export interface Outlook {
  /** Reviews a day, in the long run, to keep the review cards at desired retention: Σ 1/interval. */
  reviewsPerDay: number;
  /** Mean probability of recalling the studied cards now. */
  recallNow: number | null;
  /**
   * How well the parameters predicted the grades actually given, as log loss over reviews a day or
   * more after the previous one (lower is better); null without such reviews.
   */
  logLoss: number | null;
}

const DAY = 86_400_000;
const clampP = (p: number) => Math.min(1 - 1e-6, Math.max(1e-6, p));

/**
 * Replays every card's history under `weights` (as the scheduler would, without fuzz) and reads off
 * how well they predicted each grade, the workload they lead to and the recall they expect. Comparing two parameter sets this way shows what applying them changes.
 */
export function outlook(
  histories: readonly (readonly ReviewEntry[])[],
  weights: readonly number[],
  settings: Pick<Settings, 'desiredRetention' | 'maxIntervalDays'>,
  now: Date,
): Outlook {
  const engine = fsrs({
    w: weights,
    request_retention: settings.desiredRetention,
    maximum_interval: settings.maxIntervalDays,
    enable_fuzz: false,
    enable_short_term: true,
    learning_steps: ['1m', '10m'],
    relearning_steps: ['10m'],
  });
  let load = 0;
  let recall = 0;
  let studied = 0;
  let loss = 0;
  let predicted = 0;
  for (const history of histories) {
    let card: Card = createEmptyCard(new Date(history[0]!.at));
    for (const review of history) {
      const at = new Date(review.at);
      if (card.last_review && at.getTime() - card.last_review.getTime() >= DAY) {
        const p = clampP(engine.get_retrievability(card, at, false));
        loss -= review.rating > 1 ? Math.log(p) : Math.log(1 - p);
        predicted++;
      }
      card = engine.next(card, at, review.rating as FsrsGrade).card;
    }
    if (card.state === State.Review) load += 1 / Math.max(1, card.scheduled_days);
    recall += engine.get_retrievability(card, now, false);
    studied++;
  }
  return { reviewsPerDay: load, recallNow: studied === 0 ? null : recall / studied, logLoss: predicted === 0 ? null : loss / predicted };
}
