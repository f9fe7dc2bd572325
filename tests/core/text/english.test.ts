import { describe, expect, it } from 'vitest';
import { contentStems, isStopWord, stem } from '../../../src/core/text/english.js';

describe('stem', () => {
  it('takes irregular forms to the word a dictionary lists, then strips suffixes alike', () => {
    expect(stem('went')).toBe(stem('go'));
    expect(stem('brought')).toBe(stem('bring'));
    expect(stem('children')).toBe(stem('child'));
    expect(stem('wives')).toBe(stem('wife'));
    expect(stem('spake')).toBe(stem('speak'));
    expect(stem('gardens')).toBe(stem('garden'));
  });

  it('leaves people apart from person: the dictionary glosses them differently', () => {
    expect(stem('people')).not.toBe(stem('person'));
  });
});

describe('contentStems', () => {
  it('keeps two-letter content words and drops older function words', () => {
    expect(contentStems('Thou shalt go unto the river')).toEqual(['go', stem('river')]);
    expect(isStopWord('hath')).toBe(true);
  });
});
