import { describe, expect, it } from 'vitest';
import { classifyLines } from '../../../src/core/article/classify.js';
import { readLines } from '../../../src/core/article/source-line.js';
import { scriptRuns } from '../../../src/core/article/script-run.js';

const kinds = (text: string) => classifyLines(readLines(text)).map((l) => l.kind);

describe('classifyLines', () => {
  it('tells Chinese, English, blank and noise lines apart', () => {
    expect(kinds('标签\n\n发布时间:2024-01-02 08:00来源:网络阅读:15\n我们走吧。\nLet us go.')).toEqual([
      'noise',
      'blank',
      'noise',
      'zh',
      'en',
    ]);
  });

  it('counts Chinese with Latin names and half-width punctuation as Chinese', () => {
    expect(kinds('昨天,Alan Turing的传记(第二版)出版了。')).toEqual(['zh']);
  });

  it('sets aside headings, attributions and Chinese annotations', () => {
    expect(kinds('一、背景知识\n【重要讲话】\n——2023年5月4日，在北京\n城市=很多人住的地方;\n1.社区:居民生活的地方')).toEqual([
      'structure',
      'structure',
      'structure',
      'annotation',
      'annotation',
    ]);
  });

  it('reads Markdown: headings, list markers, fences and table rulers', () => {
    const lines = classifyLines(readLines('# 小花园\n- 我们走吧。\n```\n花园\tgarden\n```\n| a | b |\n|---|---|'));
    expect(lines.map((l) => [l.kind, l.text])).toEqual([
      ['zh', '小花园'],
      ['zh', '我们走吧。'],
      ['noise', '```'],
      ['vocab', '花园\tgarden'],
      ['noise', '```'],
      ['en', 'a\tb'],
      ['noise', '|---|---|'],
    ]);
    expect(lines[0]!.markdownHeading).toBe(true);
  });

  it('takes list numbers off sentences but still knows a numbered explanation', () => {
    const lines = classifyLines(readLines('1. 先洗手。\n2) Wash your hands.\n(3) 再坐下。\n1.5 million people came.\n2.洗手:用水把手洗干净'));
    expect(lines.map((l) => [l.kind, l.text])).toEqual([
      ['zh', '先洗手。'],
      ['en', 'Wash your hands.'],
      ['zh', '再坐下。'],
      ['en', '1.5 million people came.'],
      ['annotation', '洗手:用水把手洗干净'],
    ]);
  });

  it('sets aside a glossary header row and reads the rows under it as a list', () => {
    expect(kinds('Word    Meaning\nlantern 灯笼\ntemple 寺庙')).toEqual(['structure', 'vocab', 'vocab']);
  });

  it('needs more than a colon to take a lone line for a vocabulary note', () => {
    expect(kinds('记者：John Smith\n今天下雨了。\nIt rained today.')).toEqual(['noise', 'zh', 'en']);
  });

  it('reads adjacent `术语:解释` lines as a glossary when the article uses the terms', () => {
    const text = ['海边的潮汐很有规律。', '', 'The tides at the beach are regular.', '', '潮汐:海水每天有规律的涨落', '海边:靠近大海的地方'];
    expect(kinds(text.join('\n'))).toEqual(['zh', 'blank', 'en', 'blank', 'vocab', 'vocab']);
    // Unused terms, or numbered lines, are notes about something else.
    expect(kinds(['今天下雨了。', '', '潮汐:海水每天有规律的涨落', '季风:随季节改变方向的风'].join('\n')).slice(2)).toEqual(['zh', 'zh']);
    expect(kinds([text[0], '1.潮汐:海水每天有规律的涨落', '2.海边:靠近大海的地方'].join('\n')).slice(1)).toEqual(['annotation', 'annotation']);
  });
});

describe('a sentence and its translation on one line', () => {
  it('becomes two lines, Chinese first or English first, or from a table row', () => {
    expect(scriptRuns('我们在湖边散步。We walked by the lake.')).toEqual(['我们在湖边散步。', 'We walked by the lake.']);
    expect(scriptRuns('They sat under the old tree. 他们坐在老树下。')).toEqual(['They sat under the old tree.', '他们坐在老树下。']);
    expect(scriptRuns('"Come in," said the guard. “请进，”门卫说。')).toEqual(['"Come in," said the guard.', '“请进，”门卫说。']);
    expect(scriptRuns('她笑着说：“谢谢你。”"Thank you," she said with a smile.')).toEqual(['她笑着说：“谢谢你。”', '"Thank you," she said with a smile.']);
    expect(scriptRuns('The rain stopped at noon.\t中午雨就停了。')).toEqual(['The rain stopped at noon.', '中午雨就停了。']);
    expect(scriptRuns('我们在湖边散步。 / We walked by the lake.')).toEqual(['我们在湖边散步。', 'We walked by the lake.']);
    expect(scriptRuns('We walked by the lake. — 我们在湖边散步。')).toEqual(['We walked by the lake.', '我们在湖边散步。']);
    const lines = readLines('| 雨停了以后，街道很安静。 | After the rain, the street was quiet. |');
    expect(lines.map((l) => [l.text, l.line])).toEqual([['雨停了以后，街道很安静。', 1], ['After the rain, the street was quiet.', 1]]);
  });

  it('stays one line when either half is not a whole sentence', () => {
    for (const line of [
      '他最喜欢的歌是Let It Be。',
      '标语上写着Keep calm and carry on，大家都笑了。',
      'disconcerting(adj.)令人不安的、令人困惑的',
      '*二轨对话(Track II Dialogue / Track II Diplomacy,1982年提出)',
      '街角书店 The Corner Bookshop',
      '渔船\tfishing boat',
      'AI安全问题越来越受关注。',
      'We met at 8 a.m. near the 东门。',
    ]) expect(scriptRuns(line)).toBeUndefined();
  });
});

describe('a label before a sentence', () => {
  it('is taken off when a whole sentence follows it', () => {
    expect(readLines('译文：After the rain, the street was quiet.\n中文: 雨停了以后，街道很安静。').map((l) => l.text))
      .toEqual(['After the rain, the street was quiet.', '雨停了以后，街道很安静。']);
    expect(readLines('中文\tEnglish\nEnglish: spoken here').map((l) => l.text)).toEqual(['中文\tEnglish', 'English: spoken here']);
  });
});
