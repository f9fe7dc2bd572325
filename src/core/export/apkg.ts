import { createHash } from 'node:crypto';
import { blanked, contextParts, termOf } from '../deck/cloze.js';
import { cardId, cardKinds, inArticleOrder, type Deck, type Note } from '../deck/note.js';
import { LEECH_TAG } from '../srs/session.js';
import type { CardState } from '../srs/card-state.js';
import type { ReviewEntry } from '../stats/reviews.js';
import { stripControls } from '../text/controls.js';
import {
  APKG_FIELDS, collectionConfJson, deckConfigJson, decksJson, notetypeJson, type CollectionIds,
} from './apkg-notetype.js';
import { cardSchedule, newSchedule, revlogRows, type AnkiReview, type AnkiSchedule, type DayCount } from './apkg-schedule.js';

export interface ApkgInput {
  deck: Deck;
  /** The deck's card states (leech tags come from them; the schedule too, when asked). */
  states: ReadonlyMap<string, CardState>;
  /** The grades that stand, of every device (liveReviews); only this deck's cards are kept. */
  reviews: readonly ReviewEntry[];
  withSchedule: boolean;
  desiredRetention: number;
  now: Date;
  /** The start of the learning day an instant falls in. */
  dayOf(at: Date): Date;
}

export interface AnkiCol {
  crt: number;
  mod: number;
  conf: string;
  models: string;
  decks: string;
  dconf: string;
}

export interface AnkiNote {
  id: number;
  guid: string;
  mid: number;
  mod: number;
  tags: string;
  flds: string;
  sfld: string;
  csum: number;
}

export interface AnkiCard extends AnkiSchedule {
  id: number;
  nid: number;
  did: number;
  ord: number;
  mod: number;
}

/** Every row of the package's collection, ready for SQLite. */
export interface ApkgRows {
  col: AnkiCol;
  notes: AnkiNote[];
  cards: AnkiCard[];
  revlog: AnkiReview[];
}

/** Anki's field separator inside `notes.flds`. */
export const FIELD_SEPARATOR = '\x1f';

/**
 * Anki ids are milliseconds since 1970. Ids from a hash of parley's ids, in 2001–2017, keep a
 * re-export's notes and cards the same ones (Anki matches notes by guid and skips cards it has),
 * and can never look like the future.
 */
const ID_BASE = 1_000_000_000_000;
const ID_SPAN = 500_000_000_000;

function stableId(key: string, taken: Set<number>): number {
  const hash = createHash('sha256').update(key).digest();
  let id = ID_BASE + (hash.readUIntBE(0, 6) % ID_SPAN);
  while (taken.has(id)) id++;
  taken.add(id);
  return id;
}

/** A field as Anki stores it: HTML, so parley's plain text is escaped and its line breaks kept. */
export function fieldHtml(text: string): string {
  return stripControls(text.replace(/\r\n?/g, '\n'))
    .replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
    .replaceAll('\n', '<br>');
}

/** What Anki searches and sorts by: a field's text without markup. */
function plainText(html: string): string {
  return html.replace(/<br>/g, ' ').replace(/<[^>]*>/g, '')
    .replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

/** Anki's duplicate check: the first 8 hex digits of the SHA-1 of the first field's text, as a number. */
export function fieldChecksum(html: string): number {
  return Number.parseInt(createHash('sha1').update(plainText(html)).digest('hex').slice(0, 8), 16);
}

/** A note's fields as Anki stores them; the cloze answer is HTML of its own, the term marked. */
function noteFields(note: Note): string[] {
  const fields = [note.id, note.zh, note.en, note.pinyin ?? '', note.pos ?? '', note.note ?? '', note.context?.zh ?? '', note.context?.en ?? ''].map(fieldHtml);
  const parts = note.cloze ? contextParts(note) : undefined;
  if (!parts) return [...fields, '', '', '', ''];
  const { term, lang } = termOf(note);
  const answer = parts.map((p) => (p.term ? `<span class="term">${fieldHtml(p.text)}</span>` : fieldHtml(p.text))).join('');
  return [...fields, fieldHtml(blanked(parts)), fieldHtml(lang === 'zh' ? note.en : note.zh), fieldHtml(term), answer];
}

/** Anki keeps a note's tags space-separated with a space at each end. */
function noteTags(note: Note, states: ReadonlyMap<string, CardState>): string {
  const tags: string[] = [note.kind];
  const leech = cardKinds(note).some((kind) => states.get(cardId(note.id, kind))?.tags?.includes(LEECH_TAG));
  if (leech) tags.push(LEECH_TAG);
  return ` ${tags.join(' ')} `;
}

/**
 * A parley deck as the rows of an Anki collection: one note of type `parley` per note, its two
 * cards (Chinese → English, English → Chinese) and its cloze card if it has one, in a deck of the parley deck's name. With the
 * schedule, each card carries its FSRS state and the review log its grades; without, every card
 * is new, in article order.
 */
export function apkgRows(input: ApkgInput): ApkgRows {
  const { deck, states, now } = input;
  const mod = Math.floor(now.getTime() / 1000);
  const notes = inArticleOrder(deck.notes);
  const reviewCards = input.withSchedule
    ? [...states.values()].filter((s) => s.state === 2).map((s) => input.dayOf(new Date(s.due)).getTime())
    : [];
  // Counting from the earliest review due date as well keeps an overdue card's day number >= 0.
  const crt = new Date(Math.min(input.dayOf(now).getTime(), ...reviewCards));
  const days: DayCount = { crt, dayOf: input.dayOf };
  const taken = new Set<number>();
  const ids: CollectionIds = {
    notetype: stableId('parley notetype', taken),
    deck: stableId(`parley deck ${deck.slug}`, taken),
    crt: Math.floor(crt.getTime() / 1000),
    mod,
  };
  const name = stripControls(deck.name).replace(/\s+/g, ' ').trim() || deck.slug;
  const ankiNotes: AnkiNote[] = [];
  const cards: AnkiCard[] = [];
  const cardIds = new Map<string, number>();
  notes.forEach((note, index) => {
    const fields = noteFields(note);
    const nid = stableId(`parley note ${note.id}`, taken);
    ankiNotes.push({
      id: nid, guid: note.id, mid: ids.notetype, mod, tags: noteTags(note, states),
      flds: fields.join(FIELD_SEPARATOR), sfld: plainText(fields[APKG_FIELDS.indexOf('Chinese')]!), csum: fieldChecksum(fields[0]!),
    });
    // The card's kind in cardKinds order is its template's ordinal.
    cardKinds(note).forEach((kind, ord) => {
      const id = cardId(note.id, kind);
      const cid = stableId(`parley card ${id}`, taken);
      cardIds.set(id, cid);
      // Positions count from 1, siblings side by side, as Anki numbers new cards of one note.
      const position = index + 1;
      const schedule = input.withSchedule ? cardSchedule(states.get(id), position, days, input.desiredRetention) : newSchedule(position);
      cards.push({ id: cid, nid, did: ids.deck, ord, mod, ...schedule });
    });
  });
  const col: AnkiCol = {
    crt: ids.crt,
    mod: now.getTime(),
    conf: JSON.stringify(collectionConfJson(ids, notes.length + 1)),
    models: JSON.stringify({ [ids.notetype]: notetypeJson(ids) }),
    decks: JSON.stringify(decksJson(ids, name)),
    dconf: JSON.stringify(deckConfigJson(mod, input.desiredRetention)),
  };
  const revlog = input.withSchedule ? revlogRows(input.reviews, (id) => cardIds.get(id)) : [];
  return { col, notes: ankiNotes, cards, revlog };
}
