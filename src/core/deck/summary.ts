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

/** What a summary needs of one card with a stored state: [state, due ms, buried-until ms (0: not), suspended 0/1]. */
export type CardFact = [state: 0 | 1 | 2 | 3, due: number, buriedUntil: number, suspended: 0 | 1];

/** A deck reduced to what `parley decks` counts; small enough to cache between runs. */
export interface DeckFacts {
  name: string;
  slug: string;
  notes: number;
  cards: number;
  facts: CardFact[];
}

/** Facts of the deck's cards; states of cards whose note left the deck do not count. */
export function deckFacts(deck: Deck, states: ReadonlyMap<string, CardState>): DeckFacts {
  const facts: CardFact[] = [];
  for (const note of deck.notes) {
    for (const direction of DIRECTIONS) {
      const state = states.get(cardId(note.id, direction));
      if (!state) continue;
      facts.push([state.state, Date.parse(state.due), state.buriedUntil ? Date.parse(state.buriedUntil) : 0, state.suspended ? 1 : 0]);
    }
  }
  return { name: deck.name, slug: deck.slug, notes: deck.notes.length, cards: deck.notes.length * DIRECTIONS.length, facts };
}

/**
 * Counts a deck's cards by state. `dayEnd` is when the learning day ends: a card due before it is
 * due today. A suspended card counts only as suspended; a buried one is not due today.
 */
export function summarise(deck: DeckFacts, now: Date, dayEnd: Date): DeckSummary {
  const summary: DeckSummary = {
    name: deck.name, slug: deck.slug, notes: deck.notes, cards: deck.cards,
    new: deck.cards, learning: 0, review: 0, dueToday: 0, suspended: 0,
  };
  const end = dayEnd.getTime();
  for (const [state, due, buriedUntil, suspended] of deck.facts) {
    if (suspended) {
      summary.suspended++;
      summary.new--;
      continue;
    }
    if (state === 0) continue;
    summary.new--;
    if (state === 2) summary.review++;
    else summary.learning++;
    if (buriedUntil <= now.getTime() && due < end) summary.dueToday++;
  }
  return summary;
}
