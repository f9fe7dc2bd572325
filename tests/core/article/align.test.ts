import { describe, expect, it } from 'vitest';
import { analyseArticle, parseLexicon } from '../../../src/core/article/index.js';
import { alignUnits } from '../../../src/core/article/bead/align.js';
import { chineseFeatures } from '../../../src/core/article/bead/features.js';
import { PARAGRAPH_ARTICLE, tinyLexicon } from './fixtures.js';

const pairsOf = (text: string) => analyseArticle(text, { lexicon: tinyLexicon }).pairs.map((p) => [p.zh, p.en]);

describe('paragraph layout with notes between a paragraph and its translation', () => {
  const analysis = analyseArticle(PARAGRAPH_ARTICLE, { lexicon: tinyLexicon });

  it('pairs sentences 1-1 and 2-1, and skips the notes', () => {
    expect(analysis.pairs.map((p) => [p.zh, p.en])).toEqual([
      ['我家附近有一个小花园。', 'There is a small garden near my home.'],
      ['每到春天，花园里开满了红色和黄色的花。', 'Every spring, the garden is full of red and yellow flowers.'],
      ['孩子们放学后常常在那里玩耍。', 'After school, children often play there.'],
      [
        '老人们喜欢坐在长椅上聊天，他们谈论天气、家人和过去的故事。',
        'Old people like to sit on the benches and chat. They talk about the weather, their families and stories from the past.',
      ],
      ['一聊就是一个下午。', 'Their conversations often last the whole afternoon.'],
    ]);
    expect(analysis.layout).toMatch(/paragraphs \(Chinese first\)/);
  });

  it('finds the title and lists what it skipped, with reasons and line numbers', () => {
    expect(analysis.title).toBe('城市里的小花园');
    const skipped = analysis.skipped.map((s) => [s.line, s.reason]);
    expect(skipped).toContainEqual([5, 'vocabulary note']);
    expect(skipped).toContainEqual([7, 'section heading']);
    expect(skipped).toContainEqual([9, 'annotation, not a translation']);
    expect(analysis.pairs[0]!.line).toBe(3);
    expect(analysis.vocab.map((v) => v.term)).toEqual(['花园', 'bench']);
  });
});

describe('other layouts', () => {
  const zh = ['火车八点出发。', '请帮我买两张票。', '这趟火车上有餐车吗？'];
  const en = ['The train leaves at eight.', 'Please buy two tickets for me.', 'Is there a dining car on this train?'];
  const expected = zh.map((z, i) => [z, en[i]]);

  it('aligns sentence-by-sentence interleaved lines, English first', () => {
    const text = en.flatMap((e, i) => [e, zh[i]]).join('\n');
    expect(pairsOf(text)).toEqual(expected);
    expect(analyseArticle(text).layout).toMatch(/interleaved lines \(English first\)/);
  });

  it('aligns the whole Chinese text followed by the whole English text', () => {
    expect(pairsOf(`${zh.join('')}\n\n${en.join(' ')}`)).toEqual(expected);
    expect(pairsOf(`${zh.join('\n')}\n\n${en.join('\n')}`)).toEqual(expected);
  });

  it('aligns English paragraphs followed by their Chinese, and a 1-2 bead', () => {
    const text = [
      'It rained all day yesterday. So we did not go to the beach. We watched an old movie at home instead.',
      '',
      '昨天下了一整天雨，所以我们没有去海边。我们在家看了一部老电影。',
      '',
      'She was very tired. Even so, she finished the report before midnight.',
      '',
      '她很累，但还是在午夜前完成了报告。',
    ].join('\n');
    expect(pairsOf(text)).toEqual([
      ['昨天下了一整天雨，所以我们没有去海边。', 'It rained all day yesterday. So we did not go to the beach.'],
      ['我们在家看了一部老电影。', 'We watched an old movie at home instead.'],
      ['她很累，但还是在午夜前完成了报告。', 'She was very tired. Even so, she finished the report before midnight.'],
    ]);
  });

  it('splits lines that hold several sentences each, but keeps a one-sentence-per-line list by line', () => {
    const text = [
      '昨天下了一整天雨。我们在家看了一部老电影。',
      '她很累，但还是在午夜前完成了报告。',
      '',
      'It rained all day yesterday. We watched an old movie at home.',
      'She was very tired, but she finished the report before midnight.',
    ].join('\n');
    expect(pairsOf(text)).toEqual([
      ['昨天下了一整天雨。', 'It rained all day yesterday.'],
      ['我们在家看了一部老电影。', 'We watched an old movie at home.'],
      ['她很累，但还是在午夜前完成了报告。', 'She was very tired, but she finished the report before midnight.'],
    ]);
    const list = [
      ...['火车八点出发。', '请帮我买两张票。谢谢。', '这趟火车上有餐车吗？', '今天下雨了。', '她很累。', '我们去海边吧。'],
      '',
      ...['The train leaves at eight.', 'Please buy two tickets for me. Thanks.', 'Is there a dining car on this train?', 'It rained today.'],
      ...['She was tired.', "Let's go to the beach."],
    ];
    expect(pairsOf(list.join('\n'))[1]).toEqual(['请帮我买两张票。谢谢。', 'Please buy two tickets for me. Thanks.']);
  });

  it('leaves an English sentence the Chinese does not explain out of the pair before it', () => {
    const lexicon = parseLexicon(
      ['# test', ...['下午\tafternoon', '公园\tpark', '孩子\tchild', '放风筝\tkite fly', '风\twind', '很\tvery', '大\tstrong big', '飞\tfly', '高\thigh', '天空\tsky', '颜色\tcolour color', '红\tred', '绿\tgreen', '蓝\tblue'].sort()].join('\n'),
    );
    const zh = ['下午，孩子们在公园里放风筝。', '风很大，风筝飞得很高。', '天空里有红的、绿的、蓝的风筝，颜色非常好看。'];
    const en = [
      'In the afternoon, the children flew kites in the park.',
      'The wind was strong, and the kites flew very high.',
      'There were red, green and blue kites in the sky.',
      'Remember to bring a warm jacket next weekend.',
    ];
    const analysis = analyseArticle(`${zh.join('')}\n\n${en.join(' ')}`, { lexicon });
    expect(analysis.pairs.map((p) => [p.zh, p.en])).toEqual(zh.map((z, i) => [z, en[i]]));
    expect(analysis.skipped.map((s) => s.text)).toContain(en[3]);
  });

  it('reports a Chinese paragraph with no translation as skipped', () => {
    const text = ['火车八点出发。', '', 'The train leaves at eight.', '', '这段话没有英文翻译，只是作者的补充说明，读者可以跳过。'].join('\n');
    const analysis = analyseArticle(text, { lexicon: tinyLexicon });
    expect(analysis.pairs).toHaveLength(1);
    expect(analysis.skipped.at(-1)).toMatchObject({ line: 5, reason: 'no translation found' });
  });
});

describe('alignUnits', () => {
  /** Bead shapes found for units of these lengths, scored on length alone: a skipped unit costs `skip`. */
  const shapesFor = (zh: number[], en: number[], skip: number) => {
    const scorer = {
      pair: () => 0,
      share: () => 1,
      floor: () => -Infinity,
      bead(a: number, b: number, c: number, d: number) {
        if (a === b || c === d) return skip;
        const x = zh.slice(a, b).reduce((s, v) => s + v, 0);
        const y = en.slice(c, d).reduce((s, v) => s + v, 0);
        return (x - y) ** 2 / 10 + (b - a + d - c - 2);
      },
    };
    return alignUnits(zh.length, en.length, scorer).map((b) => [b.zhEnd - b.zhStart, b.enEnd - b.enStart]);
  };

  it('finds 1-2 and 2-1 beads and skips a unit when that is cheaper', () => {
    expect(shapesFor([10, 20, 5, 5, 30], [10, 10, 10, 10, 100, 30], 3)).toEqual([
      [1, 1],
      [1, 2],
      [2, 1],
      [0, 1],
      [1, 1],
    ]);
  });

  it('finds 4-1 and 1-4 beads: four short sentences rendered as one long one', () => {
    expect(shapesFor([10, 10, 10, 10, 40, 30], [40, 10, 10, 10, 10, 30], 9)).toEqual([[4, 1], [1, 4], [1, 1]]);
  });

  it('stays linear on long inputs by aligning inside a band', () => {
    const n = 20_000;
    const scorer = { pair: () => 0, share: () => 1, floor: () => -Infinity, bead: (a: number, b: number, c: number, d: number) => (b - a === 1 && d - c === 1 ? 0 : 5) };
    const t = performance.now();
    const beads = alignUnits(n, n, scorer, { guide: (i) => i });
    expect(beads).toHaveLength(n);
    expect(performance.now() - t).toBeLessThan(5_000);
  });
});

describe('unit features', () => {
  it('count as words what is not space, punctuation or a symbol, the common Chinese punctuation included', () => {
    for (const char of [...'，。、；：？！“”‘’（）《》〈〉【】「」『』…—·～\u3000éß²Ⅷα々', '€']) {
      const other = chineseFeatures(char).other;
      expect({ char, other }).toEqual({ char, other: /[\s\p{P}\p{S}]/u.test(char) ? 0 : char.length });
    }
  });
});
