import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempHome } from '../helpers/cli.js';
import { parleyIn } from '../helpers/in-process.js';

const SAMPLE = join(ROOT, 'decks', 'morning-market.txt');

function oneLine(stderr: string): string {
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^parley: .+ — .+/);
  return lines[0]!;
}

function write(dir: string, name: string, data: string | Uint8Array): string {
  const file = join(dir, name);
  writeFileSync(file, data);
  return file;
}

describe('parley import', () => {
  it('prints the dry-run document and writes nothing', async () => {
    const home = join(tempHome(), 'h');
    const result = await parleyIn(['import', SAMPLE, '--dry-run', '--json'], { home });
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(doc.deck).toEqual({ name: 'morning-market', slug: 'morning-market' });
    expect(doc.pairs).toHaveLength(8);
    expect(doc.pairs[0]).toEqual({ id: expect.stringMatching(/^s[0-9a-f]{12}$/), zh: expect.stringContaining('老街的早市'), en: expect.stringContaining('comes to life') });
    expect(doc.vocab.map((v: { term: string }) => v.term)).toEqual(['熟客', 'bustling']);
    expect(doc.vocab[0]).toMatchObject({ gloss: 'regular customer / regular', lang: 'zh', pinyin: 'shú kè' });
    expect(doc.vocab[1]).toMatchObject({ gloss: '熙熙攘攘的、热闹的', lang: 'en', pos: 'adj.' });
    expect(doc.skipped.length).toBeGreaterThan(0);
    expect(() => readdirSync(home)).toThrow();
  });

  it('adds nothing on re-import and re-links a corrected translation', async () => {
    const home = tempHome();
    const dir = tempHome();
    const original = readFileSync(SAMPLE, 'utf8');
    const file = write(dir, 'market.txt', original);
    expect((await parleyIn(['import', file], { home })).code).toBe(0);
    const first = JSON.parse(readFileSync(join(home, 'decks', 'market.json'), 'utf8'));
    const again = await parleyIn(['import', file], { home });
    expect(again.stdout).toContain('added 0, updated 0, unchanged 10');
    write(dir, 'market.txt', original.replace('the street grows quiet again', 'the street falls quiet once more'));
    const corrected = await parleyIn(['import', file], { home });
    expect(corrected.stdout).toContain('added 0, updated 1, unchanged 9');
    const after = JSON.parse(readFileSync(join(home, 'decks', 'market.json'), 'utf8'));
    expect(after.notes.map((n: { id: string }) => n.id)).toEqual(first.notes.map((n: { id: string }) => n.id));
  });

  it('reads a UTF-16 file without being told', async () => {
    const home = tempHome();
    const dir = tempHome();
    const text = readFileSync(SAMPLE, 'utf8');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect((await parleyIn(['import', write(dir, 'u16.txt', utf16), '--dry-run', '--json'], { home })).code).toBe(0);
    const pairs = JSON.parse((await parleyIn(['import', write(dir, 'u16.txt', utf16), '--dry-run', '--json'], { home })).stdout).pairs;
    expect(pairs).toHaveLength(8);
  });

  it('reads a GBK file without being told', async () => {
    const gbk = join(ROOT, 'tests', 'fixtures', 'encodings', 'dumplings.gbk.txt');
    const result = await parleyIn(['import', gbk, '--dry-run', '--json'], { home: tempHome() });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).pairs.length).toBeGreaterThan(5);
  });

  describe('bad input: one line, exit 1, nothing written', () => {
    const dir = tempHome();
    const cases: [string, () => string[], RegExp][] = [
      ['a missing file', () => ['import', join(dir, 'nope.txt')], /no such file/],
      ['a directory', () => ['import', dir], /is a directory/],
      ['an empty file', () => ['import', write(dir, 'empty.txt', '')], /empty/],
      ['a binary file', () => ['import', write(dir, 'bin.dat', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3, 0, 0, 0xff, 0xfe, 0, 0, 9, 0]))], /binary/],
      ['Chinese-only text', () => ['import', write(dir, 'zh.txt', '今天下雨了。我们没有出门。\n\n明天也许会放晴。')], /English/],
      ['English-only text', () => ['import', write(dir, 'en.txt', 'It rained today. We stayed in.\n\nTomorrow may be clear.')], /Chinese/],
      ['undecodable bytes', () => ['import', write(dir, 'bad.txt', Buffer.from([0x81, 0x30, 0x81, 0xff, 0xfe, 0xfd, 0x80, 0x80])), '--encoding', 'utf-8'], /decode|utf-8/i],
      ['a deck name that is a path', () => ['import', SAMPLE, '--deck', '../x'], /looks like a path/],
    ];
    it.each(cases)('%s', async (_name, args, message) => {
      const home = join(tempHome(), 'home');
      mkdirSync(home);
      const result = await parleyIn(args(), { home });
      expect(result.code).toBe(1);
      expect(oneLine(result.stderr)).toMatch(message);
      expect(readdirSync(home)).toEqual([]);
    });

    it('an unknown --encoding is wrong usage (exit 2)', async () => {
      const home = join(tempHome(), 'home');
      mkdirSync(home);
      const result = await parleyIn(['import', SAMPLE, '--encoding', 'klingon'], { home });
      expect(result.code).toBe(2);
      expect(oneLine(result.stderr)).toMatch(/encoding/);
      expect(readdirSync(home)).toEqual([]);
    });

    it('a file over the size limit', async () => {
      const home = join(tempHome(), 'home');
      mkdirSync(home);
      const big = write(dir, 'big.txt', Buffer.alloc(21 * 1024 * 1024, 0x61));
      const result = await parleyIn(['import', big], { home });
      expect(result.code).toBe(1);
      expect(oneLine(result.stderr)).toContain('larger than 20 MB');
      expect(readdirSync(home)).toEqual([]);
    });
  });
});
