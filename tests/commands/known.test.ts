import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { noteId } from '../../src/core/deck/id.js';
import { cardId, DECK_FORMAT, type Deck, type Note } from '../../src/core/deck/note.js';
import { writeDeck } from '../../src/store/deck-files.js';
import { Store } from '../../src/store/store.js';
import { tempHome } from '../helpers/cli.js';
import { reviewState } from '../helpers/home-fixture.js';
import { parleyIn } from '../helpers/in-process.js';

const listed = async (home: string) => JSON.parse((await parleyIn(['known', 'list', '--json'], { home })).stdout) as { word: string; source: string }[];

describe('parley known', () => {
  it('adds words once each, as compared (case, width, quotes), to this device\'s list', async () => {
    const home = tempHome();
    expect(await parleyIn(['known', 'add', '邻居', 'Weather', '“茶叶”'], { home })).toEqual({
      code: 0, stdout: 'known: added 3 words; parley will not suggest them\n', stderr: '',
    });
    expect(await parleyIn(['known', 'add', 'weather', 'ＷＥＡＴＨＥＲ', '天气'], { home })).toMatchObject({
      code: 0, stdout: 'known: added 1 word (1 was known already); parley will not suggest them\n',
    });
    expect(await listed(home)).toEqual(['邻居', 'weather', '茶叶', '天气'].map((word) => ({ word, source: 'said' })));
    const device = (await parleyIn(['config', 'get', 'device'], { home })).stdout.trim();
    expect(readdirSync(join(home, 'known'))).toEqual([`${device}.txt`]);
    expect((await parleyIn(['known', 'list'], { home })).stdout).toBe('邻居\nweather\n茶叶\n天气\n');
  });

  it('imports a word list: one word a line or a table\'s first column, saying which lines named none', async () => {
    const home = tempHome();
    const list = join(tempHome(), 'hsk.txt');
    writeFileSync(list, 'HSK 3\n\n邻居\tlín jū\tneighbour\n茶叶 chá yè tea\nweather, n.\n2026\n邻居\n');
    const result = await parleyIn(['known', 'import', list], { home });
    expect(result).toEqual({
      code: 0,
      stdout: 'known: added 3 words; parley will not suggest them\n',
      stderr: 'parley: passed over 2 lines that name no word (1, 6) — check them if they should\n',
    });
    expect((await listed(home)).map((w) => w.word)).toEqual(['邻居', '茶叶', 'weather']);
  });

  it('reads a GB18030 list as it reads an article', async () => {
    const home = tempHome();
    const list = join(tempHome(), 'gbk.txt');
    // 邻居 and 茶叶 in GB18030.
    writeFileSync(list, Buffer.from([0xc1, 0xda, 0xbe, 0xd3, 0x0a, 0xb2, 0xe8, 0xd2, 0xb6, 0x0a]));
    expect((await parleyIn(['known', 'import', list, '--encoding', 'gb18030'], { home })).code).toBe(0);
    expect((await listed(home)).map((w) => w.word)).toEqual(['邻居', '茶叶']);
  });

  it.each([
    [['known', 'add', '12'], 2, /^parley: "12" is not a word — /],
    [['known', 'add', '...'], 2, /^parley: "\.\.\." is not a word — /],
    [['known', 'import', '/nonexistent/list.txt'], 1, /^parley: no such file: \/nonexistent\/list\.txt — /],
  ])('refuses %j in one line, exit %i, and makes no home', async (args, code, message) => {
    const home = join(tempHome(), 'never-made');
    const result = await parleyIn(args, { home });
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(home)).toBe(false);
  });

  it('refuses a list that names no word, and a binary file, changing nothing', async () => {
    const home = tempHome();
    await parleyIn(['known', 'add', '邻居'], { home });
    const before = readFileSync(join(home, 'known', readdirSync(join(home, 'known'))[0]!), 'utf8');
    const empty = join(tempHome(), 'numbers.txt');
    writeFileSync(empty, '1\n2\nHSK 4\n');
    const binary = join(tempHome(), 'list.bin');
    writeFileSync(binary, Buffer.from([0, 1, 2, 3, 0xff, 0, 0, 7, 0, 0]));
    for (const file of [empty, binary]) {
      const result = await parleyIn(['known', 'import', file], { home });
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(readFileSync(join(home, 'known', readdirSync(join(home, 'known'))[0]!), 'utf8')).toBe(before);
  });

  it('lists nothing in a home that has none, and says how to add', async () => {
    const home = join(tempHome(), 'none');
    expect(await parleyIn(['known', 'list'], { home })).toMatchObject({ code: 0, stdout: '' });
    expect(await listed(home)).toEqual([]);
    expect(existsSync(home)).toBe(false);
  });

  it('reads every device\'s list, and passes over files that are not a device\'s', async () => {
    const home = tempHome();
    await parleyIn(['known', 'add', '邻居'], { home });
    writeFileSync(join(home, 'known', 'laptop-1a2b3c4d.txt'), '天气\n邻居\nnot a word 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15\n');
    writeFileSync(join(home, 'known', 'notes.md'), '茶叶\n');
    expect((await listed(home)).map((w) => w.word).sort()).toEqual(['天气', '邻居']);
  });

  it('lists the terms of vocabulary cards stable for three weeks as learnt, after the words said', async () => {
    const home = tempHome();
    const store = new Store(home);
    const vocab = (zh: string, en: string, order: number): Note => ({ id: noteId('vocab', [zh, en]), kind: 'vocab', zh, en, lang: 'zh', order });
    const notes = [vocab('邻居', 'neighbour', 0), vocab('茶叶', 'tea leaves', 1), vocab('天气', 'weather', 2)];
    const deck: Deck = { format: DECK_FORMAT, name: 'Words', slug: 'words', source: { sha256: '0' }, notes };
    writeDeck(store.paths, deck);
    store.wrote(deck);
    const now = new Date('2026-11-30T09:00:00Z');
    // Stability 21 and 20 days: the first is learnt, the second not yet.
    const stabilities = [21, 20];
    store.commit(stabilities.map((stability, i) => ({
      type: 'review', id: `r${i}`, at: now.toISOString(), deck: 'words', cardId: cardId(notes[i]!.id, 'zh-en'),
      rating: 3, durationMs: 3000, before: null, after: { ...reviewState(now, i), stability },
    })));
    await store.save(true);
    await parleyIn(['known', 'add', '天气', '邻居'], { home });
    // A word both said and learnt is listed once, as said.
    expect(await listed(home)).toEqual([{ word: '天气', source: 'said' }, { word: '邻居', source: 'said' }]);
    rmSync(join(home, 'known'), { recursive: true });
    expect(await listed(home)).toEqual([{ word: '邻居', source: 'learnt' }]);
  });
});
