import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Deck } from '../../src/core/deck/note.js';
import type { CardState, JournalEntry } from '../../src/core/srs/card-state.js';
import { UserError } from '../../src/core/errors.js';
import { writeDeck } from '../../src/store/deck-files.js';
import { appendJournal, readJournal, readJournalSince } from '../../src/store/journal.js';
import { withLock } from '../../src/store/lock.js';
import { Store } from '../../src/store/store.js';
import { tempHome } from '../helpers/cli.js';

const NOW = '2026-11-29T10:00:00.000Z';

function state(reps: number): CardState {
  return { due: NOW, stability: reps, difficulty: 5, elapsed_days: 0, scheduled_days: 1, learning_steps: 0, reps, lapses: 0, state: 2, last_review: NOW };
}

function review(id: string, cardId: string, before: CardState | null, after: CardState, deck = 'd'): JournalEntry {
  return { type: 'review', id, at: NOW, deck, cardId, rating: 3, durationMs: 100, before, after };
}

describe('journal', () => {
  it('appends lines and reads them back with offsets', () => {
    const file = join(tempHome(), 'journal.jsonl');
    const first = readJournal(file);
    expect(first.entries).toEqual([]);
    const end = appendJournal(file, first.end, 0, [review('a', 'c1', null, state(1)), review('b', 'c2', null, state(1))]);
    expect(end.line).toBe(3);
    const read = readJournal(file);
    expect(read.entries.map((e) => e.entry.id)).toEqual(['a', 'b']);
    expect(read.end).toEqual(end);
    expect(readJournal(file, { offset: read.entries[1]!.offset, line: 2 }).entries.map((e) => e.entry.id)).toEqual(['b']);
  });

  it('drops a torn last line on the next append, and completes a line that lost its newline', () => {
    const file = join(tempHome(), 'journal.jsonl');
    appendJournal(file, { offset: 0, line: 1 }, 0, [review('a', 'c1', null, state(1))]);
    appendFileSync(file, '{"type":"rev');
    const torn = readJournal(file);
    expect(torn.tornBytes).toBe(12);
    appendJournal(file, torn.end, torn.tornBytes, [review('b', 'c1', state(1), state(2))]);
    expect(readJournal(file).entries.map((e) => e.entry.id)).toEqual(['a', 'b']);

    writeFileSync(file, readFileSync(file, 'utf8').trimEnd());
    const unterminated = readJournal(file);
    expect(unterminated.tornBytes).toBe(0);
    appendJournal(file, unterminated.end, 0, [review('c', 'c1', state(2), state(3))]);
    expect(readJournal(file).entries.map((e) => e.entry.id)).toEqual(['a', 'b', 'c']);
  });

  it('refuses a garbled line in the middle with file:line', () => {
    const file = join(tempHome(), 'journal.jsonl');
    writeFileSync(file, `${JSON.stringify(review('a', 'c', null, state(1)))}\n{oops}\n${JSON.stringify(review('b', 'c', null, state(1)))}\n`);
    expect(() => readJournal(file)).toThrow(`${file}:2: not a review journal entry`);
  });
});

describe('reading the journal backwards', () => {
  it('returns the entries since an instant, across chunk boundaries, oldest first', () => {
    const file = join(tempHome(), 'journal.jsonl');
    const day = 86_400_000;
    const start = Date.parse('2026-11-20T00:00:00Z');
    // 1,000 entries an hour apart (~300 KB, several 64 KB chunks), the last ones ten minutes apart.
    const entries = Array.from({ length: 1000 }, (_, i) => ({ ...review(`e${i}`, `c${i % 7}`, null, state(1)), at: new Date(start + i * 3_600_000).toISOString() }));
    appendJournal(file, { offset: 0, line: 1 }, 0, entries);
    const since = new Date(start + 990 * 3_600_000);
    expect(readJournalSince(file, since).map((e) => e.id)).toEqual(entries.slice(990).map((e) => e.id));
    expect(readJournalSince(file, new Date(start - day)).length).toBe(1000);
    expect(readJournalSince(join(tempHome(), 'none.jsonl'), since)).toEqual([]);
  });
});

describe('store', () => {
  it('replays the journal past the state file', async () => {
    const home = tempHome();
    const a = new Store(home);
    a.commit([review('1', 'c1', null, state(1))]);
    await a.save(true);
    a.commit([review('2', 'c1', state(1), state(2)), review('3', 'c2', null, state(1))]);
    const b = new Store(home);
    expect(b.states('d').get('c1')).toEqual(state(2));
    expect(b.states('d').get('c2')).toEqual(state(1));
    const filed = JSON.parse(readFileSync(join(home, 'state.json'), 'utf8'));
    expect(filed.cards.d.id).toEqual(['c1']);
  });

  it('refuses a grade on a card another session changed meanwhile, then accepts it re-based', () => {
    const home = tempHome();
    const a = new Store(home);
    const b = new Store(home);
    expect(a.states('d').size).toBe(0);
    expect(b.states('d').size).toBe(0);
    expect(a.commit([review('1', 'c1', null, state(1))])).toEqual({ ok: true });
    expect(b.commit([review('2', 'c1', null, state(5))])).toEqual({ ok: false, conflicts: ['c1'] });
    expect(b.states('d').get('c1')).toEqual(state(1));
    expect(b.commit([review('2', 'c1', state(1), state(2))])).toEqual({ ok: true });
    expect(new Store(home).journal().map((e) => e.id)).toEqual(['1', '2']);
  });

  it('undo restores the state before the review', () => {
    const home = tempHome();
    const s = new Store(home);
    s.commit([review('1', 'c1', null, state(1))]);
    s.commit([{ type: 'undo', id: 'u', at: NOW, deck: 'd', cardId: 'c1', target: '1', before: state(1), restored: null }]);
    expect(s.states('d').has('c1')).toBe(false);
    expect(new Store(home).states('d').has('c1')).toBe(false);
  });

  it('keeps decks apart and loads a deck added later', async () => {
    const home = tempHome();
    const s = new Store(home);
    s.commit([review('1', 'c1', null, state(1), 'x'), review('2', 'c1', null, state(7), 'y')]);
    await s.save(true);
    s.commit([review('3', 'c1', state(1), state(2), 'x')]);
    const fresh = new Store(home);
    expect(fresh.states('y').get('c1')).toEqual(state(7));
    expect(fresh.states('x').get('c1')).toEqual(state(2));
  });
});

describe('outlines', () => {
  it('made by rules of an older release are made anew from the deck file', async () => {
    const home = tempHome();
    const deck: Deck = {
      format: 'parley-deck/1', name: 'talks', slug: 'talks', source: { sha256: '0'.repeat(64) },
      notes: [
        { id: 's1', kind: 'sentence', zh: '他们谈了。', en: 'The dialogues began.', order: 0 },
        { id: 'v1', kind: 'vocab', zh: '对话', en: 'dialogue', lang: 'en', order: 1 },
      ],
    };
    const s = new Store(home);
    writeDeck(s.paths, deck);
    expect(s.deckCards('talks')!.pairs).toEqual([1, 0]);
    await s.save(true);
    const file = join(home, 'state.json');
    // As a release before OUTLINE_RULES left it: no version, and no plural found.
    const old = JSON.parse(readFileSync(file, 'utf8'));
    delete old.outlineRules;
    old.decks.talks.pairs = [];
    writeFileSync(file, JSON.stringify(old));
    const after = new Store(home);
    expect(after.deckCards('talks')!.pairs).toEqual([1, 0]);
    await after.save();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ outlineRules: 2, decks: { talks: { pairs: [1, 0] } } });
  });
});

describe('lock', () => {
  it('takes over a lock whose owner is gone and gives it back', () => {
    const home = tempHome();
    const lock = join(home, '.lock');
    writeFileSync(lock, '999999999\n');
    expect(withLock(lock, () => 42)).toBe(42);
    expect(() => readFileSync(lock)).toThrow();
  });

  it('takes over a lock and a lock breaker both left by killed processes, and leaves neither', () => {
    const home = tempHome();
    const lock = join(home, '.lock');
    writeFileSync(lock, '999999999\n');
    writeFileSync(`${lock}.break`, '999999998\n');
    expect(withLock(lock, () => 7)).toBe(7);
    expect(readdirSync(home)).toEqual([]);
  });

  it('waits, then says who holds it', () => {
    const lock = join(tempHome(), '.lock');
    writeFileSync(lock, `${process.pid}\n`);
    const started = Date.now();
    expect(() => withLock(lock, () => 1)).toThrow(UserError);
    expect(Date.now() - started).toBeGreaterThan(5000);
  }, 20_000);
});
