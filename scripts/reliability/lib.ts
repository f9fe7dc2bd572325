// In-process helpers for `npm run reliability` (scripts/reliability.mjs bundles this file with
// esbuild). Run as a script it is also a child-process tool: `node lib.mjs <command> ...`.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { analyseArticle, parseLexicon, type Lexicon } from '../../src/core/article/index.js';
import { notesFromAnalysis } from '../../src/core/deck/from-analysis.js';
import { parseDeck, serialiseDeck } from '../../src/core/deck/file.js';
import { isSlug } from '../../src/core/deck/slug.js';
import { cardId, DECK_FORMAT, type Deck, type Note } from '../../src/core/deck/note.js';
import { UserError } from '../../src/core/errors.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import type { CardState, Grade, JournalEntry } from '../../src/core/srs/card-state.js';
import { dayStart, isDueToday, nextDayStart } from '../../src/core/srs/day.js';
import { buildQueue, cardsOfDeck, type QueuedCard } from '../../src/core/srs/queue.js';
import { sameState } from '../../src/core/srs/replay.js';
import { applyEntry } from '../../tests/helpers/recorded-state.js';
import { makeScheduler, type Outcome } from '../../src/core/srs/scheduler.js';
import { startSession, step, type SessionEvent, type SessionState } from '../../src/core/srs/session.js';
import { decodeArticle } from '../../src/core/text/decode.js';
import { tokenizeHtml } from '../../src/commands/import/html-tokenizer.js';
import { htmlToText, looksLikeHtml } from '../../src/core/text/html.js';
import { appendJournal, readJournal, JOURNAL_START } from '../../src/store/journal.js';
import { readDeck, writeDeck } from '../../src/store/deck-files.js';
import { Store } from '../../src/store/store.js';
import { fakeNote, makeHome } from '../../tests/helpers/home-fixture.js';

export { makeHome, fakeNote };
// The sections find a home's journal and copy homes as the tests do.
export { allJournalLines, copyHome, journalOf, keepDevice, ownJournal } from '../../tests/helpers/journal.js';

const DAY = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Store checks

export interface StoreCheck {
  /** The store (every deck) loaded without an error. */
  readable: boolean;
  error?: string;
  entries: number;
  ids: string[];
  duplicateIds: number;
  /** Cards whose loaded state differs from a replay of the journal from scratch. */
  replayMismatches: number;
  /** Entries whose `before` is not the state the card had after the previous entry (a lost update). */
  chainBreaks: number;
  warnings: string[];
}

/** Loads a home as parley would and compares every card with a fresh replay of the journal. */
export function checkStore(home: string, slugs: readonly string[]): StoreCheck {
  const out: StoreCheck = { readable: false, entries: 0, ids: [], duplicateIds: 0, replayMismatches: 0, chainBreaks: 0, warnings: [] };
  try {
    const store = new Store(home);
    store.settings.all();
    for (const slug of slugs) readDeck(store.paths, slug);
    store.read();
    out.warnings = store.takeWarnings();
    const journal = store.journal();
    out.entries = journal.length;
    out.ids = journal.map((e) => e.id);
    out.duplicateIds = out.ids.length - new Set(out.ids).size;
    const replay = new Map<string, Map<string, CardState>>();
    for (const entry of journal) {
      if (entry.type === 'rename') {
        replay.set(entry.deck, new Map([...(replay.get(entry.deck) ?? []), ...Object.entries(entry.cards)]));
        replay.set(entry.from, new Map());
        continue;
      }
      const states = replay.get(entry.deck) ?? new Map<string, CardState>();
      replay.set(entry.deck, states);
      if (!sameState(entry.before, states.get(entry.cardId) ?? null)) out.chainBreaks++;
      applyEntry(states, entry);
    }
    for (const slug of slugs) {
      const loaded = store.states(slug);
      const replayed = replay.get(slug) ?? new Map<string, CardState>();
      const keys = new Set([...loaded.keys(), ...replayed.keys()]);
      for (const key of keys) {
        const a = loaded.get(key);
        const b = replayed.get(key);
        if (!a || !b || JSON.stringify(canonical(a)) !== JSON.stringify(canonical(b))) out.replayMismatches++;
      }
    }
    out.readable = true;
  } catch (error) {
    out.error = error instanceof UserError ? `${error.message} — ${error.todo}` : String((error as Error)?.stack ?? error);
  }
  return out;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// The concurrency grader: a second process committing real FSRS grades on random cards.

/**
 * Commits `count` reviews on random cards of `slugs`, each computed by the real scheduler from the
 * card's current state; a commit refused because another process changed the card first is
 * re-previewed and retried. Prints `ack <id>` once each is durable.
 */
export function grade(home: string, slugs: string[], count: number, tag: string, seed: number, nowIso: string, startAt = 0): void {
  // Both processes start grading at the same instant, so their writes interleave.
  while (Date.now() < startAt) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
  const store = new Store(home);
  store.read();
  const decks = slugs.map((slug) => readDeck(store.paths, slug));
  const scheduler = makeScheduler(DEFAULT_SETTINGS);
  let rng = seed >>> 0 || 1;
  const random = () => {
    rng ^= rng << 13; rng >>>= 0; rng ^= rng >>> 17; rng ^= rng << 5; rng >>>= 0;
    return rng / 2 ** 32;
  };
  const base = Date.parse(nowIso);
  let retries = 0;
  for (let i = 0; i < count; i++) {
    const deck = decks[Math.floor(random() * decks.length)]!;
    // A small pool of cards, so the two processes keep grading the same cards.
    const note = deck.notes[Math.floor(random() * Math.min(deck.notes.length, 12))]!;
    const id = cardId(note.id, random() < 0.5 ? 'zh-en' : 'en-zh');
    const rating = (1 + Math.floor(random() * 4)) as Grade;
    const entryId = `${tag}-${i}`;
    for (;;) {
      const before = store.states(deck.slug).get(id) ?? null;
      const now = new Date(Math.max(base + i * 60_000, before?.last_review ? Date.parse(before.last_review) : 0));
      const after = scheduler.preview(before, now)[rating].state;
      const result = store.commit([{ type: 'review', id: entryId, at: now.toISOString(), deck: deck.slug, cardId: id, rating, durationMs: 1000, before, after }]);
      if (result.ok) break;
      retries++;
    }
    process.stdout.write(`ack ${entryId}\n`);
  }
  process.stdout.write(`retries ${retries}\n`);
}

// ---------------------------------------------------------------------------------------------
// Fuzz

export interface FuzzResult {
  name: string;
  runs: number;
  failures: number;
  detail?: string;
}

function property(name: string, runs: number, seed: number, prop: fc.IProperty<unknown> | fc.IAsyncProperty<unknown>): FuzzResult {
  const result = fc.check(prop as fc.IProperty<unknown>, { numRuns: runs, seed }) as fc.RunDetails<unknown>;
  if (!result.failed) return { name, runs: result.numRuns, failures: 0 };
  const detail = `${result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance)} (seed ${seed}, counterexample ${JSON.stringify(result.counterexample)?.slice(0, 300)})`;
  return { name, runs: result.numRuns, failures: 1, detail };
}

let lexicon: Lexicon | undefined;
function loadLexiconFrom(root: string): Lexicon | undefined {
  try {
    lexicon ??= parseLexicon(readFileSync(join(root, 'dist', 'lexicon.utf16le')).toString('utf16le'));
  } catch {
    lexicon = undefined;
  }
  return lexicon;
}

/** What `parley import` does with the bytes of a file, up to the deck it would write. */
export function importBytes(bytes: Uint8Array, label: string, lex: Lexicon | undefined): Deck | 'refused' {
  try {
    let { text } = decodeArticle(bytes, undefined, label, () => []);
    if (looksLikeHtml(text)) ({ text } = htmlToText(text, tokenizeHtml));
    const analysis = analyseArticle(text, { lexicon: lex });
    const notes = notesFromAnalysis(analysis, (word) => lex?.glosses(word) !== undefined);
    const deck: Deck = { format: DECK_FORMAT, name: 'fuzz', slug: 'fuzz', source: { sha256: 'x' }, notes };
    const text2 = serialiseDeck(deck);
    const back = parseDeck(text2, 'fuzz.json');
    if (serialiseDeck(back) !== text2) throw new Error('imported deck does not round-trip');
    return deck;
  } catch (error) {
    if (error instanceof UserError) return 'refused';
    throw error;
  }
}

export function articleFixtures(root: string): { name: string; bytes: Buffer }[] {
  const dir = join(root, 'tests', 'fixtures', 'articles');
  const out: { name: string; bytes: Buffer }[] = [];
  for (const name of readdirNames(dir)) {
    for (const file of readdirNames(join(dir, name))) {
      if (/^(article|input)\b|\.(txt|md|html?)$/.test(file) && !/gold|expected/.test(file)) {
        out.push({ name: `${name}/${file}`, bytes: readFileSync(join(dir, name, file)) });
      }
    }
  }
  return out;
}

function readdirNames(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

const cjk = fc.string({ unit: fc.constantFrom(...'的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持音野片'.split(''), ',', '。', ':', '(', ')', '*', '\n', ' ') });
const latin = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ.,;:()\n*-1234567890\'"'.split('')) });

/** Mutations of real articles: cut, duplicate, delete, swap, insert junk, change encoding. */
function mutate(bytes: Buffer, ops: { kind: number; at: number; len: number; junk: Uint8Array }[]): Buffer {
  let b = Buffer.from(bytes);
  for (const op of ops) {
    const at = b.length ? Math.floor(op.at * b.length) : 0;
    const len = Math.floor(op.len * Math.min(b.length, 400));
    switch (op.kind) {
      case 0: b = b.subarray(0, at); break; // truncate
      case 1: b = Buffer.concat([b.subarray(0, at), b.subarray(at + len)]); break; // delete a span
      case 2: b = Buffer.concat([b.subarray(0, at), Buffer.from(op.junk), b.subarray(at)]); break; // insert bytes
      case 3: b = Buffer.concat([b.subarray(0, at), b.subarray(at, at + len), b.subarray(at)]); break; // duplicate a span
      case 4: { const c = Buffer.from(b); for (let i = 0; i < op.junk.length && at + i < c.length; i++) c[at + i] = op.junk[i]!; b = c; break; } // garble
      case 5: b = Buffer.from(b.toString('utf8').split('\n').reverse().join('\n')); break; // lines reversed
      case 6: b = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(b.toString('utf8'), 'utf16le')]); break; // UTF-16LE with BOM
      case 7: b = Buffer.from(b.toString('utf8').replace(/\n/g, '\r\n')); break; // CRLF
      default: b = Buffer.from(b.toString('utf8').replace(/\n\s*\n/g, '\n')); // blank lines gone
    }
  }
  return b;
}

const cardStateArb: fc.Arbitrary<CardState> = fc.record({
  due: fc.integer({ min: Date.parse('2020-01-01'), max: Date.parse('2035-01-01') }).map((t) => new Date(t).toISOString()),
  stability: fc.double({ min: 0.01, max: 36500, noNaN: true }),
  difficulty: fc.double({ min: 1, max: 10, noNaN: true }),
  elapsed_days: fc.nat(3000),
  scheduled_days: fc.nat(3000),
  learning_steps: fc.nat(3),
  reps: fc.nat(500),
  lapses: fc.nat(50),
  state: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const),
  last_review: fc.integer({ min: Date.parse('2020-01-01'), max: Date.parse('2035-01-01') }).map((t) => new Date(t).toISOString()),
}, { requiredKeys: ['due', 'stability', 'difficulty', 'elapsed_days', 'scheduled_days', 'learning_steps', 'reps', 'lapses', 'state'] });

const entryArb: fc.Arbitrary<JournalEntry> = fc.record({
  id: fc.uuid(),
  at: fc.integer({ min: Date.parse('2020-01-01'), max: Date.parse('2035-01-01') }).map((t) => new Date(t).toISOString()),
  // A journal names decks by slug (anything else is refused as a path hidden in data).
  deck: fc.stringMatching(/^[a-z0-9]{1,12}(?:-[a-z0-9]{1,12}){0,3}$/).filter(isSlug),
  cardId: fc.string({ minLength: 1 }),
  rating: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
  durationMs: fc.nat(),
  before: fc.option(cardStateArb, { nil: null }),
  after: cardStateArb,
}).map((r) => ({ type: 'review' as const, ...r }));

// parseDeck rightly refuses blank note text; import never makes it.
const text = fc.string({ minLength: 1 }).filter((t) => t.trim() !== '');
const noteArb = (i: number): fc.Arbitrary<Note> => fc.record({
  zh: text, en: text,
  kind: fc.constantFrom('sentence' as const, 'vocab' as const),
  pinyin: fc.option(fc.string({ minLength: 1 }), { nil: undefined }),
  note: fc.option(fc.string({ minLength: 1 }), { nil: undefined }),
  context: fc.option(fc.record({ zh: fc.string(), en: fc.string() }), { nil: undefined }),
}).map((r) => {
  const n: Note = { id: `n${i}`, kind: r.kind, zh: r.zh, en: r.en, order: i };
  if (r.kind === 'vocab') n.lang = 'zh';
  if (r.pinyin) n.pinyin = r.pinyin;
  if (r.note) n.note = r.note;
  if (r.context) n.context = r.context;
  return n;
});

/** The reducer over random event sequences, with the invariants checked after every step. */
function reducerProperty(): fc.IProperty<[number, { kind: number; gap: number }[], number]> {
  const eventArb = fc.record({ kind: fc.nat(12), gap: fc.nat(40 * 60_000) });
  return fc.property(fc.nat(1000), fc.array(eventArb, { maxLength: 60 }), fc.integer({ min: 0, max: 23 }), (deckSeed, events, dayStartsAt) => {
    let now = new Date(Date.parse('2026-11-29T10:00:00Z') + (deckSeed % 48) * 3_600_000);
    const notes = Array.from({ length: 4 + (deckSeed % 6) }, (_, i) => fakeNote(deckSeed, i));
    const states = new Map<string, CardState>();
    notes.forEach((note, i) => {
      if (i % 3 === 1) {
        const due = new Date(now.getTime() + ((i * 7 + deckSeed) % 5 - 3) * DAY).toISOString();
        states.set(cardId(note.id, 'zh-en'), { due, stability: 3 + i, difficulty: 5, elapsed_days: 3, scheduled_days: 4, learning_steps: 0, reps: 2, lapses: i % 9, state: 2, last_review: new Date(now.getTime() - 5 * DAY).toISOString() });
      }
    });
    const deck = cardsOfDeck({ slug: 'd', name: 'D', notes }, states);
    const queue = buildQueue([deck], [], { ...DEFAULT_SETTINGS, dayStartsAt }, { direction: 'both' }, now);
    let n = 0;
    const config = { scheduler: makeScheduler(DEFAULT_SETTINGS), idGen: () => `e${n++}`, dayStartsAt, typeAnswers: false };
    let state = startSession(queue, config, { pinyin: false }, now);
    const store = new Map(states);
    // FSRS reviews at the moment of reveal (preview, then commit what the keys showed).
    let revealedAt = now.getTime();
    const undoStack: { state: SessionState; store: CardState | null; cardId: string }[] = [];
    const kinds: SessionEvent[] = [
      { type: 'show-answer' }, { type: 'show-answer' }, { type: 'grade', grade: 1 }, { type: 'grade', grade: 2 },
      { type: 'grade', grade: 3 }, { type: 'grade', grade: 4 }, { type: 'grade', grade: 3 }, { type: 'undo' },
      { type: 'suspend' }, { type: 'bury' }, { type: 'toggle-pinyin' }, { type: 'undo' }, { type: 'show-answer' },
    ];
    for (const e of events) {
      now = new Date(now.getTime() + e.gap);
      const event = kinds[e.kind]!;
      const prior = state;
      const result = step(state, event, now);
      state = result.state;
      if (state.showing?.revealed && !prior.showing?.revealed) revealedAt = now.getTime();
      for (const effect of result.effects) {
        if (effect.type !== 'append') continue;
        for (const entry of effect.entries) {
          const current = store.get(entry.cardId) ?? null;
          if (!sameState(entry.before, current)) throw new Error(`entry ${entry.type} on ${entry.cardId} has a stale "before" (would be refused by the store)`);
          if (entry.type === 'undo') {
            const top = undoStack.pop();
            if (!top) throw new Error('undo entry with nothing to undo');
            if (top.cardId !== entry.cardId) throw new Error('undo restored a different card');
            if (JSON.stringify(entry.restored) !== JSON.stringify(top.store)) throw new Error('undo did not restore the stored card state exactly');
            for (const key of ['queue', 'tally', 'history'] as const) {
              if (JSON.stringify(state[key]) !== JSON.stringify(top.state[key])) throw new Error(`undo did not restore the session's ${key}`);
            }
            if (JSON.stringify(state.showing?.card) !== JSON.stringify(top.state.showing?.card)) throw new Error('undo did not bring back the card on screen');
          } else {
            undoStack.push({ state: prior, store: current, cardId: entry.cardId });
            if (entry.type === 'review') {
              const due = Date.parse(entry.after.due);
              if (due < revealedAt) throw new Error(`due ${entry.after.due} before the review time ${new Date(revealedAt).toISOString()}`);
              if (entry.after.scheduled_days < 0 || entry.after.elapsed_days < 0) throw new Error('negative interval');
            }
          }
          applyEntry(store, entry);
        }
      }
      // No card is both waiting to be shown and suspended (or buried).
      const waiting: QueuedCard[] = [...state.queue.learning, ...state.queue.review, ...state.queue.fresh, ...(state.showing ? [state.showing.card] : [])];
      for (const card of waiting) {
        const s = store.get(card.cardId);
        if (s?.suspended) throw new Error(`card ${card.cardId} is suspended and still in the queue`);
        if (s?.buriedUntil && Date.parse(s.buriedUntil) > now.getTime()) throw new Error(`card ${card.cardId} is buried and still in the queue`);
      }
      const ids = waiting.map((c) => c.cardId);
      if (new Set(ids).size !== ids.length) throw new Error('a card is queued twice');
    }
    return true;
  });
}

/** Runs every fuzz property; `runs` scales each. */
export function fuzz(root: string, runs: number, seed: number): FuzzResult[] {
  const lex = loadLexiconFrom(root);
  const fixtures = articleFixtures(root);
  const results: FuzzResult[] = [];
  const importNeverThrows = (bytes: Uint8Array) => {
    importBytes(bytes, 'fuzz.txt', lex);
    return true;
  };
  results.push(property('import of arbitrary strings', runs, seed, fc.property(
    fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.array(fc.oneof(cjk, latin)).map((xs) => xs.join('\n\n')), fc.uint8Array({ maxLength: 3000 })),
    (input) => importNeverThrows(typeof input === 'string' ? Buffer.from(input) : input),
  )));
  if (fixtures.length) {
    const opArb = fc.record({ kind: fc.nat(8), at: fc.double({ min: 0, max: 1, noNaN: true }), len: fc.double({ min: 0, max: 1, noNaN: true }), junk: fc.uint8Array({ minLength: 1, maxLength: 40 }) });
    results.push(property(`import of mutated real articles (${fixtures.length} fixtures)`, Math.max(10, Math.floor(runs / 2)), seed, fc.property(
      fc.nat(fixtures.length - 1), fc.array(opArb, { minLength: 1, maxLength: 4 }),
      (which, ops) => importNeverThrows(mutate(fixtures[which]!.bytes, ops)),
    )));
  }
  results.push(property('deck file round-trip', runs, seed, fc.property(
    fc.integer({ min: 0, max: 12 }).chain((k) => fc.tuple(...Array.from({ length: k }, (_, i) => noteArb(i)))),
    text, text,
    (notes, name, slug) => {
      const deck: Deck = { format: DECK_FORMAT, name, slug, source: { sha256: 'abc', title: name }, notes: notes as Note[] };
      const text = serialiseDeck(deck);
      const back = parseDeck(text, 'x.json');
      if (JSON.stringify(canonical(back)) !== JSON.stringify(canonical(deck))) throw new Error('deck changed on round-trip');
      if (serialiseDeck(back) !== text) throw new Error('deck text changed on round-trip');
      return true;
    },
  )));
  const dir = mkdtempSync(join(tmpdir(), 'parley-fuzz-journal-'));
  try {
    let k = 0;
    results.push(property('journal round-trip (and a torn tail drops only the last line)', runs, seed, fc.property(
      fc.array(fc.array(entryArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }), fc.double({ min: 0, max: 1, noNaN: true }),
      (batches, cut) => {
        const path = join(dir, `j${k++}.jsonl`);
        let end = JOURNAL_START;
        for (const batch of batches) end = appendJournal(path, end, 0, batch);
        const all = batches.flat();
        const read = readJournal(path);
        if (JSON.stringify(read.entries.map((p) => p.entry)) !== JSON.stringify(all)) throw new Error('journal entries changed on round-trip');
        if (read.end.offset !== end.offset || read.end.line !== end.line) throw new Error('journal end mark differs from what append returned');
        // Cut inside the last line: only that line is dropped, and reported as torn.
        const bytes = readFileSync(path);
        const lastStart = bytes.lastIndexOf(10, bytes.length - 2) + 1;
        const at = lastStart + Math.floor(cut * (bytes.length - 1 - lastStart));
        writeFileSync(path, bytes.subarray(0, at));
        const torn = readJournal(path);
        // Only the newline lost: the entry is complete and kept (the next append adds the newline).
        const expectKept = at === bytes.length - 1 ? all.length : all.length - 1;
        if (torn.entries.length !== expectKept) throw new Error(`a last line cut at byte ${at - lastStart} of ${bytes.length - lastStart} left ${torn.entries.length} of ${all.length} entries`);
        if (at > lastStart && at < bytes.length - 1 && torn.tornBytes !== at - lastStart) throw new Error('torn bytes not reported');
        rmSync(path);
        return true;
      },
    )));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  results.push(property('review reducer invariants over random events', runs, seed, reducerProperty() as fc.IProperty<unknown>));
  return results;
}

// ---------------------------------------------------------------------------------------------
// Clock (run with TZ set by the caller)

/** The local calendar date and hour of an instant in `tz`, from Intl (independent of Date's local methods). */
function local(t: number, tz: string): { date: string; hour: number } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(t));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return { date: `${get('year')}-${get('month')}-${get('day')}`, hour: Number(get('hour')) };
}

/**
 * The oracle for "the next learning day starts at": the first instant after `now` that is on a
 * quarter hour, at or past `h` o'clock local time, and whose previous quarter hour was not (or was on
 * the previous local date). When `h` o'clock does not exist (spring forward), the day starts at the
 * first instant past it.
 */
export function oracleNextDayStart(now: number, h: number, tz: string): number {
  const Q = 15 * 60_000;
  for (let t = Math.floor(now / Q) * Q + Q; ; t += Q) {
    const here = local(t, tz);
    const before = local(t - Q, tz);
    if (here.hour >= h && (before.hour < h || before.date !== here.date)) return t;
  }
}

export interface ClockResult {
  name: string;
  checks: number;
  failures: string[];
  /** Runs in which parley's code threw. */
  crashes?: number;
}

/** Day boundaries and "due today" against the oracle, and grading with a clock that moves backwards. */
export function clockCore(tz: string, checks: number, seed: number): ClockResult[] {
  const results: ClockResult[] = [];
  // DST in America/New_York 2026: 8 March (02:00 -> 03:00) and 1 November (02:00 -> 01:00).
  const windows = [Date.parse('2026-03-06T00:00:00Z'), Date.parse('2026-10-30T00:00:00Z'), Date.parse('2026-06-01T00:00:00Z')];
  const boundary: ClockResult = { name: 'day boundary and "due today" across DST and dayStartsAt', checks: 0, failures: [] };
  fc.assert(fc.property(fc.nat(windows.length - 1), fc.nat(4 * DAY), fc.integer({ min: 0, max: 23 }), fc.integer({ min: -3 * DAY, max: 3 * DAY }), (w, offset, h, dueOffset) => {
    const now = windows[w]! + offset;
    boundary.checks++;
    const expected = oracleNextDayStart(now, h, tz);
    const got = nextDayStart(new Date(now), h).getTime();
    const start = dayStart(new Date(now), h).getTime();
    if (got !== expected && boundary.failures.length < 5) boundary.failures.push(`TZ=${tz} now=${new Date(now).toISOString()} dayStartsAt=${h}: next day starts ${new Date(got).toISOString()}, expected ${new Date(expected).toISOString()}`);
    if (!(start <= now && now < got) && boundary.failures.length < 5) boundary.failures.push(`TZ=${tz} now=${new Date(now).toISOString()} dayStartsAt=${h}: today is [${new Date(start).toISOString()}, ${new Date(got).toISOString()}), not around now`);
    const due = new Date(now + dueOffset).toISOString();
    const card: CardState = { due, stability: 5, difficulty: 5, elapsed_days: 1, scheduled_days: 3, learning_steps: 0, reps: 2, lapses: 0, state: 2 };
    if (isDueToday(card, new Date(now), h) !== (now + dueOffset < expected) && boundary.failures.length < 5) {
      boundary.failures.push(`TZ=${tz} now=${new Date(now).toISOString()} dayStartsAt=${h}: card due ${due} judged ${isDueToday(card, new Date(now), h) ? '' : 'not '}due today`);
    }
    return true;
  }), { numRuns: checks, seed });
  results.push(boundary);

  const backwards: ClockResult = { name: 'grading with the clock moved backwards', checks: 0, failures: [] };
  let crashes = 0;
  const scheduler = makeScheduler(DEFAULT_SETTINGS);
  fc.assert(fc.property(fc.array(fc.record({ back: fc.integer({ min: -30 * DAY, max: 10 * DAY }), grade: fc.constantFrom(1, 2, 3, 4) }), { minLength: 1, maxLength: 12 }), (steps) => {
    let state: CardState | null = null;
    let now = Date.parse('2026-03-08T06:30:00Z');
    for (const s of steps) {
      now += s.back;
      backwards.checks++;
      let outcome: Outcome;
      try {
        outcome = scheduler.preview(state, new Date(now))[s.grade as Grade];
      } catch (error) {
        if (backwards.failures.length < 5) backwards.failures.push(`review at ${new Date(now).toISOString()} of a card last reviewed ${state?.last_review}: the scheduler threw ${(error as Error).message}`);
        crashes++;
        return true;
      }
      const next: CardState = outcome.state;
      const bad = Date.parse(next.due) < now || next.scheduled_days < 0 || next.elapsed_days < 0 || !Number.isFinite(next.stability) || !Number.isFinite(next.difficulty) || /-|NaN/.test(outcome.interval);
      if (bad && backwards.failures.length < 5) backwards.failures.push(`review at ${new Date(now).toISOString()} of a card last reviewed ${state?.last_review}: due ${next.due}, scheduled ${next.scheduled_days}, elapsed ${next.elapsed_days}, label ${outcome.interval}`);
      state = next;
    }
    return true;
  }), { numRuns: Math.max(20, Math.floor(checks / 10)), seed });
  backwards.crashes = crashes;
  results.push(backwards);
  return results;
}

// ---------------------------------------------------------------------------------------------

function writeDeckFile(store: Store, deck: Deck): void {
  writeDeck(store.paths, deck);
}

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(dir, { recursive: true });
  return dir;
}

async function cli(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  switch (command) {
    case 'make-home': {
      const [dir = '', decks = '1', notes = '1000', reviewed = '300', now = '2026-11-29T10:00:00Z'] = args;
      await makeHome(dir, { decks: Number(decks), notesPerDeck: Number(notes), reviewed: Number(reviewed), now: new Date(now) });
      return;
    }
    case 'grade': {
      const [home = '', slugs = '', count = '0', tag = 'g', seed = '1', startAt = '0', now = '2026-11-29T10:00:00Z'] = args;
      grade(home, slugs.split(','), Number(count), tag, Number(seed), now, Number(startAt));
      return;
    }
    case 'clock-home': {
      // Review cards whose due instants are spread every `step` minutes from `from`, for "due today".
      const [dir = '', from = '', count = '200', step = '37'] = args;
      const store = new Store(dir);
      const notes = Array.from({ length: Number(count) }, (_, i) => fakeNote(7, i));
      writeDeckFile(store, { format: DECK_FORMAT, name: 'Clock', slug: 'clock', source: { sha256: 'c' }, notes });
      const entries: JournalEntry[] = notes.map((note, i) => {
        const due = new Date(Date.parse(from) + i * Number(step) * 60_000);
        const after: CardState = { due: due.toISOString(), stability: 10, difficulty: 5, elapsed_days: 5, scheduled_days: 10, learning_steps: 0, reps: 3, lapses: 0, state: 2, last_review: new Date(due.getTime() - 10 * DAY).toISOString() };
        return { type: 'review', id: `clock-${i}`, at: after.last_review!, deck: 'clock', cardId: cardId(note.id, 'zh-en'), rating: 3, durationMs: 1000, before: null, after };
      });
      store.commit(entries);
      await store.save(true);
      process.stdout.write(JSON.stringify(entries.map((e) => (e as { after: CardState }).after.due)));
      return;
    }
    case 'check-store': {
      const [home = '', slugs = ''] = args;
      process.stdout.write(JSON.stringify(checkStore(home, slugs ? slugs.split(',') : [])));
      return;
    }
    case 'clock-core': {
      const [checks = '500', seed = '1'] = args;
      process.stdout.write(JSON.stringify(clockCore(process.env.TZ ?? 'UTC', Number(checks), Number(seed))));
      return;
    }
    default:
      throw new Error(`unknown helper command ${command}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await cli(process.argv.slice(2));
