import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseArticle, parseLexicon } from '../../../src/core/article/index.js';
import { parsePinyinIndex } from '../../../src/core/text/pinyin.js';

// The user's own example article lives beside the repository, not in it.
const dir = new URL('../../../../shared/eval/seed/', import.meta.url);
const lexiconFile = new URL('../../../dist/lexicon.utf16le', import.meta.url);
const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim();

interface Gold {
  pairs: { zh: string; en: string }[];
  vocab: { term: string; gloss: string; lang: string; pos?: string }[];
}

function load() {
  const text = readFileSync(new URL('article.txt', dir), 'utf8');
  const gold = JSON.parse(readFileSync(new URL('gold.json', dir), 'utf8')) as Gold;
  const lexicon = existsSync(lexiconFile) ? parseLexicon(readFileSync(lexiconFile).toString('utf16le')) : undefined;
  const pinyinFile = new URL('../../../dist/pinyin.utf16le', import.meta.url);
  const pinyin = existsSync(pinyinFile) ? parsePinyinIndex(readFileSync(pinyinFile).toString('utf16le')) : undefined;
  return { text, gold, pinyin, analysis: analyseArticle(text, { lexicon, pinyin }) };
}

// Vitest runs a skipped suite's body to collect its tests: the files are read only once it runs.
describe.skipIf(!existsSync(new URL('article.txt', dir)))('the seed article (needs ../shared/eval)', () => {
  let loaded: ReturnType<typeof load> | undefined;
  const seed = () => (loaded ??= load());

  it('yields exactly the gold sentence pairs, in order', () => {
    const { analysis, gold } = seed();
    expect(analysis.pairs.map((p) => ({ zh: norm(p.zh), en: norm(p.en) }))).toEqual(
      gold.pairs.map((p) => ({ zh: norm(p.zh), en: norm(p.en) })),
    );
  });

  it('yields exactly the gold vocabulary items', () => {
    const { analysis, gold, pinyin } = seed();
    const shape = (v: { term: string; gloss: string; lang: string; pos?: string }) => ({
      term: norm(v.term),
      gloss: norm(v.gloss),
      lang: v.lang,
      pos: v.pos,
    });
    const byTerm = (a: { term: string }, b: { term: string }) => a.term.localeCompare(b.term);
    expect(analysis.vocab.map(shape).sort(byTerm)).toEqual(gold.vocab.map(shape).sort(byTerm));
    if (pinyin) expect(analysis.vocab.find((v) => v.term === '二轨对话')?.pinyin).toBe('èr guǐ duì huà');
  });

  it('skips the Chinese annotation block between a paragraph and its translation', () => {
    const { analysis, text } = seed();
    const paired = new Set(analysis.pairs.map((p) => p.line));
    const annotationLines = text.split(/\r?\n/).flatMap((l, i) => (/^[123]\.|^[一二三]、|=/.test(l) ? [i + 1] : []));
    expect(annotationLines.length).toBeGreaterThan(0);
    for (const line of annotationLines) expect(paired.has(line)).toBe(false);
    for (const line of annotationLines) expect(analysis.skipped.some((s) => s.line === line)).toBe(true);
  });
});
