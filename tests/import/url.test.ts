// `parley import URL` against pages a server on 127.0.0.1 serves in this process: the same
// pipeline as a saved file, fed by the page's main content. No test here reaches the internet.
// Runs in the built project: a Chinese page title becomes a deck slug through the pinyin index in dist/.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempHome } from '../helpers/cli.js';
import { parleyIn } from '../helpers/in-process.js';
import { articlePage, gbk, NEWS_FURNITURE, newsPage, TEAHOUSE, WECHAT_PROMPTS, wechatPage } from './url-pages.js';
import { page, redirect, servePages, type PageServer } from './url-server.js';

const SEED = resolve(ROOT, '../shared/eval/seed/article.txt');

interface DryRun {
  title: string;
  deck: { name: string; slug: string };
  pairs: { zh: string; en: string }[];
  vocab: { term: string; gloss: string; context?: { zh: string; en: string } }[];
}

async function dryRun(args: string[], input?: string): Promise<DryRun> {
  const result = await parleyIn(['import', ...args, '--dry-run', '--json'], { home: join(tempHome(), 'h'), input });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as DryRun;
}

/** What the same article gives as a plain file: the URL form must give exactly this. */
const asFile = (text: string) => dryRun(['-'], text);

/** Every text that would be on a card. */
function cardTexts(doc: DryRun): string[] {
  return [...doc.pairs.flatMap((p) => [p.zh, p.en]), ...doc.vocab.flatMap((v) => [v.term, v.gloss, v.context?.zh ?? '', v.context?.en ?? ''])];
}

let server: PageServer;
const seedText = existsSync(SEED) ? readFileSync(SEED, 'utf8') : undefined;

beforeAll(async () => {
  const gbkArticle = articlePage(TEAHOUSE, { title: '老城区的茶馆', head: '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">' });
  server = await servePages({
    ...(seedText ? { '/article.html': page(articlePage(seedText, { title: '人工智能安全的国际合作新视角 | 某某双语网' })) } : {}),
    '/news/teahouse.html': page(newsPage(TEAHOUSE)),
    '/wechat/s/AbCdEf': page(wechatPage(TEAHOUSE)),
    // Neither says UTF-8; detection alone could guess the header-less one wrong on a short page.
    '/gbk-meta.html': page(gbk(gbkArticle), 'text/html'),
    '/gbk-header.html': page(gbk(articlePage(TEAHOUSE, { title: '老城区的茶馆', head: '' })), 'text/html; charset=GBK'),
    '/old-link': redirect('/moved'),
    '/moved': redirect('/news/teahouse.html', 301),
  });
});
afterAll(() => server.close());

describe('parley import URL', () => {
  it.skipIf(seedText === undefined)('gives a served copy of the seed article the same 12 pairs and 4 vocabulary items as the file (needs ../shared/eval)', async () => {
    const file = await dryRun([SEED]);
    const web = await dryRun([server.url('/article.html')]);
    expect(file.pairs).toHaveLength(12);
    expect(file.vocab).toHaveLength(4);
    expect(web.pairs).toEqual(file.pairs);
    expect(web.vocab).toEqual(file.vocab);
    // The page's title, less the site's name, names the deck.
    expect(web.title).toBe('人工智能安全的国际合作新视角');
  });

  it('keeps a news page\'s navigation, ads, comments, sidebar and footer off the cards', async () => {
    const expected = await asFile(TEAHOUSE);
    expect(expected.pairs.length).toBeGreaterThanOrEqual(5);
    expect(expected.vocab.map((v) => v.term)).toEqual(['bitter']);
    const web = await dryRun([server.url('/news/teahouse.html')]);
    expect(web.pairs).toEqual(expected.pairs);
    expect(web.vocab).toEqual(expected.vocab);
    const texts = cardTexts(web).join('\n');
    for (const furniture of NEWS_FURNITURE) expect(texts).not.toContain(furniture);
    expect(web.title).toBe('老城区的茶馆');
  });

  it('reads a WeChat article\'s body and title, without the account name, share prompts or QR-code text', async () => {
    const expected = await asFile(TEAHOUSE);
    const web = await dryRun([server.url('/wechat/s/AbCdEf')]);
    expect(web.pairs).toEqual(expected.pairs);
    expect(web.vocab).toEqual(expected.vocab);
    const texts = cardTexts(web).join('\n');
    for (const prompt of WECHAT_PROMPTS) expect(texts).not.toContain(prompt);
    expect(web.title).toBe('老城区的茶馆');
    expect(web.deck.name).toBe('老城区的茶馆');
  });

  it('decodes a GBK page by its <meta http-equiv> or its Content-Type charset', async () => {
    const expected = await asFile(TEAHOUSE);
    for (const path of ['/gbk-meta.html', '/gbk-header.html']) {
      const web = await dryRun([server.url(path)]);
      expect(web.pairs).toEqual(expected.pairs);
      expect(web.title).toBe('老城区的茶馆');
    }
  });

  it('follows redirects and records the address it ended at and the title in the deck', async () => {
    const home = tempHome();
    const result = await parleyIn(['import', server.url('/old-link')], { home });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(server.requested).toEqual(expect.arrayContaining(['/old-link', '/moved', '/news/teahouse.html']));
    const [file] = readdirSync(join(home, 'decks'));
    const deck = JSON.parse(readFileSync(join(home, 'decks', file!), 'utf8'));
    expect(deck.name).toBe('老城区的茶馆');
    expect(deck.source).toMatchObject({ url: server.url('/news/teahouse.html'), title: '老城区的茶馆', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(deck.source.file).toBeUndefined();
    // The same address again is the same deck: nothing added.
    const again = await parleyIn(['import', server.url('/news/teahouse.html')], { home });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/added 0, updated 0, unchanged \d+/);
    expect(readdirSync(join(home, 'decks'))).toEqual([file]);
  });
});
