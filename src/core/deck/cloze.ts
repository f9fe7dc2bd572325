import { findTerm } from '../text/term-in-context.js';
import type { Lang, Note, SentenceContext } from './note.js';

/** What a cloze card shows in place of its term. */
export const BLANK = '____';

/** A piece of a sentence: the term as the sentence writes it, or the text around it. */
export interface SentencePart {
  text: string;
  term: boolean;
}

/** A vocabulary note's term, its language and its context, whichever side the article gave as the term. */
export interface TermInContext {
  term: string;
  lang: Lang;
  context?: SentenceContext;
}

export function termOf(note: Pick<Note, 'zh' | 'en' | 'lang'>): { term: string; lang: Lang } {
  return note.lang === 'en' ? { term: note.en, lang: 'en' } : { term: note.zh, lang: 'zh' };
}

/**
 * The term as its context sentence writes it, for the note's `cloze` field; undefined when the
 * sentence does not hold it (the note then gets no cloze card).
 */
export function clozeForm({ term, lang, context }: TermInContext): string | undefined {
  const sentence = context?.[lang];
  if (!sentence) return undefined;
  const first = findTerm(sentence, term, lang)[0];
  return first && sentence.slice(first.start, first.end);
}

/** A sentence cut around every occurrence of `term`; the parts joined are the sentence. */
export function splitAtTerm(sentence: string, term: string, lang: Lang): SentencePart[] {
  const parts: SentencePart[] = [];
  let from = 0;
  for (const { start, end } of findTerm(sentence, term, lang)) {
    if (start > from) parts.push({ text: sentence.slice(from, start), term: false });
    parts.push({ text: sentence.slice(start, end), term: true });
    from = end;
  }
  if (from < sentence.length) parts.push({ text: sentence.slice(from), term: false });
  return parts;
}

/** The sentence with each occurrence of the term as `____`: a cloze card's prompt. */
export function blanked(parts: readonly SentencePart[]): string {
  return parts.map((p) => (p.term ? BLANK : p.text)).join('');
}

/**
 * A vocabulary note's context sentence on its term's side, cut at the term: what its cloze card
 * blanks and what the back of its cards highlights. The cloze form is looked for when the note has
 * one, else the term itself (a deck written before cloze cards). Undefined without context.
 */
export function contextParts(note: Note): SentencePart[] | undefined {
  if (note.kind !== 'vocab' || !note.context) return undefined;
  const { term, lang } = termOf(note);
  return splitAtTerm(note.context[lang], note.cloze ?? term, lang);
}
