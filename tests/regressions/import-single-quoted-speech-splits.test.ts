// Speech in single quotes was cut at every ! inside it (`And was like 'Undo! Undo! Undo!!!` made three
// English sentences) while the Chinese kept its “…！…！” whole, so the aligner had to glue four English
// pieces to one Chinese sentence, found that dearer than moving the sentence before it, and paired the
// wrong halves (real_netease_online_crush: 91.9 merge-tolerant F1). Cause: quoteSpans
// (src/core/text/span.ts) paired “” 「」 and straight double quotes but not single quotes, and a
// quotation whose closer the page lost at the end of a paragraph was not held together either.
// Fix: single quotes open at the start of a word and close at the end of one (so apostrophes are
// left alone), and a quotation that opens on a capital close to the end of the text runs to it.
import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../src/core/article/index.js';
import { splitEnglish } from '../../src/core/text/sentence-en.js';
import { tinyLexicon } from '../core/article/fixtures.js';

const texts = (s: string) => splitEnglish(s).map((x) => x.text);

describe('single-quoted speech', () => {
  it('stays one sentence, closed or with its closer lost at the end', () => {
    expect(texts("She shouted 'Wait! Wait for me!' and ran after the bus.")).toEqual([
      "She shouted 'Wait! Wait for me!' and ran after the bus.",
    ]);
    expect(texts("I panicked. And I kept shouting 'Stop! Stop! Open the door!!!")).toEqual([
      'I panicked.',
      "And I kept shouting 'Stop! Stop! Open the door!!!",
    ]);
  });

  it('pairs the speech with its Chinese and leaves the sentence before it alone', () => {
    const article = [
      'The doors closed behind me. Then I saw that my red bag was still lying on a bench at the far end of the platform. And I panicked. And I kept shouting \'Stop! Stop! Open the door!!!',
      '车门在我身后关上了。这时我看见我的红包还在站台的长椅上，离我很远。我慌了，一直在喊：“停车！停车！开门！”',
    ].join('\n');
    const pairs = analyseArticle(article, { lexicon: tinyLexicon }).pairs.map((p) => [p.zh, p.en]);
    expect(pairs).toContainEqual(['我慌了，一直在喊：“停车！停车！开门！”', "And I panicked. And I kept shouting 'Stop! Stop! Open the door!!!"]);
  });
});
