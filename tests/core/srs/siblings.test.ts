import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Note } from '../../../src/core/deck/note.js';
import { siblingPairs, usesTerm } from '../../../src/core/srs/siblings.js';
import { sentence, vocab } from './fixtures.js';

describe('a sentence uses a vocabulary term', () => {
  test.each([
    ['a Chinese term inside the Chinese side', vocab('v', '机制', 'mechanism', 0, { lang: 'zh' }), sentence('s', '两国通过对话机制保持沟通。', 'They keep talking.', 1), true],
    ['full-width and half-width letters alike', vocab('v', 'ＡＩ安全', 'AI safety', 0, { lang: 'zh' }), sentence('s', '他研究AI安全。', 'He studies it.', 1), true],
    ['spaces inside Chinese ignored', vocab('v', '二轨 对话', 'Track II dialogue', 0, { lang: 'zh' }), sentence('s', '二轨对话开始了。', 'It began.', 1), true],
    ['an English term as whole words, any case', vocab('v', '人工智能', 'AI', 0), sentence('s', '他说了。', 'ai is here.', 1), true],
    ['not inside another word', vocab('v', '人工智能', 'AI', 0), sentence('s', '他说了。', 'He said so.', 1), false],
    ['a plural of the last word', vocab('v', '对话', 'dialogue', 0), sentence('s', '他们谈了。', 'Two dialogues began.', 1), true],
    ['a possessive', vocab('v', '对话', 'Track II dialogue', 0), sentence('s', '他们谈了。', "The Track II dialogue's end.", 1), true],
    ['but no other ending', vocab('v', '对话', 'dialogue', 0), sentence('s', '他们谈了。', 'They dialogued.', 1), false],
    ['nor a past tense', vocab('v', '谈', 'talk', 0), sentence('s', '他们谈了。', 'They talked.', 1), false],
    ['an English term is not looked for in Chinese', vocab('v', '人工智能', 'AI', 0), sentence('s', '人工智能来了。', 'It came.', 1), false],
    ['a Chinese term is not looked for in English', vocab('v', 'AI', 'AI', 0, { lang: 'zh' }), sentence('s', '它来了。', 'AI came.', 1), false],
    ['a note of an old deck, with no side named, on either side', vocab('v', '机制', 'mechanism', 0, { lang: undefined }), sentence('s', '它来了。', 'A mechanism came.', 1), true],
    ['the sentence it was taken from, whatever its wording', vocab('v', '令人不安的', 'disconcerting', 0, { context: { zh: '这令人不安。', en: 'It was unsettling.' } }), sentence('s', '这令人不安。', 'It was unsettling.', 1), true],
  ])('%s', (_, v, s, expected) => {
    expect(usesTerm(v as Note, s as Note)).toBe(expected);
    expect(usesTerm(s as Note, v as Note)).toBe(false);
  });
});

const pieces = ['和平', '对话', 'ＡＩ', 'AI', ' ', '，', 'dialogue', 'dialogues', 'Peace', 's', 'talk', '.', "'s"];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 5 }).map((p) => p.join(''));

test('siblingPairs finds exactly the pairs usesTerm links, whichever notes and terms', () => {
  const note = fc.tuple(fc.boolean(), text, text, fc.constantFrom<('zh' | 'en' | undefined)>('zh', 'en', undefined));
  fc.assert(
    fc.property(fc.array(note, { maxLength: 10 }), (shapes) => {
      const notes = shapes.map(([isVocab, zh, en, lang], i): Note => (isVocab ? vocab(`n${i}`, zh, en, i, { lang }) : sentence(`n${i}`, zh, en, i)));
      const expected = notes.flatMap((v) => notes.filter((s) => usesTerm(v, s)).map((s) => `${v.id}>${s.id}`));
      expect(siblingPairs(notes).map(([v, s]) => `${v}>${s}`).sort()).toEqual(expected.sort());
    }),
    { numRuns: 500 },
  );
});
