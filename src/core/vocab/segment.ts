import { isHanScript } from '../text/script.js';
import type { WordIndex } from './words.js';

const isHan = (c: string) => isHanScript(c.codePointAt(0)!);

/**
 * Cuts text into words: runs of Chinese by the most probable path through the words CC-CEDICT
 * lists, weighted by jieba's counts (jieba's own method over a dictionary of words rather than
 * phrases, and without its guesser: an unlisted word falls apart into single characters), Latin
 * letters and digits as runs, anything else a character at a time.
 */
export function segment(text: string, index: WordIndex): string[] {
  const chars = Array.from(text);
  const out: string[] = [];
  for (let i = 0; i < chars.length; ) {
    if (isHan(chars[i]!)) {
      let end = i;
      while (end < chars.length && isHan(chars[end]!)) end++;
      out.push(...segmentHan(chars.slice(i, end), index));
      i = end;
    } else if (/[\p{L}\p{N}]/u.test(chars[i]!)) {
      let end = i;
      while (end < chars.length && /[\p{L}\p{N}]/u.test(chars[end]!) && !isHan(chars[end]!)) end++;
      out.push(chars.slice(i, end).join(''));
      i = end;
    } else {
      if (!/\s/.test(chars[i]!)) out.push(chars[i]!);
      i++;
    }
  }
  return out;
}

function segmentHan(chars: readonly string[], index: WordIndex): string[] {
  const logTotal = Math.log(Math.max(index.total, 2));
  const n = chars.length;
  // best[i]: log-probability of the best cut of chars[i..]; next[i]: where its first word ends.
  const best = new Float64Array(n + 1);
  const next = new Int32Array(n + 1);
  for (let i = n - 1; i >= 0; i--) {
    best[i] = -Infinity;
    let word = '';
    for (let length = 1; length <= Math.min(index.maxWord, n - i); length++) {
      word += chars[i + length - 1]!;
      const counted = index.count(word);
      // The index holds CC-CEDICT's words only: jieba also lists phrases (交通拥堵, 节约资源), which
      // would hide the words a learner wants. An unlisted character still has to be a word.
      if (length > 1 && !counted) {
        if (!index.continues(word)) break;
        continue;
      }
      const count = Math.max(counted?.freq ?? 0, 1);
      const score = Math.log(count) - logTotal + best[i + length]!;
      if (score > best[i]!) {
        best[i] = score;
        next[i] = i + length;
      }
    }
  }
  const words: string[] = [];
  for (let i = 0; i < n; i = next[i]!) words.push(chars.slice(i, next[i]).join(''));
  return words;
}
