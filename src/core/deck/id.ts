import { createHash } from 'node:crypto';
import type { NoteKind } from './note.js';

/** Folds the differences a re-typed or re-saved article introduces: width, spacing, quotes, case. */
export function normaliseForId(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033\u300c\u300d\u300e\u300f]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * Note ids come from content, so importing the same article twice yields the same ids. A sentence
 * is keyed by both sides; a vocabulary item by its term alone, so a corrected gloss keeps its id.
 */
export function noteId(kind: NoteKind, keyParts: readonly string[]): string {
  const hash = createHash('sha256').update(`${kind}\u0000${keyParts.map(normaliseForId).join('\u0000')}`);
  return `${kind === 'sentence' ? 's' : 'v'}${hash.digest('hex').slice(0, 12)}`;
}
