// Found in review: a sorted index whose text began with an empty line made the binary search loop
// forever (String#lastIndexOf reads a fromIndex of -1 as 0).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortedLineLookup } from '../../src/core/text/sorted-lines.js';

describe('sorted line lookup', () => {
  it('finds keys in a text that starts with an empty line', () => {
    const lookup = sortedLineLookup('\na\t1\nb\t2\n');
    expect(lookup('a')).toBe('1');
    expect(lookup('b')).toBe('2');
    expect(lookup('0')).toBeUndefined();
    expect(lookup('c')).toBeUndefined();
  });

  // The format: `#` comment lines first, then lines sorted by key (keys never start with `#`).
  it('always ends, and finds exactly the keys present, for any sorted lines', () => {
    const key = fc.string({ minLength: 1, maxLength: 4 }).filter((k) => !/[\t\n]/.test(k) && !k.startsWith('#'));
    fc.assert(fc.property(fc.uniqueArray(key), fc.string({ maxLength: 4 }), fc.constantFrom('', '\n', '# index\n'), (keys, probe, head) => {
      const sorted = [...keys].sort();
      const text = `${head}${sorted.map((k, i) => `${k}\t${i}`).join('\n')}\n`;
      const lookup = sortedLineLookup(text);
      for (const [i, k] of sorted.entries()) expect(lookup(k)).toBe(String(i));
      if (!sorted.includes(probe)) expect(lookup(probe)).toBeUndefined();
    }));
  });
});
