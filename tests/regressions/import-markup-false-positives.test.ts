// Found by an adversarial pass over issue 11's import changes: ordinary text taken for markup or
// notes. `x<y and y>z`, `<Enter>` and an address in angle brackets lost their text as "tags";
// `a==b` and `2**10` lost their signs as "emphasis"; a link-shaped `[1, 2](note)` lost its
// bracket; an English `Note: …` line with its translation was set aside and the pairs after it
// shifted; a note in the middle of a sentence cut the sentence in two; `!!! 太好了！` was taken for an
// admonition marker; and `如果 x=y，就停止。` was taken for a `term=meaning` note, so its
// neighbours paired wrongly. Tags are now stripped by name, emphasis only away from letters and
// digits, links only with an address, notes only in Chinese or bracketed, inline notes lifted out
// of the sentence, admonitions only with a type word, definitions only with `=` between words.
import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../src/core/article/index.js';
import { readLines } from '../../src/core/article/source-line.js';
import { tinyLexicon } from '../core/article/fixtures.js';

const texts = (text: string) => readLines(text).filter((l) => !l.syntax && l.text).map((l) => l.text);

describe('text that only looks like markup', () => {
  it('keeps comparisons, keys, addresses, operators and bracketed numbers', () => {
    expect(texts('If x<y and y>z, then x is the smallest.')).toEqual(['If x<y and y>z, then x is the smallest.']);
    expect(texts('Press <Enter> to continue.')).toEqual(['Press <Enter> to continue.']);
    expect(texts('He wrote to <lin@example.org>.')).toEqual(['He wrote to <lin@example.org>.']);
    expect(texts('If a==b and c==d, return true.')).toEqual(['If a==b and c==d, return true.']);
    expect(texts('2**10 is 1024 and 3**2 is 9.')).toEqual(['2**10 is 1024 and 3**2 is 9.']);
    expect(texts('Set max_line_width to 80.')).toEqual(['Set max_line_width to 80.']);
    expect(texts('The answers were [1, 2, 3](see below).')).toEqual(['The answers were [1, 2, 3](see below).']);
    expect(texts('!!! 这真是太好了！')).toEqual(['!!! 这真是太好了！']);
  });

  it('keeps a sentence whole around a note inside it', () => {
    expect(texts('他读了《春雨》【注：一部短篇小说。】，很喜欢。')).toEqual(['他读了《春雨》，很喜欢。', '【注：一部短篇小说。】']);
  });
});

describe('sentences that only look like notes', () => {
  it('pair with their translations', () => {
    const article = [
      '下午孩子们在花园里玩耍。',
      'In the afternoon the children played in the garden.',
      '如果 x=y，就停止。',
      'If x=y, stop.',
      '注意：天气不好。',
      'Note: the weather is bad.',
      '老人们在长椅上聊天。',
      'The old people chatted on the bench.',
    ].join('\n');
    const pairs = analyseArticle(article, { lexicon: tinyLexicon }).pairs.map((p) => [p.zh, p.en]);
    expect(pairs).toContainEqual(['如果 x=y，就停止。', 'If x=y, stop.']);
    expect(pairs).toContainEqual(['注意：天气不好。', 'Note: the weather is bad.']);
    expect(pairs).toContainEqual(['老人们在长椅上聊天。', 'The old people chatted on the bench.']);
  });
});
