import type { Lexicon } from '../text/lexicon.js';

/**
 * Chinese text cut into dictionary words, each with the English its CC-CEDICT senses give: the
 * evidence that says which Chinese words an English gloss stands for.
 */

/**
 * Single characters that stand between words rather than inside a term (particles, prepositions,
 * adverbs, conjunctions), when the dictionary reads them as a word of their own.
 */
const GRAMMAR = new Set([...'的了着在是把被将从向也都就而并又和与及或让使给其这那该此对于以为由']);
export const CONJUNCTIONS = new Set([...'和与及或']);

export interface Word {
  text: string;
  /** English stems of the word and of each of its characters. */
  senses: readonly string[];
}

/** Words by longest dictionary match from the start. */
export function wordsAfter(text: string, lexicon: Lexicon): Word[] {
  return longestMatches([...text], lexicon, false);
}

/** Words by longest dictionary match from the end backwards (where a bracket closes a term); unknown characters stand alone. */
export function wordsBefore(run: string, lexicon: Lexicon): Word[] {
  return longestMatches([...run], lexicon, true).reverse();
}

/** Greedy longest matches, from the start or from the end; from the end, the words come last first. */
function longestMatches(chars: readonly string[], lexicon: Lexicon, fromEnd: boolean): Word[] {
  const words: Word[] = [];
  for (let done = 0; done < chars.length; ) {
    const piece = (length: number) => (fromEnd ? chars.slice(chars.length - done - length, chars.length - done) : chars.slice(done, done + length)).join('');
    let length = Math.min(lexicon.maxHeadword, chars.length - done);
    while (length > 1 && !lexicon.glosses(piece(length))) length--;
    const text = piece(length);
    words.push({ text, senses: sensesOf(text, lexicon) });
    done += length;
  }
  return words;
}

/** A word's senses and its characters' senses: `需求` lists "demand", `需` gives "need". */
function sensesOf(word: string, lexicon: Lexicon): string[] {
  const chars = [...word];
  const parts = chars.length > 1 ? [word, ...chars] : [word];
  return parts.flatMap((p) => lexicon.glosses(p) ?? []);
}

/** The share of the wanted English stems that some word's senses match. */
export function coverage(words: readonly Word[], wanted: readonly string[]): number {
  if (wanted.length === 0) return 0;
  const senses = words.flatMap((w) => w.senses);
  return wanted.filter((w) => senses.some((s) => sameWord(s, w))).length / wanted.length;
}

/** Stems that share a root: `spirit`/`spiritual`, `economy`/`economic`, `happi` (happily)/`happy`. */
export function sameWord(stemA: string, stemB: string): boolean {
  const [a, b] = [stemA.replace(/i$/, 'y'), stemB.replace(/i$/, 'y')];
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 4 && long.startsWith(short)) return true;
  let common = 0;
  while (common < short.length && short[common] === long[common]) common++;
  return common >= 5 && common >= short.length - 2;
}

export function isGrammar(word: Word): boolean {
  return GRAMMAR.has(word.text);
}

export function join(words: readonly Word[]): string {
  return words.map((w) => w.text).join('');
}
