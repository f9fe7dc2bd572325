import { describe, expect, it } from 'vitest';
import { readLines } from '../../../src/core/article/source-line.js';

const texts = (text: string) => readLines(text).filter((l) => !l.syntax && l.text).map((l) => l.text);

describe('a page saved as Markdown', () => {
  it('keeps no inline markup in the text', () => {
    expect(texts('<u>That is the heart of it.</u>')).toEqual(['That is the heart of it.']);
    expect(texts('As prices `rose sharply`, shops ==closed early==.')).toEqual(['As prices rose sharply, shops closed early.']);
    expect(texts('Confucius was a [thinker](http://example.org/a "思想家"), teacher and *writer*.')).toEqual([
      'Confucius was a thinker, teacher and writer.',
    ]);
    expect(texts('![cover](img/cover.png)江边的老城很安静。')).toEqual(['江边的老城很安静。']);
    expect(texts('<div class="english">The river was calm.</div>')).toEqual(['The river was calm.']);
  });

  it('reads a task list as a list', () => {
    expect(texts('- [ ] harbour n.港口\n- [x] lantern n.灯笼')).toEqual(['harbour n.港口', 'lantern n.灯笼']);
  });

  it('sets aside front matter, shortcodes and admonition markers', () => {
    const page = ['---', 'title: "江边的老城"', 'tags:', '  - 双语', '---', '{{< figure src="a.png" >}}', '::: note', '江边的老城很安静。', ':::', '!!! tip "提示"', 'The old town by the river is quiet.'];
    expect(texts(page.join('\n'))).toEqual(['江边的老城很安静。', 'The old town by the river is quiet.']);
  });

  it('takes a rule above the article for a rule, not front matter', () => {
    expect(texts(['---', '江边的老城很安静。', '---', 'The old town by the river is quiet.'].join('\n'))).toEqual([
      '江边的老城很安静。',
      'The old town by the river is quiet.',
    ]);
  });
});

describe('bare paragraph numbers', () => {
  it('are dropped where both halves of a pair carry the same one', () => {
    expect(texts('1 The library opens at nine.\n1 图书馆九点开门。\n2 It closes at six.\n2 六点关门。')).toEqual([
      'The library opens at nine.',
      '图书馆九点开门。',
      'It closes at six.',
      '六点关门。',
    ]);
  });

  it('stay where they belong to the sentence', () => {
    expect(texts('3 孩子在院子里玩。\nThree children were playing in the yard.')).toEqual(['3 孩子在院子里玩。', 'Three children were playing in the yard.']);
    expect(texts('5 月 1 日是劳动节。\n5 月的天气很好。')).toEqual(['5 月 1 日是劳动节。', '5 月的天气很好。']);
  });
});

describe('nested emphasis', () => {
  it('is taken off at both levels', () => {
    expect(texts('Reading ==was **proposed** as== a cure.')).toEqual(['Reading was proposed as a cure.']);
  });
});

describe('a note inside a line', () => {
  it('is a line of its own, set aside as a note', () => {
    expect(texts('她唱完了最后一首歌。【注：这首歌（《夏夜》）写于她十六岁那年。】大家都站了起来。')).toEqual([
      '她唱完了最后一首歌。大家都站了起来。',
      '【注：这首歌（《夏夜》）写于她十六岁那年。】',
    ]);
  });
});

describe('single-mark emphasis in Chinese', () => {
  it('is taken off as in English, and leaves arithmetic alone', () => {
    expect(texts('这是一个*真实*的故事。')).toEqual(['这是一个真实的故事。']);
    expect(texts('*真实*的故事')).toEqual(['真实的故事']);
    expect(texts('2*3*4 equals 24.')).toEqual(['2*3*4 equals 24.']);
  });
});
