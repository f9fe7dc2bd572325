// Day one in a real terminal (issue 15): an article whose vocabulary note comes last still shows
// the vocabulary card first, just before the sentence that uses its term.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parley, tempHome } from '../helpers/cli.js';
import { journalLines } from '../helpers/journal.js';
import { runInTerminal } from '../helpers/pty.js';

const MONDAY = '2026-11-30T09:00:00.000Z';

// Written for this test.
const HARBOUR = [
  '港口的早晨', '',
  '天刚亮，渔民们就在码头上忙着卸货。', '', 'At daybreak the fishermen were already busy unloading on the pier.', '',
  '海鸥围着刚回来的渔船飞来飞去。', '', 'Gulls wheeled round the boats that had just come back.', '',
  '*码头(pier)', '',
].join('\n');

describe('vocabulary first, in a terminal', () => {
  it('shows a vocabulary card before the sentence that uses its term, on day one', async () => {
    const home = tempHome();
    const article = join(tempHome(), 'harbour.txt');
    writeFileSync(article, HARBOUR);
    const env = { PARLEY_NOW: MONDAY };
    const plan = JSON.parse(parley(['import', article, '--dry-run', '--json'], { home, env }).stdout);
    expect(plan.vocab.map((v: { term: string; source: string }) => [v.term, v.source])).toEqual([['码头', 'article']]);
    expect(parley(['import', article], { home, env }).status).toBe(0);

    const term = runInTerminal(['review', '--direction', 'zh-en'], { PARLEY_HOME: home, PARLEY_NOW: MONDAY, NO_COLOR: '1', TZ: 'UTC' });
    // The vocabulary card: the term alone on the front, not the sentence.
    const first = await term.waitFor(/码头[\s\S]*space/);
    expect(first).not.toContain('天刚亮');
    term.mark();
    term.type(' ');
    const back = await term.waitFor(/pier[\s\S]*3 Good/);
    // Its back marks the term in the sentence it came from.
    expect(back).toContain('【码头】');
    term.mark();
    term.type('3');
    const second = await term.waitFor(/天刚亮，渔民们就在码头上忙着卸货。/);
    expect(second).not.toContain('【码头】');
    term.type('q');
    expect(await term.exited).toBe(0);

    const reviewed = journalLines(home).map((l) => JSON.parse(l)).filter((e) => e.type === 'review').map((e) => e.cardId);
    expect(reviewed).toEqual([`${plan.vocab[0].id}:zh-en`]);
  }, 60_000);
});
