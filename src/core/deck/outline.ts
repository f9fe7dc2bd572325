import { siblingPairs } from '../srs/siblings.js';
import { inArticleOrder, type Deck, type NoteKind } from './note.js';

/**
 * What the queue and the deck list need of a deck, without its text: the note ids in article
 * order with their kinds, and which notes give each other away. Worked out once, when the deck
 * file is written or found changed, and kept in the derived state.
 */
export interface DeckOutline {
  name: string;
  ids: readonly string[];
  /** One letter a note, in the same order: `v` vocabulary, `s` sentence. */
  kinds: string;
  /** Positions of the notes that give each other away, flat: vocabulary, sentence, vocabulary, sentence, … */
  pairs: readonly number[];
}

/** A note as the queue knows it: enough to order, count and keep siblings apart. */
export interface NoteRef {
  id: string;
  kind: NoteKind;
  /** Its position in the outline (article order). */
  order: number;
}

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
