import { describe, expect, it } from 'vitest';
import { chineseFeatures, englishFeatures, syllablesFrom } from '../../../../src/core/article/bead/features.js';
import { stem } from '../../../../src/core/text/english.js';
import { parseLexicon } from '../../../../src/core/text/lexicon.js';

// Lines sorted by code unit, as the built index is.
const LEXICON = parseLexicon(['# test', '回家\tgo home', '很\tvery', '晚\tlate evening', '知道\tknow', '说\tspeak say', ''].join('\n'));
const PINYIN: Record<string, string> = { 林: 'lín', 晓: 'xiǎo', 岚: 'lán', 吕: 'lǚ' };
const syllable = syllablesFrom((zh) => PINYIN[zh]);

/** The English keys of `en` that the Chinese side shares. */
function shared(zh: string, en: string): string[] {
  const z = chineseFeatures(zh, LEXICON, syllable);
  return [...englishFeatures(en).keys].filter((k) => z.keyWords!.has(k));
}

describe('chineseFeatures and englishFeatures', () => {
  it('meet on an irregular verb through its dictionary form', () => {
    expect(shared('他很晚回家。', 'He went home late.')).toEqual(['go', stem('home'), stem('late')]);
    expect(shared('她说很晚了。', 'She said it was late.')).toEqual(['say', stem('late')]);
  });

  it('meet on a name spelled in pinyin, as a word that counts only when found', () => {
    const zh = chineseFeatures('林晓岚说她知道。', LEXICON, syllable);
    expect(shared('林晓岚说她知道。', 'Lin Xiaolan said she knew.')).toEqual(expect.arrayContaining(['@xiaolan', '@linxiaolan']));
    // 说 and 知道 are the counted words; the name is one more slot past them.
    expect(zh.words).toBe(2);
    expect(zh.slots).toBe(3);
    expect(shared('林晓岚说她知道。', 'The girl said she knew.')).not.toContain('@xiaolan');
  });

  it('gives no name keys without pinyin, or for a character it cannot read', () => {
    expect([...chineseFeatures('林晓岚说。', LEXICON).keys].some((k) => k.startsWith('@'))).toBe(false);
    expect([...chineseFeatures('林晓某说。', LEXICON, syllable).keys]).toContain('@linxiao');
    expect([...chineseFeatures('林晓某说。', LEXICON, syllable).keys].filter((k) => k.startsWith('@'))).toEqual(['@linxiao']);
  });

  it('reads ü as u, as English spells 吕', () => {
    expect(syllable('吕')).toBe('lu');
    expect(syllable('某')).toBeUndefined();
  });

  it('meet on a number written in words, which counts on the Chinese side only when found', () => {
    expect(shared('她二十一岁。', 'She was twenty-one.')).toEqual(['21']);
    expect(chineseFeatures('她二十一岁。', LEXICON).words).toBe(0);
  });

  it('does not count clitics of contractions as words', () => {
    const en = englishFeatures("I don't know, and she'd never say.");
    expect([...en.keys]).toEqual(['know', 'never', 'say']);
    expect(en.words).toBe(3);
  });

  it('notices quoted speech on either side', () => {
    expect(chineseFeatures('“我不知道。”', LEXICON).quote).toBe(true);
    expect(chineseFeatures('他不知道。', LEXICON).quote).toBe(false);
    expect(englishFeatures('"I don\'t know."').quote).toBe(true);
    expect(englishFeatures("He didn't know it was Tom's.").quote).toBe(false);
  });
});
