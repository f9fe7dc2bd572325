import type { CardState } from '../srs/card-state.js';
import { cardId, DIRECTIONS, type Deck } from './note.js';

export interface DeckSummary {
  name: string;
  slug: string;
  notes: number;
  cards: number;
  new: number;
  learning: number;
  review: number;
  dueToday: number;
  suspended: number;
}

/**
 * Counts a deck's cards by state. `dayEnd` is when the learning day ends: a card due before it is
 * due today. A suspended card counts only as suspended; a buried one is not due today.
 */
export function summariseDeck(deck: Deck, states: ReadonlyMap<string, CardState>, now: Date, dayEnd: Date): DeckSummary {
  const summary: DeckSummary = {
    name: deck.name, slug: deck.slug, notes: deck.notes.length, cards: 0,
    new: 0, learning: 0, review: 0, dueToday: 0, suspended: 0,
  };
  const end = dayEnd.getTime();
  for (const note of deck.notes) {
    for (const direction of DIRECTIONS) {
      summary.cards++;
      const state = states.get(cardId(note.id, direction));
      if (state?.suspended) {
        summary.suspended++;
        continue;
      }
      if (!state || state.state === 0) {
        summary.new++;
        continue;
      }
      if (state.state === 2) summary.review++;
      else summary.learning++;
      const buried = state.buriedUntil !== undefined && Date.parse(state.buriedUntil) > now.getTime();
      if (!buried && Date.parse(state.due) < end) summary.dueToday++;
    }
  }
  return summary;
}
