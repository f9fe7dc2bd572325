import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { noteSpans, parseNote } from '../core/deck/file.js';
import type { Deck, Note } from '../core/deck/note.js';
import { noteRefs, outlineDeck, type NoteRef } from '../core/deck/outline.js';
import { isSlug } from '../core/deck/slug.js';
import { UserError } from '../core/errors.js';
import type { CardState, JournalEntry, RenameEntry } from '../core/srs/card-state.js';
import type { DeckNotes } from '../core/deck/summary.js';
import type { DeckCards } from '../core/srs/queue.js';
import { compareKeys, Replay, replayOrder, sameState, type DeviceJournal, type ReplayKey } from '../core/srs/replay.js';
import { syncDirectory } from './atomic.js';
import { entryId } from './entry-id.js';
import { device, isDevice, knownDevice, newDevice, recordDevice } from './device.js';
import { isLink, loadConf, unusable } from './conf-file.js';
import { deckPath, findDeck } from './deck-files.js';
import { journalPath, layout, makeDirectory, type HomeLayout } from './home.js';
import { withLock } from './lock.js';
import { appendJournal, atLineBoundary, checkJournal, JOURNAL_START, readJournal, readJournalSince, type JournalMark } from './journal.js';
import { SettingsFile } from './settings.js';
import { decodeSpans, type DeviceMark, encodeSpans, type FiledOutline, type HomeState, LEGACY_DEVICE, readState, writeState } from './state-file.js';
import { sameStamp, stamp } from './stamp.js';

export type CommitResult =
  | { ok: true }
  | { ok: false; conflicts: string[] };

/** Journal entries past the state file after which even a reading command rewrites it. */
const REWRITE_AFTER = 200;

const NO_STATES: ReadonlyMap<string, CardState> = new Map();

const START: DeviceMark = { ...JOURNAL_START, at: 0 };
const BEFORE_ALL: ReplayKey = { at: -Infinity, device: '', line: 0 };

/** How many lines of all journals a state stands for: how far it lags is counted in these. */
const linesOf = (state: HomeState) => [...state.journals.values()].reduce((n, mark) => n + mark.line - 1, 0);

/**
 * The only way into parley's state: settings, the review journals (the truth: one per device, this
 * device appending only to its own) and the one state file derived from them and from the deck
 * files (see state-file.ts). Writes take the home lock, catch up with whatever another process
 * appended meanwhile, then append and fsync. Another device's lines (brought by `parley sync` or
 * any folder-sync tool) are replayed with every journal from the start, in one total order.
 */
export class Store {
  readonly paths: HomeLayout;
  #settings: SettingsFile | undefined;
  #state: HomeState | undefined;
  /** How many journal lines the state file on disk stands for, or undefined when it must be written. */
  #filed: number | undefined;
  /** This device (see device.ts), once known; LEGACY_DEVICE while a home of an older release cannot be moved on. */
  #own: string | undefined;
  /** The last entry replayed: an entry sorting before it calls for a replay from the start. */
  #last: ReplayKey = BEFORE_ALL;
  /** Renames another device made whose old deck this device has reviewed since (see `save`). */
  #strays: { from: string; to: string }[] = [];
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

  /** Where this device's journal ends, as far as the card states are up to date with it. */
  get end(): JournalMark {
    const state = this.#open();
    const own = this.#own ?? knownDevice(this.paths);
    const { offset, line } = (own !== undefined && state.journals.get(own)) || START;
    return { offset, line };
  }

  /** This home's device id on this machine, made the first time it is asked for. */
  get device(): string {
    return this.locked(() => this.#device());
  }

  /** A deck's card states, caught up with the journal as of the last read. */
  states(slug: string): ReadonlyMap<string, CardState> {
    return this.#open().cards.get(slug) ?? NO_STATES;
  }

  /** Reads the state now: a state parley must refuse is refused before the caller writes anything. */
  read(): void {
    this.#open();
  }

  /** Catches up with what the journals gained since the last read: another device's lines replay every journal. */
  refresh(): void {
    if (this.#state) this.#sync();
    else this.#open();
  }

  /** A deck's note ids and card states, for counting; undefined when there is no such deck file. */
  deckNotes(slug: string): DeckNotes | undefined {
    const outline = this.#outline(slug);
    return outline && { slug, name: outline.name, noteIds: outline.ids, kinds: outline.kinds, states: this.states(slug) };
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

  /** The entries every device made since `since` (today's, for the daily limits), oldest first. */
  journalSince(since: Date): JournalEntry[] {
    this.#open();
    const entries = this.#devices().flatMap((d) => readJournalSince(this.#path(d), since));
    return entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  }

  /** The whole review history of every device, in replay order. */
  journal(): JournalEntry[] {
    this.#open();
    return replayOrder(this.#devices().map((d) => this.#readAll(d))).map((k) => k.entry);
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
      let moved = entries.map((e) => (e.type === 'rename' ? e : { ...e, deck: this.current(e.deck) }));
      const conflicts = this.#conflicts(moved);
      if (conflicts.length) return { ok: false, conflicts };
      // A device's id is recorded once its first line is on disk: a command refused before that leaves no trace.
      const known = this.#own ?? knownDevice(this.paths);
      const own = known ?? newDevice();
      moved = this.#following(moved, own);
      if (own !== LEGACY_DEVICE && !existsSync(this.paths.journals)) {
        makeDirectory(this.paths.journals, 'journal directory');
        // The first grade is durable only once the directory holding its journal is.
        syncDirectory(this.paths.root);
      }
      const mark = state.journals.get(own) ?? START;
      const end = appendJournal(this.#path(own), mark, this.#tornBytes, moved);
      this.#tornBytes = 0;
      this.#own = known ?? recordDevice(this.paths, own);
      const first = end.line - moved.length;
      this.#replay([{ device: own, entries: moved.map((entry, i) => ({ entry, line: first + i })), since: mark.at }], own, end);
      return { ok: true };
    });
  }

  /**
   * Entries made on a clock not past the latest line another device made that this one has replayed
   * (clocks differ between machines, or stand still under PARLEY_NOW) say so in `follows`: every
   * home then replays them after what this device had seen when it made them.
   */
  #following(entries: JournalEntry[], own: string): JournalEntry[] {
    const seen = this.#last;
    if (seen.device === own || seen.at === -Infinity) return entries;
    const follows = new Date(seen.at).toISOString();
    return entries.map((e) => (Date.parse(e.at) > seen.at ? e : { ...e, follows }));
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
    if (this.#strays.length) this.#bringStrays();
    const lag = this.#filed === undefined ? Infinity : linesOf(state) - this.#filed;
    if (!this.#outlined && (force ? lag === 0 : lag < REWRITE_AFTER)) return;
    const Conf = await loadConf();
    try {
      this.locked(() => {
        this.#sync();
        writeState(Conf, this.paths, state);
        this.#filed = linesOf(state);
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
    this.#moveLegacyJournal();
    const read = readState(this.paths);
    let state: HomeState = { journals: new Map(), outlines: new Map(), cards: new Map() };
    this.#own ??= knownDevice(this.paths);
    const own = this.#own;
    const legacy = 'state' in read ? read.state.journals.get(LEGACY_DEVICE) : undefined;
    if ('state' in read && legacy && own !== LEGACY_DEVICE && (own !== undefined || legacy.offset === 0)) {
      // The place a release before devices filed is in the journal now this device's (or in none yet).
      read.state.journals.delete(LEGACY_DEVICE);
      if (own !== undefined) read.state.journals.set(own, legacy);
    }
    const ownMark = 'state' in read && own !== undefined ? read.state.journals.get(own) : undefined;
    if ('state' in read && (!ownMark || atLineBoundary(this.#path(own!), ownMark))) {
      // A journal shorter than the state is refused by the read below, naming the journal.
      state = read.state;
      this.#filed = linesOf(state);
      for (const [device, mark] of state.journals) this.#last = later(this.#last, { at: mark.at, device, line: mark.line - 1 });
    } else if ('damaged' in read && this.#devices().length === 0) {
      throw new UserError(`${this.paths.stateFile} ${read.damaged}, and there is no journal to rebuild it from`, 'move it away to start afresh, or put the journal back');
    } else if (!('missing' in read)) {
      const why = 'damaged' in read ? read.damaged : `names a place that is not where a line of ${this.#path(own!)} starts`;
      this.#warnings.push(`${this.paths.stateFile} ${why}: rebuilt it from the journal`);
    }
    this.#state = state;
    this.#sync(true);
    return state;
  }

  /**
   * A home of a release before devices keeps its journal as journal.jsonl: it becomes this device's
   * journal, moved whole (one rename), so no line is lost and every place in it still holds. A home
   * parley may not change (read-only) is read where it is.
   */
  #moveLegacyJournal(): void {
    const legacy = this.paths.legacyJournal;
    if (!existsSync(legacy)) return;
    checkJournal(legacy);
    let target: string | undefined;
    try {
      this.locked(() => {
        if (!existsSync(legacy)) return;
        target = journalPath(this.paths, this.#device());
        if (existsSync(target)) return;
        makeDirectory(this.paths.journals, 'journal directory');
        try {
          renameSync(legacy, target);
        } catch (error) {
          throw unusable(legacy, error) ?? error;
        }
        syncDirectory(this.paths.journals);
        syncDirectory(this.paths.root);
      });
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      this.#own = LEGACY_DEVICE;
      return;
    }
    if (target && existsSync(legacy)) {
      throw new UserError(`${legacy} and ${target} both hold reviews of this device`, 'append the lines of the first to the second, then remove the first');
    }
  }

  /** This device, made and recorded if it is not yet: call under the home lock. */
  #device(): string {
    this.#own ??= device(this.paths);
    return this.#own;
  }

  #path(device: string): string {
    return device === LEGACY_DEVICE ? this.paths.legacyJournal : journalPath(this.paths, device);
  }

  /** The devices whose journals are in the home: files named `<device>.jsonl` in journal/, nothing else. */
  #devices(): string[] {
    let names: string[] = [];
    if (isLink(this.paths.journals)) {
      throw new UserError(`${this.paths.journals} is a symbolic link`, 'parley keeps its journals only in a plain directory in its home: replace the link with the directory itself');
    }
    try {
      names = readdirSync(this.paths.journals);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOTDIR') throw new UserError(`${this.paths.journals} is a file, not a directory`, 'move that file out of your parley home: parley keeps its journals in that directory');
      if (code !== 'ENOENT') throw unusable(this.paths.journals, error) ?? error;
    }
    const devices = names.filter((n) => n.endsWith('.jsonl') && isDevice(n.slice(0, -6))).map((n) => n.slice(0, -6));
    if (this.#own === LEGACY_DEVICE && existsSync(this.paths.legacyJournal)) devices.push(LEGACY_DEVICE);
    return devices;
  }

  /**
   * Reads one journal from `from` on. This device's journal must hold every line the state has
   * read (else it is refused, see readJournal); another device's is only ever a copy, which a sync
   * may replace with an older one: undefined then, and the caller replays from the start.
   */
  #read(device: string, from: DeviceMark): { journal: DeviceJournal; end: JournalMark } | undefined {
    const path = this.#path(device);
    const own = device === this.#own;
    const older = () => {
      this.#warnings.push(`${path} holds less than when parley last read it (a sync brought an older copy): replayed every journal as they are now`);
      return undefined;
    };
    if (!own && from.offset > 0 && !atLineBoundary(path, from)) return older();
    let read;
    try {
      read = readJournal(path, from);
    } catch (error) {
      if (own || !(error instanceof UserError) || !error.message.includes('shorter than')) throw error;
      return older();
    }
    if (own) {
      if (read.tornBytes > 0 && this.#tornBytes === 0) {
        this.#warnings.push(`dropped a torn last line of ${path} (a write cut short by a crash, never acknowledged)`);
      }
      this.#tornBytes = read.tornBytes;
    }
    // Another device's torn last line is one still arriving: it is read whole next time.
    return { journal: { device, entries: read.entries, since: from.at }, end: read.end };
  }

  #readAll(device: string): DeviceJournal {
    return this.#read(device, START)!.journal;
  }

  /**
   * Applies what the journals gained since the state was made: lines this device (another session
   * of it) appended, in order, onto the states; anything else (another device's lines, or a line
   * sorting before one replayed already) by replaying every journal from the start.
   */
  #sync(first = false): void {
    const state = this.#state!;
    const reads: DeviceJournal[] = [];
    const ends = new Map<string, JournalMark>();
    let foreign = false;
    for (const device of new Set([...this.#devices(), ...state.journals.keys()])) {
      const read = this.#read(device, state.journals.get(device) ?? START);
      if (!read) return this.#rebuild(first);
      if (read.journal.entries.length === 0) continue;
      if (device !== this.#own) foreign = true;
      reads.push(read.journal);
      ends.set(device, read.end);
    }
    if (foreign) return this.#rebuild(first);
    for (const journal of reads) this.#replay([journal], journal.device, ends.get(journal.device)!, !first);
  }

  /** Applies one device's new entries onto the states, or replays from the start when one sorts before what is in. */
  #replay(journals: DeviceJournal[], device: string, end: JournalMark, news = true): void {
    const keyed = replayOrder(journals);
    if (keyed.length === 0) return;
    if (compareKeys(keyed[0]!.key, this.#last) <= 0) return this.#rebuild(!news);
    const state = this.#state!;
    const replay = new Replay(state.cards, false);
    for (const { entry } of keyed) {
      replay.apply(entry, device);
      if (news && entry.type === 'rename') this.#renamedNow(entry);
    }
    this.#last = keyed.at(-1)!.key;
    state.journals.set(device, { ...end, at: this.#last.at });
  }

  /** Replays every journal from the start, in the order every home replays them. */
  #rebuild(first: boolean): void {
    const state = this.#state!;
    const journals: DeviceJournal[] = [];
    const ends = new Map<string, DeviceMark>();
    for (const device of this.#devices()) {
      const read = this.#read(device, START)!;
      journals.push(read.journal);
      ends.set(device, { ...read.end, at: 0 });
    }
    const keyed = replayOrder(journals);
    for (const { key } of keyed) ends.get(key.device)!.at = key.at;
    const replay = new Replay(new Map(), true);
    const renames = new Map<string, { to: string; device: string }>();
    for (const { entry, key } of keyed) {
      replay.apply(entry, key.device);
      if (entry.type !== 'rename') continue;
      renames.set(entry.from, { to: entry.deck, device: key.device });
      if (!first && compareKeys(key, this.#last) > 0) this.#renamedNow(entry);
    }
    state.cards = replay.cards;
    state.journals = ends;
    this.#last = keyed.at(-1)?.key ?? BEFORE_ALL;
    this.#filed = undefined;
    this.#strays = [...renames].filter(([from, r]) => r.device !== this.#own && (replay.cards.get(from)?.size ?? 0) > 0)
      .map(([from, r]) => ({ from, to: r.to }));
  }

  /**
   * A deck another device renamed still has states here under its old name: this device reviewed
   * it before the rename reached it. When the old deck file is gone and the new one is here, this
   * device renames what it reviewed too, in a line of its own journal that every home replays.
   */
  #bringStrays(): void {
    const strays = this.#strays;
    this.#strays = [];
    for (const { from, to } of strays) {
      if (existsSync(deckPath(this.paths, from)) || !existsSync(deckPath(this.paths, to))) continue;
      const at = new Date(Math.max(this.#last.at + 1, 0)).toISOString();
      try {
        this.commitRename(from, to, entryId(), at);
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        this.#warnings.push(`${error.message}: the reviews of deck ${from} stay under that name until the next run`);
      }
    }
  }

  /** A rename this process had not read: its later entries for the old slug go to the new one. */
  #renamedNow(entry: RenameEntry): void {
    this.#renamed.set(entry.from, entry.deck);
    this.#renamed.delete(entry.deck);
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

const later = (a: ReplayKey, b: ReplayKey) => (compareKeys(a, b) >= 0 ? a : b);

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
