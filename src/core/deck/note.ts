/** Which side a card prompts with: `zh-en` shows Chinese and asks for English. */
export type Direction = 'zh-en' | 'en-zh';
export const DIRECTIONS: readonly Direction[] = ['zh-en', 'en-zh'];

/**
 * Which card of a note: one of its two directions, or the cloze card of a vocabulary note whose
 * context sentence holds its term (the sentence with the term blanked, the gloss as a hint).
 */
export type CardKind = Direction | 'cloze';

export type NoteKind = 'sentence' | 'vocab';
export type Lang = 'zh' | 'en';
/** Where a vocabulary note came from: the article marked it, or `import --suggest` chose it for this learner. */
export type VocabSource = 'article' | 'suggested';

export interface SentenceContext {
  zh: string;
  en: string;
}

/** One sentence pair or one vocabulary item; content only, never scheduling state. */
export interface Note {
  id: string;
  kind: NoteKind;
  zh: string;
  en: string;
  /** For vocabulary: which side is the term (the other is its gloss). */
  lang?: Lang;
  pos?: string;
  pinyin?: string;
  note?: string;
  context?: SentenceContext;
  /** For vocabulary; absent in decks written before suggestions, which means `article`. */
  source?: VocabSource;
  /**
   * For vocabulary with context: the term as its context sentence (on the term's side) writes it,
   * blanked on the cloze card. Written by import; its presence, not the context's, gives the note a
   * cloze card, so a deck written before cloze cards yields the cards it always did.
   */
  cloze?: string;
  /** Position in the article, so new cards come in reading order. */
  order: number;
}

export interface DeckSource {
  title?: string;
  file?: string;
  url?: string;
  date?: string;
  sha256: string;
}

export const DECK_FORMAT = 'parley-deck/1';

export interface Deck {
  format: typeof DECK_FORMAT;
  name: string;
  slug: string;
  source: DeckSource;
  notes: Note[];
}

/** Notes in the order the article has them (a stable sort: notes with the same order keep file order). */
export function inArticleOrder(notes: readonly Note[]): Note[] {
  return [...notes].sort((a, b) => a.order - b.order);
}

export function cardId(noteId: string, direction: CardKind): string {
  return `${noteId}:${direction}`;
}

export function splitCardId(id: string): { noteId: string; direction: CardKind } | undefined {
  const at = id.lastIndexOf(':');
  const direction = id.slice(at + 1);
  if (at <= 0 || (direction !== 'zh-en' && direction !== 'en-zh' && direction !== 'cloze')) return undefined;
  return { noteId: id.slice(0, at), direction };
}

/**
 * What decides a note's cards: a whole note, or the deck outline's reference to one, which knows
 * only the language its cloze card asks for (`clozeLang`).
 */
export interface CardSource {
  kind: NoteKind;
  lang?: Lang;
  cloze?: string;
  clozeLang?: Lang;
}

/** The language a note's cloze card asks the learner to recall; undefined when it has no cloze card. */
export function clozeLang(note: CardSource): Lang | undefined {
  if (note.clozeLang) return note.clozeLang;
  return note.kind === 'vocab' && note.cloze ? note.lang ?? 'zh' : undefined;
}

/** A note's cards in the order they are introduced: its two directions, then its cloze card. */
export function cardKinds(note: CardSource): CardKind[] {
  return clozeLang(note) ? [...DIRECTIONS, 'cloze'] : [...DIRECTIONS];
}

/**
 * The direction a card counts as for `--direction` and the `direction` setting: a cloze card asks
 * for its term, so a Chinese term's cloze is studied with `en-zh`, an English term's with `zh-en`.
 * Undefined for a cloze card its note no longer has.
 */
export function askedDirection(kind: CardKind, note: CardSource): Direction | undefined {
  if (kind !== 'cloze') return kind;
  const lang = clozeLang(note);
  return lang && (lang === 'zh' ? 'en-zh' : 'zh-en');
}
