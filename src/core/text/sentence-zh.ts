import type { Span } from './span.js';
import { splitSentences } from './sentence-scan.js';
import { isSpace } from './script.js';

const TERMINATORS = new Set(['。', '！', '？', '!', '?', '…', '．']);

/**
 * Splits Chinese text into sentences after 。！？!?… . `；` does not end a sentence: translators
 * keep its clauses in one English sentence. An ellipsis is a pause, not an end, where the sentence
 * plainly goes on: before a comma or particle, or an interjection and its comma (`见面就……呃，没那么
 * 合适`) — cards must not start there. Elsewhere it ends one, as novels use it; where the
 * translation keeps the two as one sentence the aligner joins them again.
 */
export function splitChinese(text: string): Span[] {
  return splitSentences(text, { isTerminator: (ch) => TERMINATORS.has(ch), ends: endsSentence });
}

const QUOTE_CLOSERS = new Set([...'”’」』"\'']);
/** Cannot start a sentence. */
const CONTINUES = new Set([...'，,、；;：:的地得了着过呢吧啊呀嘛么']);
/** An interjection that, followed by a comma, carries the sentence on after a pause. */
const INTERJECTIONS = new Set([...'呃嗯唉哦啊噢呀哎喔']);

function endsSentence(text: string, mark: number, end: number): boolean {
  for (let k = mark; k < end; k++) if (TERMINATORS.has(text[k]!) && text[k] !== '…') return true;
  // Speech that trails off inside the sentence quoting it (`我只记得“那天下雨……”这几个字`).
  for (let k = mark; k < end; k++) if (QUOTE_CLOSERS.has(text[k]!)) return end >= text.length;
  let k = end;
  while (k < text.length && isSpace(text.charCodeAt(k))) k++;
  const next = text[k];
  if (next === undefined) return true;
  if (CONTINUES.has(next)) return false;
  return !(INTERJECTIONS.has(next) && (text[k + 1] === '，' || text[k + 1] === ','));
}
