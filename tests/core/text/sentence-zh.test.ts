import { describe, expect, it } from 'vitest';
import { splitChinese } from '../../../src/core/text/sentence-zh.js';

const texts = (s: string) => splitChinese(s).map((x) => x.text);

describe('splitChinese', () => {
  it('splits after 。！？ and half-width ! ?', () => {
    expect(texts('我今天很忙。你呢？太好了！真的吗?好!')).toEqual(['我今天很忙。', '你呢？', '太好了！', '真的吗?', '好!']);
  });

  it('keeps closing quotes and brackets with their sentence', () => {
    expect(texts('他说：“我明天来。”然后走了。（这是真的。）')).toEqual(['他说：“我明天来。”', '然后走了。', '（这是真的。）']);
  });

  it('keeps a quotation of several sentences whole', () => {
    expect(texts('老师说：“今天不上课。大家回家吧。”学生们很高兴。')).toEqual([
      '老师说：“今天不上课。大家回家吧。”',
      '学生们很高兴。',
    ]);
  });

  it('does not split at ； or at a decimal point', () => {
    expect(texts('价格是3.5元；数量很少。他想了想。没有说话。')).toEqual(['价格是3.5元；数量很少。', '他想了想。', '没有说话。']);
  });

  it('does not end a sentence inside a book title or full-width brackets (issue 11, item 6)', () => {
    expect(texts('我昨天读完了《等待……黎明》。它讲的是一个小镇的故事。')).toEqual(['我昨天读完了《等待……黎明》。', '它讲的是一个小镇的故事。']);
    expect(texts('他很早就到了（那天下雨！路很滑）。我们都很感动。')).toEqual(['他很早就到了（那天下雨！路很滑）。', '我们都很感动。']);
    expect(texts('他很早就到了(那天下雨！路很滑)。我们都很感动。')).toEqual(['他很早就到了(那天下雨！路很滑)。', '我们都很感动。']);
  });

  it('reports where each sentence starts', () => {
    expect(splitChinese('  你好。 再见。').map((s) => s.start)).toEqual([2, 6]);
  });

  it('is linear: a long text splits quickly', () => {
    const long = '这是一个很长的句子，里面有很多逗号。'.repeat(20_000);
    const t = performance.now();
    expect(splitChinese(long)).toHaveLength(20_000);
    expect(performance.now() - t).toBeLessThan(2_000);
  });
});

describe('an ellipsis inside a Chinese sentence', () => {
  it('is a pause where the sentence plainly goes on, and an end elsewhere', () => {
    expect(texts('他想了想……嗯，还是算了吧。后来他走了。')).toEqual(['他想了想……嗯，还是算了吧。', '后来他走了。']);
    expect(texts('这个办法……的确不太好。')).toEqual(['这个办法……的确不太好。']);
    expect(texts('天慢慢黑了……她终于回到了家。')).toEqual(['天慢慢黑了……', '她终于回到了家。']);
    expect(texts('我只记得“那天下雨……”这几个字。')).toEqual(['我只记得“那天下雨……”这几个字。']);
    expect(texts('雨一直下……')).toEqual(['雨一直下……']);
    expect(texts('他等了很久……。天黑了。')).toEqual(['他等了很久……。', '天黑了。']);
  });
});
