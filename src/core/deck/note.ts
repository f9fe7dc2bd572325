/** Which side a card prompts with: `zh-en` shows Chinese and asks for English. */
export type Direction = 'zh-en' | 'en-zh';
export const DIRECTIONS: readonly Direction[] = ['zh-en', 'en-zh'];

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

export function cardId(noteId: string, direction: Direction): string {
  return `${noteId}:${direction}`;
}

export function splitCardId(id: string): { noteId: string; direction: Direction } | undefined {
  const at = id.lastIndexOf(':');
  const direction = id.slice(at + 1);
  if (at <= 0 || (direction !== 'zh-en' && direction !== 'en-zh')) return undefined;
  return { noteId: id.slice(0, at), direction };
}
