import { describe, expect, it } from 'vitest';
import { groupOf } from '../../scripts/eval-cases.mjs';
import {
  addCounts,
  describeUnmet,
  figuresOf,
  leakedNoise,
  linkCounts,
  mergeTolerant,
  pairedUnaligned,
  parseBars,
  prf,
  scoreCase,
  strictPairs,
  unmetBars,
  vocabCounts,
  withoutOptional,
} from '../../scripts/eval-metrics.mjs';

const f1 = (counts: Parameters<typeof prf>[0]) => prf(counts).f1;

describe('strict pairs', () => {
  const gold = [
    { zh: '你好，世界。', en: 'It’s a “fine”  day.' },
    { zh: '我爱猫。', en: 'I love cats.' },
    { zh: '狗在跑。', en: 'The dog runs.' },
  ];

  it('matches after NFKC, quote folding and whitespace; Chinese on letters and digits only', () => {
    const pred = [
      { zh: '你好, 世界', en: ' It\'s a "fine" day. ' },
      { zh: '我爱猫。', en: 'I love cats!' },
      { zh: '鸟在飞。', en: 'The bird flies.' },
    ];
    const { counts, missed, wrong } = strictPairs(pred, gold);
    // 1 of 3 right: P = R = F1 = 1/3.
    expect(counts).toEqual({ hitPred: 1, pred: 3, hitGold: 1, gold: 3 });
    expect(f1(counts)).toBeCloseTo(1 / 3);
    expect(missed).toEqual([gold[1], gold[2]]);
    expect(wrong).toEqual([pred[1], pred[2]]);
  });

  it('counts a duplicated prediction once', () => {
    const { counts } = strictPairs([gold[1]!, gold[1]!], gold);
    // P = 1/2, R = 1/3, F1 = 2 * (1/6) / (5/6) = 0.4.
    expect(f1(counts)).toBeCloseTo(0.4);
  });

  it('drops predicted pairs that are optional in the gold', () => {
    const title = { zh: '标题', en: 'Title' };
    expect(withoutOptional([title, gold[0]!, title], [title])).toEqual([gold[0], title]);
  });
});

describe('link F1', () => {
  const cats = { zh: '我爱猫。', en: 'I love cats.' };

  it('gives partial credit to a split pair', () => {
    // gold: 3 Chinese characters x 3 English words = 9 links.
    // pred: 2x2 + 1x1 = 5 links, all in the gold: P = 1, R = 5/9, F1 = (10/9)/(14/9) = 5/7.
    const counts = linkCounts([{ zh: '我爱', en: 'I love' }, { zh: '猫', en: 'cats' }], [cats]);
    expect(counts).toEqual({ hitPred: 5, pred: 5, hitGold: 5, gold: 9 });
    expect(f1(counts)).toBeCloseTo(5 / 7);
  });

  it('gives partial credit to a merged pair', () => {
    // gold: 9 + 1x1 = 10 links; pred: 4 tokens x 4 words = 16 links, 10 of them right.
    // P = 10/16, R = 1, F1 = 1.25/1.625 = 10/13.
    const counts = linkCounts([{ zh: '我爱猫狗', en: 'I love cats dogs' }], [cats, { zh: '狗', en: 'dogs' }]);
    expect(counts).toEqual({ hitPred: 10, pred: 16, hitGold: 10, gold: 10 });
    expect(f1(counts)).toBeCloseTo(10 / 13);
  });

  it('treats a Latin word inside Chinese as one token', () => {
    // 用 + AI = 2 tokens x 2 words = 4 links.
    expect(linkCounts([{ zh: '用AI', en: 'use AI' }], []).pred).toBe(4);
  });
});

describe('merge-tolerant F1', () => {
  const gold = [
    { zh: '我们去公园。我们看花。', en: 'We go to the park. We look at flowers.' },
    { zh: '天气很好。', en: 'The weather is nice.' },
    { zh: '我们回家了。', en: 'We went home.' },
  ];

  it('accepts a finer split of a gold pair and a merge of whole gold pairs', () => {
    const pred = [
      { zh: '我们去公园。', en: 'We go to the park.' },
      { zh: '我们看花。', en: 'We look at flowers.' },
      { zh: '天气很好。我们回家了。', en: 'The weather is nice. We went home.' },
    ];
    expect(mergeTolerant(pred, gold)).toEqual({ hitPred: 3, pred: 3, hitGold: 3, gold: 3 });
    // Strict scoring sees none of these.
    expect(strictPairs(pred, gold).counts.hitPred).toBe(0);
  });

  it('rejects a piece when the pieces do not cover the whole gold pair', () => {
    const pred = [{ zh: '我们去公园。', en: 'We go to the park. We look at flowers.' }, gold[1]!, gold[2]!];
    // P = 2/3, R = 2/3, F1 = 2/3.
    const counts = mergeTolerant(pred, gold);
    expect(counts).toEqual({ hitPred: 2, pred: 3, hitGold: 2, gold: 3 });
    expect(f1(counts)).toBeCloseTo(2 / 3);
  });

  it('rejects crossed pairs and a merge that is short on one side, and they spoil what they touch', () => {
    const pred = [
      { zh: '我们去公园。', en: 'We go to the park.' },
      { zh: '我们看花。天气很好。', en: 'We look at flowers.' },
      { zh: '我们回家了。', en: 'The weather is nice.' },
    ];
    // The first is a correct piece of gold 0, but the second also touches gold 0 and is wrong.
    expect(mergeTolerant(pred, gold)).toEqual({ hitPred: 0, pred: 3, hitGold: 0, gold: 3 });
  });

  it('finds repeated short sentences in article order', () => {
    const repeated = [
      { zh: '好。', en: 'Good.' },
      { zh: '你好吗?', en: 'How are you?' },
      { zh: '好。', en: 'Good.' },
    ];
    expect(mergeTolerant(repeated, repeated)).toEqual({ hitPred: 3, pred: 3, hitGold: 3, gold: 3 });
    expect(mergeTolerant([repeated[1]!, repeated[1]!], repeated).hitPred).toBe(1);
  });
});

describe('vocabulary', () => {
  it('needs term and gloss to match, case and width aside', () => {
    const gold = [
      { term: 'knead', gloss: '揉、捏', lang: 'en' },
      { term: '饺子皮', gloss: 'dumpling wrapper', lang: 'zh' },
    ];
    const pred = [
      { term: 'Knead', gloss: '揉、捏' },
      { term: 'dumpling wrapper', gloss: '饺子皮' },
      { term: 'x', gloss: 'y' },
    ];
    // P = 1/3, R = 1/2, F1 = (1/3)/(5/6) = 0.4.
    expect(f1(vocabCounts(pred, gold))).toBeCloseTo(0.4);
  });
});

describe('noise and unaligned sentences', () => {
  it('finds a noise line that became a card side or was glued to one', () => {
    const output = {
      pairs: [{ zh: '发布时间:2024-02-08来源:微信 包饺子很有趣。', en: 'Making dumplings is fun.' }],
      vocab: [{ term: '标签', gloss: 'tag' }],
    };
    expect(leakedNoise(output, ['发布时间:2024-02-08来源:微信', '标签', 'By Lin Yue'])).toEqual(['发布时间:2024-02-08来源:微信', '标签']);
  });

  it('finds an untranslated sentence that was paired anyway', () => {
    const pairs = [{ zh: '天空是蓝的。', en: 'The sky is blue. Look up!' }];
    expect(pairedUnaligned(pairs, ['Look up!', { zh: '没有翻译。' }])).toEqual(['Look up!']);
  });
});

describe('totals', () => {
  it('scores nothing predicted against nothing expected as perfect, and a failed import as zero recall', () => {
    expect(prf({ hitPred: 0, pred: 0, hitGold: 0, gold: 0 })).toEqual({ precision: 1, recall: 1, f1: 1 });
    const score = scoreCase(undefined, { pairs: [{ zh: '一', en: 'one' }] });
    expect(prf(score.strict)).toEqual({ precision: 1, recall: 0, f1: 0 });
  });

  it('micro-averages by adding counts', () => {
    const a = { hitPred: 1, pred: 2, hitGold: 1, gold: 1 };
    const b = { hitPred: 3, pred: 3, hitGold: 3, gold: 5 };
    // P = 4/5, R = 4/6, F1 = 2 * (8/15) / (22/15) = 8/11.
    expect(f1(addCounts(a, b))).toBeCloseTo(8 / 11);
  });
});

describe('groups', () => {
  it('groups a case by its name up to the first _, and kebab-case fixtures by their folder', () => {
    expect(groupOf('real_cet_trade_surplus', 'eval')).toBe('real');
    expect(groupOf('wmt21_news_noise_block', 'eval')).toBe('wmt21');
    expect(groupOf('seed', 'eval')).toBe('seed');
    expect(groupOf('tea-markdown', 'articles')).toBe('articles');
  });
});

describe('bars', () => {
  const counts = {
    strict: { hitPred: 2, pred: 3, hitGold: 2, gold: 3 },
    link: { hitPred: 1, pred: 1, hitGold: 1, gold: 1 },
    merge: { hitPred: 2, pred: 2, hitGold: 2, gold: 3 },
    vocab: { hitPred: 0, pred: 0, hitGold: 0, gold: 4 },
  };

  it('gives figures in percent rounded to one decimal, as eval prints them, and leaked lines as counts', () => {
    const figures = figuresOf(counts, 1, 0);
    expect(figures).toMatchObject({ strict: 66.7, strictP: 66.7, merge: 80, mergeP: 100, mergeR: 66.7, vocabP: 100, vocabR: 0, noise: 1, unal: 0 });
  });

  it('reads figure=number lists and refuses names and values it does not know', () => {
    expect(parseBars('merge=95, vocabR=90.5,noise=0')).toEqual({ merge: 95, vocabR: 90.5, noise: 0 });
    expect(() => parseBars('mrege=95')).toThrow(/"mrege" is not a figure/);
    expect(() => parseBars('merge=high')).toThrow(/not figure=number/);
  });

  it('holds percentages to minima and leaked lines to maxima, and says which bar each figure misses', () => {
    const unmet = unmetBars(figuresOf(counts, 1, 0), { strict: 66.7, merge: 80.1, vocabR: 0, noise: 0, unal: 0 });
    expect(unmet.map(describeUnmet)).toEqual(['merge 80 < 80.1', 'noise 1 > 0']);
  });
});

describe('optional vocabulary', () => {
  it('is neither right nor wrong when found, and not missed when absent', () => {
    const gold = { pairs: [], vocab: [{ term: '茶馆', gloss: 'teahouse' }], optional_vocab: [{ term: '非遗', gloss: 'intangible heritage' }] };
    const found = scoreCase({ pairs: [], vocab: [{ term: '茶馆', gloss: 'teahouse' }, { term: '非遗', gloss: 'intangible heritage' }] }, gold);
    expect(found.vocab).toEqual({ hitPred: 1, pred: 1, hitGold: 1, gold: 1 });
    const absent = scoreCase({ pairs: [], vocab: [{ term: '茶馆', gloss: 'teahouse' }] }, gold);
    expect(absent.vocab).toEqual({ hitPred: 1, pred: 1, hitGold: 1, gold: 1 });
  });
});
