import { describe, expect, it } from 'vitest';
import { suggestVocab, type SuggestInput } from '../../../src/core/vocab/suggest.js';
import { english, WORD_INDEX } from './fixture-words.js';

const tools = { words: WORD_INDEX, english };

const PAIRS = [
  { zh: '投资人对市场波动变得谨慎。', en: 'Investors became cautious about market fluctuations.', line: 3 },
  { zh: '王芳在北京买了三本书。', en: 'Wang Fang bought three books in Beijing.', line: 5 },
  { zh: '风险评估渐渐变得非常谨慎。', en: 'Risks were gradually assessed with great care.', line: 7 },
  { zh: '他在银行工作。', en: 'He works at a bank.', line: 9 },
];

const input = (over: Partial<SuggestInput> = {}): SuggestInput => ({ pairs: PAIRS, marked: [], known: new Set(), n: 20, learning: 'zh', ...over });
const terms = (over: Partial<SuggestInput> = {}) => suggestVocab(input(over), tools).map((s) => s.term);

describe('suggestVocab for a learner of Chinese', () => {
  it('ranks the words the translation confirms first, each group rarest first', () => {
    // Confirmed by the translation, rarest first (变得, 风险 and 银行 tie at 4000: article order);
    // then 波动, whose only match would be "fluctuations", which is not a form of "fluctuate".
    expect(terms()).toEqual(['投资人', '谨慎', '渐渐', '评估', '变得', '风险', '银行', '市场', '工作', '波动']);
  });

  it('gives each word its sentence, the sense that sentence uses and its pinyin', () => {
    const [first] = suggestVocab(input({ n: 1 }), tools);
    expect(first).toEqual({
      term: '投资人', gloss: 'investor', lang: 'zh', pinyin: 'tóu zī rén',
      context: { zh: PAIRS[0]!.zh, en: PAIRS[0]!.en }, line: 3,
    });
  });

  it('takes a later sentence for a word when only that one confirms its gloss', () => {
    const pairs = [
      { zh: '谨慎一点。', en: 'Take it easy.', line: 1 },
      { zh: '他很谨慎。', en: 'He is cautious.', line: 2 },
    ];
    expect(suggestVocab(input({ pairs }), tools)).toEqual([
      expect.objectContaining({ term: '谨慎', gloss: 'cautious; prudent', context: { zh: '他很谨慎。', en: 'He is cautious.' }, line: 2 }),
    ]);
  });

  it('suggests no names, numerals, measure words, pronouns, function words or common adverbs', () => {
    const all = terms();
    for (const word of ['王芳', '王', '北京', '三', '本', '他', '在', '的', '了', '对', '很', '非常']) expect(all).not.toContain(word);
  });

  it('suggests a single character only when it is a rare content word', () => {
    // 书 and 买 are content words but common; 蝶 (butterfly) is rare.
    const pairs = [{ zh: '他买了书和蝶。', en: 'He bought books and butterflies.', line: 1 }];
    expect(terms({ pairs })).toEqual(['蝶']);
  });

  it('leaves out words the article marks and words the learner knows', () => {
    const all = terms({ marked: [{ term: '投资人', lang: 'zh' }], known: new Set(['谨慎', '风险']) });
    expect(all).not.toContain('投资人');
    expect(all).not.toContain('谨慎');
    expect(all).not.toContain('风险');
    expect(all[0]).toBe('渐渐');
  });

  it('gives at most n, and nothing for n = 0', () => {
    expect(terms({ n: 3 })).toEqual(['投资人', '谨慎', '渐渐']);
    expect(terms({ n: 0 })).toEqual([]);
  });
});

describe('suggestVocab for a learner of English', () => {
  const en = (over: Partial<SuggestInput> = {}) => suggestVocab(input({ learning: 'en', ...over }), tools);

  it('suggests English lemmas, rarest first, each glossed by the Chinese word of its sentence', () => {
    expect(en().map((s) => [s.term, s.gloss])).toEqual([
      ['assess', '评估'], ['gradually', '渐渐'], ['cautious', '谨慎'], ['investor', '投资人'], ['risk', '风险'],
      ['bank', '银行'], ['market', '市场'], ['book', '书'], ['buy', '买'], ['work', '工作'], ['become', '变得'],
    ]);
    expect(en()[0]).toMatchObject({ lang: 'en', pinyin: 'píng gū', context: { zh: PAIRS[2]!.zh, en: PAIRS[2]!.en }, line: 7 });
  });

  it('leaves out names, words with no Chinese word in the sentence holding them, and known lemmas', () => {
    const terms = en({ known: new Set(['assess']) }).map((s) => s.term);
    // Wang and Fang are capitalised mid-sentence; no sense of 波动 holds "fluctuation"; "three" is glossed by a numeral.
    for (const word of ['wang', 'fang', 'fluctuation', 'three', 'assess']) expect(terms).not.toContain(word);
    expect(terms[0]).toBe('gradually');
  });
});
