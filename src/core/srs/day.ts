import { isLearning, type CardState } from './card-state.js';

/**
 * The learning day: it begins at `dayStartsAt` local hour, so a late-night session still counts as
 * the evening's day. ts-fsrs counts whole 24 h periods and has no notion of this; parley decides
 * "due today" here. Local time comes from Date's local-time methods (the process's TZ), so a day
 * across a DST change is 23 or 25 hours long.
 */
export function dayStart(now: Date, dayStartsAt: number): Date {
  const start = new Date(now);
  start.setHours(dayStartsAt, 0, 0, 0);
  if (start.getTime() > now.getTime()) {
    start.setDate(start.getDate() - 1);
    start.setHours(dayStartsAt, 0, 0, 0);
  }
  return start;
}

export function nextDayStart(now: Date, dayStartsAt: number): Date {
  const next = dayStart(now, dayStartsAt);
  next.setDate(next.getDate() + 1);
  next.setHours(dayStartsAt, 0, 0, 0);
  return next;
}

/** How far ahead a learning card may be shown when nothing else is left, as Anki does. */
export const LEARN_AHEAD_MS = 20 * 60_000;

/**
 * Whether a card belongs to today's study. A review card is due today if due before the next day
 * starts; a (re)learning card follows its minute steps, so it is due only once its step is over
 * (`learnAheadMs` lets the session show it up to 20 minutes early when nothing else is left).
 */
export function isDueToday(state: CardState, now: Date, dayStartsAt: number, learnAheadMs = 0): boolean {
  const due = Date.parse(state.due);
  if (isLearning(state.state)) return due <= now.getTime() + learnAheadMs;
  return due < nextDayStart(now, dayStartsAt).getTime();
}

/** Whether a learning card comes back before the day ends, so the session keeps it. */
export function returnsToday(state: CardState, now: Date, dayStartsAt: number): boolean {
  return Date.parse(state.due) < nextDayStart(now, dayStartsAt).getTime();
}
