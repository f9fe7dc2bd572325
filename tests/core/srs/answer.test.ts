import { describe, expect, test } from 'vitest';
import { acceptedAnswers, checkAnswer, foldAnswer } from '../../../src/core/srs/answer.js';

describe('foldAnswer', () => {
  test.each([
    ['Ｈｅｌｌｏ，Ｗｏｒｌｄ！', 'hello world'],
    ['二轨对话。', '二轨对话'],
    ['“二轨”对话', '二轨 对话'],
    ["It's   fine...", 'it s fine'],
    ['ＡＩ安全', 'ai安全'],
  ])('%s -> %s', (raw, folded) => expect(foldAnswer(raw)).toBe(folded));

  test('never erases Chinese (an ASCII \\w would)', () => {
    expect(foldAnswer('令人不安的')).toBe('令人不安的');
  });
});

describe('checkAnswer suggests a grade', () => {
  test.each([
    ['exact English, different case and punctuation', 'Track II dialogue began.', 'track ii dialogue began', 'en', 3],
    ['full-width typing', 'AI safety', 'ＡＩ　ｓａｆｅｔｙ', 'en', 3],
    ['exact Chinese with half-width punctuation', '二轨对话,开始了。', '二轨对话，开始了', 'zh', 3],
    ['Chinese with spaces typed', '二轨对话', '二轨 对话', 'zh', 3],
    ['one wrong character in ten', '这是一个非常重要的对话', '这是一个非常重要的对活', 'zh', 2],
    ['one word missing of six', 'the talks began in that year', 'the talks began in year', 'en', 2],
    ['wrong', 'disconcerting', 'happy', 'en', 1],
    ['nothing typed', '二轨对话', '', 'zh', 1],
  ] as const)('%s', (_name, expected, typed, lang, grade) => {
    expect(checkAnswer([expected], typed, lang).suggested).toBe(grade);
  });

  test('a Chinese diff is by character', () => {
    const check = checkAnswer(['二轨对话'], '一轨对话', 'zh');
    expect(check.diff).toEqual([
      { op: 'missing', text: '二' },
      { op: 'extra', text: '一' },
      { op: 'same', text: '轨对话' },
    ]);
    expect(check.separator).toBe('');
  });

  test('an English diff is by word', () => {
    const check = checkAnswer(['the talks began'], 'the talk began', 'en');
    expect(check.diff).toEqual([
      { op: 'same', text: 'the' },
      { op: 'missing', text: 'talks' },
      { op: 'extra', text: 'talk' },
      { op: 'same', text: 'began' },
    ]);
  });

  test('a vocabulary gloss accepts any of its alternatives', () => {
    const accepted = acceptedAnswers('令人不安的、令人困惑的', true);
    expect(accepted).toEqual(['令人不安的、令人困惑的', '令人不安的', '令人困惑的']);
    const check = checkAnswer(accepted, '令人困惑的', 'zh');
    expect(check).toMatchObject({ suggested: 3, expected: '令人困惑的' });
    expect(acceptedAnswers('Track II Dialogue / Track II Diplomacy', true)).toContain('Track II Diplomacy');
    expect(acceptedAnswers('a / b', false)).toEqual(['a / b']);
  });
});
