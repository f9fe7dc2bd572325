import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KNOWN_STABILITY_DAYS, masteredTerms, normalizeWord, termOf, wordOfLine, wordsOfList } from '../../../src/core/vocab/known-words.js';
import type { Note } from '../../../src/core/deck/note.js';
import type { CardState } from '../../../src/core/srs/card-state.js';

describe('normalizeWord', () => {
  it.each([
    ['安全', '安全'],
    ['  Security ', 'security'],
    ['“机制”', '机制'],
    ['ＡＢＣ', 'abc'],
    ['ice  cream', 'ice cream'],
    ['well-being', 'well-being'],
    ['disconcerting.', 'disconcerting'],
    ['安\u202e全', '安全'],
    ['a\u001b[31mred', 'ared'],
    ['ice\tcream', 'ice cream'],
    ['\u001b]0;title\u0007茶', '茶'],
    ['123', undefined],
    ['...', undefined],
    ['', undefined],
    ['a'.repeat(41), undefined],
  ])('%j → %j', (raw, word) => expect(normalizeWord(raw)).toBe(word));

  it('is idempotent and never keeps a control or format character', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (raw) => {
      const word = normalizeWord(raw);
      if (word === undefined) return;
      expect(normalizeWord(word)).toBe(word);
      expect(word).not.toMatch(/[\p{Cc}\p{Cf}]/u);
    }));
  });
});

describe('word lists', () => {
  it.each([
    ['爱\tài\tto love', '爱'],
    ['安全, ān quán', '安全'],
    ['安全 ān quán safe', '安全'],
    ['安全（ān quán）', '安全'],
    ['\uFEFF茶叶', '茶叶'],
    ['negotiate', 'negotiate'],
    ['ice cream\tn.', 'ice cream'],
    ['HSK 1', undefined],
    ['12. 爱', '爱'],
    ['3) negotiate', 'negotiate'],
    ['# level 2', undefined],
    ['HSK1', undefined],
    ['1\t爱\tài\tlove', '爱'],
    ['12.\tweather', 'weather'],
    ['| 邻居 | neighbour |', '邻居'],
    ['| english | 中文 |', 'english'],
    ['|---|:---:|', undefined],
  ])('a line %j names %j', (line, word) => expect(wordOfLine(line)).toBe(word));

  it('takes each word once, in list order, and numbers the lines that name none', () => {
    expect(wordsOfList('HSK 2\n\n茶叶\t chá yè\n邻居\n茶叶\n# done\n2024\r\nweather\n')).toEqual({ words: ['茶叶', '邻居', 'weather'], skipped: [1, 7] });
  });
});

describe('masteredTerms', () => {
  const vocab = (id: string, zh: string, en: string, lang: 'zh' | 'en'): Note => ({ id, kind: 'vocab', zh, en, lang, order: 1 });
  const state = (s: CardState['state'], stability: number): CardState => ({
    due: '2026-12-30T00:00:00.000Z', stability, difficulty: 5, elapsed_days: 0, scheduled_days: 0, learning_steps: 0, reps: 3, lapses: 0, state: s,
  });
  const notes = [
    vocab('v1', '邻居', 'neighbour', 'zh'),
    vocab('v2', '令人不安的', 'Disconcerting', 'en'),
    vocab('v3', '茶叶', 'tea leaves', 'zh'),
    { id: 's1', kind: 'sentence', zh: '邻居送来茶叶。', en: 'The neighbour brought tea.', order: 0 } as Note,
  ];

  it('knows a term once any of its cards is in review with stability of three weeks', () => {
    const states = new Map([
      ['v1:zh-en', state(2, KNOWN_STABILITY_DAYS)],
      ['v2:cloze', state(2, 40)],
      ['v3:zh-en', state(2, KNOWN_STABILITY_DAYS - 0.5)],
      ['v3:en-zh', state(3, 50)],
      ['s1:zh-en', state(2, 90)],
    ]);
    expect(masteredTerms(notes, states)).toEqual(['邻居', 'disconcerting']);
  });

  it('names a sentence no term', () => expect(termOf(notes[3]!)).toBeUndefined());
});
