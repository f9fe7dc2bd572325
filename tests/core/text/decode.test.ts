import jschardet from 'jschardet';
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors.js';
import { decodeArticle } from '../../../src/core/text/decode.js';

const fixtures = new URL('../../fixtures/', import.meta.url);
const fixture = (path: string) => new Uint8Array(readFileSync(new URL(path, fixtures)));
const article = readFileSync(new URL('articles/park-en-first-paragraphs/article.txt', fixtures), 'utf8');

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const utf16le = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le'));
const utf16be = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le').swap16());
const withBom = (bom: number[], bytes: Uint8Array) => new Uint8Array([...bom, ...bytes]);

function userError(run: () => unknown): UserError {
  try {
    run();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('decodeArticle: Unicode', () => {
  it('reads UTF-8 with and without a BOM, and drops the BOM', () => {
    expect(decodeArticle(utf8(article))).toEqual({ text: article, encoding: 'utf-8' });
    expect(decodeArticle(withBom([0xef, 0xbb, 0xbf], utf8(article)))).toEqual({ text: article, encoding: 'utf-8' });
  });

  it('turns CRLF and lone CR into LF', () => {
    expect(decodeArticle(utf8('一\r\ntwo\rthree\n')).text).toBe('一\ntwo\nthree\n');
  });

  it('reads UTF-16 LE and BE with a BOM', () => {
    expect(decodeArticle(withBom([0xff, 0xfe], utf16le(article)))).toEqual({ text: article, encoding: 'utf-16le' });
    expect(decodeArticle(withBom([0xfe, 0xff], utf16be(article)))).toEqual({ text: article, encoding: 'utf-16be' });
  });

  it('tells BOM-less UTF-16 LE from BE by where the NUL bytes fall', () => {
    expect(decodeArticle(utf16le(article))).toEqual({ text: article, encoding: 'utf-16le' });
    expect(decodeArticle(utf16be(article))).toEqual({ text: article, encoding: 'utf-16be' });
  });

  it('prefers valid UTF-8 on short mostly-ASCII text', () => {
    expect(decodeArticle(utf8('Café au lait, 咖啡。'))).toEqual({ text: 'Café au lait, 咖啡。', encoding: 'utf-8' });
    expect(decodeArticle(utf8('ok')).encoding).toBe('utf-8');
  });
});

describe('decodeArticle: every fixture article, encoded at test time', () => {
  const dir = new URL('articles/', fixtures);
  const cases = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).flatMap(({ name }) =>
    readdirSync(new URL(`${name}/`, dir))
      .filter((file) => file.startsWith('article.'))
      .map((file) => [`${name}/${file}`, readFileSync(new URL(`${name}/${file}`, dir), 'utf8')] as const),
  );

  it.each(cases)('%s reads the same from UTF-8, UTF-16 LE/BE without a BOM and CRLF', (_, text) => {
    expect(decodeArticle(utf8(text)).text).toBe(text);
    expect(decodeArticle(utf16le(text))).toEqual({ text, encoding: 'utf-16le' });
    expect(decodeArticle(utf16be(text))).toEqual({ text, encoding: 'utf-16be' });
    expect(decodeArticle(utf8(text.replace(/\n/g, '\r\n'))).text).toBe(text);
  });
});

describe('decodeArticle: legacy encodings', () => {
  const guess = (bytes: Uint8Array) => jschardet.detectAll(Buffer.from(bytes));

  it('detects GBK articles without being told, with or without a guesser', () => {
    const expected = readFileSync(new URL('articles/dumplings-zh-en-annotated/article.txt', fixtures), 'utf8');
    expect(decodeArticle(fixture('encodings/dumplings.gbk.txt'), undefined, 'f', guess)).toEqual({ text: expected, encoding: 'gb18030' });
    expect(decodeArticle(fixture('encodings/dumplings.gbk.txt'))).toEqual({ text: expected, encoding: 'gb18030' });
  });

  it('detects a GBK file with CRLF line ends', () => {
    const expected = readFileSync(new URL('articles/swimming-interleaved-en-first/article.txt', fixtures), 'utf8');
    expect(decodeArticle(fixture('encodings/swimming.gbk.txt'), undefined, 'f', guess).text).toBe(expected);
  });

  it('detects short GBK text: 中文 and mostly ASCII', () => {
    expect(decodeArticle(new Uint8Array([0xd6, 0xd0, 0xce, 0xc4]), undefined, 'f', guess).text).toBe('中文');
    expect(decodeArticle(new Uint8Array([0x41, 0x42, 0x20, 0xc4, 0xe3, 0xba, 0xc3])).text).toBe('AB 你好');
  });

  it('reads Latin-1 text that is neither UTF-8 nor Chinese as Windows-1252', () => {
    expect(decodeArticle(new Uint8Array(Buffer.from('caf\xe9 au lait\n', 'latin1')), undefined, 'f', guess)).toEqual({ text: 'café au lait\n', encoding: 'windows-1252' });
  });
});

describe('decodeArticle: --encoding', () => {
  it('honours WHATWG labels and common aliases, in any case and spacing', () => {
    const gbk = new Uint8Array([0xd6, 0xd0, 0xce, 0xc4]);
    expect(decodeArticle(gbk, 'gbk')).toEqual({ text: '中文', encoding: 'gbk' });
    expect(decodeArticle(gbk, 'GB2312').text).toBe('中文');
    expect(decodeArticle(gbk, 'cp936').text).toBe('中文');
    expect(decodeArticle(gbk, 'GB18030')).toEqual({ text: '中文', encoding: 'gb18030' });
    expect(decodeArticle(utf16be('hi 你好'), 'UTF16-BE')).toEqual({ text: 'hi 你好', encoding: 'utf-16be' });
    expect(decodeArticle(utf8('ok'), ' UTF-8 ').encoding).toBe('utf-8');
  });

  it('overrides detection', () => {
    expect(decodeArticle(utf8('中文'), 'windows-1252').text).toBe('ä¸­æ–‡');
  });

  it('rejects an unknown encoding name and says which are accepted', () => {
    const error = userError(() => decodeArticle(utf8('x'), 'klingon'));
    expect(error.message).toContain("unknown encoding 'klingon'");
    expect(error.todo).toMatch(/utf-8.*utf-16le.*gbk.*gb18030/);
    expect(error.exitCode).toBe(2);
  });

  it('names the encoding when the bytes do not decode in it', () => {
    const error = userError(() => decodeArticle(new Uint8Array([0xd6, 0xd0, 0xce, 0xc4]), 'utf-8'));
    expect(error.message).toContain('not valid UTF-8');
  });
});

describe('decodeArticle: bad input', () => {
  it('rejects an empty or whitespace-only file', () => {
    expect(userError(() => decodeArticle(new Uint8Array(), undefined, 'a.txt')).message).toBe('a.txt is empty');
    expect(userError(() => decodeArticle(utf8(' \n\t\n'))).message).toContain('only whitespace');
  });

  it('rejects binary files: NUL bytes outside UTF-16, or many control characters', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0]);
    const error = userError(() => decodeArticle(png, undefined, 'photo.png'));
    expect(error.message).toBe('photo.png looks like a binary file, not text');
    expect(error.todo).toBe('give a text, Markdown or HTML file');
    const controls = new Uint8Array(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x01 + (i % 7) : 0x41 + (i % 26))));
    expect(userError(() => decodeArticle(controls)).message).toContain('binary');
  });

  it('reports damaged UTF-8 with the offset and suggests --encoding', () => {
    const bytes = new Uint8Array([...utf8('中文句子。'.repeat(20)), 0xff, ...utf8('English.')]);
    const error = userError(() => decodeArticle(bytes, undefined, 'a.txt'));
    expect(error.message).toBe('a.txt is not valid UTF-8 (undecodable byte at offset 300)');
    expect(error.todo).toContain('--encoding');
  });

  it('throws nothing but UserError on arbitrary bytes, detected or with an encoding', () => {
    const encodings = fc.constantFrom(undefined, 'utf-8', 'utf-16le', 'utf-16be', 'gbk', 'big5', 'bogus');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), encodings, (bytes, encoding) => {
        try {
          const { text } = decodeArticle(bytes, encoding);
          expect(text).not.toMatch(/\r/);
        } catch (error) {
          if (!(error instanceof UserError)) throw error;
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('round-trips article-like text through UTF-8 and UTF-16 with a BOM', () => {
    const chars = fc.constantFrom(...'中文句子,。：“”()abcXYZ 0123.,:\n\t—é'.split(''));
    const text = fc.array(chars, { minLength: 1, maxLength: 200 }).map((cs) => `x${cs.join('')}`);
    fc.assert(
      fc.property(text, (t) => {
        expect(decodeArticle(withBom([0xef, 0xbb, 0xbf], utf8(t))).text).toBe(t);
        expect(decodeArticle(withBom([0xff, 0xfe], utf16le(t))).text).toBe(t);
        expect(decodeArticle(withBom([0xfe, 0xff], utf16be(t))).text).toBe(t);
      }),
    );
  });
});
