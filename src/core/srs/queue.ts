import { outlineDeck, type NoteRef } from '../deck/outline.js';
import { askedDirection, cardId, cardKinds, type CardKind, DIRECTIONS, inArticleOrder, splitCardId, type Deck, type Direction, type Note } from '../deck/note.js';
import type { Settings, StudyDirection } from '../settings.js';
import { type CardState, isLearning, isNew, isReview, type JournalEntry } from './card-state.js';
import { dayStart, LEARN_AHEAD_MS, nextDayStart } from './day.js';

/**
 * One deck's notes in article order, which vocabulary each sentence uses (positions in `notes`,
 * see DeckOutline), and its stored card states (absent state: a new card). The notes may be bare
 * references: the queue orders and counts without their text.
 */
export interface DeckCards<N extends NoteRef = Note> {
  slug: string;
  name: string;
  notes: readonly N[];
  pairs: readonly number[];
  states: ReadonlyMap<string, CardState>;
}

/** A deck in hand, text and all, as the queue wants it. */
export function cardsOfDeck(deck: Pick<Deck, 'slug' | 'name' | 'notes'>, states: ReadonlyMap<string, CardState>): DeckCards<Note> {
  return { slug: deck.slug, name: deck.name, notes: inArticleOrder(deck.notes), pairs: outlineDeck(deck as Deck).pairs, states };
}

export interface QueuedCard<N extends NoteRef = Note> {
  deck: string;
  deckName: string;
  note: N;
  /** Which of the note's cards: a direction, or its cloze card. */
  direction: CardKind;
  cardId: string;
  state: CardState | null;
  /** Studied ahead of its due day (`--ahead`). */
  cram: boolean;
}

/** Today's cards: learning ones come back within the session; reviews and new ones are shown once. */
export interface Queue<N extends NoteRef = Note> {
  learning: readonly QueuedCard<N>[];
  review: readonly QueuedCard<N>[];
  fresh: readonly QueuedCard<N>[];
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
    if (isNew(entry.before?.state)) newIntroduced++;
    else if (isReview(entry.before!.state)) reviewsDone++;
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
  if (isLearning(state)) return due < window.dayEnd ? 'learning' : undefined;
  return due < window.dayEnd ? 'due' : due < window.aheadEnd ? 'cram' : undefined;
}

/** A card with its due time as a number, for sorting. */
interface Dated<N extends NoteRef> {
  due: number;
  card: QueuedCard<N>;
}

/** What today's queue is chosen from, each list in the order it is taken. */
interface Candidates<N extends NoteRef> {
  /** Learning cards due today, soonest first. */
  learning: QueuedCard<N>[];
  /** Reviews due today, most overdue first, then those `--ahead` reaches. */
  review: Iterable<QueuedCard<N>>;
  /** Notes with a card graded today. */
  studied: { deck: string; note: N }[];
}

/** Soonest first; cards due at the same moment by id, so the order never depends on how they were found. */
const earlier = <N extends NoteRef>(a: Dated<N>, b: Dated<N>): number => a.due - b.due || (a.card.cardId < b.card.cardId ? -1 : 1);

/**
 * Today's queue: learning cards due today, then due reviews (most overdue first), then new cards in
 * article order, within the day's limits. A new sentence card comes after its vocabulary: each
 * vocabulary note linked to it (siblings.ts) that has a new card left and no card in today's queue
 * yet has that card introduced just before the sentence, in a new slot of its own; when the limit
 * leaves no slot for the sentence after them, the sentence waits for another day. A card waits for
 * another day, without using up a limit, when a card of its own note was taken today (whatever their
 * kinds), or when it is a vocabulary card and a sentence linked to it was taken today: the sentence
 * gave it away. A sentence after its vocabulary is fine.
 */
export function buildQueue<N extends NoteRef>(
  decks: readonly DeckCards<N>[],
  journal: readonly JournalEntry[],
  settings: Pick<Settings, 'newPerDay' | 'reviewsPerDay' | 'dayStartsAt'>,
  options: QueueOptions,
  now: Date,
): Queue<N> {
  const today = studiedToday(journal, now, settings.dayStartsAt);
  const window = queueWindow(settings, options, now);
  const from = candidates(decks, today, window);
  const taken = new TakenNotes(decks);
  for (const { deck, note } of from.studied) taken.add(deck, note);
  for (const card of from.learning) taken.add(card.deck, card.note);
  const reviewLimit = options.reviewLimit ?? Math.max(0, settings.reviewsPerDay - today.reviewsDone);
  const review: QueuedCard<N>[] = [];
  for (const card of from.review) {
    if (review.length >= reviewLimit) break;
    if (taken.waits(card.deck, card.note)) continue;
    review.push(card);
    taken.add(card.deck, card.note);
  }
  const newLimit = options.newLimit ?? Math.max(0, settings.newPerDay - today.newIntroduced);
  return { learning: from.learning, review, fresh: pickFresh(decks, window, taken, newLimit) };
}

/** New cards in article order, each sentence after the vocabulary it uses (see buildQueue). */
function pickFresh<N extends NoteRef>(decks: readonly DeckCards<N>[], window: QueueWindow, taken: TakenNotes<N>, limit: number): QueuedCard<N>[] {
  const out: QueuedCard<N>[] = [];
  if (limit <= 0) return out;
  for (const deck of decks) {
    for (const note of deck.notes) {
      for (const card of newCards(deck, note, window)) {
        if (taken.waits(deck.slug, note)) continue;
        for (const next of note.kind === 'sentence' ? [...vocabularyFirst(deck, note, window, taken), card] : [card]) {
          out.push(next);
          taken.add(deck.slug, next.note);
          if (out.length >= limit) return out;
        }
      }
    }
  }
  return out;
}

/**
 * A new card of each vocabulary note a sentence uses, where the note may still come before it today.
 * Not a cloze card: one left new means the term was met on an earlier day, and a cloze just before
 * the sentence it blanks would hand the sentence card its answer.
 */
function vocabularyFirst<N extends NoteRef>(deck: DeckCards<N>, sentence: N, window: QueueWindow, taken: TakenNotes<N>): QueuedCard<N>[] {
  return taken.vocabularyOf(deck.slug, sentence).flatMap((vocab) => {
    if (taken.waits(deck.slug, vocab)) return [];
    const first = newCards(deck, vocab, window).next();
    return first.done || first.value.direction === 'cloze' ? [] : [first.value];
  });
}

/**
 * Only cards with a stored state can be learning or due: a big home is mostly new cards, so the
 * scan goes over states, and new cards are made in article order only as far as the limit reaches.
 */
function candidates<N extends NoteRef>(decks: readonly DeckCards<N>[], today: StudiedToday, window: QueueWindow): Candidates<N> {
  const lists: Record<'learning' | 'due' | 'cram', Dated<N>[]> = { learning: [], due: [], cram: [] };
  const studied: { deck: string; note: N }[] = [];
  for (const deck of decks) {
    if (deck.states.size === 0) continue;
    // The notes of the stored states only: a deck has far more notes than studied cards.
    const notes = new Map<string, N | undefined>();
    for (const id of deck.states.keys()) notes.set(splitCardId(id)?.noteId ?? '', undefined);
    for (const note of deck.notes) if (notes.has(note.id)) notes.set(note.id, note);
    for (const [id, state] of deck.states) {
      const card = splitCardId(id);
      const note = card && notes.get(card.noteId);
      if (!note) continue;
      if (today.cards.size > 0 && today.cards.has(key(deck.slug, id))) studied.push({ deck: deck.slug, note });
      const asked = askedDirection(card.direction, note);
      if (isNew(state.state) || !asked || !window.directions.includes(asked) || isHidden(state, window.now)) continue;
      const due = Date.parse(state.due);
      const list = dueList(state.state, due, window);
      if (list) lists[list].push({ due, card: { deck: deck.slug, deckName: deck.name, note, direction: card.direction, cardId: id, state, cram: list === 'cram' } });
    }
  }
  const inOrder = (list: Dated<N>[]) => list.sort(earlier).map((d) => d.card);
  return { learning: inOrder(lists.learning), review: [...inOrder(lists.due), ...inOrder(lists.cram)], studied };
}

/** A note's new cards the session may introduce, in the order they come; the one place that knows a note's card kinds. */
function* newCards<N extends NoteRef>(deck: DeckCards<N>, note: N, window: QueueWindow): Generator<QueuedCard<N>> {
  for (const direction of cardKinds(note)) {
    if (!window.directions.includes(askedDirection(direction, note)!)) continue;
    const id = cardId(note.id, direction);
    const state = deck.states.get(id);
    if (!isNew(state?.state) || isHidden(state, window.now)) continue;
    yield { deck: deck.slug, deckName: deck.name, note, direction, cardId: id, state: state ?? null, cram: false };
  }
}

/**
 * The notes taken today, and the links between vocabulary and sentences, so that a candidate is
 * checked against its own note and its linked notes without a search.
 */
class TakenNotes<N extends NoteRef> {
  readonly #decks: ReadonlyMap<string, DeckCards<N>>;
  /**
   * Per deck, per note id: a sentence's vocabulary in article order, or a vocabulary note's
   * sentences. Made for a deck the first time it is asked about: a session reaches few decks' new cards.
   */
  readonly #linked = new Map<string, Map<string, N[]>>();
  /** Per deck, the ids of the notes taken today. */
  readonly #taken = new Map<string, Set<string>>();

  constructor(decks: readonly DeckCards<N>[]) {
    this.#decks = new Map(decks.map((deck) => [deck.slug, deck]));
  }

  #links(slug: string): Map<string, N[]> {
    let links = this.#linked.get(slug);
    if (links) return links;
    links = new Map();
    this.#linked.set(slug, links);
    const deck = this.#decks.get(slug);
    if (!deck) return links;
    const link = (from: N, to: N) => {
      const list = links.get(from.id);
      if (list) list.push(to);
      else links.set(from.id, [to]);
    };
    for (let i = 0; i + 1 < deck.pairs.length; i += 2) {
      const vocab = deck.notes[deck.pairs[i]!];
      const sentence = deck.notes[deck.pairs[i + 1]!];
      if (vocab?.kind !== 'vocab' || sentence?.kind !== 'sentence') continue;
      link(vocab, sentence);
      link(sentence, vocab);
    }
    return links;
  }

  add(deck: string, note: NoteRef): void {
    let taken = this.#taken.get(deck);
    if (!taken) this.#taken.set(deck, (taken = new Set()));
    taken.add(note.id);
  }

  /** The vocabulary notes a sentence uses, in article order. */
  vocabularyOf(deck: string, sentence: NoteRef): readonly N[] {
    // Vocabulary pulled forward comes in article order, whatever order the pairs were found in.
    return (this.#links(deck).get(sentence.id) ?? []).sort((a, b) => a.order - b.order);
  }

  /** Whether a card of `note` waits for another day: its note was taken, or it is vocabulary a sentence taken today gave away. */
  waits(deck: string, note: NoteRef): boolean {
    const taken = this.#taken.get(deck);
    if (!taken) return false;
    if (taken.has(note.id)) return true;
    return note.kind === 'vocab' && (this.#links(deck).get(note.id)?.some((s) => taken.has(s.id)) ?? false);
  }
}

export type QueueList = keyof Queue;

/**
 * The card to show now: a learning card whose step is over, then a review, then a new card; when
 * nothing else is left, a learning card up to 20 minutes early rather than a wait.
 */
export function pickNext(queue: Queue<NoteRef>, now: Date): { list: QueueList; index: number } | null {
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
export function countDueTomorrow(decks: readonly Pick<DeckCards<NoteRef>, 'states'>[], now: Date, dayStartsAt: number): number {
  const tomorrowEnd = nextDayStart(nextDayStart(now, dayStartsAt), dayStartsAt).getTime();
  let count = 0;
  for (const deck of decks) {
    for (const state of deck.states.values()) {
      if (state.suspended || isNew(state.state)) continue;
      if (Date.parse(state.due) < tomorrowEnd) count++;
    }
  }
  return count;
}
