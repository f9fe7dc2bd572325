import { openSync, readFileSync, readSync } from 'node:fs';
import { lexiconFrom, type Lexicon } from '../core/text/lexicon.js';
import { pinyinFrom } from '../core/text/pinyin.js';
import { pagedLineLookup } from '../core/text/sorted-lines.js';

interface Pages {
  keys: string[];
  offsets: number[];
}

/**
 * A sorted index the build wrote (dist/NAME.utf16le and its page table), looked up by reading only
 * the pages asked for; undefined in a checkout never built.
 */
export function pagedIndex(name: string, dir: URL): ((key: string) => string | undefined) | undefined {
  let pages: Pages;
  let fd: number;
  try {
    pages = JSON.parse(readFileSync(new URL(`${name}.pages.json`, dir), 'utf8')) as Pages;
    fd = openSync(new URL(`${name}.utf16le`, dir), 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return pagedLineLookup(pages.keys, (i) => {
    const start = pages.offsets[i]!;
    const bytes = Buffer.allocUnsafe(pages.offsets[i + 1]! - start);
    readSync(fd, bytes, 0, bytes.length, start);
    return bytes.toString('utf16le');
  });
}

/**
 * The dictionary the aligner uses, built from CC-CEDICT at build time. Without it alignment still
 * works from lengths and anchors.
 */
export function loadLexicon(dir: URL): Lexicon | undefined {
  const lookup = pagedIndex('lexicon', dir);
  return lookup && lexiconFrom(lookup);
}

/** Pinyin for Chinese terms and deck names; the index is opened only when something Chinese asks. */
export function lazyPinyin(dir: URL): (zh: string) => string | undefined {
  let toPinyin: ((zh: string) => string | undefined) | null | undefined;
  return (zh) => {
    if (toPinyin === undefined) {
      const lookup = pagedIndex('pinyin', dir);
      toPinyin = lookup ? pinyinFrom(lookup) : null;
    }
    return toPinyin?.(zh);
  };
}
