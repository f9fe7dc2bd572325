import { describe, expect, it } from 'vitest';
import { characterAt, codePointBefore, countScripts, HAN_RANGES, isHanScript, unitsOf } from '../../../src/core/text/script.js';

describe('HAN_RANGES', () => {
  it('is \\p{Script=Han}, give or take code points this Unicode version leaves unassigned', () => {
    const spelled = new RegExp(`^[${HAN_RANGES}]$`, 'u');
    const han = /^\p{Script=Han}$/u;
    const unassigned = /^\p{Cn}$/u;
    const differ: string[] = [];
    for (let cp = 0; cp < 0x110000; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      const want = han.test(ch);
      if (spelled.test(ch) !== want || isHanScript(cp) !== want) {
        if (!(spelled.test(ch) && !want && unassigned.test(ch))) differ.push(cp.toString(16));
      }
    }
    expect(differ).toEqual([]);
  });
});

describe('walking text by code point', () => {
  const text = '把𩽾𩾌卖了';

  it('reads back over a surrogate pair as one character', () => {
    const back: string[] = [];
    for (let at = text.length, cp = codePointBefore(text, at); cp !== undefined; cp = codePointBefore(text, at)) {
      back.push(String.fromCodePoint(cp));
      at -= unitsOf(cp);
    }
    expect(back).toEqual([...text].reverse());
  });

  it('gives the whole character at an index, for a regex to test', () => {
    expect(characterAt(text, 1)).toBe('𩽾');
    expect(/^\p{Script=Han}$/u.test(characterAt(text, 1))).toBe(true);
    expect(characterAt(text, text.length)).toBe('');
  });

  it('counts a character outside the BMP once', () => {
    expect(countScripts(text).han).toBe(5);
  });
});
