// A book title that ends in its own ！ or ？ (`《再见了，夏天！》`, English `Goodbye, Summer!`) followed by a
// bracketed aside ends the sentence there on both sides, so one sentence becomes two cards, the second
// starting with the aside: `（2015年出版），作者是一位福建作家。` / `(published in 2015), a short novel …`.
// Cause as far as seen: splitSentences (src/core/text/sentence-scan.ts) treats 《》 like a quotation, and a
// quotation whose last mark inside is a terminator ends the sentence when it closes — right for
// `他说：“走吧。”`, wrong for a title; the English splitter ends a sentence at `! (` even though a
// lower-case word follows the bracket. Seen in tests/fixtures/articles/book-titles-with-exclamation.
// Fix: a closing 》 ） ) ends no sentence by itself, and in English a bracket that goes on in lower case
// continues the sentence.
import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../src/core/article/index.js';
import { tinyLexicon } from '../core/article/fixtures.js';

const ARTICLE = [
  '我最喜欢的书是《再见了，夏天！》（2015年出版），作者是一位年轻作家。',
  '',
  'My favourite book is Goodbye, Summer! (published in 2015), by a young writer.',
].join('\n');

describe('a title ending in ！ before a bracketed aside', () => {
  it('is not a sentence end: one card for the whole sentence', () => {
    const pairs = analyseArticle(ARTICLE, { lexicon: tinyLexicon }).pairs.map((p) => [p.zh, p.en]);
    expect(pairs).toEqual([
      ['我最喜欢的书是《再见了，夏天！》（2015年出版），作者是一位年轻作家。', 'My favourite book is Goodbye, Summer! (published in 2015), by a young writer.'],
    ]);
  });
});
