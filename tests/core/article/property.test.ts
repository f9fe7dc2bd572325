import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/commands/import/index.js';
import { analyseArticle } from '../../../src/core/article/index.js';
import { UserError } from '../../../src/core/errors.js';
import { tinyLexicon } from './fixtures.js';

function neverThrowsUnexpectedly(text: string): void {
  try {
    const analysis = analyseArticle(text, { lexicon: tinyLexicon });
    // A deck has a sentence pair or, for a word list, a vocabulary item.
    expect(analysis.pairs.length + analysis.vocab.length).toBeGreaterThan(0);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
  }
}

const pieces = fc.constantFrom(
  '中', '国', '花园', '。', '，', '？', '“', '”', '(', ')', '（', '）', ':', '：', '*', '=', '、', '一、', '1.',
  'A', 'b', 'Track', 'I', '.', '!', '?', ' ', '  ', '\t', '\n', '\n\n', '\r\n', '#', '|', '-', '```', '【', '】', '——', '7', 'adj.',
);

/** Sentences for the aligner to find, among what real pages hold around them. */
const sentences = fc.constantFrom(
  '我们在花园里喝茶。', 'We drink tea in the garden.', '春天的下午，孩子们在花园里玩耍。', 'On spring afternoons the children play in the garden.',
  '火车明天早上出发。', 'The train leaves tomorrow morning.', '“你好……”她说。', '"Hello..." she said.',
);

/** Other scripts, brackets, enumerators, tags, entities, control characters, line breaks. */
const pageJunk = fc.constantFrom(
  '《春天的故事》', '「对」', '（注）', '(foreign exchange reserves)', '外汇储备(foreign exchange reserves)',
  'Привет', 'مرحبا', 'こんにちは', '안녕', '😀', 'e\u0301', 'ﬁ',
  '①', '⑳', '(1)', '1)', 'a.', '•', '➤', '▲', '一、', '02 ', '- ', '> ', '| a | b |', '|---|---|', '**', '生词', 'otter [n.] 水獭',
  '<p>', '</p>', '<br/>', '<td>', '</tr>', '<script>x</script>', '<span style="a">', '&nbsp;', '&iuml;', '&#27;', '&#x1F600;', '&amp', '<!--', '-->',
  '\u0000', '\u0007', '\u001b[31m', '\u007f', '\u200b', '\u2028', '\ufeff', '\ud800',
  '……', '…', '——', '：', ':', '?', '？', '。', '.', ' ', '  ', '\t', '\n', '\n', '\n\n', '\r\n', '\r',
);

/** Lines of sentences and junk, so that many texts get as far as alignment and vocabulary. */
const pageLine = fc.array(fc.oneof({ arbitrary: sentences, weight: 2 }, { arbitrary: pageJunk, weight: 1 }), { minLength: 1, maxLength: 6 }).map((a) => a.join(''));
const pageText = fc.tuple(fc.array(pageLine, { minLength: 2, maxLength: 20 }), fc.constantFrom('\n', '\n\n', '\r\n')).map(([lines, eol]) => lines.join(eol));

/** The import command's whole path for one article: bytes -> decode -> HTML -> analysis. */
async function importNeverThrowsUnexpectedly(bytes: Uint8Array, html: boolean): Promise<void> {
  try {
    await analyse({ label: 'article', bytes, html }, {}, { lexicon: tinyLexicon, pinyin: () => undefined });
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    // The CLI prints it as `parley: <what> — <todo>`: one line, no stack.
    expect(`${error.message} — ${error.todo}`).not.toMatch(/[\r\n\u2028\u2029]/);
  }
}

describe('the import path on page-like input', () => {
  it('gives an analysis or a one-line UserError for mixed scripts, tags, enumerators and control characters', async () => {
    await fc.assert(fc.asyncProperty(pageText, fc.boolean(), (t, html) => importNeverThrowsUnexpectedly(Buffer.from(t), html)), { numRuns: 300 });
  });

  it('gives an analysis or a one-line UserError for arbitrary bytes', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.boolean(), importNeverThrowsUnexpectedly), { numRuns: 200 });
  });
});

describe('analyseArticle on arbitrary input', () => {
  it('throws nothing but UserError on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), neverThrowsUnexpectedly), { numRuns: 300 });
  });

  it('throws nothing but UserError on arbitrary Unicode', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), neverThrowsUnexpectedly), { numRuns: 300 });
  });

  it('throws nothing but UserError on mixed Chinese, Latin and article punctuation', () => {
    fc.assert(fc.property(fc.array(pieces, { maxLength: 200 }).map((a) => a.join('')), neverThrowsUnexpectedly), { numRuns: 500 });
  });

  it('says what is wrong with text that is not bilingual', () => {
    expect(() => analyseArticle('')).toThrow(UserError);
    expect(() => analyseArticle('只有中文。没有英文。')).toThrow(/no English text/);
    expect(() => analyseArticle('Only English here.')).toThrow(/no Chinese text/);
    expect(() => analyseArticle('\u0000\u0001\u0002 ### ...')).toThrow(UserError);
  });
});
