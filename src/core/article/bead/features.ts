import { contentStems, isStopWord, stem } from '../../text/english.js';
import type { Lexicon } from '../../text/lexicon.js';
import { chineseNumbers, englishNumbers } from '../../text/numbers.js';
import { isHan, unitsOf } from '../../text/script.js';

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
  /** Word indices in `keyWords`: `words` and then the name spellings, which count only when found. */
  slots: number;
  /**
   * Of those, the ones a translation would be expected to share (for English, all but names; for
   * Chinese, all): how far the dictionary can judge whether two units translate each other.
   */
  judgeable: number;
  numbers: readonly string[];
  question: boolean;
  /** Holds quoted speech: dialogue is translated as dialogue. */
  quote: boolean;
}

const NUMBER = /\d+(?:[.,]\d+)*/g;

function numbersIn(text: string): string[] {
  return [...text.normalize('NFKC').matchAll(NUMBER)].map((m) => m[0].replace(/,(?=\d{3}\b)/g, ''));
}

/** Grammatical characters whose dictionary senses would only add noise as words. */
const PARTICLES = new Set([...'的了在是和与及也都而就又对把被将从为以于之其这那个们等着过并或但却所很更最已还让向由即则']);

/** Toneless pinyin of one Chinese character, or undefined when unknown. */
export type Syllable = (char: string) => string | undefined;

/** Syllables from a pinyin reader (tone marks and all), each character read once. */
export function syllablesFrom(pinyin: (zh: string) => string | undefined): Syllable {
  const known = new Map<string, string | undefined>();
  return (char) => {
    if (!known.has(char)) {
      const plain = pinyin(char)?.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
      known.set(char, plain !== undefined && /^[a-z]+$/.test(plain) ? plain : undefined);
    }
    return known.get(char);
  };
}

/**
 * Name lengths in characters: a given name is two, a whole Chinese name three. Longer
 * transliterations (爱因斯坦) are dictionary entries; windows of four cost memory and found nothing more.
 */
const NAME_CHARS = [3, 2];

/**
 * Words by greedy longest match against the lexicon; every sense of every word becomes a key, since
 * the aligner does not know which sense the translator chose. With `syllable`, characters the
 * dictionary took one at a time also give their pinyin, run together, as keys: a name (陈清扬,
 * 哲泰) is spelled that way in the English (Chen Qingyang, Zhetai; see `englishFeatures`).
 */
export function chineseFeatures(text: string, lexicon?: Lexicon, syllable?: Syllable): UnitFeatures {
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
  // Name spellings are words past the end of the counted ones: a name found is evidence, a name
  // missing (the translator wrote "she") is no evidence against.
  const names: string[][] = [];
  let singles = '';
  const endSingles = () => {
    if (syllable && singles.length >= 2) {
      const keys = nameKeys(singles, syllable);
      if (keys.length > 0) names.push(keys);
    }
    singles = '';
  };
  let han = 0;
  let other = 0;
  // By code point: a Han character outside the BMP (𩽾𩾌) is two code units and one character.
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    if (!isHan(cp)) {
      if (countsAsOther(cp)) other++;
      endSingles();
      i += unitsOf(cp);
      continue;
    }
    // Where runs of 1, 2, … Han characters from i end, up to the longest headword.
    const ends = [i + unitsOf(cp)];
    let taken = 1;
    let glosses: readonly string[] | undefined;
    if (lexicon) {
      let end = ends[0]!;
      while (ends.length < lexicon.maxHeadword && end < text.length) {
        const next = text.codePointAt(end)!;
        if (!isHan(next)) break;
        end += unitsOf(next);
        ends.push(end);
      }
      for (let len = ends.length; len >= 1; len--) {
        const found = lexicon.glosses(text.slice(i, ends[len - 1]));
        if (found) {
          glosses = found;
          taken = len;
          break;
        }
      }
    }
    const first = text.slice(i, ends[0]);
    if (glosses && glosses.length > 0 && !(taken === 1 && PARTICLES.has(first))) addWord(glosses);
    if (taken === 1) singles += first;
    else endSingles();
    han += taken;
    i = ends[taken - 1]!;
  }
  endSingles();
  const latin = text.normalize('NFKC').match(/[A-Za-z]+/g) ?? [];
  for (const word of latin) if (!isStopWord(word.toLowerCase())) addWord([stem(word)]);
  const numbers = numbersIn(text);
  for (const n of numbers) addWord([n]);
  const counted = words;
  for (const keys of names) addWord(keys);
  // Numbers in words are often rendered otherwise (两个 "a couple"): like names, they count only when found.
  for (const n of chineseNumbers(text)) addWord([n]);
  return {
    han,
    other,
    keys: new Set(keyWords.keys()),
    keyWords,
    words: counted,
    slots: words,
    judgeable: counted,
    numbers,
    question: /[？?]/.test(text),
    quote: /[“”「」『』"]/.test(text),
  };
}

/** `NAME_PREFIX` + the pinyin run together of every stretch of two or three characters in `chars`. */
function nameKeys(chars: string, syllable: Syllable): string[] {
  const read = [...chars].map(syllable);
  const keys: string[] = [];
  for (let from = 0; from < read.length; from++) {
    for (const length of NAME_CHARS) {
      const part = read.slice(from, from + length);
      if (part.length === length && part.every((s) => s !== undefined)) keys.push(NAME_PREFIX + part.join(''));
    }
  }
  return keys;
}

/** Marks name keys apart from dictionary words, so a pinyin spelling never meets a common English word. */
const NAME_PREFIX = '@';

const PUNCTUATION_OR_SPACE = /[\s\p{P}\p{S}]/u;
/** The punctuation Chinese text is full of, known without compiling the Unicode classes above. */
const COMMON_PUNCTUATION = '，。、；：？！“”‘’（）《》〈〉【】「」『』…—·～\u3000';

/** Whether a non-Chinese code point is part of a word or number (not space, punctuation or a symbol). */
function countsAsOther(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || cp === 0x7f;
  const char = String.fromCodePoint(cp);
  return !COMMON_PUNCTUATION.includes(char) && !PUNCTUATION_OR_SPACE.test(char);
}

export function englishFeatures(text: string): UnitFeatures {
  const keys = new Set<string>(contentStems(text));
  for (const m of text.matchAll(/\b[A-Z]{2,}\b/g)) keys.add(stem(m[0]));
  const numbers = numbersIn(text);
  for (const n of numbers) keys.add(n);
  for (const n of englishNumbers(text)) keys.add(n);
  const counted = keys.size;
  // Capitalised words, alone and with the next (Chen Qingyang, Ye Zhetai), as a Chinese name would spell them.
  for (const m of text.matchAll(/\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*/g)) {
    const parts = m[0].toLowerCase().split(/[ -]/);
    for (let i = 0; i < parts.length; i++) {
      keys.add(NAME_PREFIX + parts[i]);
      if (i + 1 < parts.length) keys.add(NAME_PREFIX + parts[i] + parts[i + 1]);
    }
  }
  const judgeable = plainStems(text).size + new Set(numbers).size;
  return { han: 0, other: text.length, keys, words: counted, slots: 0, judgeable, numbers, question: text.includes('?'), quote: /["“”]/.test(text) };
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
