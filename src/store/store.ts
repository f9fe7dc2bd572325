import type { CardEntry, CardState, JournalEntry, RenameEntry } from '../core/srs/card-state.js';
import { applyEntry, sameState } from '../core/srs/replay.js';
import { loadConf } from './conf-file.js';
import { layout, makeDirectory, type HomeLayout } from './home.js';
import { withLock } from './lock.js';
import { appendJournal, readJournal, readJournalSince, type JournalMark } from './journal.js';
import { ScheduleFile } from './schedule.js';
import { SettingsFile } from './settings.js';

interface LoadedDeck {
  file: ScheduleFile;
  watermark: JournalMark;
  states: Map<string, CardState>;
  /** Journal offset up to which this deck's states have been applied. */
  applied: number;
  /** Entries replayed past the snapshot: when many, the snapshot is worth rewriting. */
  tail: number;
}

export type CommitResult =
  | { ok: true }
  | { ok: false; conflicts: string[] };

/** Entries past a snapshot after which closing the store rewrites it, so loads stay fast. */
const COMPACT_AFTER = 200;

/**
 * The only way into parley's state: settings, per-deck schedule snapshots and the review journal.
 * The journal is the truth; snapshots are caches of it. Writes take the home lock, catch up with
 * whatever another process appended meanwhile, then append and fsync.
 */
export class Store {
  readonly paths: HomeLayout;
  #settings: SettingsFile | undefined;
  #decks = new Map<string, LoadedDeck>();
  #end: JournalMark = { offset: 0, line: 1 };
  #tornBytes = 0;
  #warnings: string[] = [];
  /** Renames read since this process first read the journal: old slug → new slug (see `current`). */
  #renamed = new Map<string, string>();
  #holding = false;
  /** Whether this process has read the journal yet. */
  #read = false;

  constructor(root: string) {
    this.paths = layout(root);
  }

  get settings(): SettingsFile {
    this.#settings ??= new SettingsFile(this.paths.root, this.paths.settings);
    return this.#settings;
  }

  /** Things the user should hear about once, such as a torn journal line that was dropped. */
  takeWarnings(): string[] {
    const out = this.#warnings;
    this.#warnings = [];
    return out;
  }

  /** The journal position the loaded decks' states are up to date with. */
  get end(): JournalMark {
    return this.#end;
  }

  /** Card states of a deck: its snapshot plus the journal past the snapshot's watermark. */
  states(slug: string): ReadonlyMap<string, CardState> {
    return this.#load([slug]).get(slug)!.states;
  }

  /** Loads several decks with one read of the journal. */
  loadDecks(slugs: readonly string[]): void {
    this.#load(slugs);
  }

  /** The entries made since `since` (today's, for the daily limits), oldest first. */
  journalSince(since: Date): JournalEntry[] {
    return readJournalSince(this.paths.journal, since);
  }

  /** The whole review history, oldest first. */
  journal(): JournalEntry[] {
    return readJournal(this.paths.journal).entries.map((p) => p.entry);
  }

  /**
   * Runs `change` holding the home lock: a read-change-write of files the journal does not cover
   * (deck files), with commits inside it made under the same hold.
   */
  locked<T>(change: () => T): T {
    if (this.#holding) return change();
    return withLock(this.paths.lock, () => {
      this.#holding = true;
      try {
        return change();
      } finally {
        this.#holding = false;
      }
    });
  }

  /** The slug a deck this process loaded has now: a rename made meanwhile moves its later grades. */
  current(slug: string): string {
    let now = slug;
    for (let hops = 0; hops < 64 && this.#renamed.has(now); hops++) now = this.#renamed.get(now)!;
    return now;
  }

  /**
   * Makes entries durable. Each card entry's `before` must match the card's current state, so a
   * grade given on a card another session changed meanwhile is refused and the caller re-previews.
   * Entries made for a deck renamed meanwhile are recorded under its new slug.
   */
  commit(entries: readonly JournalEntry[]): CommitResult {
    if (entries.length === 0) return { ok: true };
    makeDirectory(this.paths.root);
    return this.locked(() => {
      this.#load([...new Set(entries.map((e) => e.deck))]);
      this.#sync();
      const moved = entries.map((e) => (e.type === 'rename' ? e : { ...e, deck: this.current(e.deck) }));
      this.#load(moved.map((e) => e.deck));
      const conflicts = this.#conflicts(moved);
      if (conflicts.length) return { ok: false, conflicts };
      this.#end = appendJournal(this.paths.journal, this.#end, this.#tornBytes, moved);
      this.#tornBytes = 0;
      for (const entry of moved) this.#apply(entry);
      for (const deck of this.#decks.values()) deck.applied = this.#end.offset;
      return { ok: true };
    });
  }

  /**
   * Appends one line renaming deck `from` to `to`, carrying every state `from` has once caught up
   * with the journal; returns how many card states moved.
   */
  commitRename(from: string, to: string, id: string, at: string): number {
    return this.locked(() => {
      this.#load([from, to]);
      this.#sync();
      const cards = Object.fromEntries(this.#decks.get(from)!.states);
      this.commit([{ type: 'rename', id, at, deck: to, from, cards }]);
      return Object.keys(cards).length;
    });
  }

  /** Rewrites the snapshots of decks with a long journal tail; safe to skip, it only saves time. */
  async compact(force = false): Promise<void> {
    const due = [...this.#decks.values()].filter((d) => (force ? d.tail > 0 : d.tail >= COMPACT_AFTER));
    if (due.length === 0) return;
    const Conf = await loadConf();
    makeDirectory(this.paths.state);
    this.locked(() => {
      this.#sync();
      for (const deck of due) {
        deck.file.write(Conf, { watermark: this.#end, cards: Object.fromEntries(deck.states) });
        deck.watermark = this.#end;
        deck.tail = 0;
      }
    });
  }

  #conflicts(entries: readonly JournalEntry[]): string[] {
    const pending = new Map<string, CardState | null>();
    const conflicts: string[] = [];
    for (const entry of entries) {
      if (entry.type === 'rename') continue;
      const key = `${entry.deck}\u0000${entry.cardId}`;
      const current = pending.has(key) ? pending.get(key)! : this.#decks.get(entry.deck)!.states.get(entry.cardId) ?? null;
      if (!sameState(entry.before, current)) conflicts.push(entry.cardId);
      pending.set(key, entry.type === 'undo' ? entry.restored : entry.after);
    }
    return conflicts;
  }

  #apply(entry: JournalEntry): void {
    if (entry.type === 'rename') return this.#applyRename(entry, this.#end.offset, true);
    const deck = this.#decks.get(entry.deck)!;
    applyEntry(deck.states, entry as CardEntry);
    deck.tail++;
  }

  /**
   * The new deck takes the states the line carries; the old slug starts empty, as a fresh deck.
   * A line this process had not read before (`news`) also moves the entries it makes later for the
   * old slug, through any chain of renames; an older line met while loading a deck from its
   * snapshot is only history: a deck made since under the old name is another deck.
   */
  #applyRename(entry: RenameEntry, offset: number, news: boolean): void {
    const target = this.#decks.get(entry.deck);
    if (target && offset >= target.applied) {
      for (const [id, state] of Object.entries(entry.cards)) target.states.set(id, state);
      target.tail++;
    }
    const source = this.#decks.get(entry.from);
    if (source && offset >= source.applied) {
      // A new map, not a cleared one: a session holding the old one keeps the states it started with.
      source.states = new Map();
      source.tail++;
    }
    if (news) {
      this.#renamed.set(entry.from, entry.deck);
      this.#renamed.delete(entry.deck);
    }
  }

  #load(slugs: readonly string[]): Map<string, LoadedDeck> {
    const fresh = slugs.filter((s) => !this.#decks.has(s));
    if (fresh.length === 0) return this.#decks;
    let from: JournalMark | undefined = this.#decks.size > 0 ? this.#end : undefined;
    for (const slug of fresh) {
      const file = new ScheduleFile(this.paths.state, slug);
      const { watermark, cards, ignored } = file.read(this.paths.journal);
      if (ignored) this.#warnings.push(ignored);
      // An ignored snapshot is rewritten by the next compaction.
      this.#decks.set(slug, { file, watermark, states: new Map(Object.entries(cards)), applied: watermark.offset, tail: ignored ? COMPACT_AFTER : 0 });
      if (!from || watermark.offset < from.offset) from = watermark;
    }
    this.#sync(from);
    return this.#decks;
  }

  /** Applies journal entries that other processes (or older sessions) appended. */
  #sync(from: JournalMark = this.#end): void {
    const read = readJournal(this.paths.journal, from);
    // Before its first read this process held nothing a rename could move.
    const known = this.#read ? this.#end.offset : Infinity;
    for (const { entry, offset } of read.entries) {
      if (entry.type === 'rename') {
        this.#applyRename(entry, offset, offset >= known);
        continue;
      }
      const deck = this.#decks.get(entry.deck);
      if (!deck || offset < deck.applied) continue;
      applyEntry(deck.states, entry);
      deck.tail++;
    }
    if (read.tornBytes > 0 && this.#tornBytes === 0) {
      this.#warnings.push(`dropped a torn last line of ${this.paths.journal} (a write cut short by a crash, never acknowledged)`);
    }
    this.#tornBytes = read.tornBytes;
    this.#end = read.end;
    this.#read = true;
    for (const deck of this.#decks.values()) deck.applied = read.end.offset;
  }
}
