// Every way a web address can fail: one line `parley: … — …`, exit 1, nothing written.
// Runs in the built project: a Chinese page title becomes a deck slug through the pinyin index in dist/.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { declaredCharset, fetchLimits } from '../../src/commands/import/fetch-page.js';
import { tempHome } from '../helpers/cli.js';
import { parleyIn } from '../helpers/in-process.js';
import { articlePage, TEAHOUSE } from './url-pages.js';
import { page, redirect, servePages, status, type PageServer } from './url-server.js';

let server: PageServer;
const defaults = { ...fetchLimits };

beforeAll(async () => {
  server = await servePages({
    '/teahouse.html': page(articlePage(TEAHOUSE, { title: '老城区的茶馆' })),
    '/gone': status(404),
    '/members/teahouse.html': (request, response) => {
      if (request.headers.authorization !== `Basic ${Buffer.from('me:s3cret').toString('base64')}`) return status(401)(request, response);
      page(articlePage(TEAHOUSE, { title: '老城区的茶馆' }))(request, response);
    },
    '/broken': status(503),
    '/private': status(403),
    '/paper.pdf': page('%PDF-1.7 not a page', 'application/pdf'),
    '/data.json': page('{"zh": "你好", "en": "hello"}', 'application/json'),
    '/untyped': (_request, response) => {
      response.writeHead(200, {});
      response.end(articlePage(TEAHOUSE, { title: '老城区的茶馆' }));
    },
    '/english-only.html': page('<html><head><title>Notes</title></head><body><p>Only English sentences are here. None of them has a Chinese translation.</p><p>So there is nothing to pair.</p></body></html>'),
    '/loop-a': redirect('/loop-b'),
    '/loop-b': redirect('/loop-a'),
    '/to-ftp': redirect('ftp://127.0.0.1/article.txt'),
    // Headers at once, then the body a trickle that never ends: the limit must cover the body too.
    '/slow': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.write('<html><body><p>');
      const timer = setInterval(() => response.write('慢'), 50);
      response.on('close', () => clearInterval(timer));
    },
    '/silent': () => {},
    // No Content-Length: the cap is counted as the body streams in.
    '/huge': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      const line = `<p>${'很长的一行。'.repeat(200)}</p>\n`;
      for (let i = 0; i < 200; i++) response.write(line);
      response.end();
    },
  });
});
afterAll(() => server.close());
afterEach(() => Object.assign(fetchLimits, defaults));

/** A closed port on 127.0.0.1: taken from the system, then let go. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function refused(address: string, pattern: RegExp): Promise<void> {
  const home = join(tempHome(), 'home');
  const result = await parleyIn(['import', address], { home });
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^parley: .+ — .+/);
  expect(lines[0]).toMatch(pattern);
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
  expect(existsSync(home)).toBe(false);
}

describe('parley import URL refuses', () => {
  it('a 404, a 5xx and a 403, each with what to do', async () => {
    await refused(server.url('/gone'), /answered 404 Not Found — check the address/);
    await refused(server.url('/broken'), /answered 503 Service Unavailable — try again later/);
    await refused(server.url('/private'), /answered 403 Forbidden — save the page from the browser/);
  });

  it('content that is not HTML, or says no type at all', async () => {
    await refused(server.url('/paper.pdf'), /is not a web page \(application\/pdf\)/);
    await refused(server.url('/data.json'), /is not a web page \(application\/json\)/);
    await refused(server.url('/untyped'), /is not a web page \(no content type\)/);
  });

  it('an unreachable host', async () => {
    await refused(`http://127.0.0.1:${await closedPort()}/article.html`, /cannot reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
  });

  it('a page with no bilingual text', async () => {
    await refused(server.url('/english-only.html'), /english-only\.html/);
  });

  it('a redirect loop, and a redirect away from http', async () => {
    await refused(server.url('/loop-a'), /redirects more than 5 times/);
    await refused(server.url('/to-ftp'), /redirects to a ftp address/);
    expect(server.requested.filter((path) => path.startsWith('/loop-')).length).toBe(6);
  });

  it('a page too slow to arrive, headers or body (the limit set small through the test seam)', async () => {
    fetchLimits.timeoutMs = 400;
    await refused(server.url('/silent'), /did not answer within 0\.4 s — try again later/);
    await refused(server.url('/slow'), /did not answer within 0\.4 s/);
  });

  it('a page larger than the cap, counted while it streams', async () => {
    fetchLimits.maxBytes = 256 * 1024;
    await refused(server.url('/huge'), /is larger than 0\.25 MB — save the article part/);
  });

  it('an address that is not http or https', async () => {
    await refused('ftp://127.0.0.1/article.txt', /cannot import ftp addresses/);
    await refused('http://[::1', /is not a valid web address/);
  });

  it('and never shows or records a password the address carried, which it sends as a login', async () => {
    const withPassword = (path: string) => server.url(path).replace('http://', 'http://me:s3cret@');
    await refused(withPassword('/gone'), /^parley: http:\/\/127\.0\.0\.1:\d+\/gone answered 404/);
    const home = tempHome();
    const result = await parleyIn(['import', withPassword('/members/teahouse.html')], { home });
    expect(result.code).toBe(0);
    const deck = readFileSync(join(home, 'decks', readdirSync(join(home, 'decks'))[0]!), 'utf8');
    expect(deck).toContain(`"url": "${server.url('/members/teahouse.html')}"`);
    expect(deck).not.toContain('s3cret');
  });
});

describe('a page\'s declared charset', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  it('comes from the header before the page\'s <meta>', () => {
    expect(declaredCharset('text/html; charset=GBK', bytes('<meta charset="utf-8">'))).toBe('gbk');
    expect(declaredCharset('text/html;charset="gb2312"', bytes(''))).toBe('gbk');
  });
  it('comes from <meta charset> or <meta http-equiv> when the header has none', () => {
    expect(declaredCharset('text/html', bytes('<head><meta charset=gb18030></head>'))).toBe('gb18030');
    expect(declaredCharset(null, bytes('<meta http-equiv="Content-Type" content="text/html; charset=big5">'))).toBe('big5');
  });
  it('gives way to a byte-order mark, and ignores a label no decoder knows', () => {
    expect(declaredCharset('text/html; charset=gbk', new Uint8Array([0xef, 0xbb, 0xbf, 0x3c]))).toBeUndefined();
    expect(declaredCharset('text/html; charset=x-unknown', bytes('<meta charset="nonsense">'))).toBeUndefined();
  });
});
