import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withSuggestions } from '../../src/commands/import/suggest.js';
import { loadWordIndexes } from '../../src/commands/import/word-indexes.js';
import { parseDeck } from '../../src/core/deck/file.js';
import { ROOT, tempHome } from '../helpers/cli.js';
import { parleyIn } from '../helpers/in-process.js';

// These run the import with the word indexes the build writes to dist/ (scripts/build-words.mjs).
const SAMPLE = join(ROOT, 'decks', 'morning-market.txt');

interface VocabItem {
  term: string;
  gloss: string;
  lang: string;
  pinyin?: string;
  context?: { zh: string; en: string };
  source: string;
}

async function dryRun(args: string[], home = tempHome()): Promise<{ vocab: VocabItem[]; pairs: { zh: string; en: string }[] }> {
  const result = await parleyIn(['import', SAMPLE, '--dry-run', '--json', ...args], { home });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

describe('parley import --suggest', () => {
  it('adds up to N suggested words after the article\'s own, each with gloss, pinyin and its sentence pair', async () => {
    const doc = await dryRun(['--suggest', '4']);
    expect(doc.vocab.map((v) => [v.term, v.source])).toEqual([
      ['熟客', 'article'], ['bustling', 'article'],
      ['摘下', 'suggested'], ['菜农', 'suggested'], ['早市', 'suggested'], ['豆浆', 'suggested'],
    ]);
    const soyMilk = doc.vocab.find((v) => v.term === '豆浆')!;
    expect(soyMilk).toMatchObject({ gloss: 'soy milk', lang: 'zh', pinyin: 'dòu jiāng' });
    expect(doc.pairs.map(({ zh, en }) => ({ zh, en }))).toContainEqual(soyMilk.context);
    expect(soyMilk.context!.zh).toContain('豆浆');
    expect(soyMilk.context!.en).toContain('soy milk');
  });

  it('shows source "article" on every item without --suggest, and the dry-run shape otherwise unchanged', async () => {
    const doc = await dryRun([]);
    expect(doc.vocab.map((v) => v.source)).toEqual(['article', 'article']);
    expect(Object.keys(doc.vocab[0]!).sort()).toEqual(['context', 'gloss', 'id', 'lang', 'note', 'pinyin', 'source', 'term']);
  });

  it('suggests English words to a learner of English', async () => {
    const home = tempHome();
    expect((await parleyIn(['config', 'set', 'learning', 'en'], { home })).code).toBe(0);
    const suggested = (await dryRun(['--suggest', '3'], home)).vocab.filter((v) => v.source === 'suggested');
    expect(suggested.map((v) => [v.term, v.gloss, v.lang])).toEqual([['dew', '露水', 'en'], ['soy', '豆浆', 'en'], ['salty', '咸', 'en']]);
  });

  it('writes source on the deck\'s vocabulary notes, and a re-import adds nothing', async () => {
    const home = tempHome();
    expect((await parleyIn(['import', SAMPLE, '--suggest', '2'], { home })).code).toBe(0);
    const deck = parseDeck(readFileSync(join(home, 'decks', 'morning-market.json'), 'utf8'), 'deck');
    const vocab = deck.notes.filter((n) => n.kind === 'vocab');
    // In article order: a suggestion stands beside its sentence.
    expect(vocab.map((n) => [n.zh, n.source])).toEqual([['摘下', 'suggested'], ['菜农', 'suggested'], ['熟客', 'article'], ['熙熙攘攘的、热闹的', 'article']]);
    expect(deck.notes.filter((n) => n.kind === 'sentence').every((n) => n.source === undefined)).toBe(true);
    const again = await parleyIn(['import', SAMPLE, '--suggest', '2'], { home });
    expect(again.stdout).toContain('added 0, updated 0, unchanged 12');
  });

  it('leaves a deck written before suggestions as it was on a plain re-import', async () => {
    const home = tempHome();
    expect((await parleyIn(['import', SAMPLE], { home })).code).toBe(0);
    const file = join(home, 'decks', 'morning-market.json');
    const old = JSON.parse(readFileSync(file, 'utf8'));
    for (const note of old.notes) delete note.source;
    writeFileSync(file, `${JSON.stringify(old, null, 2)}\n`);
    const again = await parleyIn(['import', SAMPLE], { home });
    expect(again.stdout).toContain('added 0, updated 0, unchanged 10');
  });

  for (const bad of ['-1', 'x', '2.5']) {
    it(`refuses --suggest ${bad} as wrong usage, in one line`, async () => {
      const home = join(tempHome(), 'h');
      const result = await parleyIn(['import', SAMPLE, '--suggest', bad], { home });
      expect(result.code).toBe(2);
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^parley: .*--suggest.* — /);
    });
  }
});

describe('the import step\'s known words', () => {
  it('never suggests a word the learner knows', async () => {
    const home = tempHome();
    const plain = await parleyIn(['import', SAMPLE, '--dry-run', '--json'], { home });
    const article = JSON.parse(plain.stdout);
    // The step works on analysed articles; rebuild the one the dry run showed.
    const analysed = [{
      source: { label: 'a' }, sha256: 'x', title: article.title,
      analysis: { pairs: article.pairs.map((p: { zh: string; en: string }, line: number) => ({ ...p, line })), vocab: [], skipped: [] },
    }] as never;
    const indexes = () => loadWordIndexes(new URL('../../dist/', import.meta.url));
    const first = withSuggestions(analysed, { n: 2, known: new Set(), learning: 'zh' }, indexes)[0]!.analysis.vocab.map((v) => v.term);
    const known = new Set(first);
    const then = withSuggestions(analysed, { n: 2, known, learning: 'zh' }, indexes)[0]!.analysis.vocab.map((v) => v.term);
    expect(then).toHaveLength(2);
    for (const word of then) expect(known.has(word)).toBe(false);
  });
});
