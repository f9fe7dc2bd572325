import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parley, ROOT, tempHome } from '../helpers/cli.js';
import { runInTerminal } from '../helpers/pty.js';

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
  it('writes a deck and says what it found', () => {
    const home = tempHome();
    const result = parley(['import', SAMPLE], { home });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('8 sentence pairs, 2 vocabulary items');
    expect(result.stdout).toContain('added 10');
    const deck = JSON.parse(readFileSync(join(home, 'decks', 'morning-market.json'), 'utf8'));
    expect(deck.format).toBe('parley-deck/1');
    expect(deck.notes).toHaveLength(10);
    const decks = JSON.parse(parley(['decks', '--json'], { home }).stdout);
    expect(decks[0]).toMatchObject({ slug: 'morning-market', notes: 10, cards: 20, new: 20 });
  });

  it('prints the dry-run document and writes nothing', () => {
    const home = join(tempHome(), 'h');
    const result = parley(['import', SAMPLE, '--dry-run', '--json'], { home });
    expect(result.status).toBe(0);
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

  it('adds nothing on re-import and re-links a corrected translation', () => {
    const home = tempHome();
    const dir = tempHome();
    const original = readFileSync(SAMPLE, 'utf8');
    const file = write(dir, 'market.txt', original);
    expect(parley(['import', file], { home }).status).toBe(0);
    const first = JSON.parse(readFileSync(join(home, 'decks', 'market.json'), 'utf8'));
    const again = parley(['import', file], { home });
    expect(again.stdout).toContain('added 0, updated 0, unchanged 10');
    write(dir, 'market.txt', original.replace('the street grows quiet again', 'the street falls quiet once more'));
    const corrected = parley(['import', file], { home });
    expect(corrected.stdout).toContain('added 0, updated 1, unchanged 9');
    const after = JSON.parse(readFileSync(join(home, 'decks', 'market.json'), 'utf8'));
    expect(after.notes.map((n: { id: string }) => n.id)).toEqual(first.notes.map((n: { id: string }) => n.id));
  });

  it('reads standard input with --deck', () => {
    const home = tempHome();
    const result = parley(['import', '-', '--deck', 'From Stdin'], { home, input: readFileSync(SAMPLE, 'utf8') });
    expect(result.status).toBe(0);
    expect(readdirSync(join(home, 'decks'))).toEqual(['from-stdin.json']);
  });

  it('reads a UTF-16 file without being told', () => {
    const home = tempHome();
    const dir = tempHome();
    const text = readFileSync(SAMPLE, 'utf8');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(parley(['import', write(dir, 'u16.txt', utf16), '--dry-run', '--json'], { home }).status).toBe(0);
    const pairs = JSON.parse(parley(['import', write(dir, 'u16.txt', utf16), '--dry-run', '--json'], { home }).stdout).pairs;
    expect(pairs).toHaveLength(8);
  });

  it('reads a GBK file without being told', () => {
    const gbk = join(ROOT, 'tests', 'fixtures', 'encodings', 'dumplings.gbk.txt');
    const result = parley(['import', gbk, '--dry-run', '--json'], { home: tempHome() });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).pairs.length).toBeGreaterThan(5);
  });

  it('shows a progress bar on a terminal for a long article, and none in a pipe', async () => {
    // @ts-expect-error -- a plain ESM script without types
    const { makeBook } = await import('../../scripts/bench-book.mjs');
    const file = write(tempHome(), 'book.txt', makeBook(4000).text);
    const home = tempHome();
    const term = runInTerminal(['import', file, '--dry-run'], { PARLEY_HOME: home, NO_COLOR: '1' });
    expect(await term.exited).toBe(0);
    expect(term.output()).toMatch(/aligning \[#*\s*\] \d+%/);
    expect(parley(['import', file, '--dry-run'], { home }).stderr).toBe('');
  }, 60_000);

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
    it.each(cases)('%s', (_name, args, message) => {
      const home = join(tempHome(), 'home');
      mkdirSync(home);
      const result = parley(args(), { home });
      expect(result.status).toBe(1);
      expect(oneLine(result.stderr)).toMatch(message);
      expect(readdirSync(home)).toEqual([]);
    });

    it('an unknown --encoding is wrong usage (exit 2)', () => {
      const home = join(tempHome(), 'home');
      mkdirSync(home);
      const result = parley(['import', SAMPLE, '--encoding', 'klingon'], { home });
      expect(result.status).toBe(2);
      expect(oneLine(result.stderr)).toMatch(/encoding/);
      expect(readdirSync(home)).toEqual([]);
    });

    it('a file over the size limit', () => {
      const home = join(tempHome(), 'home');
      mkdirSync(home);
      const big = write(dir, 'big.txt', Buffer.alloc(21 * 1024 * 1024, 0x61));
      const result = parley(['import', big], { home });
      expect(result.status).toBe(1);
      expect(oneLine(result.stderr)).toContain('larger than 20 MB');
      expect(readdirSync(home)).toEqual([]);
    });
  });
});
