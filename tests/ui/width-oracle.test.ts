import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { displayWidth, truncate } from '../../src/ui/width.js';

// Characters a bilingual article holds: CJK, full-width punctuation, Latin with accents, digits.
const pieces = fc.constantFrom(...'中文的早市熟客，。：“”（）《》abcXYZ 123éèñ-—\''.split(''), 'e\u0301', '①', '한', 'ｶ');

describe('display width', () => {
  it('agrees with string-width on article text', () => {
    fc.assert(fc.property(fc.array(pieces, { maxLength: 40 }).map((a) => a.join('')), (text) => {
      expect(displayWidth(text)).toBe(stringWidth(text));
    }));
  });

  it('ignores colour codes and counts emoji as two columns', () => {
    expect(displayWidth('\x1b[1m早市\x1b[22m ok')).toBe(7);
    expect(displayWidth('👍🏽')).toBe(2);
    expect(displayWidth('👨‍👩‍👧')).toBe(2);
  });

  it('truncates without splitting a character', () => {
    expect(truncate('早市很热闹，人很多', 9)).toBe('早市很...');
    expect(displayWidth(truncate('早市很热闹，人很多', 10))).toBeLessThanOrEqual(10);
  });
});
