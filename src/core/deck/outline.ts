import { siblingPairs } from '../srs/siblings.js';
import { clozeLang, inArticleOrder, type Deck, type Lang, type Note, type NoteKind } from './note.js';

/**
 * What the queue and the deck list need of a deck, without its text: the note ids in article
 * order with their kinds, and which vocabulary each sentence uses (siblings.ts). Worked out once, when the deck
 * file is written or found changed, and kept in the derived state.
 */
export interface DeckOutline {
  name: string;
  ids: readonly string[];
  /**
   * One letter a note, in the same order: `s` sentence, `v` vocabulary, `z`/`e` vocabulary that
   * also has a cloze card asking for its Chinese/English term. An outline made before cloze cards
   * has only `s` and `v`, which still read the same.
   */
  kinds: string;
  /** The links, as positions of the notes, flat: vocabulary, sentence, vocabulary, sentence, … */
  pairs: readonly number[];
}

/** A note as the queue knows it: enough to order, count and keep siblings apart. */
export interface NoteRef {
  id: string;
  kind: NoteKind;
  /** Its position in the outline (article order). */
  order: number;
  /** The language its cloze card asks for; absent when it has none. */
  clozeLang?: Lang;
}

const CLOZE_LETTER: Record<Lang, string> = { zh: 'z', en: 'e' };

function kindLetter(note: Note): string {
  if (note.kind === 'sentence') return 's';
  const cloze = clozeLang(note);
  return cloze ? CLOZE_LETTER[cloze] : 'v';
}

/**
 * Which rules made an outline: raised whenever outlineDeck (or the links of siblings.ts) would give
 * another outline of the same deck file, so outlines kept from before are made anew, not trusted.
 * 2: terms found after NFKC and case folding, English plurals and possessives.
 */
export const OUTLINE_RULES = 2;

export function outlineDeck(deck: Deck): DeckOutline {
  const notes = inArticleOrder(deck.notes);
  const position = new Map(notes.map((note, n) => [note.id, n]));
  return {
    name: deck.name,
    ids: notes.map((n) => n.id),
    kinds: notes.map(kindLetter).join(''),
    pairs: siblingPairs(notes).flatMap(([vocab, sentence]) => [position.get(vocab)!, position.get(sentence)!]),
  };
}

export function noteRefs(outline: Pick<DeckOutline, 'ids' | 'kinds'>): NoteRef[] {
  return outline.ids.map((id, order): NoteRef => {
    const letter = outline.kinds[order];
    if (letter === 's') return { id, kind: 'sentence', order };
    return letter === 'z' || letter === 'e' ? { id, kind: 'vocab', order, clozeLang: letter === 'z' ? 'zh' : 'en' } : { id, kind: 'vocab', order };
  });
}

/** How many cards an outline's notes yield: two each, and a cloze card for each `z`/`e` note. */
export function cardCount(outline: Pick<DeckOutline, 'kinds'>): number {
  let count = 0;
  for (const letter of outline.kinds) count += letter === 'z' || letter === 'e' ? 3 : 2;
  return count;
}
