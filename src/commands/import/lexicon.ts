import { readFileSync } from 'node:fs';
import { parseLexicon, type Lexicon } from '../../core/article/index.js';
import { parsePinyinIndex } from '../../core/text/pinyin.js';

/** A build artifact beside the bundle (dist/), or undefined in a checkout that was never built. */
function artifact(name: string): string | undefined {
  try {
    return readFileSync(new URL(`./${name}`, import.meta.url), 'utf8');
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
  const text = artifact('lexicon.txt');
  return text === undefined ? undefined : parseLexicon(text);
}

/** Pinyin for Chinese vocabulary terms; the index is read only when an article has such a term. */
export function lazyPinyin(): (zh: string) => string | undefined {
  let toPinyin: ((zh: string) => string | undefined) | null | undefined;
  return (zh) => {
    if (toPinyin === undefined) {
      const text = artifact('pinyin.txt');
      toPinyin = text === undefined ? null : parsePinyinIndex(text);
    }
    return toPinyin?.(zh);
  };
}
