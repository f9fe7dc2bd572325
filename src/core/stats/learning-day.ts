import { dayStart } from '../srs/day.js';

/** A local calendar date as `YYYY-MM-DD`: how stats name a learning day in charts and JSON. */
export function localDate(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/**
 * The learning day an instant belongs to, named by the date it starts on: a review at 01:00 with
 * days starting at 04:00 counts for the evening before.
 */
export function dayKey(at: Date, dayStartsAt: number): string {
  return localDate(dayStart(at, dayStartsAt));
}

/**
 * The start of the learning day `days` away from the one starting at `start`. Calendar arithmetic,
 * not 24 h steps, so a day across a DST change is still one day.
 */
export function shiftDay(start: Date, days: number, dayStartsAt: number): Date {
  const out = new Date(start);
  out.setDate(out.getDate() + days);
  out.setHours(dayStartsAt, 0, 0, 0);
  return out;
}
