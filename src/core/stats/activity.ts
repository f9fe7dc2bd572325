import { dayStart } from '../srs/day.js';
import { dayKey, localDate, shiftDay } from './learning-day.js';
import type { ReviewEntry } from './reviews.js';

export interface DayActivity {
  reviews: number;
  timeMs: number;
}

/** Grades given during the learning day that `now` is in, and the time spent on them. */
export function activityToday(reviews: readonly ReviewEntry[], now: Date, dayStartsAt: number): DayActivity {
  const today = dayKey(now, dayStartsAt);
  let count = 0;
  let timeMs = 0;
  for (const review of reviews) {
    if (dayKey(new Date(review.at), dayStartsAt) !== today) continue;
    count++;
    timeMs += review.durationMs;
  }
  return { reviews: count, timeMs };
}

/**
 * Consecutive learning days with at least one review, ending today, or yesterday when today has
 * none yet: a streak is not broken until a whole day passes without study.
 */
export function streak(reviews: readonly ReviewEntry[], now: Date, dayStartsAt: number): number {
  const days = new Set(reviews.map((r) => dayKey(new Date(r.at), dayStartsAt)));
  let day = dayStart(now, dayStartsAt);
  if (!days.has(localDate(day))) day = shiftDay(day, -1, dayStartsAt);
  let run = 0;
  while (days.has(localDate(day))) {
    run++;
    day = shiftDay(day, -1, dayStartsAt);
  }
  return run;
}
