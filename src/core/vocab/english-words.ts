import { isStopWord } from '../text/english.js';

/** An English word form as the English index knows it: its lemma and how common the lemma is. */
export interface EnglishWord {
  lemma: string;
  /** The lemma's count in SUBTLEX-US (all its forms added up): lower is rarer. */
  count: number;
}

export type EnglishLookup = (form: string) => EnglishWord | undefined;

/** A word as written in a sentence, with where it stands: a capital after the start marks a name. */
export interface EnglishToken {
  form: string;
  sentenceStart: boolean;
}

/** The words of an English text, contractions and possessives left out (they are function words). */
export function englishTokens(text: string): EnglishToken[] {
  const out: EnglishToken[] = [];
  let start = true;
  for (const m of text.matchAll(/[A-Za-z]+(?:['’][A-Za-z]+)*|[.!?:;"“”]/g)) {
    const word = m[0];
    if (!/[A-Za-z]/.test(word)) {
      start = /[.!?:"“”]/.test(word) ? true : start;
      continue;
    }
    if (!/['’]/.test(word)) out.push({ form: word, sentenceStart: start });
    start = false;
  }
  return out;
}

/** The lemmas of the content words of an English text, what a gloss and a sentence are matched on. */
export function contentLemmas(text: string, english: EnglishLookup): string[] {
  const out: string[] = [];
  for (const { form } of englishTokens(text)) {
    const lower = form.toLowerCase();
    if (lower.length < 2 || isStopWord(lower)) continue;
    out.push(english(lower)?.lemma ?? lower);
  }
  return out;
}
