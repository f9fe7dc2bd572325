import { irregularLemma } from './english.js';

/** One occurrence of a term in a sentence: `sentence.slice(start, end)` is the text as written there. */
export interface Occurrence {
  start: number;
  end: number;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Where a vocabulary term occurs in a sentence, every occurrence in order, none overlapping; none
 * when the sentence does not hold it. The first rule that finds anything decides:
 * - Chinese: the exact text; then the text with full/half width and letter case folded (an article
 *   writes `AI芯片` where the word list has `ＡＩ芯片`).
 * - English, always as whole words: the exact text; then any letter case (a term that starts the
 *   sentence); then a regular or listed irregular inflection of each of its words — the same word
 *   in another grammatical form (dialogue → dialogues, stall → stalled, run → ran). A derived word
 *   is another word with another part of speech (disconcerting → disconcertingly), and a blank
 *   that asks for it would mislead the gloss given as its hint, so it is not found.
 */
export function findTerm(sentence: string, term: string, lang: 'zh' | 'en'): Occurrence[] {
  const wanted = term.trim();
  if (!wanted || !sentence) return [];
  return lang === 'zh' ? findChinese(sentence, wanted) : findEnglish(sentence, wanted);
}

function exactly(sentence: string, term: string, accept: (o: Occurrence) => boolean = () => true): Occurrence[] {
  const found: Occurrence[] = [];
  for (let at = sentence.indexOf(term); at >= 0;) {
    const occurrence = { start: at, end: at + term.length };
    if (accept(occurrence)) {
      found.push(occurrence);
      at = sentence.indexOf(term, occurrence.end);
    } else {
      at = sentence.indexOf(term, at + 1);
    }
  }
  return found;
}

/** Full-width forms to ASCII, compatibility forms to their plain ones, and upper case to lower. */
const fold = (text: string) => text.normalize('NFKC').toLowerCase();

function findChinese(sentence: string, term: string): Occurrence[] {
  const exact = exactly(sentence, term);
  if (exact.length) return exact;
  // Folded code point by code point, so each match maps back to whole characters of the sentence.
  let folded = '';
  const origin = new Map<number, number>();
  for (let i = 0; i < sentence.length;) {
    const char = String.fromCodePoint(sentence.codePointAt(i)!);
    origin.set(folded.length, i);
    folded += fold(char);
    i += char.length;
  }
  origin.set(folded.length, sentence.length);
  const key = [...term].map(fold).join('');
  return exactly(folded, key, (o) => origin.has(o.start) && origin.has(o.end))
    .map((o) => ({ start: origin.get(o.start)!, end: origin.get(o.end)! }));
}

const wholeWords = (sentence: string) => (o: Occurrence) =>
  !WORD_CHAR.test(sentence.slice(o.start - 1, o.start)) && !WORD_CHAR.test(sentence.slice(o.end, o.end + 1));

function findEnglish(sentence: string, term: string): Occurrence[] {
  const exact = exactly(sentence, term, wholeWords(sentence));
  if (exact.length) return exact;
  const anyCase = exactly(sentence.toLowerCase(), term.toLowerCase(), wholeWords(sentence));
  // Lower-casing keeps the length of English text; a sentence where it does not is left to the inflection rule.
  if (anyCase.length && sentence.toLowerCase().length === sentence.length) return anyCase;
  return inflected(sentence, term);
}

interface Word {
  text: string;
  start: number;
  end: number;
}

const WORDS = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** A run of the sentence's words, one a term word, with nothing but spaces or hyphens between them. */
function inflected(sentence: string, term: string): Occurrence[] {
  const termWords = [...term.toLowerCase().matchAll(WORDS)].map((m) => m[0]);
  if (termWords.length === 0) return [];
  const words: Word[] = [...sentence.matchAll(WORDS)].map((m) => ({ text: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length }));
  const found: Occurrence[] = [];
  for (let i = 0; i + termWords.length <= words.length;) {
    const run = words.slice(i, i + termWords.length);
    const fits = run.every((word, k) => isFormOf(word.text, termWords[k]!) && (k === 0 || /^[\s-]+$/u.test(sentence.slice(run[k - 1]!.end, word.start))));
    if (fits) {
      found.push({ start: run[0]!.start, end: run.at(-1)!.end });
      i += termWords.length;
    } else {
      i++;
    }
  }
  return found;
}

function isFormOf(word: string, lemma: string): boolean {
  return word === lemma || irregularLemma(word) === lemma || regularForms(lemma).has(word);
}

/** The regular inflections of an English word: plural and third person, past, participle, comparison. */
function regularForms(word: string): Set<string> {
  const forms = new Set<string>();
  const add = (stem: string, ...endings: string[]) => endings.forEach((e) => forms.add(stem + e));
  if (/[^aeiou]y$/.test(word)) add(word.slice(0, -1), 'ies', 'ied', 'ier', 'iest');
  else if (/(?:s|x|z|ch|sh)$/.test(word)) add(word, 'es');
  else add(word, 's');
  if (word.endsWith('ie')) add(word.slice(0, -2), 'ying');
  if (word.endsWith('e')) {
    add(word, 'd', 'r', 'st');
    if (!/(?:ee|ye|oe)$/.test(word)) add(word.slice(0, -1), 'ing');
    else add(word, 'ing');
  } else {
    add(word, 'ed', 'ing', 'er', 'est');
    // stop -> stopped, big -> bigger: one short vowel before a final consonant doubles it.
    if (/(?:^|[^aeiou])[aeiou][bdgklmnprtvz]$/.test(word)) add(word + word.at(-1), 'ed', 'ing', 'er', 'est');
  }
  return forms;
}
