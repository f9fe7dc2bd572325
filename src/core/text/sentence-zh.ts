import { type Span, cutAt, quoteSpans } from './span.js';
import { isSpace } from './script.js';

const TERMINATORS = new Set(['。', '！', '？', '!', '?', '…', '．']);
/** Closing marks that belong to the sentence they follow. */
const CLOSING = new Set(['”', '’', '"', "'", '）', ')', ']', '】', '」', '』', '》', '〕']);
const QUOTE_LIMIT = 600;

/**
 * Splits Chinese text into sentences after 。！？!?… in one linear pass. `；` does not end a
 * sentence: translators keep its clauses in one English sentence. A quotation that closes nearby
 * stays whole, and closing quotes or brackets stay with the sentence they end.
 */
export function splitChinese(text: string): Span[] {
  const quotes = quoteSpans(text, QUOTE_LIMIT);
  const closers = new Set(quotes.values());
  const ends: number[] = [];
  let insideUntil = -1;
  for (let i = 0; i < text.length; i++) {
    const quoteEnd = quotes.get(i);
    if (quoteEnd !== undefined && quoteEnd > insideUntil) insideUntil = quoteEnd;
    if (i < insideUntil) continue;
    const ch = text[i]!;
    if (i === insideUntil) {
      if (TERMINATORS.has(previousMark(text, i))) {
        i = absorbClosing(text, i + 1, closers) - 1;
        ends.push(i + 1);
      }
      continue;
    }
    if (!TERMINATORS.has(ch)) continue;
    let j = i + 1;
    while (j < text.length && TERMINATORS.has(text[j]!)) j++;
    j = absorbClosing(text, j, closers);
    ends.push(j);
    i = j - 1;
  }
  return cutAt(text, ends);
}

function previousMark(text: string, i: number): string {
  let k = i - 1;
  while (k >= 0 && isSpace(text.charCodeAt(k))) k--;
  return k >= 0 ? text[k]! : '';
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
