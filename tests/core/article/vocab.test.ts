import { describe, expect, it } from 'vitest';
import { parseVocabLine } from '../../../src/core/article/vocab-note.js';
import { parsePinyinIndex } from '../../../src/core/text/pinyin.js';
import { analyseArticle } from '../../../src/core/article/index.js';

describe('parseVocabLine', () => {
  it('reads a starred Chinese term with its English and a remark in brackets', () => {
    expect(parseVocabLine('*夜市(night market, 常见于台湾和东南亚)', false)).toEqual([
      { term: '夜市', gloss: 'night market', lang: 'zh', note: '常见于台湾和东南亚' },
    ]);
  });

  it('reads an English word with its part of speech and Chinese gloss', () => {
    expect(parseVocabLine('*resilient(adj.)有韧性的、能迅速恢复的', false)).toEqual([
      { term: 'resilient', gloss: '有韧性的、能迅速恢复的', lang: 'en', pos: 'adj.' },
    ]);
    expect(parseVocabLine('harvest n. 收获；收成', false)).toEqual([{ term: 'harvest', gloss: '收获；收成', lang: 'en', pos: 'n.' }]);
    expect(parseVocabLine('gloomy /ˈɡluːmi/ adj. 阴暗的', false)).toEqual([
      { term: 'gloomy', gloss: '阴暗的', lang: 'en', pos: 'adj.' },
    ]);
  });

  it('reads English then Chinese in brackets after a short lead-in, and numbered notes', () => {
    expect(parseVocabLine('另外Plan B(备用方案):原计划失败时使用。', false)).toEqual([
      { term: '备用方案', gloss: 'Plan B', lang: 'zh', note: '原计划失败时使用。' },
    ]);
    expect(parseVocabLine('2.夜市(Night Market)', false)).toEqual([{ term: '夜市', gloss: 'Night Market', lang: 'zh' }]);
  });

  it('reads term: gloss and two-column glossaries when the sides are in different languages', () => {
    expect(parseVocabLine('人工智能：artificial intelligence', false)).toEqual([
      { term: '人工智能', gloss: 'artificial intelligence', lang: 'zh' },
    ]);
    expect(parseVocabLine('lantern      灯笼', false)).toEqual([{ term: 'lantern', gloss: '灯笼', lang: 'en' }]);
    expect(parseVocabLine('灯笼\tdēng long\tlantern', false)).toEqual([{ term: '灯笼', gloss: 'lantern', lang: 'zh' }]);
  });

  it('leaves Chinese explanations of Chinese words alone, and plain sentences', () => {
    expect(parseVocabLine('夜市=晚上开的市场;', false)).toBeUndefined();
    expect(parseVocabLine('1.逛夜市:晚上去市场走走', false)).toBeUndefined();
    expect(parseVocabLine('我们晚上去夜市吃东西。', false)).toBeUndefined();
    expect(parseVocabLine('We went to the night market.', false)).toBeUndefined();
  });

  it('is lenient inside a vocabulary list', () => {
    expect(parseVocabLine('lantern 灯笼', true)).toEqual([{ term: 'lantern', gloss: '灯笼', lang: 'en' }]);
    expect(parseVocabLine('lantern 灯笼', false)).toBeUndefined();
  });
});

describe('vocabulary in an article', () => {
  const article = [
    '我们晚上去了夜市。那里的灯笼很漂亮。',
    '',
    'We went to the night market in the evening. The lanterns there were beautiful.',
    '',
    '*夜市(night market)',
    '',
    '【生词】',
    'lantern 灯笼',
    '夜市：night market',
  ].join('\n');

  it('merges a term noted twice, adds pinyin and the pair that uses the term', () => {
    const pinyin = parsePinyinIndex('# test index\n夜\tyè\n市\tshì\n');
    const { vocab } = analyseArticle(article, { pinyin });
    expect(vocab.map((v) => [v.term, v.gloss, v.lang])).toEqual([
      ['夜市', 'night market', 'zh'],
      ['lantern', '灯笼', 'en'],
    ]);
    expect(vocab[0]!.pinyin).toBe('yè shì');
    expect(vocab[0]!.context).toEqual({ zh: '我们晚上去了夜市。', en: 'We went to the night market in the evening.' });
    expect(vocab[1]!.context?.en).toBe('The lanterns there were beautiful.');
  });
});
