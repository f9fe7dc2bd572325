import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { blanked, BLANK, clozeForm, splitAtTerm } from '../../../src/core/deck/cloze.js';
import { findTerm } from '../../../src/core/text/term-in-context.js';

const found = (sentence: string, term: string, lang: 'zh' | 'en') => findTerm(sentence, term, lang).map((o) => sentence.slice(o.start, o.end));

describe('a Chinese term in its sentence', () => {
  test.each([
    ['尽管两国关系紧张,专家们仍通过对话机制保持沟通。', '对话机制', ['对话机制']],
    ['这家店的AI芯片卖得很快。', 'ＡＩ芯片', ['AI芯片']],
    ['这家店的ＡＩ芯片卖得很快。', 'AI芯片', ['ＡＩ芯片']],
    ['茶馆里的茶比茶叶店的茶便宜。', '茶', ['茶', '茶', '茶', '茶']],
    ['今天下雨了。', '天气', []],
    ['𠮷野家的饭很好吃。', '𠮷野家', ['𠮷野家']],
  ])('%s / %s', (sentence, term, expected) => {
    expect(found(sentence, term, 'zh')).toEqual(expected);
  });
});

describe('an English term in its sentence', () => {
  test.each([
    ['The silence was disconcerting.', 'disconcerting', ['disconcerting']],
    ['Disconcerting news came late.', 'disconcerting', ['Disconcerting']],
    // A derived word is another word: the gloss would mislead.
    ['She smiled disconcertingly.', 'disconcerting', []],
    ['AI is not in "said".', 'AI', ['AI']],
    ['He said nothing.', 'ai', []],
    ['The talks stalled twice.', 'stall', ['stalled']],
    ['Both ferries left early.', 'ferry', ['ferries']],
    ['She was stopping at every stall.', 'stop', ['stopping']],
    ['They ran to the pier.', 'run', ['ran']],
    ['Two Track II dialogues went on.', 'Track II dialogue', ['Track II dialogues']],
    ['We took part in the race.', 'take part', ['took part']],
    ['The bakers were baking bread.', 'bake', ['baking']],
    ['A stationery shop.', 'station', []],
  ])('%s / %s', (sentence, term, expected) => {
    expect(found(sentence, term, 'en')).toEqual(expected);
  });
});

test('import writes the term as the sentence has it, and nothing when it is not there', () => {
  const context = { zh: '她的沉默让人不安。', en: 'Her silence was disconcerting.' };
  const noWords = () => false;
  expect(clozeForm({ term: 'Disconcerting', lang: 'en', context }, noWords)).toBe('disconcerting');
  expect(clozeForm({ term: '沉默', lang: 'zh', context }, noWords)).toBe('沉默');
  expect(clozeForm({ term: '不安全', lang: 'zh', context }, noWords)).toBeUndefined();
  expect(clozeForm({ term: '沉默', lang: 'zh' }, noWords)).toBeUndefined();
});

test('a Chinese term that is also part of a longer word in its sentence gets no cloze, since every occurrence is blanked', () => {
  const words = new Set(['会议', '小时候', '学生', '学校', '学习', '码头']);
  const isWord = (text: string) => words.has(text);
  const cloze = (term: string, zh: string) => clozeForm({ term, lang: 'zh', context: { zh, en: '-' } }, isWord);
  expect(cloze('会', '他会来的时候会议才能开。')).toBeUndefined();
  expect(cloze('小时', '小时候我每天走一个小时。')).toBeUndefined();
  expect(cloze('学', '学生们在学校里学习。')).toBeUndefined();
  expect(cloze('会', '他明天会来。')).toBe('会');
  expect(cloze('小时', '我每天走一个小时。')).toBe('小时');
  // A word of its own that a longer word merely touches is still the term.
  expect(cloze('码头', '码头上的人都在等。')).toBe('码头');
});

test('the blank replaces every occurrence, so a second one does not give the term away', () => {
  const parts = splitAtTerm('渡轮晚了,渡轮上的人都在等。', '渡轮', 'zh');
  expect(blanked(parts)).toBe(`${BLANK}晚了,${BLANK}上的人都在等。`);
});

const zhText = fc.string({ unit: fc.constantFrom(...'渡轮晚了茶馆人ＡＩAIa 1,。'.split('')), maxLength: 30 });
const enWord = fc.constantFrom('run', 'ran', 'runs', 'stall', 'stalled', 'ferry', 'ferries', 'the', 'AI', 'ai', 'said', 'x');
const enText = fc.array(fc.tuple(enWord, fc.constantFrom(' ', ', ', '-', '. ', "'")), { maxLength: 12 }).map((ws) => ws.flat().join(''));

describe('blanking loses nothing', () => {
  test.each([
    ['zh', zhText, fc.string({ unit: fc.constantFrom(...'渡轮茶ＡＩAIa'.split('')), minLength: 1, maxLength: 3 })],
    ['en', enText, fc.constantFrom('run', 'stall', 'ferry', 'AI', 'the', 'run ferry')],
  ] as const)('%s: the blanked sentence with the term put back is the sentence', (lang, sentences, terms) => {
    fc.assert(fc.property(sentences, terms, (sentence, term) => {
      const parts = splitAtTerm(sentence, term, lang);
      expect(parts.map((p) => p.text).join('')).toBe(sentence);
      const forms = parts.filter((p) => p.term).map((p) => p.text);
      const pieces = blanked(parts).split(BLANK);
      // Between the blanks is the sentence's own text; filled in order they give it back.
      expect(pieces.length).toBe(forms.length + 1);
      expect(pieces.reduce((out, piece, i) => out + (i === 0 ? '' : forms[i - 1]!) + piece, '')).toBe(sentence);
      for (const form of forms) expect(findTerm(form, term, lang).length).toBeGreaterThan(0);
    }), { numRuns: 400 });
  });
});
