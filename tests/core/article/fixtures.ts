import { type Lexicon, parseLexicon } from '../../../src/core/article/index.js';

/** A handful of dictionary entries for the original test articles below, sorted as the build sorts them. */
export const tinyLexicon: Lexicon = parseLexicon(
  [
    '# tiny test lexicon',
    ...[
      '花园\tgarden',
      '春天\tspring',
      '孩子\tchild children',
      '老人\told elderly',
      '天气\tweather',
      '家人\tfamily',
      '故事\tstory',
      '下午\tafternoon',
      '红色\tred',
      '黄色\tyellow',
      '花\tflower',
      '长椅\tbench',
      '聊天\tchat',
      '放学\tschool',
      '玩耍\tplay',
      '火车\ttrain',
      '出发\tleave depart',
      '票\tticket',
      '餐车\tdining car',
      '下雨\train',
      '海边\tbeach seaside',
      '电影\tmovie film',
      '报告\treport',
      '累\ttired',
      '完成\tfinish complete',
    ].sort(),
  ].join('\n'),
);

/** Chinese paragraph, then notes in Chinese only, then its English; a vocabulary note at the end. */
export const PARAGRAPH_ARTICLE = `城市里的小花园

我家附近有一个小花园。每到春天，花园里开满了红色和黄色的花。孩子们放学后常常在那里玩耍。

*花园(garden, 也可以指公园)

一、背景知识

1.社区:居民共同生活的地方

There is a small garden near my home. Every spring, the garden is full of red and yellow flowers. After school, children often play there.

老人们喜欢坐在长椅上聊天，他们谈论天气、家人和过去的故事。一聊就是一个下午。

Old people like to sit on the benches and chat. They talk about the weather, their families and stories from the past. Their conversations often last the whole afternoon.

*bench(n.)长椅
`;
