// Found while moving the tests to per-device journals: a home copied to another place is another
// device (src/store/device.ts). Renaming a deck there, on a clock standing still (PARLEY_NOW) or
// behind the first device's, gave the rename line the same time as the suspensions it had already
// seen; replay order put the copy's line first when its device id sorted first, so the rename moved
// the deck's states before the suspensions and they stayed behind under the old name. A line now says
// which of other devices' lines it follows, and replay puts it after them.
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempHome } from '../helpers/cli.js';
import { parleyIn } from '../helpers/in-process.js';

const env = { PARLEY_NOW: '2026-03-01T09:00:00.000Z', TZ: 'UTC' };
const article = join(ROOT, 'tests', 'fixtures', 'articles', 'dumplings-zh-en-annotated', 'article.txt');

describe('a deck renamed on a copy of the home, at the same instant as the suspensions it holds', () => {
  it('keeps every suspension, whichever device id sorts first', async () => {
    for (let round = 0; round < 6; round++) {
      const home = join(tempHome(), 'home');
      expect((await parleyIn(['import', article, '--deck', 'dumplings'], { home, env })).code).toBe(0);
      const notes = (JSON.parse(readFileSync(join(home, 'decks', 'dumplings.json'), 'utf8')) as { notes: { id: string }[] }).notes;
      for (const note of notes.slice(0, 2)) expect((await parleyIn(['suspend', note.id], { home, env })).code).toBe(0);
      const copy = join(tempHome(), 'copy');
      cpSync(home, copy, { recursive: true });
      const renamed = await parleyIn(['deck', 'rename', 'dumplings', 'jiaozi'], { home: copy, env });
      expect(renamed.stderr).toBe('');
      const decks = JSON.parse((await parleyIn(['decks', '--json'], { home: copy, env })).stdout) as { slug: string; suspended: number }[];
      expect(decks).toEqual([expect.objectContaining({ slug: 'jiaozi', suspended: 4 })]);
    }
  });
});
