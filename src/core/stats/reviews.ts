import type { JournalEntry } from '../srs/card-state.js';

export type ReviewEntry = Extract<JournalEntry, { type: 'review' }>;

/** The grades that stand: reviews no undo took back, oldest first. */
export function liveReviews(journal: readonly JournalEntry[]): ReviewEntry[] {
  const undone = new Set(journal.flatMap((e) => (e.type === 'undo' ? [e.target] : [])));
  return journal
    .filter((e): e is ReviewEntry => e.type === 'review' && !undone.has(e.id))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/**
 * Reviews of the given cards, whatever deck slug they were recorded under: card ids come from the
 * notes' content, so history follows a deck through a rename or a delete-and-reimport.
 */
export function reviewsOf(reviews: readonly ReviewEntry[], cardIds: ReadonlySet<string>): ReviewEntry[] {
  return reviews.filter((r) => cardIds.has(r.cardId));
}
