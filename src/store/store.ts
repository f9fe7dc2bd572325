import { mkdirSync } from 'node:fs';
import type { CardState, JournalEntry } from '../core/srs/card-state.js';
import { applyEntry, sameState } from '../core/srs/replay.js';
import { loadConf } from './conf-file.js';
import { layout, type HomeLayout } from './home.js';
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
   * Makes entries durable. Each entry's `before` must match the card's current state, so a grade
   * given on a card another session changed meanwhile is refused and the caller re-previews.
   */
  commit(entries: readonly JournalEntry[]): CommitResult {
    if (entries.length === 0) return { ok: true };
    mkdirSync(this.paths.root, { recursive: true });
    return withLock(this.paths.lock, () => {
      this.#load([...new Set(entries.map((e) => e.deck))]);
      this.#sync();
      const conflicts = this.#conflicts(entries);
      if (conflicts.length) return { ok: false, conflicts };
      this.#end = appendJournal(this.paths.journal, this.#end, this.#tornBytes, entries);
      this.#tornBytes = 0;
      for (const entry of entries) {
        const deck = this.#decks.get(entry.deck)!;
        applyEntry(deck.states, entry);
        deck.tail++;
      }
      for (const deck of this.#decks.values()) deck.applied = this.#end.offset;
      return { ok: true };
    });
  }

  /** Rewrites the snapshots of decks with a long journal tail; safe to skip, it only saves time. */
  async compact(force = false): Promise<void> {
    const due = [...this.#decks.values()].filter((d) => (force ? d.tail > 0 : d.tail >= COMPACT_AFTER));
    if (due.length === 0) return;
    const Conf = await loadConf();
    mkdirSync(this.paths.state, { recursive: true });
    withLock(this.paths.lock, () => {
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
      const key = `${entry.deck}\u0000${entry.cardId}`;
      const current = pending.has(key) ? pending.get(key)! : this.#decks.get(entry.deck)!.states.get(entry.cardId) ?? null;
      if (!sameState(entry.before, current)) conflicts.push(entry.cardId);
      pending.set(key, entry.type === 'undo' ? entry.restored : entry.after);
    }
    return conflicts;
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
    for (const { entry, offset } of read.entries) {
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
    for (const deck of this.#decks.values()) deck.applied = read.end.offset;
  }
}
