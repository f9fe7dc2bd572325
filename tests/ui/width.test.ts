import stringWidth from 'string-width';
import { describe, expect, test } from 'vitest';
import { padEnd, padStart, truncate, wrap, wrapSpans } from '../../src/ui/width.js';

describe('pad and truncate by display width', () => {
  test('CJK counts two columns', () => {
    expect(padEnd('中文', 6)).toBe('中文  ');
    expect(padStart('ab', 4)).toBe('  ab');
    expect(truncate('二轨对话是外交', 9)).toBe('二轨对...');
    expect(stringWidth(truncate('二轨对话是外交', 10))).toBeLessThanOrEqual(10);
    expect(truncate('short', 10)).toBe('short');
  });
});

describe('wrap', () => {
  const mixed = '二轨对话（Track II Dialogue）是一种非官方的外交渠道，由学者和前官员参与。It was disconcerting, really.';

  test.each([8, 10, 20, 37, 78])('no line wider than %i columns, nothing lost', (width) => {
    const lines = wrap(mixed, width);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(width);
    expect(lines.join('').replace(/\s/g, '')).toBe(mixed.replace(/\s/g, ''));
  });

  test('breaks English at spaces and Chinese between characters', () => {
    expect(wrap('the quick brown fox', 10)).toEqual(['the quick', 'brown fox']);
    expect(wrap('二轨对话是外交渠道', 8)).toEqual(['二轨对话', '是外交渠', '道']);
  });

  test('closing punctuation never starts a line, opening never ends one', () => {
    expect(wrap('二轨对话，外交', 8)).toEqual(['二轨对', '话，外交']);
    expect(wrap('外交（二轨）', 8)).toEqual(['外交（二', '轨）']);
    expect(wrap('外交（二轨）', 5)).toEqual(['外交', '（二', '轨）']);
  });

  test('a word wider than the line is cut', () => {
    expect(wrap('supercalifragilistic', 8)).toEqual(['supercal', 'ifragili', 'stic']);
  });

  test('keeps explicit line breaks', () => {
    expect(wrap('a\n\nb', 8)).toEqual(['a', '', 'b']);
  });

  test('styled spans wrap by their text, not their colour codes', () => {
    const red = (s: string) => `<${s}>`;
    expect(wrapSpans([{ text: 'typed: ', paint: (s) => s }, { text: '二轨对话', paint: red }], 10)).toEqual(['typed: <二>', '<轨对话>']);
  });
});
