import { cardId, DIRECTIONS, inArticleOrder, splitCardId, type Deck, type Note } from '../deck/note.js';
import type { Settings } from '../settings.js';
import type { CardState, JournalEntry } from './card-state.js';
import { type Candidates, type Dated, dueList, earlier, isHidden, pickQueue, type Queue, type QueueOptions, type QueuedCard, type QueueWindow, queueWindow, studiedToday } from './queue.js';

/**
 * What today's queue needs of a set of decks, without the notes' text or the cards' memory
 * parameters: a few hundred kilobytes where the decks and their schedules are megabytes. Saved at
 * the end of a session, it lets the next one draw its first card before the rest has loaded.
 */
export interface QueueIndex {
  decks: IndexedDeck[];
  /** [vocabulary id, sentence id] of every pair of these decks' notes that give each other away. */
  pairs: [string, string][];
}

/** Flat strings and numbers rather than an object per card: parsing it must not wake the garbage collector. */
export interface IndexedDeck {
  slug: string;
  name: string;
  /** Note ids in article order, one per line. */
  ids: string;
  /** Per note in the same order, `v` for vocabulary, `s` for a sentence. */
  kinds: string;
  /** Every stored state, five numbers each: position (note index × 2 + direction index), state, due ms, buried until ms or 0, suspended 0/1. */
  cards: number[];
  /** Where each note's JSON lies in the deck file, for reading one note alone (see store/queue-index-file.ts). */
  spans?: string;
}

const FIELDS = 5;

export function indexDecks(decks: readonly { deck: Deck; states: ReadonlyMap<string, CardState> }[], pairs: [string, string][]): QueueIndex {
  return {
    pairs,
    decks: decks.map(({ deck, states }) => {
      const notes = inArticleOrder(deck.notes);
      const stored: { id: string; due: number; fields: number[] }[] = [];
      notes.forEach((note, n) => DIRECTIONS.forEach((direction, d) => {
        const id = cardId(note.id, direction);
        const state = states.get(id);
        if (!state) return;
        const due = Date.parse(state.due);
        stored.push({ id, due, fields: [n * DIRECTIONS.length + d, state.state, due, state.buriedUntil ? Date.parse(state.buriedUntil) : 0, state.suspended ? 1 : 0] });
      }));
      // In the order the queue takes due cards, so a load takes them as they come and only merges decks.
      const cards = stored.sort((a, b) => a.due - b.due || (a.id < b.id ? -1 : 1)).flatMap((c) => c.fields);
      return { slug: deck.slug, name: deck.name, ids: notes.map((n) => n.id).join('\n'), kinds: notes.map((n) => (n.kind === 'vocab' ? 'v' : 's')).join(''), cards };
    }),
  };
}

/**
 * Today's queue from an index and the journal: the same choice `buildQueue` makes from the decks
 * themselves, touching only the cards that have a state, and making cards only as far as the
 * limits take them. Its notes have no text and its states no memory parameters: enough to order,
 * count and say which card comes first; the card shown needs its real note.
 */
export function queueFromIndex(
  index: QueueIndex,
  later: readonly JournalEntry[],
  journal: readonly JournalEntry[],
  settings: Pick<Settings, 'newPerDay' | 'reviewsPerDay' | 'dayStartsAt'>,
  options: QueueOptions,
  now: Date,
): Queue {
  const window = queueWindow(settings, options, now);
  const today = studiedToday(journal, now, settings.dayStartsAt);
  const views = index.decks.map((deck) => new DeckView(deck, later.filter((e) => e.deck === deck.slug), window));
  const studied: Note[] = [];
  for (const view of views) {
    for (const id of today.cards) {
      const note = id.startsWith(`${view.deck.slug}\u0000`) ? view.noteOfStoredCard(id.slice(view.deck.slug.length + 1)) : undefined;
      if (note) studied.push(note);
    }
  }
  const from: Candidates = {
    learning: views.flatMap((v) => v.learning).sort(earlier).map((d) => d.card),
    review: (function* review() {
      yield* merged(views, 'due');
      yield* merged(views, 'cram');
    })(),
    fresh: (function* fresh() {
      for (const view of views) yield* view.fresh(window);
    })(),
    studied,
  };
  const pairs = new Set(index.pairs.map(([vocab, sentence]) => `${vocab}\u0000${sentence}`));
  const siblings = (a: Note, b: Note) => a.id === b.id || pairs.has(`${a.id}\u0000${b.id}`) || pairs.has(`${b.id}\u0000${a.id}`);
  return pickQueue(from, today, settings, options, siblings);
}

/** A due card not yet made into a QueuedCard: its position, due time and state (given when the journal changed it). */
interface Slot {
  at: number;
  due: number;
  state: CardState['state'];
  changed?: CardState;
}

/** The decks' cards of one list, soonest first across decks, made one at a time as the queue takes them. */
function* merged(views: readonly DeckView[], list: 'due' | 'cram'): Generator<QueuedCard> {
  const next = views.map(() => 0);
  for (;;) {
    let best = -1;
    for (let v = 0; v < views.length; v++) {
      const slot = views[v]!.slots[list][next[v]!];
      if (slot && (best < 0 || views[v]!.before(slot, views[best]!, views[best]!.slots[list][next[best]!]!))) best = v;
    }
    if (best < 0) return;
    const view = views[best]!;
    yield view.cardOf(view.slots[list][next[best]!++]!, list === 'cram');
  }
}

/** One indexed deck, its cards addressed by position (note index × 2 + direction index). */
class DeckView {
  readonly deck: IndexedDeck;
  readonly learning: Dated[] = [];
  readonly slots: Record<'due' | 'cram', Slot[]> = { due: [], cram: [] };
  readonly #ids: string[];
  readonly #notes: Note[] = [];
  #positions: Map<string, number> | undefined;
  /** Positions that have a stored state. */
  readonly #stored: Uint8Array;
  /** Positions that are not new today: studied, suspended or buried. */
  readonly #notNew: Uint8Array;
  /** New cards that have a stored state (such as one unsuspended). */
  readonly #newStates = new Map<number, CardState>();

  constructor(deck: IndexedDeck, later: readonly JournalEntry[], window: QueueWindow) {
    this.deck = deck;
    this.#ids = deck.ids === '' ? [] : deck.ids.split('\n');
    this.#stored = new Uint8Array(this.#ids.length * DIRECTIONS.length);
    this.#notNew = new Uint8Array(this.#ids.length * DIRECTIONS.length);
    // States the journal changed after the index was saved (null: back to new).
    const changed = new Map<number, CardState | null>();
    for (const entry of later) {
      // A rename changes deck files too, so no index that holds either deck is used past one.
      if (entry.type === 'rename') continue;
      const at = this.#position(entry.cardId);
      if (at !== undefined) changed.set(at, entry.type === 'undo' ? entry.restored : entry.after);
    }
    const nowMs = window.now.getTime();
    const cards = deck.cards;
    const positions = this.#notNew.length;
    // Only cards due before the window closes can be listed; the rest (most of a big home) are just
    // marked as not new, without a call, which a cold process runs several times faster.
    const closes = Math.max(window.dayEnd, window.aheadEnd);
    for (let i = 0; i + FIELDS <= cards.length; i += FIELDS) {
      const at = cards[i]!;
      if (at >= positions || (changed.size > 0 && changed.has(at))) continue;
      const state = cards[i + 1] as CardState['state'];
      const due = cards[i + 2]!;
      const hidden = cards[i + 4] === 1 || cards[i + 3]! > nowMs;
      if ((state === 0 && !hidden) || due < closes) this.#consider(at, state, due, hidden, window);
      else this.#stored[at] = this.#notNew[at] = 1;
    }
    for (const [at, state] of changed) {
      if (state) this.#consider(at, state.state, Date.parse(state.due), isHidden(state, window.now), window, state);
    }
    // The index keeps each deck's cards in queue order; only states changed since need placing.
    if (changed.size > 0) for (const list of Object.values(this.slots)) list.sort((a, b) => (this.before(a, this, b) ? -1 : 1));
  }

  /** One stored state (`changed` when the journal gave it): marks it studied or hidden, and lists it if due. */
  #consider(at: number, state: CardState['state'], due: number, hidden: boolean, window: QueueWindow, changed?: CardState): void {
    this.#stored[at] = 1;
    if (state !== 0 || hidden) this.#notNew[at] = 1;
    else this.#newStates.set(at, changed ?? hollowState(state, due));
    if (state === 0 || hidden || !window.directions.includes(DIRECTIONS[at % DIRECTIONS.length]!)) return;
    const list = dueList(state, due, window);
    if (!list) return;
    const slot: Slot = changed ? { at, due, state, changed } : { at, due, state };
    if (list === 'learning') this.learning.push({ due, card: this.cardOf(slot, false) });
    else this.slots[list].push(slot);
  }

  /** Whether this deck's `slot` comes before `other`'s `slot` in the queue (see `earlier`). */
  before(slot: Slot, other: DeckView, otherSlot: Slot): boolean {
    return slot.due < otherSlot.due || (slot.due === otherSlot.due && this.#cardId(slot.at) < other.#cardId(otherSlot.at));
  }

  cardOf(slot: Slot, cram: boolean): QueuedCard {
    return this.#card(slot.at, slot.changed ?? hollowState(slot.state, slot.due), cram);
  }

  /** The note of a card that has a state. */
  noteOfStoredCard(id: string): Note | undefined {
    const at = this.#position(id);
    return at === undefined || !this.#stored[at] ? undefined : this.#note(Math.floor(at / DIRECTIONS.length));
  }

  *fresh(window: QueueWindow): Generator<QueuedCard> {
    for (let n = 0; n < this.#ids.length; n++) {
      for (const direction of window.directions) {
        const at = n * DIRECTIONS.length + DIRECTIONS.indexOf(direction);
        if (!this.#notNew[at]) yield this.#card(at, this.#newStates.get(at) ?? null, false);
      }
    }
  }

  #note(n: number): Note {
    return (this.#notes[n] ??= { id: this.#ids[n]!, kind: this.deck.kinds[n] === 'v' ? 'vocab' : 'sentence', zh: '', en: '', order: n });
  }

  #cardId(at: number): string {
    return cardId(this.#ids[Math.floor(at / DIRECTIONS.length)]!, DIRECTIONS[at % DIRECTIONS.length]!);
  }

  #position(id: string): number | undefined {
    const card = splitCardId(id);
    if (!card) return undefined;
    this.#positions ??= new Map(this.#ids.map((noteId, n) => [noteId, n]));
    const n = this.#positions.get(card.noteId);
    return n === undefined ? undefined : n * DIRECTIONS.length + DIRECTIONS.indexOf(card.direction);
  }

  #card(at: number, state: CardState | null, cram: boolean): QueuedCard {
    const note = this.#note(Math.floor(at / DIRECTIONS.length));
    const direction = DIRECTIONS[at % DIRECTIONS.length]!;
    return { deck: this.deck.slug, deckName: this.deck.name, note, direction, cardId: cardId(note.id, direction), state, cram };
  }
}

/** A state with only what ordering reads; its memory parameters are not known here. */
function hollowState(state: CardState['state'], due: number): CardState {
  return { due: new Date(due).toISOString(), state, stability: 0, difficulty: 0, elapsed_days: 0, scheduled_days: 0, learning_steps: 0, reps: 0, lapses: 0 };
}
