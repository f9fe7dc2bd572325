// A test outline of English headings, each with a Chinese remark in brackets, gave a card that paired
// two headings (`Part V Banked Cloze 10%（…）` as the "Chinese" of `Part II Vocabulary 15% (…)`, a
// shared number vouching for them; real page kept outside the repository): the Chinese of a long
// bracket outweighed the English around it, so the line was read as Chinese. Cause: classify
// (src/core/article/classify.ts) had isChineseAroundAsides for Chinese glossed in English brackets but
// not the mirror case. Fix: a line whose Chinese is all inside brackets, around English, is English.
import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../src/core/article/index.js';
import { loadLexicon } from '../../src/commands/artifacts.js';
import { classifyLines } from '../../src/core/article/classify.js';
import { readLines } from '../../src/core/article/source-line.js';

// The CLI's own dictionary (npm test builds it): the test lexicon knows too few words to place the outline.
const lexicon = loadLexicon(new URL('../../dist/', import.meta.url))!;

const ARTICLE = [
  '我们每天早上都去公园散步。',
  '',
  'We walk in the park every morning.',
  '',
  '公园里有很多老人在打太极拳。',
  '',
  'Many old people do tai chi in the park.',
  '',
  '回家以后，我们一起吃早饭。',
  '',
  'After we get home, we eat breakfast together.',
  '',
  '## Test outline',
  '',
  '- [ ] Part I Dictation 10% (Book 2 听说 Unit 5-7)',
  '- [ ] Part II Vocabulary 15% (Book 2 Unit 5-7 20个& Book 1 Unit 5-8 10个 来自词表）',
  '- [ ] Part III Translation 10% (短句翻译，来自Book 2 Unit 5-7)',
  '- [ ] Part IV Banked Cloze 10%（从15个单词中选10个填空，不用变换词形）',
  '- [ ] Part V Writing 15%',
].join('\n');

describe('English lines with Chinese remarks in brackets', () => {
  it('are read as English however long the remark', () => {
    const outline = classifyLines(readLines(ARTICLE)).filter((l) => l.text.startsWith('Part '));
    expect(outline.map((l) => l.kind)).toEqual(['en', 'en', 'en', 'en', 'en']);
  });

  it('are English, so two of them never make a card', () => {
    const analysis = analyseArticle(ARTICLE, { lexicon });
    expect(analysis.pairs.map((p) => [p.zh, p.en])).toEqual([
      ['我们每天早上都去公园散步。', 'We walk in the park every morning.'],
      ['公园里有很多老人在打太极拳。', 'Many old people do tai chi in the park.'],
      ['回家以后，我们一起吃早饭。', 'After we get home, we eat breakfast together.'],
    ]);
  });
});
