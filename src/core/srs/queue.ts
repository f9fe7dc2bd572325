import { cardId, DIRECTIONS, inArticleOrder, splitCardId, type Direction, type Note } from '../deck/note.js';
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
    if (entry.type === 'rename') {
      // A deck renamed today keeps today's grades: its cards' siblings still wait for tomorrow.
      const moved = `${entry.from}\u0000`;
      for (const k of [...cards]) if (k.startsWith(moved)) cards.add(key(entry.deck, k.slice(moved.length)));
      continue;
    }
    if (entry.type !== 'review' || undone.has(entry.id)) continue;
    cards.add(key(entry.deck, entry.cardId));
    if (entry.before === null || entry.before.state === 0) newIntroduced++;
    else if (entry.before.state === 2) reviewsDone++;
  }
  return { newIntroduced, reviewsDone, cards };
}

/** Which cards today's queue takes, and until when a due card counts. */
export interface QueueWindow {
  now: Date;
  directions: readonly Direction[];
  /** When the learning day ends: cards due before it are due today. */
  dayEnd: number;
  /** When `--ahead` stops reaching: reviews due before it are studied early. */
  aheadEnd: number;
}

export function queueWindow(settings: Pick<Settings, 'dayStartsAt'>, options: QueueOptions, now: Date): QueueWindow {
  const dayEnd = nextDayStart(now, settings.dayStartsAt);
  const aheadEnd = new Date(dayEnd);
  aheadEnd.setDate(aheadEnd.getDate() + (options.aheadDays ?? 0));
  return { now, directions: options.direction === 'both' ? DIRECTIONS : [options.direction], dayEnd: dayEnd.getTime(), aheadEnd: aheadEnd.getTime() };
}

/** Suspended, or buried until a time not yet come. */
export function isHidden(state: Pick<CardState, 'suspended' | 'buriedUntil'> | undefined, now: Date): boolean {
  if (!state) return false;
  return state.suspended === true || (state.buriedUntil !== undefined && Date.parse(state.buriedUntil) > now.getTime());
}

/** The list a studied (not new) card due at `due` joins today, if any. */
export function dueList(state: CardState['state'], due: number, window: QueueWindow): 'learning' | 'due' | 'cram' | undefined {
  if (state === 1 || state === 3) return due < window.dayEnd ? 'learning' : undefined;
  return due < window.dayEnd ? 'due' : due < window.aheadEnd ? 'cram' : undefined;
}

/** A card with its due time as a number, for sorting. */
export interface Dated {
  due: number;
  card: QueuedCard;
}

/** What today's queue is chosen from, each list in the order it is taken. */
export interface Candidates {
  /** Learning cards due today, soonest first. */
  learning: QueuedCard[];
  /** Reviews due today, most overdue first, then those `--ahead` reaches. */
  review: Iterable<QueuedCard>;
  /** New cards in article order. */
  fresh: Iterable<QueuedCard>;
  /** Notes with a card graded today. */
  studied: Note[];
}

/** Soonest first; cards due at the same moment by id, so the order never depends on how they were found. */
export const earlier = (a: Dated, b: Dated): number => a.due - b.due || (a.card.cardId < b.card.cardId ? -1 : 1);

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
  const today = studiedToday(journal, now, settings.dayStartsAt);
  return pickQueue(candidates(decks, today, queueWindow(settings, options, now)), today, settings, options, givesAway);
}

/**
 * Only cards with a stored state can be learning or due: a big home is mostly new cards, so the
 * scan goes over states, and new cards are made in article order only as far as the limit reaches.
 */
function candidates(decks: readonly DeckCards[], today: StudiedToday, window: QueueWindow): Candidates {
  const lists: Record<'learning' | 'due' | 'cram', Dated[]> = { learning: [], due: [], cram: [] };
  const studied: Note[] = [];
  for (const deck of decks) {
    const notes = new Map(deck.notes.map((note) => [note.id, note]));
    for (const [id, state] of deck.states) {
      const card = splitCardId(id);
      const note = card && notes.get(card.noteId);
      if (!note) continue;
      if (today.cards.size > 0 && today.cards.has(key(deck.slug, id))) studied.push(note);
      if (state.state === 0 || !window.directions.includes(card.direction) || isHidden(state, window.now)) continue;
      const due = Date.parse(state.due);
      const list = dueList(state.state, due, window);
      if (list) lists[list].push({ due, card: { deck: deck.slug, deckName: deck.name, note, direction: card.direction, cardId: id, state, cram: list === 'cram' } });
    }
  }
  const inOrder = (list: Dated[]) => list.sort(earlier).map((d) => d.card);
  return { learning: inOrder(lists.learning), review: [...inOrder(lists.due), ...inOrder(lists.cram)], fresh: fresh(decks, window), studied };
}

function* fresh(decks: readonly DeckCards[], window: QueueWindow): Generator<QueuedCard> {
  for (const deck of decks) {
    for (const note of inArticleOrder(deck.notes)) {
      for (const direction of window.directions) {
        const id = cardId(note.id, direction);
        const state = deck.states.get(id);
        if ((state && state.state !== 0) || isHidden(state, window.now)) continue;
        yield { deck: deck.slug, deckName: deck.name, note, direction, cardId: id, state: state ?? null, cram: false };
      }
    }
  }
}

/** Takes the candidates in their order within the day's limits, keeping notes that give each other away apart. */
export function pickQueue(
  from: Candidates,
  today: StudiedToday,
  settings: Pick<Settings, 'newPerDay' | 'reviewsPerDay'>,
  options: QueueOptions,
  siblings: (a: Note, b: Note) => boolean,
): Queue {
  const taken = new TakenNotes(siblings);
  for (const note of from.studied) taken.add(note);
  for (const card of from.learning) taken.add(card.note);
  const pick = (candidates: Iterable<QueuedCard>, limit: number): QueuedCard[] => {
    const out: QueuedCard[] = [];
    if (limit <= 0) return out;
    for (const card of candidates) {
      if (taken.givesAway(card.note)) continue;
      out.push(card);
      taken.add(card.note);
      if (out.length >= limit) break;
    }
    return out;
  };
  const reviewLimit = options.reviewLimit ?? Math.max(0, settings.reviewsPerDay - today.reviewsDone);
  const newLimit = options.newLimit ?? Math.max(0, settings.newPerDay - today.newIntroduced);
  return { learning: from.learning, review: pick(from.review, reviewLimit), fresh: pick(from.fresh, newLimit) };
}

/**
 * The notes studied today, kept so that a candidate is checked in constant time against its own
 * note and only against the vocabulary or sentences that could give it away.
 */
class TakenNotes {
  readonly #siblings: (a: Note, b: Note) => boolean;
  #ids = new Set<string>();
  #vocab: Note[] = [];
  #sentences: Note[] = [];

  constructor(siblings: (a: Note, b: Note) => boolean) {
    this.#siblings = siblings;
  }

  add(note: Note): void {
    if (this.#ids.has(note.id)) return;
    this.#ids.add(note.id);
    (note.kind === 'vocab' ? this.#vocab : this.#sentences).push(note);
  }

  givesAway(note: Note): boolean {
    if (this.#ids.has(note.id)) return true;
    const others = note.kind === 'vocab' ? this.#sentences : this.#vocab;
    return others.some((other) => this.#siblings(other, note));
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
