// Found reviewing issue 10's fix: refusing Windows device names (con, nul, com1…) everywhere made a
// home that already had such a deck unusable — every journal line naming it was refused as "not a
// review journal entry", with advice to delete history. Device names are now refused only as new
// names; a deck file and journal lines that already use one keep working.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempHome } from '../helpers/cli.js';
import { journalOf } from '../helpers/journal.js';
import { parleyIn } from '../helpers/in-process.js';

const SAMPLE = join(ROOT, 'decks', 'morning-market.txt');
const env = { PARLEY_NOW: '2026-11-30T09:00:00.000Z' };

describe('a deck named com1 from before device names were refused', () => {
  it('is listed, its journal read, and it can be renamed away', async () => {
    const home = tempHome();
    expect((await parleyIn(['import', SAMPLE, '--deck', 'market'], { home })).code).toBe(0);
    const note = JSON.parse(readFileSync(join(home, 'decks', 'market.json'), 'utf8')).notes[0].id;
    expect((await parleyIn(['suspend', note], { home, env })).code).toBe(0);
    renameSync(join(home, 'decks', 'market.json'), join(home, 'decks', 'com1.json'));
    const journal = journalOf(home);
    writeFileSync(journal, readFileSync(journal, 'utf8').replaceAll('"deck":"market"', '"deck":"com1"'));
    const listed = await parleyIn(['decks', '--json'], { home, env });
    expect(listed.stderr).toBe('');
    expect(JSON.parse(listed.stdout)).toMatchObject([{ slug: 'com1', suspended: 2 }]);
    expect((await parleyIn(['deck', 'rename', 'com1', 'market'], { home, env })).code).toBe(0);
    expect(JSON.parse((await parleyIn(['decks', '--json'], { home, env })).stdout)).toMatchObject([{ slug: 'market', suspended: 2 }]);
    const refused = await parleyIn(['deck', 'rename', 'market', 'com2'], { home, env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/device name/);
  });
});
