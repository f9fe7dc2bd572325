import type { Span } from './span.js';
import { splitSentences } from './sentence-scan.js';
import { isSpace } from './script.js';

const TERMINATORS = new Set(['。', '！', '？', '!', '?', '…', '．']);

/**
 * Splits Chinese text into sentences after 。！？!?… . `；` does not end a sentence: translators
 * keep its clauses in one English sentence. An ellipsis alone ends one only where the text or the
 * line does: inside a sentence (`见面就……呃，没那么合适`) it is a pause, and cards must not start
 * with the rest of the sentence.
 */
export function splitChinese(text: string): Span[] {
  return splitSentences(text, { isTerminator: (ch) => TERMINATORS.has(ch), ends: endsSentence });
}

function endsSentence(text: string, mark: number, end: number): boolean {
  for (let k = mark; k < end; k++) if (TERMINATORS.has(text[k]!) && text[k] !== '…') return true;
  return end >= text.length || isSpace(text.charCodeAt(end));
}
