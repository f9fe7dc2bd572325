import { stem } from './english.js';
import { sortedLineLookup } from './sorted-lines.js';

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

/** Three for words, four for names (see scripts/build-lexicon.mjs). */
const MAX_HEADWORD = 4;

/** Reads `headword<TAB>word word…` lines sorted by headword; `#` lines are comments. */
export function parseLexicon(text: string): Lexicon {
  return lexiconFrom(sortedLineLookup(text));
}

/** A lexicon over any lookup of those lines' values by headword (such as a paged one). */
export function lexiconFrom(lookup: (headword: string) => string | undefined): Lexicon {
  const cache = new Map<string, readonly string[] | undefined>();
  return {
    maxHeadword: MAX_HEADWORD,
    glosses(headword) {
      if (cache.has(headword)) return cache.get(headword);
      const value = lookup(headword);
      const found = value === undefined ? undefined : [...new Set(value.trim().split(/\s+/).filter(Boolean).map(stem))];
      cache.set(headword, found);
      return found;
    },
  };
}
