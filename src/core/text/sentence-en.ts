import type { Span } from './span.js';
import { splitSentences } from './sentence-scan.js';
import { codePointBefore, isHan, isSpace, unitsOf } from './script.js';

/** Never end a sentence: titles and the like are always followed by more of the sentence. */
const ALWAYS_ABBREVIATION = new Set(
  ('mr mrs ms dr prof sr jr st mt vs fig figs gen col lt sgt capt cmdr gov sen rep rev hon messrs ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec approx dept est vol pp ca cf al op').split(' '),
);
/** Often end a sentence too ("... in the U.S. The ..."), so they do when a typical opener follows. */
const SOMETIMES_ABBREVIATION = new Set('etc inc ltd co corp bros'.split(' '));
const OPENERS = new Set(
  ('The A An He She It They We I You This That These Those There But And In On At As So Yet Its His Her Their Our ' +
    'What When Where Why How If After Before Since While Although However Meanwhile').split(' '),
);

const isTerminator = (ch: string) => ch === '.' || ch === '!' || ch === '?' || ch === '…';

/**
 * Splits English text into sentences: after . ! ? … when a capital, digit, quote, bracket or
 * Chinese character follows, but not after abbreviations (Dr., e.g., a.m., No. 5), initials
 * (J. K.) or decimals.
 */
export function splitEnglish(text: string): Span[] {
  return splitSentences(text, { isTerminator, ends: endsSentence });
}

/** Whether the terminator at `mark`, with the sentence running to `end`, really ends a sentence. */
function endsSentence(text: string, mark: number, end: number): boolean {
  const ch = text[mark];
  if (end >= text.length) return true;
  if (!isSpace(text.charCodeAt(end))) return false;
  let k = end;
  while (k < text.length && isSpace(text.charCodeAt(k))) k++;
  if (k >= text.length) return true;
  const next = text.codePointAt(k)!;
  const startsLikeSentence =
    (next >= 0x41 && next <= 0x5a) || (next >= 0x30 && next <= 0x39) || isHan(next) || '“‘"\'([«¿¡'.includes(text[k]!);
  if (!startsLikeSentence) return false;
  // `Goodbye, Summer! (published in 2015)`: a bracket that goes on in lower case continues the sentence.
  if ((text[k] === '(' || text[k] === '[') && /^[a-z]/.test(text[k + 1] ?? '')) return false;
  if (ch !== '.' || text[mark - 1] === '.') return true;
  const word = wordBefore(text, mark);
  const lower = word.toLowerCase();
  const nextWord = wordAfter(text, k);
  if (ALWAYS_ABBREVIATION.has(lower)) return false;
  if (lower === 'no' && /^\d/.test(nextWord)) return false;
  if (isSingleCapital(word)) return false;
  if (word.includes('.') || SOMETIMES_ABBREVIATION.has(lower)) return OPENERS.has(nextWord);
  return true;
}

/*
 * The Unicode letter classes below cost a cold process a compilation each; English is nearly all
 * ASCII, so they run only when a word holds something else.
 */
const LETTER_OR_DOT = /[\p{L}.]/u;
const LEADING_WORD = /^[\p{L}\d]+/u;
const SINGLE_CAPITAL = /^\p{Lu}$/u;

const isAsciiLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/** The word (letters and inner dots, as in U.S or e.g) that ends just before `mark`. */
function wordBefore(text: string, mark: number): string {
  let k = mark;
  for (let c = codePointBefore(text, k); c !== undefined; c = codePointBefore(text, k)) {
    if (c < 0x80 ? !(isAsciiLetter(c) || c === 0x2e) : !LETTER_OR_DOT.test(String.fromCodePoint(c))) break;
    k -= unitsOf(c);
  }
  return text.slice(k, mark).replace(/^\.+/, '');
}

/** The letters and digits starting at `k`, looking at most 20 code units ahead. */
function wordAfter(text: string, k: number): string {
  const window = text.slice(k, k + 20);
  let end = 0;
  while (end < window.length) {
    const c = window.charCodeAt(end);
    if (c >= 0x80) return LEADING_WORD.exec(window)?.[0] ?? '';
    if (!isAsciiLetter(c) && !(c >= 0x30 && c <= 0x39)) break;
    end++;
  }
  return window.slice(0, end);
}

/** One upper-case letter (an initial); a code point takes at most two code units. */
function isSingleCapital(word: string): boolean {
  if (word.length === 0 || word.length > 2) return false;
  const c = word.charCodeAt(0);
  if (c < 0x80) return word.length === 1 && c >= 0x41 && c <= 0x5a;
  return SINGLE_CAPITAL.test(word);
}
