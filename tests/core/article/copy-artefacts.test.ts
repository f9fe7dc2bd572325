import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closeHanGaps, joinHyphenatedLines, lostCharacters } from '../../../src/core/article/copy-artefacts.js';
import { analyseArticle } from '../../../src/core/article/index.js';
import { readLines } from '../../../src/core/article/source-line.js';

const texts = (lines: string[]) => joinHyphenatedLines(lines).map((l) => l.text);

describe('closeHanGaps', () => {
  it('drops a space between two Chinese characters, or beside full-width punctuation, in running text', () => {
    expect(closeHanGaps('他在北京师 范大学读书，学的是历 史。')).toBe('他在北京师范大学读书，学的是历史。');
    expect(closeHanGaps('天气很好 。我们出门了 ，很开心。')).toBe('天气很好。我们出门了，很开心。');
    expect(closeHanGaps('雨停了,我们去公 园散步。')).toBe('雨停了,我们去公园散步。');
  });

  it('keeps spaces beside Latin letters and digits, and two or more spaces that align columns', () => {
    expect(closeHanGaps('2013 年 7 月，他去了 Paris 学习。')).toBe('2013 年 7 月，他去了 Paris 学习。');
    expect(closeHanGaps('春天来了。 Spring has come.')).toBe('春天来了。 Spring has come.');
    expect(closeHanGaps('风筝  kite，纸鸢  paper kite。')).toBe('风筝  kite，纸鸢  paper kite。');
    expect(closeHanGaps('他们说，北京  上海都很大。')).toBe('他们说，北京  上海都很大。');
  });

  it('leaves lines that are not running Chinese text: navigation bars, titles with a subtitle', () => {
    expect(closeHanGaps('首页 新闻 双语 阅读 关于我们')).toBe('首页 新闻 双语 阅读 关于我们');
    expect(closeHanGaps('双语阅读：城市里的小菜园 一个阳台的故事')).toBe('双语阅读：城市里的小菜园 一个阳台的故事');
  });
});

describe('joinHyphenatedLines', () => {
  it('joins a word hyphenated across a line break, keeping the first line number', () => {
    expect(joinHyphenatedLines(['It is impor-', 'tant to rest.', 'Next line.'])).toEqual([
      { text: 'It is important to rest.', line: 1 },
      { text: 'Next line.', line: 3 },
    ]);
    expect(texts(['a very com-', 'pli-', 'cated case'])).toEqual(['a very complicated case']);
  });

  it('keeps the hyphen of a compound: a usual first half, a chain, an upper-case or digit continuation', () => {
    expect(texts(['a well-', 'known writer'])).toEqual(['a well-known writer']);
    expect(texts(['a self-', 'made man'])).toEqual(['a self-made man']);
    expect(texts(['a state-of-the-', 'art lab'])).toEqual(['a state-of-the-art lab']);
    expect(texts(['the Sino-', 'British talks'])).toEqual(['the Sino-British talks']);
    expect(texts(['in mid-', '2019'])).toEqual(['in mid-2019']);
  });

  it('follows how the text itself writes the word elsewhere', () => {
    expect(texts(['a long-', 'term plan', 'and a long-term view'])).toEqual(['a long-term plan', 'and a long-term view']);
    expect(texts(['a fine book-', 'shop', 'the bookshop was old'])).toEqual(['a fine bookshop', 'the bookshop was old']);
    expect(texts(['a cross-', 'roads town', 'at the crossroads'])).toEqual(['a crossroads town', 'at the crossroads']);
    expect(texts(['a part-', 'time job', 'she works part-time'])).toEqual(['a part-time job', 'she works part-time']);
  });

  it('leaves dashes, list markers and a hyphen before a blank line or Chinese alone', () => {
    expect(texts(['He paused -', 'then left.'])).toEqual(['He paused -', 'then left.']);
    expect(texts(['wait--', 'what?'])).toEqual(['wait--', 'what?']);
    expect(texts(['end of para-', '', 'graph'])).toEqual(['end of para-', '', 'graph']);
    expect(texts(['see-', '中文'])).toEqual(['see-', '中文']);
    expect(texts(['- one', '- two'])).toEqual(['- one', '- two']);
  });

  it('keeps every line number on a line readLines gives', () => {
    const lines = readLines('标题\n\nShe was impor-\ntant.\n北京师 范大学，很大。').map((l) => [l.line, l.text]);
    expect(lines).toEqual([[1, '标题'], [2, ''], [3, 'She was important.'], [5, '北京师范大学，很大。']]);
  });

  it('stays linear on a long line of letters ending in a hyphen', () => {
    const started = performance.now();
    joinHyphenatedLines([`${'a'.repeat(1_000_000)}-`, 'b'.repeat(1_000_000)]);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('lostCharacters', () => {
  const at = (text: string) => lostCharacters([{ text, line: 7 }]);

  it('flags a ? between Chinese characters that ends no question, and U+FFFD', () => {
    expect(at('他说?这是真的。')).toEqual([{ text: '他说?这是真的。', line: 7, reason: 'a character may be missing (?) — check this line against the source' }]);
    expect(at('我在北京?学读书。')).toHaveLength(1);
    expect(at('我在北京??读书。')).toHaveLength(1);
    expect(at('他叫王\ufffd。')[0]!.reason).toContain('(\ufffd)');
  });

  it('does not flag a half-width question mark after a question', () => {
    for (const text of ['你去哪儿?我去学校。', '你好吗?我很好。', '这是什么?是一本书。', '你来不来?快说。', '今天是星期几?星期三。']) {
      expect(at(text)).toEqual([]);
    }
  });

  it('does not flag ? beside Latin text, at a line end, or full-width ？', () => {
    expect(at('Is it true?是的。')).toEqual([]);
    expect(at('他真的来了?')).toEqual([]);
    expect(at('他说？这是真的。')).toEqual([]);
  });

  it('is reported in skipped while the pair is still a card', () => {
    const analysis = analyseArticle('我们在北京?学认识的。\n\nWe met at Beijing University.');
    expect(analysis.pairs.map((p) => p.zh)).toEqual(['我们在北京?学认识的。']);
    expect(analysis.skipped).toContainEqual({ text: '我们在北京?学认识的。', line: 1, reason: 'a character may be missing (?) — check this line against the source' });
  });

  it('stays linear on a long line of questions', () => {
    const started = performance.now();
    at('好吗?好'.repeat(200_000));
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('copy artefacts never throw', () => {
  it('on arbitrary lines', () => {
    const piece = fc.constantFrom('北京', '师 范', '-', 'impor-', 'tant', '?', '吗', ' ', '，', '\ufffd', 'a', 'A', '');
    fc.assert(
      fc.property(fc.array(fc.array(piece, { maxLength: 8 }).map((p) => p.join('')), { maxLength: 8 }), (lines) => {
        const joined = joinHyphenatedLines(lines);
        expect(joined.length).toBeLessThanOrEqual(lines.length);
        lostCharacters(joined.map((l) => ({ ...l, text: closeHanGaps(l.text) })));
      }),
    );
  });
});
