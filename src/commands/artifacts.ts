import { readFileSync } from 'node:fs';
import { parseLexicon, type Lexicon } from '../core/article/index.js';
import { parsePinyinIndex } from '../core/text/pinyin.js';

/** A UTF-16LE build artifact beside the bundle (dist/), or undefined in a checkout never built. */
function artifact(name: string): string | undefined {
  try {
    return readFileSync(new URL(`./${name}`, import.meta.url)).toString('utf16le');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * The dictionary the aligner uses, built from CC-CEDICT at build time. Without it alignment still
 * works from lengths and anchors.
 */
export function loadLexicon(): Lexicon | undefined {
  const text = artifact('lexicon.utf16le');
  return text === undefined ? undefined : parseLexicon(text);
}

/** Pinyin for Chinese terms and deck names; the index is read only when something Chinese asks. */
export function lazyPinyin(): (zh: string) => string | undefined {
  let toPinyin: ((zh: string) => string | undefined) | null | undefined;
  return (zh) => {
    if (toPinyin === undefined) {
      const text = artifact('pinyin.utf16le');
      toPinyin = text === undefined ? null : parsePinyinIndex(text);
    }
    return toPinyin?.(zh);
  };
}
