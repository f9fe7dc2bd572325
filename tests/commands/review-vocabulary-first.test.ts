// Issue 15, item 3, through `parley import` and `parley review` in-process: an article whose
// vocabulary notes come last. The first session shows the vocabulary card for 渡轮 before the first
// sentence that holds it, and the vocabulary for 码头 before its sentence on the same day. The
// article is made up for this test.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { readJournal } from '../../src/store/journal.js';
import { tempHome } from '../helpers/cli.js';
import { parleyIn } from '../helpers/in-process.js';
import { journalOf } from '../helpers/journal.js';

const ARTICLE = `渡口的早晨

每天早上七点,第一班渡轮从小岛出发。船上坐满了去城里上班的人。

Every morning at seven, the first ferry leaves the island. It is full of people going to work in the city.

遇到大雾的时候,大家就在码头上喝茶聊天。

When there is thick fog, everyone drinks tea and chats on the pier.

*渡轮(ferry,往返于两岸之间运送乘客的船)

*码头(pier / wharf,船停靠的地方)
`;

it('the first session shows each vocabulary card before the sentence that holds its term', async () => {
  const home = tempHome();
  const file = join(home, 'ferry.txt');
  writeFileSync(file, ARTICLE);
  expect((await parleyIn(['import', file], { home })).code).toBe(0);
  const deck = JSON.parse(readFileSync(join(home, 'decks', 'ferry.json'), 'utf8')) as { notes: { id: string; zh: string }[] };
  const idOf = (zh: string) => deck.notes.find((n) => n.zh === zh)!.id;

  // Five new cards, each revealed and graded Good, then quit.
  const env = { PARLEY_NOW: '2026-11-30T09:00:00.000Z' };
  const result = await parleyIn(['review', '--direction', 'zh-en', '--new', '5'], { home, env, terminal: { isTTY: true, input: ' 3 3 3 3 3q' } });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const graded = readJournal(journalOf(home)).entries.map((e) => e.entry.type === 'review' && e.entry.cardId);
  expect(graded).toEqual([
    `${idOf('渡轮')}:zh-en`,
    `${idOf('每天早上七点,第一班渡轮从小岛出发。')}:zh-en`,
    `${idOf('船上坐满了去城里上班的人。')}:zh-en`,
    `${idOf('码头')}:zh-en`,
    `${idOf('遇到大雾的时候,大家就在码头上喝茶聊天。')}:zh-en`,
  ]);
});
