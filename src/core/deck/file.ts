import { UserError } from '../errors.js';
import { jsonErrorLine, lineAt } from '../json-error.js';
import { findTerm } from '../text/term-in-context.js';
import { DECK_FORMAT, type Deck, type Note } from './note.js';

/** Where a note's id appears in the text, so a validation error can name its line. */
function lineOfNote(text: string, id: unknown, index: number): number {
  if (typeof id === 'string') {
    const at = text.indexOf(JSON.stringify(id));
    if (at >= 0) return lineAt(text, at);
  }
  let at = text.indexOf('"notes"');
  for (let i = 0; at >= 0 && i <= index; i++) at = text.indexOf('{', at + 1);
  return at >= 0 ? lineAt(text, at) : 1;
}

function broken(file: string, line: number, what: string): UserError {
  return new UserError(
    `${file}:${line}: ${what}`,
    'fix the deck file by hand or re-import its article; parley leaves it as it is',
  );
}

const isString = (v: unknown): v is string => typeof v === 'string';
const optionalString = (v: unknown) => v === undefined || isString(v);

function noteProblem(note: Record<string, unknown>): string | undefined {
  if (!isString(note.id) || !note.id) return 'a note needs a string "id"';
  if (note.kind !== 'sentence' && note.kind !== 'vocab') return `note ${note.id}: "kind" must be "sentence" or "vocab"`;
  if (!isString(note.zh) || !note.zh.trim()) return `note ${note.id}: "zh" must be non-empty text`;
  if (!isString(note.en) || !note.en.trim()) return `note ${note.id}: "en" must be non-empty text`;
  if (note.lang !== undefined && note.lang !== 'zh' && note.lang !== 'en') return `note ${note.id}: "lang" must be "zh" or "en"`;
  for (const key of ['pos', 'pinyin', 'note'] as const) {
    if (!optionalString(note[key])) return `note ${note.id}: "${key}" must be text`;
  }
  const context = note.context as Record<string, unknown> | undefined;
  if (context !== undefined && (typeof context !== 'object' || context === null || !isString(context.zh) || !isString(context.en))) {
    return `note ${note.id}: "context" must be {"zh": …, "en": …}`;
  }
  if (note.source !== undefined && note.source !== 'article' && note.source !== 'suggested') return `note ${note.id}: "source" must be "article" or "suggested"`;
  if (typeof note.order !== 'number' || !Number.isFinite(note.order)) return `note ${note.id}: "order" must be a number`;
  return note.cloze === undefined ? undefined : clozeProblem(note);
}

/** A cloze must be what the card can blank: the term as the context sentence on the term's side writes it. */
function clozeProblem(note: Record<string, unknown>): string | undefined {
  const { cloze, lang } = note;
  if (!isString(cloze) || !cloze.trim()) return `note ${note.id}: "cloze" must be non-empty text`;
  if (note.kind !== 'vocab' || (lang !== 'zh' && lang !== 'en') || note.context === undefined) {
    return `note ${note.id}: "cloze" needs a vocabulary note with "lang" and "context"`;
  }
  const sentence = (note.context as Record<string, string>)[lang]!;
  if (findTerm(sentence, cloze, lang).length === 0) return `note ${note.id}: "cloze" ${JSON.stringify(cloze)} is not in its context's "${lang}" sentence`;
  return undefined;
}

/** Reads and validates a deck document; every problem names `file:line`. */
export function parseDeck(text: string, file: string): Deck {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw broken(file, jsonErrorLine(error, text), 'not valid JSON');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw broken(file, 1, 'a deck must be a JSON object');
  const deck = data as Record<string, unknown>;
  if (deck.format !== DECK_FORMAT) {
    const at = text.indexOf('"format"');
    throw broken(file, at >= 0 ? lineAt(text, at) : 1, `"format" must be "${DECK_FORMAT}"`);
  }
  for (const key of ['name', 'slug'] as const) {
    if (!isString(deck[key]) || !deck[key]) {
      const at = text.indexOf(`"${key}"`);
      throw broken(file, at >= 0 ? lineAt(text, at) : 1, `"${key}" must be non-empty text`);
    }
  }
  const source = deck.source as Record<string, unknown> | undefined;
  if (typeof source !== 'object' || source === null || !isString(source.sha256)) {
    const at = text.indexOf('"source"');
    throw broken(file, at >= 0 ? lineAt(text, at) : 1, '"source" must be an object with a "sha256"');
  }
  if (!Array.isArray(deck.notes)) {
    const at = text.indexOf('"notes"');
    throw broken(file, at >= 0 ? lineAt(text, at) : 1, '"notes" must be a list');
  }
  const seen = new Set<string>();
  deck.notes.forEach((raw: unknown, index) => {
    const note = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const problem = noteProblem(note);
    if (problem) throw broken(file, lineOfNote(text, note.id, index), problem);
    if (seen.has(note.id as string)) throw broken(file, lineOfNote(text, note.id, index), `note id ${String(note.id)} appears twice`);
    seen.add(note.id as string);
  });
  return data as Deck;
}

/** Pretty JSON with a stable key order so deck files diff well in git. */
export function serialiseDeck(deck: Deck): string {
  const notes = deck.notes.map((n: Note) => {
    const out: Record<string, unknown> = { id: n.id, kind: n.kind, zh: n.zh, en: n.en };
    if (n.lang) out.lang = n.lang;
    if (n.pos) out.pos = n.pos;
    if (n.pinyin) out.pinyin = n.pinyin;
    if (n.note) out.note = n.note;
    if (n.context) out.context = { zh: n.context.zh, en: n.context.en };
    if (n.source) out.source = n.source;
    if (n.cloze) out.cloze = n.cloze;
    out.order = n.order;
    return out;
  });
  const { title, file, url, date, sha256 } = deck.source;
  const source = Object.fromEntries(Object.entries({ title, file, url, date, sha256 }).filter(([, v]) => v !== undefined));
  return `${JSON.stringify({ format: DECK_FORMAT, name: deck.name, slug: deck.slug, source, notes }, null, 2)}\n`;
}

const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Byte offsets [start, end, start, end, …] of the notes in a deck file's UTF-8 bytes: the objects
 * in the list that is a value of the top-level object. Multi-byte UTF-8 never holds an ASCII byte,
 * so brackets and quotes can be found byte by byte. Undefined when the bytes are not shaped so.
 */
export function noteSpans(bytes: Uint8Array): number[] | undefined {
  const spans: number[] = [];
  const open: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte === QUOTE) {
      for (i++; i < bytes.length && bytes[i] !== QUOTE; i++) if (bytes[i] === BACKSLASH) i++;
    } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      if (byte === OPEN_OBJECT && open.length === 2 && open[1] === OPEN_ARRAY) spans.push(i);
      open.push(byte);
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
      if (open.pop() !== (byte === CLOSE_OBJECT ? OPEN_OBJECT : OPEN_ARRAY)) return undefined;
      if (byte === CLOSE_OBJECT && open.length === 2 && open[1] === OPEN_ARRAY) spans.push(i + 1);
    }
  }
  return open.length === 0 && spans.length % 2 === 0 ? spans : undefined;
}

/** One note's JSON, as a deck file holds it; undefined when it is not a valid note. */
export function parseNote(text: string): Note | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && !noteProblem(value as Record<string, unknown>) ? (value as Note) : undefined;
  } catch {
    return undefined;
  }
}
