import { createEmptyCard, fsrs, type Card, type FSRS, type Grade as FsrsGrade } from 'ts-fsrs';
import type { Settings } from '../settings.js';
import { isReview, type CardState, type Grade } from './card-state.js';

export const GRADES: readonly Grade[] = [1, 2, 3, 4];
export const GRADE_NAMES: Readonly<Record<Grade, string>> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

/** What one grade would do to the card: the state to commit and how long until it comes back. */
export interface Outcome {
  grade: Grade;
  state: CardState;
  /** `10m`, `1d`, `3d`, `2.5mo`, `1.2y`. */
  interval: string;
}

export type Preview = Readonly<Record<Grade, Outcome>>;

export interface Scheduler {
  /** The four outcomes of reviewing `state` (null: a new card) at `now`, computed once so the labels are the commit. */
  preview(state: CardState | null, now: Date): Preview;
}

export interface SchedulerOptions {
  /** FSRS weights from the optimizer; the FSRS-6 defaults when absent. */
  weights?: readonly number[];
}

export function makeScheduler(settings: Pick<Settings, 'desiredRetention' | 'maxIntervalDays'>, options: SchedulerOptions = {}): Scheduler {
  const engine: FSRS = fsrs({
    request_retention: settings.desiredRetention,
    maximum_interval: settings.maxIntervalDays,
    // ts-fsrs defaults fuzz off; without it cards learnt together stay due together forever.
    enable_fuzz: true,
    enable_short_term: true,
    learning_steps: ['1m', '10m'],
    relearning_steps: ['10m'],
    ...(options.weights ? { w: options.weights } : {}),
  });
  return {
    preview(state, now) {
      // A clock set back (or a journal from a machine whose clock ran fast) can put the last review
      // after now; ts-fsrs refuses a negative elapsed time, so no time has passed since that review.
      const lastReview = state?.last_review ? Date.parse(state.last_review) : Number.NaN;
      const at = lastReview > now.getTime() ? new Date(lastReview) : now;
      const log = engine.repeat(toCard(state, at), at);
      const outcome = (grade: Grade): Outcome => {
        const next = capInterval(fromCard(log[grade as FsrsGrade].card, state), at, settings.maxIntervalDays);
        return { grade, state: next, interval: intervalLabel(now, new Date(next.due)) };
      };
      return { 1: outcome(1), 2: outcome(2), 3: outcome(3), 4: outcome(4) };
    },
  };
}

/**
 * ts-fsrs keeps Hard < Good < Easy by at least a day each, which can push Good and Easy past a small
 * `maximum_interval`; the user's cap wins.
 */
function capInterval(state: CardState, now: Date, maxDays: number): CardState {
  const cap = now.getTime() + maxDays * DAY;
  if (!isReview(state.state) || Date.parse(state.due) <= cap) return state;
  return { ...state, due: new Date(cap).toISOString(), scheduled_days: maxDays };
}

/** A never-reviewed card as stored, for flags (suspend, bury) on a card with no state yet. */
export function newCardState(now: Date): CardState {
  return fromCard(createEmptyCard(now), null);
}

export function toCard(state: CardState | null, now: Date): Card {
  if (state === null) return createEmptyCard(now);
  return {
    due: new Date(state.due),
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: state.elapsed_days,
    scheduled_days: state.scheduled_days,
    learning_steps: state.learning_steps,
    reps: state.reps,
    lapses: state.lapses,
    state: state.state,
    ...(state.last_review ? { last_review: new Date(state.last_review) } : {}),
  };
}

/** ts-fsrs's card as stored; tags survive a review, suspension and burial do not (the card was just studied). */
export function fromCard(card: Card, previous: CardState | null): CardState {
  const out: CardState = {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as CardState['state'],
  };
  if (card.last_review) out.last_review = card.last_review.toISOString();
  if (previous?.tags?.length) out.tags = [...previous.tags];
  return out;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Anki-style short interval: whole minutes, hours and days, then months and years to one decimal. */
export function intervalLabel(from: Date, to: Date): string {
  const ms = Math.max(0, to.getTime() - from.getTime());
  const oneDecimal = (n: number) => String(Math.round(n * 10) / 10);
  if (ms < HOUR) return `${Math.max(1, Math.round(ms / MINUTE))}m`;
  if (ms < DAY) return `${Math.round(ms / HOUR)}h`;
  const days = ms / DAY;
  if (days < 30) return `${Math.round(days)}d`;
  if (days < 365) return `${oneDecimal(days / 30)}mo`;
  return `${oneDecimal(days / 365)}y`;
}
