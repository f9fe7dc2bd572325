import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../../src/core/article/index.js';
import { UserError } from '../../../src/core/errors.js';
import { tinyLexicon } from './fixtures.js';

function neverThrowsUnexpectedly(text: string): void {
  try {
    const analysis = analyseArticle(text, { lexicon: tinyLexicon });
    expect(analysis.pairs.length).toBeGreaterThan(0);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
  }
}

const pieces = fc.constantFrom(
  '中', '国', '花园', '。', '，', '？', '“', '”', '(', ')', '（', '）', ':', '：', '*', '=', '、', '一、', '1.',
  'A', 'b', 'Track', 'I', '.', '!', '?', ' ', '  ', '\t', '\n', '\n\n', '\r\n', '#', '|', '-', '```', '【', '】', '——', '7', 'adj.',
);

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
