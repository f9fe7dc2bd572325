import { describe, expect, it } from 'vitest';
import { parseVocabLine } from '../../../src/core/article/vocab-note.js';
import { parsePinyinIndex } from '../../../src/core/text/pinyin.js';
import { analyseArticle } from '../../../src/core/article/index.js';

describe('parseVocabLine', () => {
  it('reads a starred Chinese term with its English and a remark in brackets', () => {
    expect(parseVocabLine('*夜市(night market, 常见于台湾和东南亚)', 'prose')).toEqual([
      { term: '夜市', gloss: 'night market', lang: 'zh', note: '常见于台湾和东南亚' },
    ]);
  });

  it('reads an English word with its part of speech and Chinese gloss', () => {
    expect(parseVocabLine('*resilient(adj.)有韧性的、能迅速恢复的', 'prose')).toEqual([
      { term: 'resilient', gloss: '有韧性的、能迅速恢复的', lang: 'en', pos: 'adj.' },
    ]);
    expect(parseVocabLine('harvest n. 收获；收成', 'prose')).toEqual([{ term: 'harvest', gloss: '收获；收成', lang: 'en', pos: 'n.' }]);
    expect(parseVocabLine('gloomy /ˈɡluːmi/ adj. 阴暗的', 'prose')).toEqual([
      { term: 'gloomy', gloss: '阴暗的', lang: 'en', pos: 'adj.' },
    ]);
  });

  it('reads English then Chinese in brackets after a short lead-in, and numbered notes', () => {
    expect(parseVocabLine('另外Plan B(备用方案):原计划失败时使用。', 'prose')).toEqual([
      { term: '备用方案', gloss: 'Plan B', lang: 'zh', note: '原计划失败时使用。' },
    ]);
    expect(parseVocabLine('2.夜市(Night Market)', 'prose')).toEqual([{ term: '夜市', gloss: 'Night Market', lang: 'zh' }]);
  });

  it('reads term: gloss and two-column glossaries when the sides are in different languages', () => {
    expect(parseVocabLine('人工智能：artificial intelligence', 'prose')).toEqual([
      { term: '人工智能', gloss: 'artificial intelligence', lang: 'zh' },
    ]);
    expect(parseVocabLine('lantern      灯笼', 'prose')).toEqual([{ term: 'lantern', gloss: '灯笼', lang: 'en' }]);
    expect(parseVocabLine('灯笼\tdēng long\tlantern', 'prose')).toEqual([{ term: '灯笼', gloss: 'lantern', lang: 'zh' }]);
  });

  it('leaves Chinese explanations of Chinese words alone, and plain sentences', () => {
    expect(parseVocabLine('夜市=晚上开的市场;', 'prose')).toBeUndefined();
    expect(parseVocabLine('1.逛夜市:晚上去市场走走', 'prose')).toBeUndefined();
    expect(parseVocabLine('我们晚上去夜市吃东西。', 'prose')).toBeUndefined();
    expect(parseVocabLine('We went to the night market.', 'prose')).toBeUndefined();
  });

  it('takes a glossary header row for column names, not an item', () => {
    expect(parseVocabLine('中文\tEnglish', 'list')).toBeUndefined();
    expect(parseVocabLine('Word\t释义', 'prose')).toBeUndefined();
    expect(parseVocabLine('书包\tschool bag', 'prose')).toEqual([{ term: '书包', gloss: 'school bag', lang: 'zh' }]);
  });

  it('does not read a role and a name in running text as a term and its gloss', () => {
    expect(parseVocabLine('摄影：Maria Lopez', 'prose')).toBeUndefined();
    expect(parseVocabLine('主持人: Tom', 'glossary')).toBeUndefined();
    expect(parseVocabLine('书包：school bag', 'prose')).toEqual([{ term: '书包', gloss: 'school bag', lang: 'zh' }]);
  });

  it('reads a Chinese term explained in Chinese only among other notes', () => {
    expect(parseVocabLine('潮汐:海水每天有规律的涨落', 'glossary')).toEqual([{ term: '潮汐', gloss: '海水每天有规律的涨落', lang: 'zh' }]);
    expect(parseVocabLine('潮汐:海水每天有规律的涨落', 'prose')).toBeUndefined();
    expect(parseVocabLine('他说:我们明天再来。', 'glossary')).toBeUndefined();
  });

  it('is lenient inside a vocabulary list', () => {
    expect(parseVocabLine('lantern 灯笼', 'list')).toEqual([{ term: 'lantern', gloss: '灯笼', lang: 'en' }]);
    expect(parseVocabLine('lantern 灯笼', 'prose')).toBeUndefined();
  });
});

describe('a Chinese term in a word list', () => {
  it('keeps its reading and part of speech out of the gloss', () => {
    expect(parseVocabLine('房租 fángzū n. rent', 'list')).toEqual([{ term: '房租', gloss: 'rent', lang: 'zh', pos: 'n.', pinyin: 'fángzū' }]);
    expect(parseVocabLine('散步 sàn bù v. to take a walk', 'list')).toEqual([{ term: '散步', gloss: 'to take a walk', lang: 'zh', pos: 'v.', pinyin: 'sàn bù' }]);
    expect(parseVocabLine('灯笼 deng1 long2 lantern', 'list')).toEqual([{ term: '灯笼', gloss: 'lantern', lang: 'zh', pinyin: 'deng1 long2' }]);
    // No reading: a gloss that starts like a part of speech is left as it is.
    expect(parseVocabLine('码头\tquay', 'list')).toEqual([{ term: '码头', gloss: 'quay', lang: 'zh' }]);
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
