// Found by `npm run reliability` (corruption): a journal emptied or truncated below a snapshot's
// watermark was read as "nothing new since the snapshot", and the next grade was appended at the
// new end of the file — before the watermark, where every later load skipped it. An acknowledged
// review was lost without a word. Now parley refuses, naming the journal, and writes nothing.
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempHome } from '../helpers/cli.js';
import { parleyIn } from '../helpers/in-process.js';
import { makeHome } from '../helpers/home-fixture.js';
import { journalOf } from '../helpers/journal.js';

const NOW = '2026-11-29T10:00:00Z';

describe('a journal shorter than a snapshot says it was', () => {
  for (const [what, damage] of [
    ['emptied', (path: string) => writeFileSync(path, '')],
    ['truncated at a line end', (path: string) => {
      const text = readFileSync(path, 'utf8');
      truncateSync(path, Buffer.byteLength(text.slice(0, text.indexOf('\n', text.length / 3) + 1)));
    }],
  ] as const) {
    it(`refuses when the journal was ${what}, names it and writes nothing`, async () => {
      const home = tempHome();
      await makeHome(home, { decks: 1, notesPerDeck: 20, reviewed: 10, now: new Date(NOW) });
      const journal = journalOf(home);
      damage(journal);
      const before = readFileSync(journal);
      const deck = JSON.parse(readFileSync(join(home, 'decks', 'deck-0.json'), 'utf8'));
      for (const args of [['decks', '--json'], ['suspend', deck.notes[15].id], ['stats', '--json']]) {
        const result = await parleyIn(args, { home, env: { PARLEY_NOW: NOW } });
        expect(result.code, args.join(' ')).toBe(1);
        expect(result.stderr.trim().split('\n')).toHaveLength(1);
        expect(result.stderr).toContain(journal);
        expect(result.stderr).not.toMatch(/\n\s+at /);
      }
      expect(readFileSync(journal).equals(before)).toBe(true);
    });
  }
});
