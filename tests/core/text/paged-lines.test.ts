import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pagedLineLookup, sortedLineLookup } from '../../../src/core/text/sorted-lines.js';

/** Cuts sorted lines into pages the way scripts/sorted-index.mjs does, at line starts. */
function paginate(lines: string[], cuts: number[]) {
  const starts = [...new Set([0, ...cuts.map((c) => c % Math.max(1, lines.length))])].sort((a, b) => a - b);
  const pages = starts.map((s, i) => lines.slice(s, starts[i + 1]).map((l) => `${l}\n`).join(''));
  const firstKeys = starts.map((s) => lines[s]?.split('\t')[0] ?? '');
  return { pages, firstKeys };
}

describe('paged line lookup', () => {
  it('finds what the whole-text lookup finds, reading only the page that can hold the key', () => {
    const key = fc.string({ minLength: 1, maxLength: 4 }).filter((k) => !/[\t\n]/.test(k) && !k.startsWith('#'));
    fc.assert(fc.property(fc.uniqueArray(key), fc.array(fc.nat()), fc.string({ maxLength: 4 }), (keys, cuts, probe) => {
      const lines = ['# index', ...[...keys].sort().map((k, i) => `${k}\t${i}`)];
      const { pages, firstKeys } = paginate(lines, cuts);
      const read: number[] = [];
      const paged = pagedLineLookup(firstKeys, (i) => (read.push(i), pages[i]!));
      const whole = sortedLineLookup(`${lines.join('\n')}\n`);
      for (const k of [...keys, probe]) expect(paged(k)).toBe(whole(k));
      expect(new Set(read).size).toBe(read.length);
    }));
  });

  it('reads one page per lookup at most', () => {
    const pages = ['# index\na\t1\nb\t2\n', 'c\t3\nd\t4\n', 'e\t5\n'];
    const read: number[] = [];
    const lookup = pagedLineLookup(['# index', 'c', 'e'], (i) => (read.push(i), pages[i]!));
    expect(lookup('d')).toBe('4');
    expect(lookup('a')).toBe('1');
    expect(lookup('cc')).toBeUndefined();
    expect(lookup('!')).toBeUndefined();
    expect(read).toEqual([1, 0]);
  });
});
