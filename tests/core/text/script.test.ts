import { describe, expect, it } from 'vitest';
import { HAN_RANGES, isHanScript } from '../../../src/core/text/script.js';

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
