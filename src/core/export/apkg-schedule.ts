import { isNew, isReview, type CardState } from '../srs/card-state.js';
import type { ReviewEntry } from '../stats/reviews.js';

const DAY = 86_400_000;

/** A card's scheduling columns in Anki's `cards` table. */
export interface AnkiSchedule {
  type: number;
  queue: number;
  due: number;
  ivl: number;
  factor: number;
  reps: number;
  lapses: number;
  left: number;
  data: string;
}

/** Anki's card types (and queues, where they share the number); -1 is the suspended queue. */
const NEW = 0;
const LEARNING = 1;
const REVIEW = 2;
const RELEARNING = 3;
const SUSPENDED = -1;
/** Anki's starting ease; its FSRS ignores it, SM-2 (FSRS off) starts from it. */
const INITIAL_EASE = 2500;
/** parley's steps, which the package's options preset repeats: learning 1m 10m, relearning 10m. */
const LEARNING_STEPS = 2;

/** How days are counted: Anki's review due dates are whole days since the collection's `crt`. */
export interface DayCount {
  /** The start of the learning day the collection counts from. */
  crt: Date;
  /** The start of the learning day an instant falls in (parley's `dayStart`, its day-start hour). */
  dayOf(at: Date): Date;
}

/** Whole days from the collection's first day to the day of `at`; rounding absorbs a 23 or 25 hour DST day. */
export function dayNumber(days: DayCount, at: Date): number {
  return Math.round((days.dayOf(at).getTime() - days.crt.getTime()) / DAY);
}

/** The interval a review state was given, in whole days (at least one). */
function reviewDays(state: CardState): number {
  if (state.scheduled_days >= 1) return Math.round(state.scheduled_days);
  const since = state.last_review ? Date.parse(state.last_review) : Number.NaN;
  return Number.isNaN(since) ? 1 : Math.max(1, Math.round((Date.parse(state.due) - since) / DAY));
}

/** A never-studied card: new, in the article's order (`position`). */
export function newSchedule(position: number, suspended = false): AnkiSchedule {
  return { type: NEW, queue: suspended ? SUSPENDED : NEW, due: position, ivl: 0, factor: 0, reps: 0, lapses: 0, left: 0, data: '{}' };
}

/**
 * A card's FSRS state as Anki keeps it: type and queue from the phase, review due dates as day
 * numbers, (re)learning due dates as Unix seconds, and the memory state (stability, difficulty,
 * desired retention, last review) in `data`, which Anki 23.10+ reads as the card's FSRS state.
 * A suspended card keeps its type and goes to the suspended queue; a burial is not carried, as
 * it ends with the day anyway.
 */
export function cardSchedule(state: CardState | undefined, position: number, days: DayCount, desiredRetention: number): AnkiSchedule {
  if (!state || isNew(state.state)) return newSchedule(position, state?.suspended);
  const due = new Date(state.due);
  const review = isReview(state.state);
  const type = review ? REVIEW : state.state === 3 ? RELEARNING : LEARNING;
  const memory: Record<string, number> = {
    s: round(state.stability, 4),
    d: round(state.difficulty, 3),
    dr: desiredRetention,
  };
  if (state.last_review) memory.lrt = Math.floor(Date.parse(state.last_review) / 1000);
  return {
    type,
    queue: state.suspended ? SUSPENDED : review ? REVIEW : LEARNING,
    due: review ? dayNumber(days, due) : Math.floor(due.getTime() / 1000),
    ivl: review || type === RELEARNING ? reviewDays(state) : 0,
    factor: INITIAL_EASE,
    reps: state.reps,
    lapses: state.lapses,
    // Steps left: v3 reads the count; learning_steps is the step the card is on.
    left: type === LEARNING ? Math.max(1, LEARNING_STEPS - state.learning_steps) : type === RELEARNING ? 1 : 0,
    data: JSON.stringify(memory),
  };
}

function round(n: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(n * scale) / scale;
}

/** One row of Anki's `revlog`. */
export interface AnkiReview {
  id: number;
  cid: number;
  ease: number;
  ivl: number;
  lastIvl: number;
  factor: number;
  time: number;
  type: number;
}

/** Anki's interval in a review log: days for a review card, negative seconds for a step. */
function loggedInterval(state: CardState | null, at: number): number {
  if (state === null || isNew(state.state)) return 0;
  if (isReview(state.state)) return reviewDays(state);
  return -Math.max(1, Math.round((Date.parse(state.due) - at) / 1000));
}

/** Review kinds as Anki logs them, by the card's phase before the grade: learn, review, relearn. */
function reviewKind(before: CardState | null): number {
  if (before === null || isNew(before.state)) return 0;
  if (isReview(before.state)) return 1;
  return before.state === 3 ? 2 : 0;
}

/**
 * The review history as Anki's review log: each grade's id is its time in milliseconds (moved on
 * a millisecond where two fall together, as the id must be unique), so importing the package
 * twice adds no review twice. The factor is FSRS difficulty as Anki logs it (1–10 as 100–1100);
 * the time is the answer time, in milliseconds.
 */
export function revlogRows(reviews: readonly ReviewEntry[], cardIdOf: (cardId: string) => number | undefined): AnkiReview[] {
  const rows: AnkiReview[] = [];
  const taken = new Set<number>();
  for (const r of reviews) {
    const cid = cardIdOf(r.cardId);
    if (cid === undefined) continue;
    const at = Date.parse(r.at);
    let id = at;
    while (taken.has(id)) id++;
    taken.add(id);
    const lastAt = r.before?.last_review ? Date.parse(r.before.last_review) : at;
    rows.push({
      id,
      cid,
      ease: r.rating,
      ivl: loggedInterval(r.after, at),
      lastIvl: loggedInterval(r.before, lastAt),
      factor: Math.round(((r.after.difficulty - 1) / 9 + 0.1) * 1000),
      time: Math.round(r.durationMs),
      type: reviewKind(r.before),
    });
  }
  return rows;
}
