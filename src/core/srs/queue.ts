import { cardId, DIRECTIONS, type Direction, type Note } from '../deck/note.js';
import type { Settings, StudyDirection } from '../settings.js';
import type { CardState, JournalEntry } from './card-state.js';
import { dayStart, LEARN_AHEAD_MS, nextDayStart } from './day.js';
import { givesAway } from './siblings.js';

/** One deck's notes and stored card states (absent state: a new card). */
export interface DeckCards {
  slug: string;
  name: string;
  notes: readonly Note[];
  states: ReadonlyMap<string, CardState>;
}

export interface QueuedCard {
  deck: string;
  deckName: string;
  note: Note;
  direction: Direction;
  cardId: string;
  state: CardState | null;
  /** Studied ahead of its due day (`--ahead`). */
  cram: boolean;
}

/** Today's cards: learning ones come back within the session; reviews and new ones are shown once. */
export interface Queue {
  learning: readonly QueuedCard[];
  review: readonly QueuedCard[];
  fresh: readonly QueuedCard[];
}

export interface QueueOptions {
  direction: StudyDirection;
  /** New cards this session (`--new`); by default what is left of `newPerDay` today. */
  newLimit?: number;
  /** Reviews this session (`--limit`); by default what is left of `reviewsPerDay` today. */
  reviewLimit?: number;
  /** Also study review cards due within this many days after today (`--ahead`). */
  aheadDays?: number;
}

/** What earlier sessions of this learning day did, read from the journal. */
export interface StudiedToday {
  newIntroduced: number;
  reviewsDone: number;
  /** `deck\0cardId` of every card graded today and not undone. */
  cards: ReadonlySet<string>;
}

const key = (deck: string, id: string) => `${deck}\u0000${id}`;

/**
 * Counts today's grades across all sessions and decks (the daily limits are global settings). A
 * grade that was undone does not count.
 */
export function studiedToday(journal: readonly JournalEntry[], now: Date, dayStartsAt: number): StudiedToday {
  const since = dayStart(now, dayStartsAt).getTime();
  const until = nextDayStart(now, dayStartsAt).getTime();
  const today = journal.filter((e) => {
    const at = Date.parse(e.at);
    return at >= since && at < until;
  });
  const undone = new Set(today.flatMap((e) => (e.type === 'undo' ? [e.target] : [])));
  let newIntroduced = 0;
  let reviewsDone = 0;
  const cards = new Set<string>();
  for (const entry of today) {
    if (entry.type !== 'review' || undone.has(entry.id)) continue;
    cards.add(key(entry.deck, entry.cardId));
    if (entry.before === null || entry.before.state === 0) newIntroduced++;
    else if (entry.before.state === 2) reviewsDone++;
  }
  return { newIntroduced, reviewsDone, cards };
}

function isHidden(state: CardState | undefined, now: Date): boolean {
  if (!state) return false;
  return state.suspended === true || (state.buriedUntil !== undefined && Date.parse(state.buriedUntil) > now.getTime());
}

/**
 * Today's queue: learning cards due today, then due reviews (most overdue first), then new cards in
 * article order, within the day's limits. A card whose note gives away a card already taken today
 * (its other direction, or a vocabulary item and its sentence) waits for another day, and does not
 * use up a limit.
 */
export function buildQueue(
  decks: readonly DeckCards[],
  journal: readonly JournalEntry[],
  settings: Pick<Settings, 'newPerDay' | 'reviewsPerDay' | 'dayStartsAt'>,
  options: QueueOptions,
  now: Date,
): Queue {
  const directions = options.direction === 'both' ? DIRECTIONS : [options.direction];
  const today = studiedToday(journal, now, settings.dayStartsAt);
  const dayEnd = nextDayStart(now, settings.dayStartsAt).getTime();
  const aheadEnd = new Date(dayEnd);
  aheadEnd.setDate(aheadEnd.getDate() + (options.aheadDays ?? 0));

  const learning: QueuedCard[] = [];
  const due: QueuedCard[] = [];
  const cram: QueuedCard[] = [];
  const fresh: QueuedCard[] = [];
  const dueAt = new Map<QueuedCard, number>();
  const taken = new TakenNotes();
  const aheadMs = aheadEnd.getTime();

  for (const deck of decks) {
    for (const note of [...deck.notes].sort((a, b) => a.order - b.order)) {
      for (const direction of DIRECTIONS) {
        const id = cardId(note.id, direction);
        const state = deck.states.get(id);
        if (today.cards.has(key(deck.slug, id))) taken.add(note);
        if (!directions.includes(direction) || isHidden(state, now)) continue;
        const card: QueuedCard = { deck: deck.slug, deckName: deck.name, note, direction, cardId: id, state: state ?? null, cram: false };
        if (!state || state.state === 0) {
          fresh.push(card);
          continue;
        }
        const at = Date.parse(state.due);
        const list = state.state === 1 || state.state === 3
          ? (at < dayEnd ? learning : undefined)
          : at < dayEnd ? due : at < aheadMs ? cram : undefined;
        if (!list) continue;
        const queued = list === cram ? { ...card, cram: true } : card;
        dueAt.set(queued, at);
        list.push(queued);
      }
    }
  }

  const byDue = (a: QueuedCard, b: QueuedCard) => dueAt.get(a)! - dueAt.get(b)! || (a.cardId < b.cardId ? -1 : 1);
  learning.sort(byDue);
  due.sort(byDue);
  cram.sort(byDue);
  for (const card of learning) taken.add(card.note);

  const pick = (candidates: readonly QueuedCard[], limit: number): QueuedCard[] => {
    const out: QueuedCard[] = [];
    for (const card of candidates) {
      if (out.length >= limit) break;
      if (taken.givesAway(card.note)) continue;
      out.push(card);
      taken.add(card.note);
    }
    return out;
  };
  const reviewLimit = options.reviewLimit ?? Math.max(0, settings.reviewsPerDay - today.reviewsDone);
  const newLimit = options.newLimit ?? Math.max(0, settings.newPerDay - today.newIntroduced);
  return { learning, review: pick([...due, ...cram], reviewLimit), fresh: pick(fresh, newLimit) };
}

/**
 * The notes studied today, kept so that a candidate is checked in constant time against its own
 * note and only against the vocabulary or sentences that could give it away.
 */
class TakenNotes {
  #ids = new Set<string>();
  #vocab: Note[] = [];
  #sentences: Note[] = [];

  add(note: Note): void {
    if (this.#ids.has(note.id)) return;
    this.#ids.add(note.id);
    (note.kind === 'vocab' ? this.#vocab : this.#sentences).push(note);
  }

  givesAway(note: Note): boolean {
    if (this.#ids.has(note.id)) return true;
    const others = note.kind === 'vocab' ? this.#sentences : this.#vocab;
    return others.some((other) => givesAway(other, note));
  }
}

export type QueueList = keyof Queue;

/**
 * The card to show now: a learning card whose step is over, then a review, then a new card; when
 * nothing else is left, a learning card up to 20 minutes early rather than a wait.
 */
export function pickNext(queue: Queue, now: Date): { list: QueueList; index: number } | null {
  const soonest = (until: number) => {
    let best = -1;
    queue.learning.forEach((card, i) => {
      const due = Date.parse(card.state!.due);
      if (due <= until && (best < 0 || due < Date.parse(queue.learning[best]!.state!.due))) best = i;
    });
    return best;
  };
  const ready = soonest(now.getTime());
  if (ready >= 0) return { list: 'learning', index: ready };
  if (queue.review.length) return { list: 'review', index: 0 };
  if (queue.fresh.length) return { list: 'fresh', index: 0 };
  const ahead = soonest(now.getTime() + LEARN_AHEAD_MS);
  return ahead >= 0 ? { list: 'learning', index: ahead } : null;
}

/** Cards that will be due at tomorrow's session (including today's left-overs), for the summary. */
export function countDueTomorrow(decks: readonly DeckCards[], now: Date, dayStartsAt: number): number {
  const tomorrowEnd = nextDayStart(nextDayStart(now, dayStartsAt), dayStartsAt).getTime();
  let count = 0;
  for (const deck of decks) {
    for (const state of deck.states.values()) {
      if (state.suspended || state.state === 0) continue;
      if (Date.parse(state.due) < tomorrowEnd) count++;
    }
  }
  return count;
}
