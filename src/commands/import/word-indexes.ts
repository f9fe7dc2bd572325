import { readFileSync } from 'node:fs';
import { UserError } from '../../core/errors.js';
import { sortedLineLookup } from '../../core/text/sorted-lines.js';
import type { EnglishWord } from '../../core/vocab/english-words.js';
import { wordIndexFrom, type WordIndex } from '../../core/vocab/words.js';
import { pagedIndex } from '../artifacts.js';

/** The indexes `import --suggest` reads, built into dist/ by scripts/build-words.mjs and build-english.mjs. */
export interface WordIndexes {
  words: WordIndex;
  english: (form: string) => EnglishWord | undefined;
}

const unbuilt = () => new UserError('the word indexes for --suggest are missing from this install', 'run `npm run build` in parley\'s folder, then import again');

/**
 * An index read whole (2 MB, one read): segmentation asks about every substring of the article,
 * thousands of keys, scattered, where reading page by page costs a system call each.
 */
function wholeIndex(name: string, dir: URL): ((key: string) => string | undefined) | undefined {
  try {
    return sortedLineLookup(readFileSync(new URL(`${name}.utf16le`, dir)).toString('utf16le'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export function loadWordIndexes(dir: URL): WordIndexes {
  const counts = wholeIndex('word-counts', dir);
  const words = pagedIndex('words', dir);
  // Senses and English forms are asked about only for the few candidates glossed: a page at a time.
  const english = pagedIndex('english', dir);
  if (!counts || !words || !english) throw unbuilt();
  const meta = JSON.parse(readFileSync(new URL('words.meta.json', dir), 'utf8')) as { total: number; maxWord: number };
  const forms = new Map<string, EnglishWord | undefined>();
  return {
    words: wordIndexFrom(counts, words, meta.total, meta.maxWord),
    english(form) {
      if (!forms.has(form)) {
        const value = english(form);
        const [lemma, count] = value?.split('\t') ?? [];
        forms.set(form, lemma ? { lemma, count: Number(count) || 0 } : undefined);
      }
      return forms.get(form);
    },
  };
}
