import { describe, expect, it } from 'vitest';
import { displaySense, holdsLemma, senseInSentence } from '../../../src/core/vocab/gloss.js';
import { english, WORD_INDEX } from './fixture-words.js';

const entry = (word: string) => WORD_INDEX.lookup(word)!;

describe('senseInSentence', () => {
  it('takes the sense the translation uses, with the pinyin of its reading', () => {
    expect(senseInSentence(entry('行'), 'He walked home alone.', english)).toEqual({ sense: 'to walk; to go', pinyin: 'xíng', matched: true });
    expect(senseInSentence(entry('行'), 'They stood in a long row.', english)).toEqual({ sense: 'row; line', pinyin: 'háng', matched: true });
  });

  it('matches words through their lemmas', () => {
    expect(senseInSentence(entry('波动'), 'Prices fluctuate every day.', english)).toMatchObject({ sense: 'to undulate; to fluctuate', matched: true });
    expect(senseInSentence(entry('波动'), 'The market fluctuates.', english)).toMatchObject({ sense: 'to undulate; to fluctuate', matched: true });
  });

  it('falls back to the first sense when the translation shares no word with any', () => {
    expect(senseInSentence(entry('起源'), 'Where did it all begin?', english)).toEqual({ sense: 'origin', pinyin: 'qǐ yuán', matched: false });
  });

  it('does not count usage notes as meaning', () => {
    // "(as a living thing)" would otherwise match "a living thing" in the sentence.
    expect(senseInSentence(entry('生命'), 'Every living thing needs water.', english)).toMatchObject({ matched: false });
  });

  it('gives a name nothing to teach, and skips a sense that only points elsewhere', () => {
    expect(senseInSentence(entry('北京'), 'She lives in Beijing.', english)).toBeUndefined();
    expect(senseInSentence(entry('见'), 'I see.', english)).toBeUndefined();
    expect(senseInSentence(entry('王'), 'The king spoke.', english)).toEqual({ sense: 'king or monarch', pinyin: 'wáng', matched: true });
  });
});

describe('displaySense', () => {
  it('drops the bound-form label and the pinyin of cross-references', () => {
    expect(displaySense('(bound form) row; line')).toBe('row; line');
    expect(displaySense('used with 得[de2] or 不[bu4]')).toBe('used with 得 or 不');
    expect(displaySense('variant of 瞭|了[liao3]')).toBe('variant of 了');
  });
});

describe('holdsLemma', () => {
  it('scores a one-word sense above a sense where the word is one of several', () => {
    expect(holdsLemma(entry('投资人'), 'investor', english)).toEqual({ score: 1, pinyin: 'tóu zī rén' });
    expect(holdsLemma(entry('研究生'), 'student', english).score).toBe(0.5);
    expect(holdsLemma(entry('书'), 'butterfly', english).score).toBe(0);
  });
});
