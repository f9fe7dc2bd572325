import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textsContaining } from '../../../src/core/text/term-index.js';

describe('textsContaining', () => {
  it('finds what a search of every text for every term finds', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '汉', '字', ' '), maxLength: 30 });
    fc.assert(
      fc.property(fc.array(text, { maxLength: 6 }), fc.array(fc.string({ unit: fc.constantFrom('a', 'b', '汉', '字'), minLength: 1, maxLength: 4 }), { maxLength: 6 }), (texts, terms) => {
        const found = textsContaining(texts, terms);
        for (const term of new Set(terms)) {
          const expected = texts.flatMap((t, i) => (t.includes(term) ? [i] : []));
          expect(found.get(term) ?? []).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('looks only where `at` allows: an English term at the start of a word', () => {
    const startsWord = (text: string, at: number) => at === 0 || !/[a-z]/.test(text[at - 1]!);
    const found = textsContaining(['the dialogues went on', 'monologue', 'a dialogue'], ['dialogue', 'logue'], startsWord);
    expect(found.get('dialogue')).toEqual([0, 2]);
    expect(found.has('logue')).toBe(false);
  });
});
