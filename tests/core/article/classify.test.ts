import { describe, expect, it } from 'vitest';
import { classifyLines } from '../../../src/core/article/classify.js';
import { readLines } from '../../../src/core/article/source-line.js';

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
});
