import { cardCount, noteRefs } from './outline.js';
import { askedDirection, splitCardId } from './note.js';
import { type CardState, isNew, isReview } from '../srs/card-state.js';

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

/** What a deck summary counts: the deck's note ids, their kinds (see DeckOutline) and its card states. */
export interface DeckNotes {
  slug: string;
  name: string;
  noteIds: readonly string[];
  kinds: string;
  states: ReadonlyMap<string, CardState>;
}

/**
 * Counts a deck's cards by state; states of cards whose note left the deck do not count. `dayEnd`
 * is when the learning day ends: a card due before it is due today. A suspended card counts only
 * as suspended; a buried one is not due today.
 */
export function summarise(deck: DeckNotes, now: Date, dayEnd: Date): DeckSummary {
  const cards = cardCount(deck);
  const summary: DeckSummary = {
    name: deck.name, slug: deck.slug, notes: deck.noteIds.length, cards,
    new: cards, learning: 0, review: 0, dueToday: 0, suspended: 0,
  };
  const end = dayEnd.getTime();
  // Over the states, not the cards: a big deck is mostly new cards, which have none.
  const inDeck = deck.states.size > 0 ? new Map(noteRefs({ ids: deck.noteIds, kinds: deck.kinds }).map((n) => [n.id, n])) : undefined;
  for (const [id, state] of deck.states) {
    const card = splitCardId(id);
    const note = card && inDeck!.get(card.noteId);
    // A cloze card's state outlives its cloze when a re-import finds the term gone from the sentence.
    if (!note || !askedDirection(card.direction, note)) continue;
    if (state.suspended) {
      summary.suspended++;
      summary.new--;
      continue;
    }
    if (isNew(state.state)) continue;
    summary.new--;
    if (isReview(state.state)) summary.review++;
    else summary.learning++;
    const buried = state.buriedUntil !== undefined && Date.parse(state.buriedUntil) > now.getTime();
    if (!buried && Date.parse(state.due) < end) summary.dueToday++;
  }
  return summary;
}
