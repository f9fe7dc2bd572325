// A cloze card in a real terminal (issue 15): the context sentence with the term blanked and the
// gloss as a hint, then on the back the term, its pinyin, and the sentence with the term marked.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parley, tempHome } from '../helpers/cli.js';
import { journalLines } from '../helpers/journal.js';
import { runInTerminal } from '../helpers/pty.js';

const MONDAY = '2026-11-30T09:00:00.000Z';
const NOTE = 'v0c10ze00001';

/** A home with one deck of one vocabulary note, its two direction cards suspended so its cloze card comes first. */
function homeWithCloze(): string {
  const home = tempHome();
  mkdirSync(join(home, 'decks'), { recursive: true });
  const deck = {
    format: 'parley-deck/1', name: 'Harbour', slug: 'harbour', source: { sha256: '0' },
    notes: [{
      id: NOTE, kind: 'vocab', zh: '码头', en: 'pier', lang: 'zh', pos: 'n.', pinyin: 'mǎ tóu',
      context: { zh: '雾散以后,码头上的人才看见那条船。', en: 'Only when the fog lifted did the people on the pier see the boat.' },
      cloze: '码头', order: 0,
    }],
  };
  writeFileSync(join(home, 'decks', 'harbour.json'), `${JSON.stringify(deck, null, 2)}\n`);
  for (const card of ['zh-en', 'en-zh']) expect(parley(['suspend', `${NOTE}:${card}`], { home, env: { PARLEY_NOW: MONDAY } }).status).toBe(0);
  return home;
}

describe('a cloze card in a terminal', () => {
  it('blanks the term with the gloss as a hint, then shows the term, its pinyin and the sentence with the term marked', async () => {
    const home = homeWithCloze();
    const decks = JSON.parse(parley(['decks', '--json'], { home, env: { PARLEY_NOW: MONDAY } }).stdout);
    expect(decks[0]).toMatchObject({ notes: 1, cards: 3, new: 1, suspended: 2 });
    const term = runInTerminal(['review'], { PARLEY_HOME: home, PARLEY_NOW: MONDAY, NO_COLOR: '1', TZ: 'UTC' });
    const front = await term.waitFor(/cloze[\s\S]*雾散以后,____上的人才看见那条船。[\s\S]*hint: pier {2}n\./);
    expect(front).not.toContain('码头');
    term.mark();
    term.type(' ');
    const back = await term.waitFor(/雾散以后,【码头】上的人[\s\S]*mǎ tóu[\s\S]*3 Good/);
    expect(back).toMatch(/^ {2}码头\s*$/m);
    expect(back).toContain('Only when the fog lifted');
    term.mark();
    term.type('3');
    // Good on a new card: a learning step, back in ten minutes.
    await term.waitFor(/learn 1/);
    term.type('q');
    expect(await term.exited).toBe(0);
    expect(term.output()).toMatch(/cards done\s+1/);
    const entries = journalLines(home).map((l) => JSON.parse(l));
    expect(entries.filter((e) => e.type === 'review').map((e) => e.cardId)).toEqual([`${NOTE}:cloze`]);
    expect(JSON.parse(parley(['show', 'harbour', '--json'], { home, env: { PARLEY_NOW: MONDAY } }).stdout).notes[0].cards.map((c: { direction: string; state: string }) => `${c.direction} ${c.state}`))
      .toEqual(['zh-en suspended', 'en-zh suspended', 'cloze learning']);
  }, 60_000);

  it('in colour the term has the term colour on the back, brackets and all', async () => {
    const home = homeWithCloze();
    const term = runInTerminal(['review'], { PARLEY_HOME: home, PARLEY_NOW: MONDAY, FORCE_COLOR: '1', TZ: 'UTC' });
    await term.waitFor('____');
    term.mark();
    term.type(' ');
    await term.waitFor('【码头】');
    expect(term.raw()).toContain('\x1b[36m\x1b[1m【码头】');
    term.type('q');
    expect(await term.exited).toBe(0);
  }, 60_000);

  it('suspending a cloze card a note does not have says so and changes nothing', () => {
    const home = homeWithCloze();
    writeFileSync(join(home, 'decks', 'plain.json'), `${JSON.stringify({
      format: 'parley-deck/1', name: 'Plain', slug: 'plain', source: { sha256: '0' },
      notes: [{ id: 'v0plain00001', kind: 'vocab', zh: '船', en: 'boat', lang: 'zh', order: 0 }],
    }, null, 2)}\n`);
    const before = journalLines(home);
    const result = parley(['suspend', 'v0plain00001:cloze'], { home, env: { PARLEY_NOW: MONDAY } });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('parley: note v0plain00001 has no cloze card — its cards are v0plain00001:zh-en, v0plain00001:en-zh\n');
    expect(journalLines(home)).toEqual(before);
  });
});
