import { describe, expect, it } from 'vitest';
import { chineseNumbers, englishNumbers } from '../../../src/core/text/numbers.js';

describe('chineseNumbers', () => {
  it('reads counted numerals and years read digit by digit', () => {
    expect(chineseNumbers('她三十二岁那年，一九八四年的春天，村里来了两百多个人。')).toEqual(['32', '1984', '200']);
    expect(chineseNumbers('一万五千本书，十二只羊，二十天')).toEqual(['15000', '12', '20']);
  });

  it('leaves out one: 一 is mostly an article', () => {
    expect(chineseNumbers('他一个人坐着，一动不动。')).toEqual([]);
  });
});

describe('englishNumbers', () => {
  it('reads numbers in words, hyphenated or with hundred and thousand', () => {
    expect(englishNumbers('The thirty-two-year-old had twelve sheep and two hundred and five books.')).toEqual(['32', '12', '205']);
    expect(englishNumbers('Fifteen thousand books over twenty days')).toEqual(['15000', '20']);
  });

  it('leaves out a lone one', () => {
    expect(englishNumbers('One of them sat alone, the one by the door.')).toEqual([]);
  });
});
