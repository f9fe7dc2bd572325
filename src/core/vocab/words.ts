/** One reading of a Chinese word in CC-CEDICT: its pinyin and its English senses, in the dictionary's order. */
export interface Reading {
  pinyin: string;
  /** A capitalised reading in CC-CEDICT: a name's (北京 Běijīng, 王 Wáng). */
  proper: boolean;
  senses: readonly string[];
}

/** What parley knows of a Chinese word (scripts/build-words.mjs). */
export interface WordEntry {
  /** Corpus count from jieba's dictionary; 0 when only CC-CEDICT lists the word. */
  freq: number;
  /** jieba's part of speech (`n`, `v`, `nr` a person's name, `m` a numeral…); empty when jieba lacks the word. */
  pos: string;
  readings: readonly Reading[];
}

/** The word index as the core sees it: lookups by word, and the sum of all counts for probabilities. */
export interface WordIndex {
  lookup(word: string): WordEntry | undefined;
  /** Sum of jieba's counts, so a count becomes a probability. */
  total: number;
  /** Longest word in the index, in characters. */
  maxWord: number;
}

/** Parses one index value: `freq<TAB>pos<TAB>pinyin<TAB>sense/sense…` with a pinyin and senses per reading. */
export function parseWordEntry(value: string): WordEntry {
  const [freq, pos, ...rest] = value.split('\t');
  const readings: Reading[] = [];
  for (let i = 0; i + 1 < rest.length; i += 2) {
    const proper = rest[i]!.startsWith('*');
    readings.push({ pinyin: proper ? rest[i]!.slice(1) : rest[i]!, proper, senses: rest[i + 1]!.split('/').filter(Boolean) });
  }
  return { freq: Number(freq) || 0, pos: pos ?? '', readings };
}

/** A word index over any lookup of its lines' values (a paged file, or a test's table), each word parsed once. */
export function wordIndexFrom(values: (word: string) => string | undefined, total: number, maxWord: number): WordIndex {
  const cache = new Map<string, WordEntry | undefined>();
  return {
    total,
    maxWord,
    lookup(word) {
      if (cache.has(word)) return cache.get(word);
      const value = values(word);
      const entry = value === undefined ? undefined : parseWordEntry(value);
      cache.set(word, entry);
      return entry;
    },
  };
}
