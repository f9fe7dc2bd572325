// Attack (issue 10, item 12; since issue 12 the one state file, state.json): a schedule snapshot whose watermark points into
// the middle of a journal line. parley started reading the journal there and blamed the journal:
// "journal.jsonl:13: not a review journal entry — fix or remove that line by hand", advice that
// would have the user destroy valid history to cure a damaged cache.
// Fix: a watermark that is not at a line start (the byte before it is not a newline, or its line
// number cannot go with its offset) means the snapshot does not belong to this journal. The
// journal is the truth and the snapshot only a cache of it, so the snapshot is ignored, the deck
// replayed from the whole journal, and a one-line warning names the snapshot; the journal is never
// touched, and the snapshot is only rewritten by a later save after that warning.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { tempHome } from '../helpers/cli.js';
import { parleyIn } from '../helpers/in-process.js';
import { makeHome, reviewState } from '../helpers/home-fixture.js';
import { journalOf } from '../helpers/journal.js';

const NOW = '2026-11-29T10:00:00.000Z';

async function homeWithTail(): Promise<string> {
  const home = tempHome();
  await makeHome(home, { decks: 1, notesPerDeck: 20, reviewed: 10, now: new Date(NOW) });
  // Reviews past the snapshot, so the journal is read from the watermark on.
  const store = new Store(home);
  const deck = JSON.parse(readFileSync(join(home, 'decks', 'deck-0.json'), 'utf8'));
  for (let i = 12; i < 15; i++) {
    const cardId = `${deck.notes[i].id}:zh-en`;
    expect(store.commit([{ type: 'review', id: `late-${i}`, at: NOW, deck: 'deck-0', cardId, rating: 3, durationMs: 900, before: null, after: reviewState(new Date(NOW), i) }])).toEqual({ ok: true });
  }
  return home;
}

describe('a state file whose journal place is not at a line start', () => {
  for (const [what, move] of [
    ['points mid-line', (w: { offset: number; line: number }) => ({ offset: w.offset - 40, line: w.line })],
    ['has a line number that cannot go with its offset', (w: { offset: number; line: number }) => ({ offset: 0, line: w.line })],
  ] as const) {
    it(`${what}: the state is rebuilt from the journal with a warning naming the file, the journal is not blamed or touched`, async () => {
      const home = await homeWithTail();
      // What the same home says when the state file is simply gone.
      const clean = tempHome();
      cpSync(home, clean, { recursive: true });
      rmSync(join(clean, 'state.json'));
      const expected = await parleyIn(['show', 'deck-0', '--json'], { home: clean, env: { PARLEY_NOW: NOW } });
      expect(expected.code).toBe(0);

      const file = join(home, 'state.json');
      const filed = JSON.parse(readFileSync(file, 'utf8'));
      const [device] = Object.keys(filed.journals);
      filed.journals[device!] = { ...filed.journals[device!], ...move(filed.journals[device!]) };
      writeFileSync(file, JSON.stringify(filed));
      const journal = readFileSync(journalOf(home));

      const first = await parleyIn(['show', 'deck-0', '--json'], { home, env: { PARLEY_NOW: NOW } });
      expect(first.code, first.stderr).toBe(0);
      const warnings = first.stderr.trim().split('\n');
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toBe(`parley: ${join(home, 'state.json')} names a place that is not where a line of ${journalOf(home)} starts: rebuilt it from the journal`);
      expect(warnings[0]).not.toMatch(/\.jsonl:\d+/);
      expect(first.stdout).toBe(expected.stdout);
      // Rebuilt once, the state file is right again: nothing more to say.
      for (const args of [['show', 'deck-0', '--json'], ['decks', '--json'], ['stats', '--json']]) {
        const result = await parleyIn(args, { home, env: { PARLEY_NOW: NOW } });
        expect(result.code, `${args[0]}: ${result.stderr}`).toBe(0);
        expect(result.stderr).toBe('');
        if (args[0] === 'show') expect(result.stdout).toBe(expected.stdout);
      }
      expect(readFileSync(journalOf(home)).equals(journal)).toBe(true);
    });
  }
});
