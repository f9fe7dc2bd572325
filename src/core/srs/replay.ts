import type { CardEntry, CardState, JournalEntry, RenameEntry } from './card-state.js';

const FIELDS = ['due', 'stability', 'difficulty', 'reps', 'lapses', 'state', 'last_review', 'learning_steps', 'suspended', 'buriedUntil'] as const;

/** Whether two stored states are the same card state (key order and absent-vs-undefined aside). */
export function sameState(a: CardState | null, b: CardState | null): boolean {
  if (a === null || b === null) return a === b;
  return FIELDS.every((key) => a[key] === b[key]);
}

/**
 * Where an entry stands in the replay of every device's journal: its time, made never to go back
 * within one device (a clock set back must not reorder a device's own entries), then the device,
 * then its line in that device's journal. Every home computes the same order from the same files.
 */
export interface ReplayKey {
  at: number;
  device: string;
  line: number;
}

export function compareKeys(a: ReplayKey, b: ReplayKey): number {
  if (a.at !== b.at) return a.at - b.at;
  if (a.device !== b.device) return a.device < b.device ? -1 : 1;
  return a.line - b.line;
}

export interface KeyedEntry {
  entry: JournalEntry;
  key: ReplayKey;
}

/** A device's journal as read: its entries in file order, each with its line number. */
export interface DeviceJournal {
  device: string;
  entries: readonly { entry: JournalEntry; line: number }[];
  /** The time the device's clock had reached before the first of these entries (0 from the start). */
  since?: number;
}

/** Every device's entries in replay order. */
export function replayOrder(journals: readonly DeviceJournal[]): KeyedEntry[] {
  const all: KeyedEntry[] = [];
  for (const { device, entries, since = 0 } of journals) {
    let at = since;
    for (const { entry, line } of entries) {
      at = Math.max(at, Date.parse(entry.at), entry.follows === undefined ? 0 : Date.parse(entry.follows) + 1);
      all.push({ entry, key: { at, device, line } });
    }
  }
  return all.sort((a, b) => compareKeys(a.key, b.key));
}

type Change = Exclude<CardEntry, { type: 'undo' }>;

interface Applied {
  entry: Change;
  device: string;
  /** The card's state just before this entry took effect. */
  before: CardState | null;
}

/**
 * The card states the journals add up to. Entries of one device follow each other (each `before`
 * is the state the one before left), so each leaves the state it recorded. Where devices met
 * offline the journals interleave, and an entry may find the card other than it left it:
 * - a review or a move leaves its own state: the later one in time wins, as in Anki, and both stay in the history;
 * - a suspend, unsuspend or bury changes only its flag, keeping what the other device's reviews did;
 * - an undo takes its own target out of the card's history and replays the rest, so it undoes
 *   only that device's entry.
 * Card histories are kept only for a replay from the start (`withHistory`): applying this
 * device's new entries onto a saved state never needs them.
 */
export class Replay {
  readonly cards: Map<string, Map<string, CardState>>;
  readonly #history: Map<string, Applied[]> | undefined;

  constructor(cards: Map<string, Map<string, CardState>>, withHistory: boolean) {
    this.cards = cards;
    this.#history = withHistory ? new Map() : undefined;
  }

  apply(entry: JournalEntry, device: string): void {
    if (entry.type === 'rename') this.#rename(entry);
    else this.#card(entry, device);
  }

  #card(entry: CardEntry, device: string): void {
    let states = this.cards.get(entry.deck);
    if (!states) this.cards.set(entry.deck, (states = new Map()));
    const current = states.get(entry.cardId) ?? null;
    const key = `${entry.deck}\u0000${entry.cardId}`;
    const history = this.#history && (this.#history.get(key) ?? this.#history.set(key, []).get(key)!);
    let next: CardState | null;
    if (entry.type === 'undo') {
      const at = history ? history.findLastIndex((h) => h.entry.id === entry.target) : -1;
      if (at < 0) {
        // Without histories this device's entries come in order, so its undo finds the card as its
        // target left it; a target no history holds was made before any line this replay read.
        if (history && !sameState(entry.before, current)) return;
        next = entry.restored;
      } else {
        next = history![at]!.before;
        history!.splice(at, 1);
        for (const later of history!.slice(at)) {
          later.before = next;
          next = step(next, later.entry);
        }
      }
    } else {
      next = step(current, entry);
      history?.push({ entry, device, before: current });
    }
    if (next === null) states.delete(entry.cardId);
    else states.set(entry.cardId, next);
  }

  /**
   * The new deck takes the old one's states as replayed here. These are what the line carries when
   * one device wrote the journal; where devices met, they also hold reviews another device made
   * before the rename but sent after it, and a second device's line renaming what it reviewed
   * under the old name meanwhile moves that, never an older copy. The old slug starts empty, as a
   * fresh deck.
   */
  #rename(entry: RenameEntry): void {
    const from = this.cards.get(entry.from) ?? new Map<string, CardState>();
    const target = new Map(this.cards.get(entry.deck));
    for (const [id, state] of from) target.set(id, state);
    this.cards.set(entry.deck, target);
    // A new map, not a cleared one: a session holding the old one keeps the states it started with.
    this.cards.set(entry.from, new Map());
    if (!this.#history) return;
    for (const id of from.keys()) {
      const moved = this.#history.get(`${entry.from}\u0000${id}`);
      if (!moved) continue;
      this.#history.delete(`${entry.from}\u0000${id}`);
      this.#history.set(`${entry.deck}\u0000${id}`, moved);
    }
  }
}

/** What a card entry makes of the state it finds (see Replay). */
function step(current: CardState | null, entry: Change): CardState {
  if (entry.type === 'review' || entry.type === 'move' || current === null || sameState(entry.before, current)) return entry.after;
  if (entry.type === 'bury') return { ...current, buriedUntil: entry.after.buriedUntil! };
  const { suspended: _, ...rest } = current;
  return entry.type === 'suspend' ? { ...rest, suspended: true } : rest;
}
