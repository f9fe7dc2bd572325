import { describe, expect, it } from 'vitest';
import { asideNotes } from '../../../src/core/article/aside.js';
import { analyseArticle, parseLexicon } from '../../../src/core/article/index.js';

/** CC-CEDICT-like senses, as the build writes them: stop words already gone. */
const lexicon = parseLexicon(
  [
    '外汇\tforeign exchange',
    '储备\tstore reserves',
    '利润\tprofit',
    '公司\tcompany firm',
    '学习\tlearn study',
    '学生\tstudent',
    '生活\tlife live living',
    '需要\tneed require',
    '提供\toffer supply provide',
    '住房\thousing',
    '补贴\tsubsidy allowance',
    '政府\tgovernment',
    '承诺\tpromise',
    '挪威\tnorway',
    '代表\trepresentative',
    '访问\tvisit',
    '城市\tcity town',
    '轨\ttrack rail',
    '对话\tdialogue',
    '群岛\tarchipelago islands',
    '农\tagriculture',
    '市场\tmarket',
    '居民\tresident',
    '合作\tcooperate cooperation',
    '加强\tstrengthen',
    '贸易\ttrade commerce',
    '顺差\tsurplus',
    '中国\tchina',
    '今年\tthis year',
    '增加\tincrease',
    '会计\taccountant accounting',
    '现金\tcash',
    '现金流\tcash flow',
    '增量\tincrement',
    '火车站\ttrain station',
    '有名\tfamous',
    '老兵\tsoldier veteran',
    '高兴\thappy glad',
  ]
    .sort()
    .join('\n'),
);

const terms = (text: string) => asideNotes(text, lexicon).map((n) => `${n.term}=${n.gloss}`);

describe('an English aside in running Chinese', () => {
  it('glosses the shortest run of words before it that the dictionary ties to the English', () => {
    expect(terms('今年我国的外汇储备(foreign exchange reserves)继续增加。')).toEqual(['外汇储备=foreign exchange reserves']);
    expect(terms('中国的贸易顺差(surplus)今年增加了。')).toEqual(['顺差=surplus']);
    expect(terms('政府承诺提供住房补贴(provide housing subsidies)。')).toEqual(['提供住房补贴=provide housing subsidies']);
  });

  it('reaches back over 的 when the English needs it, and over both sides of an and', () => {
    expect(terms('学校关心学生学习和生活上的需要(learning and living needs)。')).toEqual(['学习和生活上的需要=learning and living needs']);
  });

  it('lets a grammar word close a term whose first English word has no match, and guesses no other start', () => {
    expect(terms('我们在火车站(railway station)见面。')).toEqual(['火车站=railway station']);
    // 物质 alone is 'matter': the modifier's start is not where the dictionary's words divide.
    expect(terms('剪纸被列入了人类非物质文化遗产(intangible cultural heritage)。')).not.toContain('文化遗产=intangible cultural heritage');
  });

  it('glosses a modifier with its particle', () => {
    expect(terms('孩子们高兴地(happily)唱歌。')).toEqual(['高兴地=happily']);
  });

  it('takes a quoted term whole', () => {
    expect(terms('年轻人常说的“佛系”(Buddha-like)是什么意思?')).toEqual(['佛系=Buddha-like']);
  });

  it('reads full-width brackets and a space before or inside them, as PDF text has', () => {
    expect(terms('代表团访问了挪威 (Norway)。')).toEqual(['挪威=Norway']);
    expect(terms('代表团访问了挪威（ Norway）。')).toEqual(['挪威=Norway']);
  });

  it('without a dictionary match, takes a short phrase set apart by a grammar word', () => {
    expect(terms('这座城市的缆车(cable car)很方便。')).toEqual(['缆车=cable car']);
    expect(terms('这座城市新修缆车(cable car)。')).toEqual([]);
  });

  it('skips a term whose start the evidence leaves open', () => {
    // "farmers" has no match: the term may start before 市场.
    expect(terms('小镇的农贸市场(farmers market)搬走了。')).toEqual([]);
    // A name half matched is the end of a longer name.
    expect(terms('他们去了巴利阿里群岛(Balearic Islands)。')).toEqual([]);
    // A lone character before a lone character: a word the dictionary lacks.
    expect(terms('先说一轨对话(Track One)。')).toEqual([]);
    // A quantifier the dictionary does not list: the term may hold its Chinese too.
    expect(terms('大多数居民(most residents)都很高兴。')).toEqual([]);
  });

  it('is no vocabulary when the brackets hold a clause, an acronym, a part of speech or Chinese', () => {
    expect(terms('双方同意加强合作(both sides agreed to strengthen their cooperation in many areas)。')).toEqual([]);
    expect(terms('世界卫生组织(WHO)发布了报告。')).toEqual([]);
    expect(terms('利润(n.)')).toEqual([]);
    expect(terms('利润(2023)增加了。')).toEqual([]);
  });

  it('leaves an English aside in English text alone', () => {
    expect(terms('The company (a small firm) made a profit.')).toEqual([]);
  });

  it('reads English glossed by Chinese the same way, when every Chinese word is accounted for', () => {
    expect(asideNotes('先从 accounting profit（会计利润）说起。', lexicon)).toEqual([{ term: 'accounting profit', gloss: '会计利润', lang: 'en' }]);
    expect(asideNotes('Watch the cash flow (现金流) closely.', lexicon)).toEqual([{ term: 'cash flow', gloss: '现金流', lang: 'en' }]);
    expect(asideNotes('They made a profit (他们赚了钱).', lexicon)).toEqual([]);
    expect(asideNotes('We use Python（一种编程语言）.', lexicon)).toEqual([]);
  });

  it('needs a dictionary', () => {
    expect(asideNotes('中国的贸易顺差(surplus)今年增加了。', undefined)).toEqual([]);
  });
});

describe('asides in an article', () => {
  const article = [
    '今年中国的贸易顺差(surplus)增加了。政府承诺提供住房补贴(provide housing subsidies)。',
    '',
    "This year China's trade surplus grew. The government promised to provide housing subsidies.",
  ].join('\n');

  it('become vocabulary items, and the sentence keeps its aside', () => {
    const analysis = analyseArticle(article, { lexicon });
    expect(analysis.vocab.map((v) => [v.term, v.gloss, v.lang])).toEqual([
      ['顺差', 'surplus', 'zh'],
      ['提供住房补贴', 'provide housing subsidies', 'zh'],
    ]);
    expect(analysis.pairs[0]!.zh).toBe('今年中国的贸易顺差(surplus)增加了。');
    expect(analysis.vocab[0]!.context).toEqual({ zh: analysis.pairs[0]!.zh, en: analysis.pairs[0]!.en });
  });

  it('add nothing for a word the article also lists, whichever side the list makes the term', () => {
    const withList = `${article}\n\nWords\n\nsurplus n. 顺差\n`;
    expect(analyseArticle(withList, { lexicon }).vocab.map((v) => [v.term, v.gloss])).toEqual([
      ['提供住房补贴', 'provide housing subsidies'],
      ['surplus', '顺差'],
    ]);
  });

  it('count only where an article glosses common words that way, not where it spells out names', () => {
    const names = ['代表团访问了挪威 (Norway)。', '', 'The delegation visited Norway.'].join('\n');
    expect(analyseArticle(names, { lexicon }).vocab).toEqual([]);
  });
});
