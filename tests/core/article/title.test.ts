import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../../src/core/article/index.js';
import { tinyLexicon } from './fixtures.js';

const body = [
  '',
  '花园里开满了红色和黄色的花。',
  '',
  'The garden is full of red and yellow flowers.',
  '',
  '孩子们放学后常常在那里玩耍。',
  '',
  'After school, children often play there.',
];

describe('a title in both languages on one line', () => {
  it('names the deck and is never a card, in either order', () => {
    for (const title of ['春天的花园 The Garden in Spring', 'The Garden in Spring | 春天的花园']) {
      const analysis = analyseArticle([title, ...body].join('\n'), { lexicon: tinyLexicon });
      expect(analysis.title).toBe(title);
      expect(analysis.pairs.map((p) => p.en)).toEqual(['The garden is full of red and yellow flowers.', 'After school, children often play there.']);
      expect(analysis.skipped).toContainEqual({ text: title, reason: 'title', line: 1 });
    }
  });

  it('is not taken from a term and its gloss, or from below the first sentence', () => {
    const term = analyseArticle(['花园 garden', ...body].join('\n'), { lexicon: tinyLexicon });
    expect(term.skipped.filter((s) => s.reason === 'title')).toEqual([]);
    const late = analyseArticle([...body, '', '春天的花园 The Garden in Spring'].join('\n'), { lexicon: tinyLexicon });
    expect(late.title).toBeUndefined();
  });
});
