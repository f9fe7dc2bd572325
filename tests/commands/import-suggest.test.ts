import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
  cloze?: { term: string; text: string };
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
    // Its cloze card: the term as the sentence writes it, and the sentence with it blanked.
    expect(soyMilk.cloze).toEqual({ term: '豆浆', text: soyMilk.context!.zh.replace('豆浆', '____') });
  });

  it('shows source "article" on every item without --suggest, and the dry-run shape otherwise unchanged', async () => {
    const doc = await dryRun([]);
    expect(doc.vocab.map((v) => v.source)).toEqual(['article', 'article']);
    // `cloze`: the term as its context sentence writes it, and that sentence blanked: the cloze card's prompt.
    expect(Object.keys(doc.vocab[0]!).sort()).toEqual(['cloze', 'context', 'gloss', 'id', 'lang', 'note', 'pinyin', 'source', 'term']);
  });

  it('suggests English words to a learner of English', async () => {
    const home = tempHome();
    expect((await parleyIn(['config', 'set', 'learning', 'en'], { home })).code).toBe(0);
    const suggested = (await dryRun(['--suggest', '3'], home)).vocab.filter((v) => v.source === 'suggested');
    expect(suggested.map((v) => [v.term, v.gloss, v.lang])).toEqual([['dew', '露水', 'en'], ['soy', '豆浆', 'en'], ['salty', '咸', 'en']]);
  });

  it('suggests no number word to a learner of English', async () => {
    const home = tempHome();
    expect((await parleyIn(['config', 'set', 'learning', 'en'], { home })).code).toBe(0);
    const article = join(tempHome(), 'harvest.txt');
    // Written for this test.
    writeFileSync(article, '去年秋天，村里收了两百吨苹果。\nLast autumn the village harvested two hundred tonnes of apples.\n\n第一批苹果卖到了邻近的城市。\nThe first batch of apples was sold to a neighbouring city.\n');
    const result = await parleyIn(['import', article, '--suggest', '20', '--dry-run', '--json'], { home });
    expect(result.code, result.stderr).toBe(0);
    const terms = JSON.parse(result.stdout).vocab.map((v: VocabItem) => v.term);
    expect(terms.length).toBeGreaterThan(2);
    for (const word of ['two', 'hundred', 'first']) expect(terms).not.toContain(word);
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

  for (const bad of ['-1', 'x', '2.5', '51', '999999999']) {
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

describe('known words and the suggestPerArticle setting', () => {
  it('never suggests again a word the learner said they know', async () => {
    const home = tempHome();
    const first = (await dryRun(['--suggest', '3'], home)).vocab.filter((v) => v.source === 'suggested').map((v) => v.term);
    expect(first).toHaveLength(3);
    expect((await parleyIn(['known', 'add', ...first], { home })).code).toBe(0);
    const then = (await dryRun(['--suggest', '3'], home)).vocab.filter((v) => v.source === 'suggested').map((v) => v.term);
    expect(then).toHaveLength(3);
    for (const word of then) expect(first).not.toContain(word);
  });

  // Written for this test: an article that marks no vocabulary.
  const PLAIN = [
    '社区图书馆', '',
    '周六早上，社区图书馆门口排起了长队。', 'On Saturday morning a long queue formed outside the community library.', '',
    '管理员把新到的绘本摆在靠窗的书架上。', 'The librarian set the newly arrived picture books on the shelf by the window.', '',
    '几位老人在阅览室里安静地翻阅报纸。', 'Several elderly people leafed quietly through newspapers in the reading room.', '',
    '孩子们借完书，高高兴兴地跑回了家。', 'Having borrowed their books, the children ran home happily.', '',
  ].join('\n');

  it('suggests 8 words for an article that marks none unless told otherwise, and none for one that marks some', async () => {
    const home = tempHome();
    const article = join(tempHome(), 'library.txt');
    writeFileSync(article, PLAIN);
    const suggested = async (file: string, args: string[] = []) => {
      const result = await parleyIn(['import', file, '--dry-run', '--json', ...args], { home });
      expect(result.code, result.stderr).toBe(0);
      return JSON.parse(result.stdout).vocab.filter((v: VocabItem) => v.source === 'suggested').length;
    };
    expect(await suggested(article)).toBe(8);
    expect(await suggested(SAMPLE)).toBe(0);
    expect(await suggested(article, ['--suggest', '2'])).toBe(2);
    expect((await parleyIn(['config', 'set', 'suggestPerArticle', '3'], { home })).code).toBe(0);
    expect(await suggested(article)).toBe(3);
    expect(await suggested(SAMPLE)).toBe(3);
    expect((await parleyIn(['config', 'set', 'suggestPerArticle', '0'], { home })).code).toBe(0);
    expect(await suggested(article)).toBe(0);
    expect(await suggested(article, ['--suggest', '1'])).toBe(1);
  });
});
