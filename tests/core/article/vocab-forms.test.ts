import { describe, expect, it } from 'vitest';
import { classifyLines } from '../../../src/core/article/classify.js';
import { readLines } from '../../../src/core/article/source-line.js';
import { isVocabularyHeader, parseVocabLine } from '../../../src/core/article/vocab-note.js';
import { withoutMarkup } from '../../../src/core/article/markup.js';

const kinds = (text: string) => classifyLines(readLines(text)).map((l) => l.kind);
const notes = (text: string) =>
  classifyLines(readLines(text)).flatMap((l) => (l.vocab ?? []).map((n) => `${n.term}=${n.gloss}${n.pos ? ` (${n.pos})` : ''}`));

describe('word-list entries', () => {
  it('read a part of speech in square brackets, alone or several', () => {
    expect(parseVocabLine('otter [n.] 水獭', 'prose')).toEqual([{ term: 'otter', gloss: '水獭', lang: 'en', pos: 'n.' }]);
    expect(parseVocabLine('harvest [n./v.] 收获；收割', 'prose')).toEqual([{ term: 'harvest', gloss: '收获；收割', lang: 'en', pos: 'n./v.' }]);
  });

  it('leave out a pronunciation in slashes or brackets', () => {
    expect(parseVocabLine('compile [kəmˈpaɪl] v. 编纂', 'prose')).toEqual([{ term: 'compile', gloss: '编纂', lang: 'en', pos: 'v.' }]);
    expect(parseVocabLine('compile /kəmˈpaɪl/ v. 编纂', 'prose')).toEqual([{ term: 'compile', gloss: '编纂', lang: 'en', pos: 'v.' }]);
    expect(parseVocabLine('reassure v.使安心；打消疑虑', 'prose')).toEqual([{ term: 'reassure', gloss: '使安心；打消疑虑', lang: 'en', pos: 'v.' }]);
  });

  it('read the other brackets a part of speech comes in, or none, and leave an example out', () => {
    expect(parseVocabLine('drought 【n.】干旱', 'prose')).toEqual([{ term: 'drought', gloss: '干旱', lang: 'en', pos: 'n.' }]);
    expect(parseVocabLine('干旱 (n.) drought', 'prose')).toEqual([{ term: '干旱', gloss: 'drought', lang: 'zh', pos: 'n.' }]);
    expect(parseVocabLine('drought adj 干旱的', 'list')).toEqual([{ term: 'drought', gloss: '干旱的', lang: 'en', pos: 'adj.' }]);
    expect(parseVocabLine('drought [draʊt] n. 干旱，旱灾 例：The drought lasted two years.', 'prose')).toEqual([
      { term: 'drought', gloss: '干旱，旱灾', lang: 'en', pos: 'n.' },
    ]);
  });

  it('take a closing full stop off the gloss but keep an ellipsis whole', () => {
    expect(parseVocabLine('stay focused on ：专注于.', 'list')).toEqual([{ term: 'stay focused on', gloss: '专注于', lang: 'en' }]);
    expect(parseVocabLine('stay focused on ：专注于...', 'list')).toEqual([{ term: 'stay focused on', gloss: '专注于...', lang: 'en' }]);
  });

  it('keep a remark in brackets after the gloss as a note', () => {
    expect(parseVocabLine('winding [ˈwaɪndɪŋ] adj. 弯曲的 (wind v. 缠绕)', 'prose')).toEqual([
      { term: 'winding', gloss: '弯曲的', lang: 'en', pos: 'adj.', note: 'wind v. 缠绕' },
    ]);
    expect(parseVocabLine('双向的adj. mutual(相互的)', 'list')).toEqual([{ term: '双向的', gloss: 'mutual', lang: 'zh', pos: 'adj.', note: '相互的' }]);
  });

  it('read a list run into one line after its heading, as exam handouts print it', () => {
    expect(parseVocabLine('第一课 重点单词: · 道路n. road · 桥梁n. bridge · 修建v. build', 'prose')).toEqual([
      { term: '道路', gloss: 'road', lang: 'zh', pos: 'n.' },
      { term: '桥梁', gloss: 'bridge', lang: 'zh', pos: 'n.' },
      { term: '修建', gloss: 'build', lang: 'zh', pos: 'v.' },
    ]);
    expect(parseVocabLine('他说 · 她笑 · 它跑', 'prose')).toBeUndefined();
  });

  it('read a Chinese term glued to its part of speech and English', () => {
    expect(parseVocabLine('航线n. air route', 'prose')).toEqual([{ term: '航线', gloss: 'air route', lang: 'zh', pos: 'n.' }]);
    expect(parseVocabLine('航线 n. air route', 'list')).toEqual([{ term: '航线', gloss: 'air route', lang: 'zh', pos: 'n.' }]);
  });

  it('split a list entry where the script changes, phrases and commas included', () => {
    expect(parseVocabLine('数字经济 digital economy', 'list')).toEqual([{ term: '数字经济', gloss: 'digital economy', lang: 'zh' }]);
    expect(parseVocabLine('地区安全、稳定与发展 regional security, stability and development', 'list')).toEqual([
      { term: '地区安全、稳定与发展', gloss: 'regional security, stability and development', lang: 'zh' },
    ]);
    expect(parseVocabLine('look forward to 期待', 'list')).toEqual([{ term: 'look forward to', gloss: '期待', lang: 'en' }]);
    expect(parseVocabLine('数字经济 digital economy', 'prose')).toBeUndefined();
  });

  it('never take a whole sentence for a term or a gloss', () => {
    expect(parseVocabLine('She kept her promise.\t她遵守了诺言。', 'list')).toBeUndefined();
    expect(parseVocabLine('keep a promise\t他总是遵守诺言。', 'list')).toBeUndefined();
    expect(parseVocabLine('我们明天去公园。 We will go to the park.', 'list')).toBeUndefined();
    // Not `ma` with the part of speech `n.`.
    expect(parseVocabLine('He is a good man. 他是个好人。', 'prose')).toBeUndefined();
    expect(parseVocabLine('他是个好人 He is a good man', 'list')).toBeUndefined();
    expect(parseVocabLine('vt. 放弃', 'list')).toBeUndefined();
  });
});

describe('a word table saved as Markdown', () => {
  it('loses inline HTML, entities and emphasis in its cells', () => {
    expect(withoutMarkup('<span style="color:red">lantern</span>\t灯笼<br/>灯')).toBe('lantern\t灯笼；灯');
    expect(withoutMarkup('&emsp;ink stone\t砚台')).toBe('ink stone\t砚台');
    expect(withoutMarkup('*Spring Morning in the Han Palace*\t《汉宫春晓图》')).toBe('Spring Morning in the Han Palace\t《汉宫春晓图》');
    expect(withoutMarkup('*夜市(night market)')).toBe('*夜市(night market)');
  });

  it('may number its rows and give a pronunciation column', () => {
    expect(notes('| # | 单词 | 音标 | 释义 |\n|---|---|---|---|\n| 1 | **abandon** | /əˈbændən/ | v. 放弃 |')).toEqual(['abandon=放弃 (v.)']);
  });

  it('yields its rows as notes, a long title and a phrase included, but a sentence row as a sentence pair', () => {
    const table = [
      '| 单词 | 释义 |',
      '|---|---|',
      '| **calligraphy** | 书法 |',
      '| <span style="color:#c00">scroll</span><br/>[skrəʊl] | n. 卷轴；画卷 |',
      '| *Spring Morning in the Han Palace* | 《汉宫春晓图》 |',
      '| keep up | 坚持<br/>保持 |',
      '| He keeps up the habit. | 他一直保持这个习惯。 |',
    ].join('\n');
    expect(notes(table)).toEqual([
      'calligraphy=书法',
      'scroll=卷轴；画卷 (n.)',
      'Spring Morning in the Han Palace=《汉宫春晓图》',
      'keep up=坚持；保持',
    ]);
    expect(kinds(table).slice(-2)).toEqual(['en', 'zh']);
  });
});

describe('vocabulary headings', () => {
  it('are named in Chinese, in English or both', () => {
    for (const heading of ['重点词汇', '重点英语词汇:', '生词', '词汇', '单词', '短语', '相关词汇', '【词组】', 'Words', 'Notes:', 'Vocabulary', 'Glossary', 'Words and Expressions', '词汇 Vocabulary', 'Key Phrases']) {
      expect({ heading, header: isVocabularyHeader(heading) }).toEqual({ heading, header: true });
    }
    for (const line of ['词汇很重要。', 'Words fail me.', 'Notes from a small island']) expect(isVocabularyHeader(line)).toBe(false);
  });
});

describe('a list of `中文 English` terms', () => {
  it('is read under a heading, or as several lines with blank lines between, or after a bullet', () => {
    expect(notes('我们去看了展览。\n\n• 数字经济 digital economy\n')).toEqual(['数字经济=digital economy']);
    expect(notes('Words\n\n出行方式 ways of travel')).toEqual(['出行方式=ways of travel']);
    expect(notes('  • 共享单车 shared bikes\n\n  • 公共交通 public transport\n')).toEqual(['共享单车=shared bikes', '公共交通=public transport']);
  });

  it('is not a bilingual title, a lone line, or lines of a poem', () => {
    expect(notes('街角书店的秘密 The Secret of the Corner Bookshop\n第一章 Chapter One')).toEqual([]);
    expect(notes('共享单车 shared bikes')).toEqual([]);
    expect(notes('• 第一部分 Part One')).toEqual([]);
    expect(notes('床前明月光 the moon is bright before my bed\n低头思故乡 i think of my home')).toEqual([]);
  });
});
