import { dayStart } from '../srs/day.js';
import { dayKey, localDate, shiftDay } from './learning-day.js';
import type { ReviewEntry } from './reviews.js';

export interface HeatDay {
  date: string;
  reviews: number;
}

/**
 * Reviews per learning day, GitHub style: whole weeks from Monday, `weeks` columns, the last one
 * the current week up to today (so it is usually short).
 */
export function heatmap(reviews: readonly ReviewEntry[], now: Date, dayStartsAt: number, weeks = 26): HeatDay[] {
  const today = dayStart(now, dayStartsAt);
  const weekday = (today.getDay() + 6) % 7;
  const first = shiftDay(today, -(7 * (weeks - 1) + weekday), dayStartsAt);
  const counts = new Map<string, number>();
  for (const review of reviews) {
    const key = dayKey(new Date(review.at), dayStartsAt);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const days: HeatDay[] = [];
  for (let i = 0, day = first; day.getTime() <= today.getTime(); i++, day = shiftDay(first, i, dayStartsAt)) {
    days.push({ date: localDate(day), reviews: counts.get(localDate(day)) ?? 0 });
  }
  return days;
}
