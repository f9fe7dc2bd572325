import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../../src/core/article/index.js';
import { UserError } from '../../../src/core/errors.js';
import { tinyLexicon } from './fixtures.js';

describe('lines without sentence punctuation between matching pairs (a talk transcript)', () => {
  it('pair by their place even when they share no word', () => {
    const text = [
      '下午孩子们在花园里玩耍。',
      'In the afternoon the children played in the garden.',
      '这真好',
      'How lovely',
      '老人们在长椅上聊天。',
      'The old people chatted on the bench.',
    ].join('\n');
    const pairs = analyseArticle(text, { lexicon: tinyLexicon }).pairs.map((p) => [p.zh, p.en]);
    expect(pairs).toContainEqual(['这真好', 'How lovely']);
  });
});

describe('a page that is a word list', () => {
  it('imports its vocabulary with no sentence pair', () => {
    const analysis = analyseArticle(['生词', '- [ ] harbour n.港口', '- [ ] lantern n.灯笼', '- [ ] ferry n.渡船'].join('\n'));
    expect(analysis.pairs).toEqual([]);
    expect(analysis.vocab.map((v) => [v.term, v.gloss])).toEqual([
      ['harbour', '港口'],
      ['lantern', '灯笼'],
      ['ferry', '渡船'],
    ]);
  });

  it('needs more than a line or two that look like notes', () => {
    expect(() => analyseArticle('港口：harbour')).toThrow(UserError);
  });
});
