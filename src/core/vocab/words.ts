/** One reading of a Chinese word in CC-CEDICT: its pinyin and its English senses, in the dictionary's order. */
export interface Reading {
  pinyin: string;
  /** A capitalised reading in CC-CEDICT: a name's (北京 Běijīng, 王 Wáng). */
  proper: boolean;
  senses: readonly string[];
}

/** How common a Chinese word is, and what kind of word (scripts/build-words.mjs). */
export interface WordCount {
  /** Corpus count from jieba's dictionary; 0 when only CC-CEDICT lists the word. */
  freq: number;
  /** jieba's part of speech (`n`, `v`, `nr` a person's name, `m` a numeral…); empty when jieba lacks the word. */
  pos: string;
}

/** What parley knows of a Chinese word. */
export interface WordEntry extends WordCount {
  readings: readonly Reading[];
}

/**
 * The word index as the core sees it, over the words CC-CEDICT lists: counts (asked of every
 * substring while segmenting, so kept cheap), full entries (asked of candidates only), and the
 * sum of all counts for probabilities.
 */
export interface WordIndex {
  count(word: string): WordCount | undefined;
  /** Whether some word starts with this string (or is it): where segmentation can stop lengthening. */
  continues(word: string): boolean;
  lookup(word: string): WordEntry | undefined;
  /** Sum of jieba's counts, so a count becomes a probability. */
  total: number;
  /** Longest word in the index, in characters. */
  maxWord: number;
}

/** Parses a count value (`freq<TAB>pos`). */
export function parseWordCount(value: string): WordCount {
  const [freq, pos] = value.split('\t');
  return { freq: Number(freq) || 0, pos: pos ?? '' };
}

/** Parses a senses value: `pinyin<TAB>sense/sense…` per reading, a name's pinyin marked `*`. */
export function parseReadings(value: string): Reading[] {
  const rest = value.split('\t');
  const readings: Reading[] = [];
  for (let i = 0; i + 1 < rest.length; i += 2) {
    const proper = rest[i]!.startsWith('*');
    readings.push({ pinyin: proper ? rest[i]!.slice(1) : rest[i]!, proper, senses: rest[i + 1]!.split('/').filter(Boolean) });
  }
  return readings;
}

/** A word index over lookups of the two indexes' values (files, or a test's tables), each word parsed once. */
export function wordIndexFrom(
  counts: (word: string) => string | undefined,
  senses: (word: string) => string | undefined,
  total: number,
  maxWord: number,
): WordIndex {
  const entryCache = new Map<string, WordEntry | undefined>();
  // A count of `-` marks a string that only begins words (the build's prefix lines).
  const countCache = new Map<string, WordCount | '-' | undefined>();
  const counted = (word: string) => {
    if (!countCache.has(word)) {
      const value = counts(word);
      countCache.set(word, value === undefined || value === '-' ? value : parseWordCount(value));
    }
    return countCache.get(word);
  };
  const count = (word: string) => {
    const found = counted(word);
    return found === '-' ? undefined : found;
  };
  return {
    total,
    maxWord,
    count,
    continues: (word) => counted(word) !== undefined,
    lookup(word) {
      if (!entryCache.has(word)) {
        const counted = count(word);
        const value = counted && senses(word);
        entryCache.set(word, counted && value !== undefined ? { ...counted, readings: parseReadings(value) } : undefined);
      }
      return entryCache.get(word);
    },
  };
}
