import { describe, expect, it } from 'vitest';
import { chromeReason } from '../../../src/core/article/chrome.js';

describe('page chrome', () => {
  it('recognises breadcrumbs, navigation, datelines, prompts and slogans by their shape', () => {
    for (const [line, reason] of [
      ['首页 > 双语 > 阅读', 'breadcrumb'],
      ['当前位置: 首页 > 英语学习 > 双语新闻 >', 'breadcrumb'],
      ['Home › Culture › Books', 'breadcrumb'],
      ['首页 新闻 体育 财经 科技 旅游 网站地图', 'site navigation'],
      ['Home | News | Culture | Travel', 'site navigation'],
      ['2021-05-18 晨光双语 每日英语', 'dateline'],
      ['2020-03-07', 'dateline'],
      ['Jun 5th 2021 | BEIJING From the print edition', 'dateline'],
      ['Updated: September 12, 2020 08:15', 'dateline'],
      ['5H AGO', 'dateline'],
      ['3天前', 'dateline'],
      ['点击上方蓝字关注我们', 'share or follow prompt'],
      ['长按二维码识别', 'share or follow prompt'],
      ['Follow us on Weibo', 'share or follow prompt'],
      ['Your daily guide to city life. Join the conversation!', 'share or follow prompt'],
    ]) expect([line, chromeReason(line!)]).toEqual([line, reason]);
  });

  it('leaves sentences, titles and vocabulary alone', () => {
    for (const line of [
      '街角书店的秘密 The Secret of the Corner Bookshop',
      '关注青少年的睡眠问题',
      'Follow the river and you will reach the old mill.',
      'Join the two ends of the rope before you pull.',
      '2019年，这座城市新建了三座图书馆。',
      'On March 3, 2019, the museum opened its new wing.',
      '春天来了，花园里开满了花。',
      '大国外交 major country diplomacy',
      'The Old Man and the Sea',
      '热词 | 城市更新、夜间经济、垃圾分类。。。',
    ]) expect([line, chromeReason(line)]).toEqual([line, undefined]);
  });
});
