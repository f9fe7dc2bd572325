import { type Span, cutAt, quoteSpans } from './span.js';
import { isSpace } from './script.js';

/** Closing marks that belong to the sentence they follow. */
const CLOSING = new Set(['”', '’', '"', "'", '）', ')', ']', '】', '」', '』', '》', '〕']);
/** A book title (`《再见了，夏天！》`) or a bracket that ends with a ！ or ？ ends no sentence by itself: speech does. */
const TITLE_OR_BRACKET_CLOSERS = new Set(['》', '）', ')']);
/** Quotations longer than this are not held together: a stray quote must not swallow a page. */
const QUOTE_LIMIT = 600;

/** What differs between languages: which marks may end a sentence, and whether one does here. */
export interface SentenceRules {
  isTerminator(ch: string): boolean;
  /** Whether the terminator at `mark`, with the sentence running to `end`, ends a sentence. */
  ends(text: string, mark: number, end: number): boolean;
}

/**
 * Splits text into sentences in one linear pass. A quotation that closes nearby stays whole (a
 * terminator inside it ends nothing), and closing quotes or brackets stay with the sentence they
 * end.
 */
export function splitSentences(text: string, rules: SentenceRules): Span[] {
  const quotes = quoteSpans(text, QUOTE_LIMIT);
  const closers = new Set(quotes.values());
  const ends: number[] = [];
  let insideUntil = -1;
  // Where the run of terminators holding i, and the closing marks after it, end: found once per
  // run, since rescanning it for every mark of a long run ("!!!!…") that ends nothing is quadratic.
  let runEnd = -1;
  let afterRun = -1;
  for (let i = 0; i < text.length; i++) {
    const quoteEnd = quotes.get(i);
    if (quoteEnd !== undefined && quoteEnd > insideUntil) insideUntil = quoteEnd;
    if (i < insideUntil) continue;
    if (i === insideUntil) {
      // The quotation closes here: the sentence ends with it if it ended just inside.
      const mark = previousNonSpace(text, i);
      const end = absorbClosing(text, i + 1, closers);
      if (mark >= 0 && !TITLE_OR_BRACKET_CLOSERS.has(text[i]!) && rules.isTerminator(text[mark]!) && rules.ends(text, mark, end)) {
        ends.push(end);
        i = end - 1;
      }
      continue;
    }
    if (!rules.isTerminator(text[i]!)) continue;
    if (i >= runEnd) {
      runEnd = i + 1;
      while (runEnd < text.length && rules.isTerminator(text[runEnd]!)) runEnd++;
      afterRun = absorbClosing(text, runEnd, closers);
    }
    if (rules.ends(text, i, afterRun)) {
      ends.push(afterRun);
      i = afterRun - 1;
    }
  }
  return cutAt(text, ends);
}

function previousNonSpace(text: string, i: number): number {
  let k = i - 1;
  while (k >= 0 && isSpace(text.charCodeAt(k))) k--;
  return k;
}

/** Moves past closing marks (with the odd space before them) that finish the sentence before `at`. */
export function absorbClosing(text: string, at: number, closers: ReadonlySet<number>): number {
  let j = at;
  for (;;) {
    let k = j;
    while (k < text.length && k - j < 2 && text[k] === ' ') k++;
    const ch = text[k];
    if (ch === undefined) return j;
    const straight = ch === '"' || ch === "'";
    const stray = (ch === '“' || ch === '"') && !closers.has(k) && (k + 1 >= text.length || isSpace(text.charCodeAt(k + 1)));
    if ((CLOSING.has(ch) && (!straight || closers.has(k) || stray)) || stray) j = k + 1;
    else return j;
  }
}
