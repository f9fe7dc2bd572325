// One paragraph a line, Chinese line first: a short Chinese-only heading line (`01 慢下来的生活`) before a
// Chinese paragraph line is glued to that paragraph's first sentence, so the card reads
// `01 慢下来的生活现在，她走路十分钟就能到工作室。` / `Now her studio is a ten-minute walk from home.`
// With the English line first the same heading stands alone. Cause as far as seen: isInlineHeading in
// src/core/article/block.ts wants a heading to come before a line of the OTHER language (or none); with
// Chinese first the next line is Chinese, so the heading is taken for the first wrapped line of that
// paragraph and joined to it. Seen in tests/fixtures/articles/small-town-paragraph-lines-zh-first
// (83.3 strict, 2 noise lines).
// Fix: a heading may also come before a line of its own language when it is numbered or that line is at
// least twice as long (the paragraph it heads).
import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../src/core/article/index.js';
import { tinyLexicon } from '../core/article/fixtures.js';

const ARTICLE = [
  '去年秋天，她辞掉了在城里的工作，搬回了老家。她说，这是她做过最好的决定。',
  'Last autumn, she quit her job in the city and moved back to her home town. She says it is the best decision she has ever made.',
  '01 慢下来的生活',
  '现在，她走路十分钟就能到工作室。中午她回家吃饭，晚上在河边散步。',
  'Now her studio is a ten-minute walk from home. She goes home for lunch and walks by the river in the evening.',
].join('\n');

describe('a Chinese heading line before a Chinese paragraph line (Chinese first, no blank lines)', () => {
  it('stands alone and is not glued to the next sentence', () => {
    const pairs = analyseArticle(ARTICLE, { lexicon: tinyLexicon }).pairs.map((p) => [p.zh, p.en]);
    expect(pairs).toContainEqual(['现在，她走路十分钟就能到工作室。', 'Now her studio is a ten-minute walk from home.']);
    expect(pairs.some(([zh]) => zh?.includes('慢下来的生活'))).toBe(false);
  });
});
