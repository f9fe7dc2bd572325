// Attack: "量子力学是描述微观粒子行为的物理学理论。" followed by "The cat sat on the mat…" imported as a
// card: the aligner kept any 1-1 bead whose lengths agreed, and two sentences of a size always agree.
// Fix: a bead that shares no dictionary word, number or Latin name, with words enough on both sides
// for the dictionary to judge, is kept only when it is likelier a translation than not (the document's
// own match rate and length model against unrelated sentences), or when pairs that do share words
// stand before and after it in the same stretch of text. Otherwise it is skipped as "not a
// translation of each other". All sentences below are made up for this test.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseArticle, parseLexicon } from '../../src/core/article/index.js';
import { UserError } from '../../src/core/errors.js';
import { ROOT, tempHome } from '../helpers/cli.js';
import { parleyIn } from '../helpers/in-process.js';

const lexiconFile = join(ROOT, 'dist', 'lexicon.utf16le');
// The built CC-CEDICT index (npm test builds first): the judgement is the dictionary's.
const lexicon = parseLexicon(readFileSync(lexiconFile).toString('utf16le'));
const analyse = (text: string) => analyseArticle(text, { lexicon });
const REASON = 'not a translation of each other';

/** Different topics, lengths that agree. */
const UNRELATED: [string, string][] = [
  ['量子力学是描述微观粒子行为的物理学理论。', 'The cat sat on the mat and watched the birds outside.'],
  ['我奶奶每天早上在公园里打太极拳。', 'The new bridge will open to traffic next spring after long delays.'],
  ['这家餐厅的饺子又便宜又好吃。', 'Scientists have found water ice near the south pole of the moon.'],
  ['暴雨导致好几条高速公路被迫关闭。', 'She plays the violin in the school orchestra on Fridays.'],
  ['他的手机昨天晚上在地铁上被偷了。', 'Our company will hire forty engineers before the end of the year.'],
  ['图书馆周末延长开放时间到晚上十点。', 'Penguins cannot fly, but they are excellent swimmers.'],
];

/** Loose but true: paraphrase, idiom, numbers written differently, a proverb. */
const TRANSLATIONS: [string, string][] = [
  ['他说话总是拐弯抹角，从不直接说出自己的想法。', 'He never says what he thinks; he always beats around the bush.'],
  ['这次考试对他来说简直是小菜一碟。', 'For him, this exam was a piece of cake.'],
  ['去年这座城市接待了大约三千五百万名游客。', 'Last year the city welcomed about 35 million tourists.'],
  ['会议将于2025年3月12日在上海举行。', 'The meeting will take place in Shanghai on 12 March 2025.'],
  ['别担心，船到桥头自然直。', "Don't worry, things will work themselves out."],
  ['她一进门就把湿透的雨伞扔在了地上。', 'As soon as she came in, she dropped her soaking umbrella on the floor.'],
  ['我们队以三比一赢得了比赛。', 'Our team won the match three to one.'],
  ['这本小说我看了三遍，还是觉得很感人。', 'I have read this novel three times and it still moves me.'],
];

const BAKERY_ZH = '我家附近新开了一家面包店。每天早上，店门口都排着长队。他们做的全麦面包特别受欢迎。';
const BAKERY_EN = 'A new bakery has opened near my home. Every morning there is a long queue outside the shop. Their wholemeal bread is especially popular.';
const RIVER_ZH = '周末我常常带孩子去河边骑自行车。河边的空气很新鲜，风景也很美。';
const RIVER_EN = 'At weekends I often take my children cycling by the river. The air by the river is fresh and the scenery is beautiful.';

describe('two unrelated sentences are not a card', () => {
  it.each(UNRELATED)('%s / %s', (zh, en) => {
    expect(() => analyse(`${zh}\n\n${en}\n`)).toThrow(UserError);
  });

  it('nor is a paragraph of them', () => {
    const zh = UNRELATED.slice(1, 4).map(([z]) => z).join('');
    const en = UNRELATED.slice(1, 4).map(([, e]) => e).join(' ');
    expect(() => analyse(`${zh}\n\n${en}\n`)).toThrow(UserError);
  });

  it('an unrelated paragraph pair inside an article is skipped, with the reason', () => {
    const [zh, en] = UNRELATED[0]!;
    const analysis = analyse([BAKERY_ZH, BAKERY_EN, zh, en, RIVER_ZH, RIVER_EN].join('\n\n'));
    expect(analysis.pairs).toHaveLength(5);
    expect(analysis.pairs.map((p) => p.zh)).not.toContain(zh);
    expect(analysis.skipped).toContainEqual(expect.objectContaining({ text: `${zh} / ${en}`, reason: REASON }));
  });

  it('so is one added at the end of a paragraph and its translation', () => {
    const [zh, en] = UNRELATED[2]!;
    const analysis = analyse([BAKERY_ZH + zh, `${BAKERY_EN} ${en}`, RIVER_ZH, RIVER_EN].join('\n\n'));
    expect(analysis.pairs.map((p) => p.zh)).toEqual([...BAKERY_ZH.split(/(?<=。)/), ...RIVER_ZH.split(/(?<=。)/)].filter(Boolean));
    expect(analysis.skipped.map((s) => s.reason)).toContain(REASON);
  });

  it('through the CLI: the issue\'s example makes no card', async () => {
    const file = join(tempHome(), 'unrelated.txt');
    writeFileSync(file, `${UNRELATED[0]![0]}\n\n${UNRELATED[0]![1]}\n`);
    const result = await parleyIn(['import', file, '--dry-run', '--json'], { home: tempHome() });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^parley: .*could not match any sentence to its translation — /);
  });
});

describe('loose but true translations stay cards', () => {
  it.each(TRANSLATIONS)('%s / %s', (zh, en) => {
    expect(analyse(`${zh}\n\n${en}\n`).pairs.map((p) => [p.zh, p.en])).toEqual([[zh, en]]);
  });

  it('all of them as one paragraph and its translation', () => {
    const analysis = analyse(`${TRANSLATIONS.map(([z]) => z).join('')}\n\n${TRANSLATIONS.map(([, e]) => e).join(' ')}\n`);
    expect(analysis.pairs.map((p) => [p.zh, p.en])).toEqual(TRANSLATIONS);
    expect(analysis.skipped.map((s) => s.reason)).not.toContain(REASON);
  });
});
