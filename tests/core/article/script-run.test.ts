import { describe, expect, it } from 'vitest';
import { scriptRuns } from '../../../src/core/article/script-run.js';
import { readLines } from '../../../src/core/article/source-line.js';

describe('a line with several switches of language', () => {
  it('splits into one run per stretch of each language, at sentence ends', () => {
    expect(scriptRuns('He left early.  他很早就走了。She stayed.  她留下了。')).toEqual([
      'He left early.',
      '他很早就走了。',
      'She stayed.',
      '她留下了。',
    ]);
    // A Chinese passage, its English and the next Chinese passage, as a PDF text layer runs them together.
    expect(
      scriptRuns('湖边有一座小木屋。屋里住着一位老渔夫。 There is a small cabin by the lake. An old fisherman lives in it. 每天清晨他都去钓鱼。'),
    ).toEqual(['湖边有一座小木屋。屋里住着一位老渔夫。', 'There is a small cabin by the lake. An old fisherman lives in it.', '每天清晨他都去钓鱼。']);
  });

  it('keeps bracketed asides and quotations in the sentence that holds them', () => {
    expect(scriptRuns('今年的出口额(export volume)增长了三成。 Exports grew by thirty percent this year.')).toEqual([
      '今年的出口额(export volume)增长了三成。',
      'Exports grew by thirty percent this year.',
    ]);
    expect(scriptRuns('老师在黑板上写道：Practice makes perfect. 同学们都笑了。')).toBeUndefined();
    expect(scriptRuns('The sign on the door said “请勿打扰。” and we walked away.')).toBeUndefined();
    expect(scriptRuns('We visited Suzhou (苏州). The gardens were quiet.')).toBeUndefined();
  });

  it('needs every run to be a whole sentence', () => {
    expect(scriptRuns('价格上涨了。 Prices')).toBeUndefined();
    expect(scriptRuns('Prices rose sharply. 上涨')).toBeUndefined();
    expect(scriptRuns('街角书店 The Corner Bookshop')).toBeUndefined();
  });

  it('gives each run a line of its own, with the line number they share', () => {
    const lines = readLines('标题\nRain fell all night.  雨下了一整夜。The river rose.  河水上涨了。');
    expect(lines.map((l) => [l.text, l.line])).toEqual([
      ['标题', 1],
      ['Rain fell all night.', 2],
      ['雨下了一整夜。', 2],
      ['The river rose.', 2],
      ['河水上涨了。', 2],
    ]);
  });
});

describe('a line with more switches than any page has', () => {
  it('is refused in one line before alignment starts', () => {
    const line = 'He left early.  他很早就走了。'.repeat(1500);
    expect(() => readLines(line)).toThrow(/line 1 switches between Chinese and English 2,999 times/);
  });
});
