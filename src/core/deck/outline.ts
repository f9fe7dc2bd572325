import { siblingPairs } from '../srs/siblings.js';
import { inArticleOrder, type Deck, type NoteKind } from './note.js';

/**
 * What the queue and the deck list need of a deck, without its text: the note ids in article
 * order with their kinds, and which vocabulary each sentence uses (siblings.ts). Worked out once, when the deck
 * file is written or found changed, and kept in the derived state.
 */
export interface DeckOutline {
  name: string;
  ids: readonly string[];
  /** One letter a note, in the same order: `v` vocabulary, `s` sentence. */
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
    kinds: notes.map((n) => (n.kind === 'vocab' ? 'v' : 's')).join(''),
    pairs: siblingPairs(notes).flatMap(([vocab, sentence]) => [position.get(vocab)!, position.get(sentence)!]),
  };
}

export function noteRefs(outline: DeckOutline): NoteRef[] {
  return outline.ids.map((id, order): NoteRef => ({ id, kind: outline.kinds[order] === 'v' ? 'vocab' : 'sentence', order }));
}
