import type { JournalEntry } from '../srs/card-state.js';
import { liveReviews } from '../stats/reviews.js';
import { delimitedRow, spreadsheetText } from './delimited.js';

/**
 * The review history in the FSRS optimizer's CSV: review_time in ms since the epoch, review_state
 * the card's state before the grade (0 New, 1 Learning, 2 Review, 3 Relearning), review_duration in
 * ms. Undone grades are left out: they never happened as far as scheduling is concerned. The card
 * id is the one text cell, guarded against formulas; the numbers stay numbers (a time before 1970 is
 * negative), so the optimizer reads them as it always did.
 */
export function reviewsCsv(journal: readonly JournalEntry[]): string {
  const lines = ['card_id,review_time,review_rating,review_state,review_duration'];
  for (const r of liveReviews(journal)) {
    lines.push(delimitedRow([spreadsheetText(r.cardId), String(Date.parse(r.at)), String(r.rating), String(r.before?.state ?? 0), String(r.durationMs)], ','));
  }
  return `${lines.join('\n')}\n`;
}
