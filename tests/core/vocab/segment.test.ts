import { describe, expect, it } from 'vitest';
import { segment } from '../../../src/core/vocab/segment.js';
import { WORD_INDEX } from './fixture-words.js';

describe('segment', () => {
  it('takes the most probable cut, not the longest word first', () => {
    // 研究生 is the longest word at the start, but 研究 + 生命 is the likelier reading.
    expect(segment('研究生命的起源', WORD_INDEX)).toEqual(['研究', '生命', '的', '起源']);
  });

  it('keeps a longer word where the counts favour it', () => {
    expect(segment('他在银行工作', WORD_INDEX)).toEqual(['他', '在', '银行', '工作']);
  });

  it('cuts a phrase jieba lists but CC-CEDICT does not into its words', () => {
    expect(segment('交通拥堵', WORD_INDEX)).toEqual(['交通', '拥堵']);
  });

  it('leaves a character no dictionary lists as a word of its own', () => {
    expect(segment('他买了书', WORD_INDEX)).toEqual(['他', '买', '了', '书']);
    expect(segment('龘书', WORD_INDEX)).toEqual(['龘', '书']);
  });

  it('keeps Latin words and numbers whole, punctuation apart, and drops spaces', () => {
    expect(segment('他在 IBM 工作了20年。', WORD_INDEX)).toEqual(['他', '在', 'IBM', '工作', '了', '20', '年', '。']);
  });

  it('reads characters outside the Basic Multilingual Plane as one character each', () => {
    expect(segment('𠀀书', WORD_INDEX)).toEqual(['𠀀', '书']);
  });
});
