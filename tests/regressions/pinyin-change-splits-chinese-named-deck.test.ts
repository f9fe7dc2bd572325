// A deck's slug comes from its name's pinyin. When the pinyin reader changed (了 le, not liǎo),
// re-importing into a deck named in Chinese made a second deck beside the first, under the new
// slug, with the same name: the learner's history stayed with the old one.
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempHome } from '../helpers/cli.js';
import { parleyIn } from '../helpers/in-process.js';

const ARTICLE = [
  '我们回来了', '',
  '傍晚时分，渔船一艘接一艘地靠了岸。', 'Towards evening the fishing boats came ashore one after another.', '',
  '码头上的灯一盏盏亮了起来。', 'One by one the lamps on the pier came on.', '',
].join('\n');

/** A home whose deck was written under the slug the older reader gave its name. */
async function homeWithOldSlug(args: string[], input?: string) {
  const home = tempHome();
  const result = await parleyIn(args, { home, input });
  expect(result.code, result.stderr).toBe(0);
  const decks = join(home, 'decks');
  const [file] = readdirSync(decks);
  expect(file).toBe('wo-men-hui-lai-le.json');
  const deck = JSON.parse(readFileSync(join(decks, file!), 'utf8'));
  writeFileSync(join(decks, file!), `${JSON.stringify({ ...deck, slug: 'wo-men-hui-lai-liao' }, null, 2)}\n`);
  renameSync(join(decks, file!), join(decks, 'wo-men-hui-lai-liao.json'));
  return home;
}

describe('re-importing into a deck named in Chinese after its slug\'s pinyin changed', () => {
  it('adds to the deck of that name, wherever its file is', async () => {
    const article = join(tempHome(), 'boats.txt');
    writeFileSync(article, ARTICLE);
    const home = await homeWithOldSlug(['import', article, '--deck', '我们回来了']);
    const again = await parleyIn(['import', article, '--deck', '我们回来了'], { home });
    expect(again.code, again.stderr).toBe(0);
    expect(readdirSync(join(home, 'decks'))).toEqual(['wo-men-hui-lai-liao.json']);
    expect(again.stdout).toContain('added 0');
  });

  it('adds to the deck the same article made when no name was given', async () => {
    const home = await homeWithOldSlug(['import', '-'], ARTICLE);
    const again = await parleyIn(['import', '-'], { home, input: ARTICLE });
    expect(again.code, again.stderr).toBe(0);
    expect(readdirSync(join(home, 'decks'))).toEqual(['wo-men-hui-lai-liao.json']);
  });
});
