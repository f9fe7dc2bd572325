import { isReview } from '../srs/card-state.js';
import { dayStart } from '../srs/day.js';
import { dayKey, shiftDay } from './learning-day.js';
import type { ReviewEntry } from './reviews.js';

/** Anki's line between young and mature cards: an interval of 21 days or more. */
export const MATURE_DAYS = 21;

export interface RetentionCount {
  passed: number;
  failed: number;
  /** passed / (passed + failed); null when nothing was reviewed. */
  rate: number | null;
}

export interface Retention {
  days: number;
  young: RetentionCount;
  mature: RetentionCount;
  total: RetentionCount;
}

function count(passed: number, failed: number): RetentionCount {
  const n = passed + failed;
  return { passed, failed, rate: n === 0 ? null : passed / n };
}

/**
 * True retention as Anki defines it: of the cards that came up for review (not new, not in
 * learning steps), the share not graded Again, counting only a card's first review of each learning
 * day, so relearning the same card again that day does not count twice. Young or mature goes by the
 * interval the card was on when reviewed: the `before` state's scheduled_days, which is Anki's
 * lastIvl (stability would drift from it once desired retention is not 0.9).
 */
export function trueRetention(reviews: readonly ReviewEntry[], now: Date, dayStartsAt: number, days = 30): Retention {
  const since = shiftDay(dayStart(now, dayStartsAt), -(days - 1), dayStartsAt).getTime();
  const seen = new Set<string>();
  const tally = { young: [0, 0], mature: [0, 0] };
  for (const review of reviews) {
    const at = Date.parse(review.at);
    if (at < since || at > now.getTime()) continue;
    const key = `${review.cardId}\u0000${dayKey(new Date(at), dayStartsAt)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (!review.before || !isReview(review.before.state)) continue;
    const bucket = review.before.scheduled_days >= MATURE_DAYS ? tally.mature : tally.young;
    bucket[review.rating === 1 ? 1 : 0]!++;
  }
  const [yp, yf] = tally.young as [number, number];
  const [mp, mf] = tally.mature as [number, number];
  return { days, young: count(yp, yf), mature: count(mp, mf), total: count(yp + mp, yf + mf) };
}
