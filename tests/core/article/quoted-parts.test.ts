import { describe, expect, it } from 'vitest';
import type { Pair } from '../../../src/core/article/pairs.js';
import { setAsideQuotedParts } from '../../../src/core/article/quoted-parts.js';

const pair = (zh: string, en: string, line: number): Pair => ({ zh, en, line, score: 1 });
const kept = (pairs: Pair[]) => setAsideQuotedParts(pairs).pairs.map((p) => p.line);

describe('setAsideQuotedParts', () => {
  it('sets aside a clause quoted from a sentence on another card, with its looser translation', () => {
    const result = setAsideQuotedParts([
      pair('雨停以后，孩子们跑到院子里去踩水坑。', 'When the rain stopped, the children ran out to the yard to jump in the puddles.', 1),
      pair('（孩子们跑去院子里跳水坑）', 'the children ran out to the yard to jump in the puddles', 5),
    ]);
    expect(result.pairs.map((p) => p.line)).toEqual([1]);
    expect(result.skipped).toEqual([
      { text: '（孩子们跑去院子里跳水坑） / the children ran out to the yard to jump in the puddles', reason: 'quotes part of the sentence on line 1', line: 5 },
    ]);
  });

  it('reads the Chinese side the same way', () => {
    expect(kept([pair('雨停以后，孩子们跑到院子里去踩水坑。', 'After the rain, the kids rushed outside to splash in the puddles.', 1), pair('孩子们跑到院子里去踩水坑', 'kids rushing out to splash', 4)])).toEqual([1]);
  });

  it('keeps a whole sentence that recurs inside a longer one, and a headline the lead repeats', () => {
    expect(kept([pair('我不知道该怎么办。', "I don't know what to do.", 1), pair('我不知道该拿他怎么办。', "I don't know what to do with him.", 2)])).toEqual([1, 2]);
    expect(
      kept([
        pair('骑车上班的人越来越多', 'More people cycle to work.', 1),
        pair('骑车上班的人越来越多，城市为此修了新的车道。', 'As more people cycle to work, the city has built new lanes.', 2),
      ]),
    ).toEqual([1, 2]);
  });

  it('needs a few words before a repeat means anything', () => {
    expect(kept([pair('他说好的。', 'He said yes, of course.', 1), pair('好的', 'yes, of', 2)])).toEqual([1, 2]);
  });
});
