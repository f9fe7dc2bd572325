import type { Note } from '../deck/note.js';

/** A vocabulary note's term and gloss: `lang` says which of its zh/en sides is the term. */
export function termAndGloss(note: Note): { term: string; gloss: string } {
  return note.lang === 'en' ? { term: note.en, gloss: note.zh } : { term: note.zh, gloss: note.en };
}
