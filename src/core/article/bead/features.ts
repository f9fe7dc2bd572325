import { contentStems, isStopWord, stem } from '../../text/english.js';
import type { Lexicon } from '../../text/lexicon.js';
import { isHan } from '../../text/script.js';

/** What the cost model needs to know about one unit, computed once. */
export interface UnitFeatures {
  /** Chinese characters (0 for English units). */
  han: number;
  /** Characters that are not Chinese and not space: Latin words and numbers inside Chinese, or all of an English unit. */
  other: number;
  /** Keys a translation would share: English stems (via the lexicon for Chinese), numbers, Latin words. */
  keys: ReadonlySet<string>;
  /** For Chinese: which of its words (by index) each key comes from, to measure how much of the Chinese is matched. */
  keyWords?: ReadonlyMap<string, readonly number[]>;
  /** Words that can be matched at all: dictionary words that are not particles, Latin words, numbers. */
  words: number;
  /**
   * Of those, the ones a translation would be expected to share (for English, all but names; for
   * Chinese, all): how far the dictionary can judge whether two units translate each other.
   */
  judgeable: number;
  numbers: readonly string[];
  question: boolean;
}

const NUMBER = /\d+(?:[.,]\d+)*/g;

function numbersIn(text: string): string[] {
  return [...text.normalize('NFKC').matchAll(NUMBER)].map((m) => m[0].replace(/,(?=\d{3}\b)/g, ''));
}

/** Grammatical characters whose dictionary senses would only add noise as words. */
const PARTICLES = new Set([...'的了在是和与及也都而就又对把被将从为以于之其这那个们等着过并或但却所很更最已还让向由即则']);

/**
 * Words by greedy longest match against the lexicon; every sense of every word becomes a key, since
 * the aligner does not know which sense the translator chose.
 */
export function chineseFeatures(text: string, lexicon?: Lexicon): UnitFeatures {
  const keyWords = new Map<string, number[]>();
  let words = 0;
  const addWord = (glosses: readonly string[]) => {
    for (const g of glosses) {
      const list = keyWords.get(g);
      if (!list) keyWords.set(g, [words]);
      else if (list[list.length - 1] !== words) list.push(words);
    }
    words++;
  };
  let han = 0;
  let other = 0;
  for (let i = 0; i < text.length; ) {
    const cp = text.charCodeAt(i);
    if (!isHan(cp)) {
      if (countsAsOther(cp)) other++;
      i++;
      continue;
    }
    let taken = 1;
    let glosses: readonly string[] | undefined;
    if (lexicon) {
      for (let len = Math.min(lexicon.maxHeadword, text.length - i); len >= 1; len--) {
        let allHan = true;
        for (let k = 1; k < len; k++) if (!isHan(text.charCodeAt(i + k))) allHan = false;
        if (!allHan) continue;
        const found = lexicon.glosses(text.slice(i, i + len));
        if (found) {
          glosses = found;
          taken = len;
          break;
        }
      }
    }
    if (glosses && glosses.length > 0 && !(taken === 1 && PARTICLES.has(text[i]!))) addWord(glosses);
    han += taken;
    i += taken;
  }
  const latin = text.normalize('NFKC').match(/[A-Za-z]+/g) ?? [];
  for (const word of latin) if (!isStopWord(word.toLowerCase())) addWord([stem(word)]);
  const numbers = numbersIn(text);
  for (const n of numbers) addWord([n]);
  return { han, other, keys: new Set(keyWords.keys()), keyWords, words, judgeable: words, numbers, question: /[？?]/.test(text) };
}

const PUNCTUATION_OR_SPACE = /[\s\p{P}\p{S}]/u;
/** The punctuation Chinese text is full of, known without compiling the Unicode classes above. */
const COMMON_PUNCTUATION = '，。、；：？！“”‘’（）《》〈〉【】「」『』…—·～\u3000';
/** Non-ASCII answers by code unit, so the Unicode class runs once per distinct character. */
const otherByCode = new Map<number, boolean>();

/** Whether a non-Chinese code unit is part of a word or number (not space, punctuation or a symbol). */
function countsAsOther(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || cp === 0x7f;
  let known = otherByCode.get(cp);
  if (known === undefined) {
    const char = String.fromCharCode(cp);
    known = !COMMON_PUNCTUATION.includes(char) && !PUNCTUATION_OR_SPACE.test(char);
    otherByCode.set(cp, known);
  }
  return known;
}

export function englishFeatures(text: string): UnitFeatures {
  const keys = new Set<string>(contentStems(text));
  for (const m of text.matchAll(/\b[A-Z]{2,}\b/g)) keys.add(stem(m[0]));
  const numbers = numbersIn(text);
  for (const n of numbers) keys.add(n);
  const judgeable = plainStems(text).size + new Set(numbers).size;
  return { han: 0, other: text.length, keys, words: keys.size, judgeable, numbers, question: text.includes('?') };
}

/**
 * Content stems of the words that are not capitalised after the first: a capital inside a sentence
 * mostly starts a name, and names (Dishon, Hemdan) are transliterated, not found in a dictionary.
 */
function plainStems(text: string): Set<string> {
  const out = new Set<string>();
  let first = true;
  for (const m of text.matchAll(/[A-Za-z]+/g)) {
    const word = m[0];
    const capital = word.charCodeAt(0) <= 0x5a;
    if (first || !capital) for (const s of contentStems(word)) out.add(s);
    first = false;
  }
  return out;
}
