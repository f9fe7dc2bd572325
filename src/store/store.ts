import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, rmdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { noteSpans, parseNote } from '../core/deck/file.js';
import type { Deck, Note } from '../core/deck/note.js';
import { noteRefs, outlineDeck, type NoteRef } from '../core/deck/outline.js';
import { isSlug } from '../core/deck/slug.js';
import { UserError } from '../core/errors.js';
import type { CardEntry, CardState, JournalEntry, RenameEntry } from '../core/srs/card-state.js';
import type { DeckNotes } from '../core/deck/summary.js';
import type { DeckCards } from '../core/srs/queue.js';
import { applyEntry, sameState } from '../core/srs/replay.js';
import { loadConf } from './conf-file.js';
import { deckPath, findDeck } from './deck-files.js';
import { layout, makeDirectory, type HomeLayout } from './home.js';
import { withLock } from './lock.js';
import { appendJournal, atLineBoundary, JOURNAL_START, readJournal, readJournalSince, type JournalMark } from './journal.js';
import { SettingsFile } from './settings.js';
import { decodeSpans, encodeSpans, type FiledOutline, type HomeState, readState, writeState } from './state-file.js';
import { sameStamp, stamp } from './stamp.js';

export type CommitResult =
  | { ok: true }
  | { ok: false; conflicts: string[] };

/** Journal entries past the state file after which even a reading command rewrites it. */
const REWRITE_AFTER = 200;

const NO_STATES: ReadonlyMap<string, CardState> = new Map();

/**
 * The only way into parley's state: settings, the review journal (the truth) and the one state file
 * derived from it and from the deck files (see state-file.ts). Writes take the home lock, catch up
 * with whatever another process appended meanwhile, then append and fsync.
 */
export class Store {
  readonly paths: HomeLayout;
  #settings: SettingsFile | undefined;
  #state: HomeState | undefined;
  /** Where the state file on disk stands in the journal, or undefined when it must be written. */
  #filed: JournalMark | undefined;
  /** Outlines found stale or missing and made anew: the state file is worth writing. */
  #outlined = false;
  #tornBytes = 0;
  #warnings: string[] = [];
  /** Renames read since this process first read the journal: old slug → new slug (see `current`). */
  #renamed = new Map<string, string>();
  #holding = false;

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

  /** The journal position the card states are up to date with. */
  get end(): JournalMark {
    return this.#open().journal;
  }

  /** A deck's card states, caught up with the journal as of the last read. */
  states(slug: string): ReadonlyMap<string, CardState> {
    return this.#open().cards.get(slug) ?? NO_STATES;
  }

  /** Reads the state now: a state parley must refuse is refused before the caller writes anything. */
  read(): void {
    this.#open();
  }

  /** A deck's note ids and card states, for counting; undefined when there is no such deck file. */
  deckNotes(slug: string): DeckNotes | undefined {
    const outline = this.#outline(slug);
    return outline && { slug, name: outline.name, noteIds: outline.ids, states: this.states(slug) };
  }

  /**
   * A deck's cards as the queue wants them: its outline (remade from the deck file when the file
   * changed since) and its states; undefined when there is no such deck file.
   */
  deckCards(slug: string): DeckCards<NoteRef> | undefined {
    const outline = this.#outline(slug);
    if (!outline) return undefined;
    return { slug, name: outline.name, notes: noteRefs(outline), pairs: outline.pairs, states: this.states(slug) };
  }

  /**
   * The notes at these positions of a deck's outline, read alone from the deck file where the
   * state knows their place, else from the whole file.
   */
  notes(slug: string, positions: readonly number[]): Map<number, Note> {
    const outline = this.#outline(slug);
    const found = new Map<number, Note>();
    if (!outline) return found;
    // #outline has just checked the file against the outline's stamp; each note's id is checked below.
    const file = deckPath(this.paths, slug);
    const spans = outline.spans ? decodeSpans(outline.spans, outline.ids.length) : undefined;
    if (spans) {
      let fd: number | undefined;
      try {
        fd = openSync(file, 'r');
        for (const n of positions) {
          const bytes = Buffer.allocUnsafe(spans[2 * n + 1]! - spans[2 * n]!);
          readSync(fd, bytes, 0, bytes.length, spans[2 * n]!);
          const note = parseNote(bytes.toString('utf8'));
          if (note && note.id === outline.ids[n]) found.set(n, note);
        }
      } catch {
        // Read below from the whole file, which says what is wrong with it if anything is.
      } finally {
        if (fd !== undefined) closeSync(fd);
      }
    }
    if (found.size < positions.length) {
      const byId = new Map((findDeck(this.paths, slug)?.notes ?? []).map((note) => [note.id, note]));
      for (const n of positions) {
        const note = byId.get(outline.ids[n]!);
        if (note && !found.has(n)) found.set(n, note);
      }
    }
    return found;
  }

  /** Records a deck file just written: its outline is made now, from the deck in hand. */
  wrote(deck: Deck): void {
    this.#setOutline(deck.slug, deck);
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
      const state = this.#open();
      this.#sync();
      const moved = entries.map((e) => (e.type === 'rename' ? e : { ...e, deck: this.current(e.deck) }));
      const conflicts = this.#conflicts(moved);
      if (conflicts.length) return { ok: false, conflicts };
      state.journal = appendJournal(this.paths.journal, state.journal, this.#tornBytes, moved);
      this.#tornBytes = 0;
      for (const entry of moved) this.#apply(entry, true);
      return { ok: true };
    });
  }

  /**
   * Appends one line renaming deck `from` to `to`, carrying every state `from` has once caught up
   * with the journal; returns how many card states moved.
   */
  commitRename(from: string, to: string, id: string, at: string): number {
    return this.locked(() => {
      this.#open();
      this.#sync();
      const cards = Object.fromEntries(this.states(from));
      this.commit([{ type: 'rename', id, at, deck: to, from, cards }]);
      return Object.keys(cards).length;
    });
  }

  /**
   * Writes the state file when it lags the journal (by `REWRITE_AFTER` entries, or at all with
   * `force`) or an outline was remade, and then removes what releases before it kept in state/.
   * Safe to skip: it only saves the next start some time.
   */
  async save(force = false): Promise<void> {
    const state = this.#state;
    if (!state) return;
    const lag = this.#filed === undefined ? Infinity : state.journal.line - this.#filed.line;
    if (!this.#outlined && (force ? lag === 0 : lag < REWRITE_AFTER)) return;
    const Conf = await loadConf();
    try {
      this.locked(() => {
        this.#sync();
        writeState(Conf, this.paths, state);
        this.#filed = { ...state.journal };
        this.#outlined = false;
        removeLegacyState(this.paths.legacyState);
      });
    } catch (error) {
      // Every grade is in the journal: a state file not written only costs the next start a replay.
      if (!(error instanceof UserError)) throw error;
      this.#warnings.push(`${error.message}: every review is saved, only ${this.paths.stateFile} was not brought up to date`);
    }
  }

  #open(): HomeState {
    if (this.#state) return this.#state;
    const read = readState(this.paths);
    let state: HomeState = { journal: JOURNAL_START, outlines: new Map(), cards: new Map() };
    if ('state' in read && atLineBoundary(this.paths.journal, read.state.journal)) {
      // A journal shorter than the state is refused by the read below, naming the journal.
      state = read.state;
      this.#filed = { ...state.journal };
    } else if ('damaged' in read && !existsSync(this.paths.journal)) {
      throw new UserError(`${this.paths.stateFile} ${read.damaged}, and there is no journal to rebuild it from`, 'move it away to start afresh, or put journal.jsonl back');
    } else if (!('missing' in read)) {
      const why = 'damaged' in read ? read.damaged : `names a place that is not where a line of ${this.paths.journal} starts`;
      this.#warnings.push(`${this.paths.stateFile} ${why}: rebuilt it from the journal`);
    }
    this.#state = state;
    this.#sync(true);
    return state;
  }

  /** Applies journal entries that other processes (or older sessions) appended. */
  #sync(first = false): void {
    const state = this.#state!;
    const read = readJournal(this.paths.journal, state.journal);
    for (const { entry } of read.entries) this.#apply(entry, !first);
    if (read.tornBytes > 0 && this.#tornBytes === 0) {
      this.#warnings.push(`dropped a torn last line of ${this.paths.journal} (a write cut short by a crash, never acknowledged)`);
    }
    this.#tornBytes = read.tornBytes;
    state.journal = read.end;
  }

  #conflicts(entries: readonly JournalEntry[]): string[] {
    const pending = new Map<string, CardState | null>();
    const conflicts: string[] = [];
    for (const entry of entries) {
      if (entry.type === 'rename') continue;
      const key = `${entry.deck}\u0000${entry.cardId}`;
      const current = pending.has(key) ? pending.get(key)! : this.states(entry.deck).get(entry.cardId) ?? null;
      if (!sameState(entry.before, current)) conflicts.push(entry.cardId);
      pending.set(key, entry.type === 'undo' ? entry.restored : entry.after);
    }
    return conflicts;
  }

  /**
   * One entry onto the states. A rename gives the new deck the states its line carries, and the old
   * slug starts empty, as a fresh deck; one this process had not read before (`news`) also moves
   * the entries it makes later for the old slug, through any chain of renames.
   */
  #apply(entry: JournalEntry, news: boolean): void {
    const cards = this.#state!.cards;
    if (entry.type === 'rename') return this.#applyRename(entry, news);
    let states = cards.get(entry.deck);
    if (!states) cards.set(entry.deck, (states = new Map()));
    applyEntry(states, entry as CardEntry);
  }

  #applyRename(entry: RenameEntry, news: boolean): void {
    const cards = this.#state!.cards;
    const target = new Map(cards.get(entry.deck));
    for (const [id, state] of Object.entries(entry.cards)) target.set(id, state);
    cards.set(entry.deck, target);
    // A new map, not a cleared one: a session holding the old one keeps the states it started with.
    cards.set(entry.from, new Map());
    if (news) {
      this.#renamed.set(entry.from, entry.deck);
      this.#renamed.delete(entry.deck);
    }
  }

  /** The outline of a deck as its file is now; undefined when there is no such file. */
  #outline(slug: string): FiledOutline | undefined {
    const state = this.#open();
    const now = stamp(deckPath(this.paths, slug));
    const known = state.outlines.get(slug);
    if (!now) {
      if (known) {
        state.outlines.delete(slug);
        this.#outlined = true;
      }
      return undefined;
    }
    if (known && sameStamp(known.stamp, now)) return known;
    const deck = findDeck(this.paths, slug);
    return deck && this.#setOutline(slug, deck);
  }

  #setOutline(slug: string, deck: Deck): FiledOutline | undefined {
    const file = deckPath(this.paths, slug);
    // Stamped before reading: a change made meanwhile shows up next time as a mismatch.
    const before = stamp(file);
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      return undefined;
    }
    if (!before) return undefined;
    const outline: FiledOutline = { ...outlineDeck(deck), stamp: before };
    const spans = noteSpans(bytes);
    if (spans && spans.length === deck.notes.length * 2) {
      const order = deck.notes.map((_, i) => i).sort((a, b) => deck.notes[a]!.order - deck.notes[b]!.order);
      outline.spans = encodeSpans(order.flatMap((i) => [spans[2 * i]!, spans[2 * i + 1]!]));
    }
    this.#open().outlines.set(slug, outline);
    this.#outlined = true;
    return outline;
  }
}

/**
 * The per-deck snapshots and caches of releases before the state file: only files parley named,
 * and only as far as the disk lets it (a file left behind is unused, never wrong).
 */
function removeLegacyState(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  try {
    for (const name of names) {
      const slug = name.endsWith('.json') ? name.slice(0, -5) : '';
      if (name === '_queue.json' || name === '_summaries.json' || isSlug(slug)) rmSync(join(dir, name), { force: true });
    }
    rmdirSync(dir);
  } catch {
    // A file that would not go, or something else in there: not ours to force.
  }
}
