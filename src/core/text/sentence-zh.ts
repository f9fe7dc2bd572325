import type { Span } from './span.js';
import { splitSentences } from './sentence-scan.js';

const TERMINATORS = new Set(['。', '！', '？', '!', '?', '…', '．']);

/**
 * Splits Chinese text into sentences after 。！？!?… . `；` does not end a sentence: translators
 * keep its clauses in one English sentence.
 */
export function splitChinese(text: string): Span[] {
  return splitSentences(text, { isTerminator: (ch) => TERMINATORS.has(ch), ends: () => true });
}
