import { isHanScript } from './script.js';
import { sortedLineLookup } from './sorted-lines.js';

/** Longest word in the pinyin index, in characters. */
const MAX_WORD = 4;

/**
 * Pinyin for Chinese text from the index scripts/build-pinyin.mjs makes: words read as CC-CEDICT
 * reads them, single characters by their most common reading. Longest words first, so a
 * character takes the reading of the word it is in (银行 yín háng, 行动 xíng dòng).
 * Returns undefined when a Chinese character is not in the index.
 */
export function parsePinyinIndex(text: string): (zh: string) => string | undefined {
  return pinyinFrom(sortedLineLookup(text));
}

/** The same over any lookup of the index's readings by word (such as a paged one). */
export function pinyinFrom(lookup: (word: string) => string | undefined): (zh: string) => string | undefined {
  return (zh) => {
    const chars = [...zh];
    const syllables: string[] = [];
    let latin = '';
    for (let i = 0; i < chars.length; ) {
      if (!isHanScript(chars[i]!.codePointAt(0)!)) {
        latin += chars[i];
        i++;
        continue;
      }
      if (latin.trim()) syllables.push(latin.trim());
      latin = '';
      let length = Math.min(MAX_WORD, chars.length - i);
      let reading = lookup(chars.slice(i, i + length).join(''));
      while (reading === undefined && length > 1) reading = lookup(chars.slice(i, i + --length).join(''));
      if (reading === undefined) return undefined;
      syllables.push(reading);
      i += length;
    }
    if (latin.trim()) syllables.push(latin.trim());
    return syllables.join(' ');
  };
}
