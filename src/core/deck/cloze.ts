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

/** A longer word than this never holds a term (CC-CEDICT's words, as the lexicon keeps them, and names). */
const LONGEST_WORD = 4;

/**
 * The term as its context sentence writes it, for the note's `cloze` field; undefined when the
 * sentence does not hold it (the note then gets no cloze card). Chinese has no spaces to tell a
 * word from part of one: where the term is also part of a longer word `isWord` knows (会 in 会议,
 * 小时 in 小时候), the sentence gives no cloze, since every occurrence of the form is blanked.
 */
export function clozeForm({ term, lang, context }: TermInContext, isWord: (text: string) => boolean): string | undefined {
  const sentence = context?.[lang];
  if (!sentence) return undefined;
  const found = findTerm(sentence, term, lang);
  if (lang === 'zh' && found.some((o) => insideWord(sentence, o.start, o.end, isWord))) return undefined;
  const first = found[0];
  return first && sentence.slice(first.start, first.end);
}

function insideWord(sentence: string, start: number, end: number, isWord: (text: string) => boolean): boolean {
  for (let from = Math.max(0, end - LONGEST_WORD); from <= start; from++) {
    for (let to = Math.min(sentence.length, from + LONGEST_WORD); to >= end; to--) {
      if (to - from > end - start && isWord(sentence.slice(from, to))) return true;
    }
  }
  return false;
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
 * blanks and what the back of its cards highlights. A Chinese term without a cloze form (a deck
 * written before cloze cards, or a term that is also part of a longer word there, 会 in 会议) is
 * not marked: its characters alone would mark the wrong places.
 */
export function contextParts(note: Note): SentencePart[] | undefined {
  if (note.kind !== 'vocab' || !note.context) return undefined;
  const { term, lang } = termOf(note);
  // English words are whole words wherever they stand, so a term alone marks right places.
  const form = note.cloze ?? (lang === 'en' ? term : undefined);
  return form === undefined ? undefined : splitAtTerm(note.context[lang], form, lang);
}
