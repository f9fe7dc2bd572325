// The built CLI fetching a served page, and the build keeping Readability and linkedom out of
// every start-up: they load only when `parley import URL` reads a page.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ROOT, tempHome } from '../helpers/cli.js';
import { TEAHOUSE, wechatPage } from './url-pages.js';
import { page, servePages, type PageServer } from './url-server.js';

const dist = join(ROOT, 'dist');
const chunks = readdirSync(dist).filter((name) => name.endsWith('.cjs'));
const holding = (marker: string) => chunks.filter((name) => readFileSync(join(dist, name), 'utf8').includes(marker));

let server: PageServer;
beforeAll(async () => {
  server = await servePages({ '/s/AbCdEf': page(wechatPage(TEAHOUSE)) });
});
afterAll(() => server.close());

describe('import URL in the build', () => {
  it('imports a served WeChat page with the built CLI', async () => {
    // Asynchronous: the server answers from this process, which a synchronous spawn would block.
    const home = tempHome();
    const { stdout } = await promisify(execFile)(process.execPath, [CLI, 'import', server.url('/s/AbCdEf'), '--json'], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1', PARLEY_HOME: home },
      timeout: 60_000,
    });
    const doc = JSON.parse(stdout);
    expect(doc.deck.name).toBe('老城区的茶馆');
    expect(doc.pairs.length).toBeGreaterThanOrEqual(5);
    expect(JSON.stringify(doc.pairs)).not.toContain('双语茶话会');
  });

  it('puts Readability and linkedom in a chunk only the import command requires, lazily', () => {
    const readability = holding('_grabArticle');
    expect(readability).toEqual([expect.stringMatching(/^main-content-\w+\.cjs$/)]);
    expect(holding('linkedom/commonjs/canvas')).toEqual(readability);
    const requirers = holding(readability[0]!);
    expect(requirers).toEqual([expect.stringMatching(/^import-\w+\.cjs$/)]);
    const lazy = new RegExp(`Promise\\.resolve\\(\\)\\.then\\(\\(\\)=>__toESM\\(require\\("\\./${readability[0]!.replace('.', '\\.')}"\\)\\)\\)`);
    expect(readFileSync(join(dist, requirers[0]!), 'utf8')).toMatch(lazy);
  });
});
