import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { CardEntry, CardState, JournalEntry } from '../../../src/core/srs/card-state.js';
import { Replay, replayOrder, type DeviceJournal } from '../../../src/core/srs/replay.js';

const state = (reps: number, extra: Partial<CardState> = {}): CardState => ({
  due: `2026-03-${String(1 + reps).padStart(2, '0')}T00:00:00.000Z`, stability: reps + 1, difficulty: 5,
  elapsed_days: 0, scheduled_days: reps, learning_steps: 0, reps, lapses: 0, state: 2, ...extra,
});

let ids = 0;
type Review = CardEntry & { type: 'review' };
const review = (at: string, card: string, before: CardState | null, after: CardState, deck = 'd'): Review =>
  ({ type: 'review', id: `r${ids++}`, at, deck, cardId: card, rating: 3, durationMs: 1000, before, after });
const suspend = (at: string, card: string, before: CardState | null): CardEntry =>
  ({ type: 'suspend', id: `s${ids++}`, at, deck: 'd', cardId: card, before, after: { ...(before ?? state(0)), suspended: true } });
const undo = (at: string, target: CardEntry & { type: 'review' }): CardEntry =>
  ({ type: 'undo', id: `u${ids++}`, at, deck: target.deck, cardId: target.cardId, target: target.id, before: target.after, restored: target.before });

const journal = (device: string, entries: JournalEntry[]): DeviceJournal => ({ device, entries: entries.map((entry, i) => ({ entry, line: i + 1 })) });

function replayed(journals: DeviceJournal[]): Map<string, Map<string, CardState>> {
  const replay = new Replay(new Map(), true);
  for (const { entry, key } of replayOrder(journals)) replay.apply(entry, key.device);
  return replay.cards;
}

describe('replay order', () => {
  test('time, then device, then line; a clock set back never reorders a device of its own', () => {
    const a1 = review('2026-03-01T10:00:00Z', 'c1', null, state(1));
    const a2 = review('2026-03-01T09:00:00Z', 'c2', null, state(1)); // this device's clock went back an hour
    const b1 = review('2026-03-01T09:30:00Z', 'c3', null, state(1));
    const b2 = review('2026-03-01T10:00:00Z', 'c4', null, state(1));
    const order = replayOrder([journal('b', [b1, b2]), journal('a', [a1, a2])]).map((k) => k.entry.id);
    expect(order).toEqual([b1.id, a1.id, a2.id, b2.id]);
  });
});

describe('replaying journals that met offline', () => {
  test('two grades of one card on two devices: both in the history, the later one in time sets the state', () => {
    const onA = review('2026-03-01T08:00:00Z', 'c', state(1), state(2, { stability: 9 }));
    const onB = review('2026-03-01T20:00:00Z', 'c', state(1), state(2, { stability: 4 }));
    const cards = replayed([journal('a', [onA]), journal('b', [onB])]);
    expect(cards.get('d')!.get('c')).toEqual(onB.after);
    expect(replayOrder([journal('a', [onA]), journal('b', [onB])])).toHaveLength(2);
  });

  test('a suspend on one device keeps the reviews another made meanwhile', () => {
    const reviewed = review('2026-03-01T08:00:00Z', 'c', state(1), state(2));
    const suspended = suspend('2026-03-01T09:00:00Z', 'c', state(1));
    const cards = replayed([journal('a', [reviewed]), journal('b', [suspended])]);
    expect(cards.get('d')!.get('c')).toEqual({ ...state(2), suspended: true });
  });

  test("an undo takes back only its own device's grade, even after the other device's", () => {
    const mine = review('2026-03-01T08:00:00Z', 'c', null, state(1));
    const theirs = review('2026-03-01T08:30:00Z', 'c', null, state(1, { stability: 7 }));
    const takeBack = undo('2026-03-01T09:00:00Z', mine as CardEntry & { type: 'review' });
    const cards = replayed([journal('a', [mine, takeBack]), journal('b', [theirs])]);
    // Without `mine`, the card is as `theirs` left it: found new, left with stability 7.
    expect(cards.get('d')!.get('c')).toEqual(theirs.after);
  });

  test('the undo of the last grade, with nothing between, restores the state before it', () => {
    const first = review('2026-03-01T08:00:00Z', 'c', null, state(1));
    const second = review('2026-03-01T08:10:00Z', 'c', state(1), state(2));
    const takeBack = undo('2026-03-01T08:11:00Z', second as CardEntry & { type: 'review' });
    expect(replayed([journal('a', [first, second, takeBack])]).get('d')!.get('c')).toEqual(state(1));
  });

  test("a rename carries the old deck's states as replayed, with reviews another device sent late", () => {
    const early = review('2026-03-01T08:00:00Z', 'c', null, state(1), 'old');
    const rename: JournalEntry = { type: 'rename', id: 'n', at: '2026-03-01T09:00:00Z', deck: 'new', from: 'old', cards: {} };
    const cards = replayed([journal('a', [rename]), journal('b', [early])]);
    expect(cards.get('new')!.get('c')).toEqual(state(1));
    expect(cards.get('old')!.size).toBe(0);
  });

  test('an undo on any device gives the states as if its grade had never been made', () => {
    const devices = ['a', 'b', 'c'];
    const made = fc.record({
      device: fc.constantFrom(...devices),
      card: fc.constantFrom('c1', 'c2'),
      reps: fc.integer({ min: 0, max: 5 }),
      suspend: fc.boolean(),
    });
    fc.assert(fc.property(fc.array(made, { minLength: 1, maxLength: 30 }), fc.nat(), fc.nat(), (steps, pick, later) => {
      // Each device offline all along: an entry finds the card as that device's own entries left it.
      const seen = new Map<string, CardState | null>();
      const entries = steps.map((m, i) => {
        const at = new Date(Date.UTC(2026, 2, 1) + i * 60_000).toISOString();
        const before = seen.get(`${m.device}${m.card}`) ?? null;
        const entry = m.suspend ? suspend(at, m.card, before) : review(at, m.card, before, state((before?.reps ?? 0) + 1 + m.reps));
        seen.set(`${m.device}${m.card}`, (entry as { after: CardState }).after);
        return { device: m.device, entry };
      });
      const reviews = entries.filter((e) => e.entry.type === 'review');
      if (reviews.length === 0) return;
      const target = reviews[pick % reviews.length]!;
      const undoAt = new Date(Date.UTC(2026, 2, 1) + (entries.indexOf(target) + 1 + (later % (entries.length + 1))) * 60_000 - 30_000).toISOString();
      const withUndo = [...entries, { device: target.device, entry: undo(undoAt, target.entry as CardEntry & { type: 'review' }) }];
      const of = (list: typeof entries) => devices.map((d) => journal(d, list.filter((e) => e.device === d).map((e) => e.entry)));
      const flat = (cards: Map<string, Map<string, CardState>>) => [...cards].flatMap(([deck, states]) => [...states].map(([id, st]) => [`${deck} ${id}`, st])).sort((x, y) => String(x[0]).localeCompare(String(y[0])));
      expect(flat(replayed(of(withUndo)))).toEqual(flat(replayed(of(entries.filter((e) => e !== target)))));
    }));
  });

  test("one device's journal applied onto a saved state, without histories, is the replay from the start", () => {
    fc.assert(fc.property(fc.array(fc.record({ card: fc.constantFrom('c1', 'c2', 'c3'), kind: fc.constantFrom('review', 'suspend', 'undo') }), { maxLength: 40 }), (steps) => {
      const now = new Map<string, CardState | null>();
      const last = new Map<string, CardEntry & { type: 'review' }>();
      const entries: JournalEntry[] = steps.flatMap((m, i) => {
        const at = new Date(Date.UTC(2026, 2, 1) + i * 60_000).toISOString();
        const before = now.get(m.card) ?? null;
        let e: CardEntry;
        const previous = last.get(m.card);
        if (m.kind === 'undo') {
          if (!previous) return [];
          e = undo(at, previous);
          last.delete(m.card);
          now.set(m.card, previous.before);
          return [e];
        }
        e = m.kind === 'suspend' ? suspend(at, m.card, before) : review(at, m.card, before, state((before?.reps ?? 0) + 1));
        if (e.type === 'review') last.set(m.card, e as CardEntry & { type: 'review' });
        else last.delete(m.card);
        now.set(m.card, e.type === 'undo' ? e.restored : e.after);
        return [e];
      });
      const half = Math.floor(entries.length / 2);
      const saved = replayed([journal('a', entries.slice(0, half))]);
      const onto = new Replay(saved, false);
      for (const e of entries.slice(half)) onto.apply(e, 'a');
      expect(onto.cards).toEqual(replayed([journal('a', entries)]));
    }));
  });
});
