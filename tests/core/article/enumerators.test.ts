import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../../src/core/article/index.js';

// Pages number and bullet their points: ①, (1), 1), a., •, ➤, ▲. Before a sentence such a mark hid
// where the previous one ended (one card held three sentences a side), and it reached the cards.
const ARTICLE = [
  '① 我们八点出发。② 路上下起了小雨。③ 中午我们到了湖边。',
  '① We set off at eight. ② It began to drizzle on the way. ③ At noon we reached the lake.',
  '',
  '(1) 湖边有一家小茶馆。(2) 老板给我们煮了姜茶。',
  '(1) There was a small teahouse by the lake. (2) The owner made us ginger tea.',
  '',
  '• 下午雨停了。 • 我们沿着湖走了一圈。',
  '• The rain stopped in the afternoon. • We walked all the way round the lake.',
  '',
  '➤ 傍晚我们坐最后一班车回家。',
  '➤ In the evening we took the last bus home.',
  '',
  'a. 下次我们想带上帐篷。',
  'a. Next time we want to bring a tent.',
].join('\n');

describe('numbered and bulleted points', () => {
  const { pairs } = analyseArticle(ARTICLE);

  it('pair sentence by sentence, as unmarked sentences would', () => {
    expect(pairs.map((p) => p.en)).toEqual([
      'We set off at eight.', 'It began to drizzle on the way.', 'At noon we reached the lake.',
      'There was a small teahouse by the lake.', 'The owner made us ginger tea.',
      'The rain stopped in the afternoon.', 'We walked all the way round the lake.',
      'In the evening we took the last bus home.', 'Next time we want to bring a tent.',
    ]);
    expect(pairs[0]!.zh).toBe('我们八点出发。');
  });

  it('leave no mark on a card', () => {
    for (const p of pairs) expect(`${p.zh} ${p.en}`).not.toMatch(/[①②③•➤]|\(\d\)|^a\./);
  });

  it('keep a parenthesised number inside a sentence', () => {
    const kept = analyseArticle('我们读了第(3)章。\nWe read chapter (3).\n').pairs;
    expect(kept.map((p) => p.en)).toEqual(['We read chapter (3).']);
  });
});
