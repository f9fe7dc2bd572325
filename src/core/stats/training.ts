import { isNew, type Grade } from '../srs/card-state.js';
import { dayKey } from './learning-day.js';
import type { ReviewEntry } from './reviews.js';

const DAY = 86_400_000;

/** One review as the FSRS optimizer sees it: the grade and whole learning days since the last one. */
export interface TrainingReview {
  rating: Grade;
  deltaT: number;
}

/**
 * Each card's reviews, oldest first, for cards whose history starts when they were new: a history
 * that begins mid-way (its first grades were undone, or came from elsewhere) would teach the
 * optimizer a wrong first stability.
 */
export function cardHistories(reviews: readonly ReviewEntry[]): ReviewEntry[][] {
  const byCard = new Map<string, ReviewEntry[]>();
  for (const review of reviews) {
    const list = byCard.get(review.cardId);
    if (list) list.push(review);
    else byCard.set(review.cardId, [review]);
  }
  return [...byCard.values()].filter((h) => isNew(h[0]!.before?.state));
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);
}

/** A card's history with delta_t counted in learning days, the unit FSRS is trained in. */
export function trainingSequence(history: readonly ReviewEntry[], dayStartsAt: number): TrainingReview[] {
  const days = history.map((r) => dayKey(new Date(r.at), dayStartsAt));
  return history.map((r, i) => ({ rating: r.rating, deltaT: i === 0 ? 0 : daysBetween(days[i - 1]!, days[i]!) }));
}
