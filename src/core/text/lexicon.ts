import { stem } from './english.js';

/**
 * A Chinese -> English content-word index (built from CC-CEDICT by scripts/build-lexicon.mjs).
 * Parsing is O(1): lookups binary-search the sorted text, so a CLI run that aligns a short article
 * pays only for the words it asks about.
 */
export interface Lexicon {
  /** Longest headword, in UTF-16 code units: callers need not look up longer substrings. */
  readonly maxHeadword: number;
  /** Stemmed English words for a Chinese headword, or undefined when it is not listed. */
  glosses(headword: string): readonly string[] | undefined;
}

const MAX_HEADWORD = 3;

/** Reads `headword<TAB>word word…` lines sorted by headword; `#` lines are comments. */
export function parseLexicon(text: string): Lexicon {
  const cache = new Map<string, readonly string[] | undefined>();
  const find = (headword: string): readonly string[] | undefined => {
    let lo = 0;
    let hi = text.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const start = Math.max(lo, text.lastIndexOf('\n', mid - 1) + 1);
      const lineEnd = endOfLine(text, start);
      const tab = text.indexOf('\t', start);
      const key = tab >= 0 && tab < lineEnd ? text.slice(start, tab) : text.slice(start, lineEnd);
      if (key === headword && tab >= 0 && tab < lineEnd) {
        return [...new Set(text.slice(tab + 1, lineEnd).trim().split(/\s+/).filter(Boolean).map(stem))];
      }
      if (key.startsWith('#') || key < headword) lo = lineEnd + 1;
      else hi = start;
    }
    return undefined;
  };
  return {
    maxHeadword: MAX_HEADWORD,
    glosses(headword) {
      if (cache.has(headword)) return cache.get(headword);
      const found = find(headword);
      cache.set(headword, found);
      return found;
    },
  };
}

function endOfLine(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl < 0 ? text.length : nl;
}
