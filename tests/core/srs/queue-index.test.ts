import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cardId, DECK_FORMAT, DIRECTIONS, type Deck, type Note } from '../../../src/core/deck/note.js';
import type { CardState, CardEntry } from '../../../src/core/srs/card-state.js';
import { buildQueue, type Queue } from '../../../src/core/srs/queue.js';
import { indexDecks, queueFromIndex } from '../../../src/core/srs/queue-index.js';
import { applyEntry } from '../../../src/core/srs/replay.js';
import { givesAway, siblingPairs } from '../../../src/core/srs/siblings.js';
import { reviewState, settings } from './fixtures.js';

const DAY = 86_400_000;
const now = new Date('2025-05-10T10:00:00Z');

// Few words and characters, so that terms often turn up in sentences and give them away.
const WORDS = ['river', 'egret', 'tea', 'market', 'AI', 'rain'];
const HAN = ['河', '白鹭', '茶', '市场', '雨', '人'];

const noteArb = (deck: number, i: number) => fc.record({
  vocab: fc.boolean(),
  zh: fc.array(fc.constantFrom(...HAN), { minLength: 1, maxLength: 4 }).map((p) => p.join('')),
  en: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }).map((p) => p.join(' ')),
  lang: fc.constantFrom('zh' as const, 'en' as const),
  order: fc.nat(20),
}).map(({ vocab, zh, en, lang, order }): Note => (vocab
  ? { id: `v${deck}-${i}`, kind: 'vocab', zh: zh.slice(0, 2), en: en.split(' ')[0]!, lang, order }
  : { id: `s${deck}-${i}`, kind: 'sentence', zh, en, order }));

const stateArb = fc.record({
  state: fc.constantFrom(0, 1, 2, 2, 3) as fc.Arbitrary<CardState['state']>,
  dueHours: fc.integer({ min: -72, max: 24 * 6 }),
  suspended: fc.constantFrom(false, false, false, true),
  buriedHours: fc.option(fc.integer({ min: -30, max: 30 }), { freq: 6 }),
}).map(({ state, dueHours, suspended, buriedHours }): CardState => {
  const s = { ...reviewState(new Date(now.getTime() + dueHours * 3_600_000).toISOString()), state };
  if (suspended) s.suspended = true;
  if (buriedHours !== null) s.buriedUntil = new Date(now.getTime() + buriedHours * 3_600_000).toISOString();
  return s;
});

/** Decks, each note's cards with or without a state, and journal entries on random cards. */
const homeArb = fc.integer({ min: 1, max: 3 }).chain((deckCount) => fc.tuple(
  ...Array.from({ length: deckCount }, (_, d) => fc.integer({ min: 0, max: 8 }).chain((n) => fc.tuple(
    ...Array.from({ length: n }, (_, i) => noteArb(d, i)),
  )).chain((notes) => fc.tuple(fc.constant(notes), fc.array(fc.option(stateArb, { freq: 2 }), { minLength: notes.length * 2, maxLength: notes.length * 2 })))),
));

function home(decks: [Note[], (CardState | null)[]][]) {
  return decks.map(([notes, states], d) => {
    const deck: Deck = { format: DECK_FORMAT, name: `Deck ${d}`, slug: `deck-${d}`, source: { sha256: 'x' }, notes };
    const map = new Map<string, CardState>();
    notes.forEach((note, i) => DIRECTIONS.forEach((direction, k) => {
      const state = states[i * 2 + k];
      if (state) map.set(cardId(note.id, direction), state);
    }));
    return { deck, states: map };
  });
}

const ids = (queue: Queue) => ({
  learning: queue.learning.map((c) => `${c.deck}/${c.cardId}`),
  review: queue.review.map((c) => `${c.deck}/${c.cardId}${c.cram ? ' cram' : ''}`),
  fresh: queue.fresh.map((c) => `${c.deck}/${c.cardId}${c.state ? ' stored' : ''}`),
});

describe('the queue from an index', () => {
  test('chooses exactly what buildQueue chooses from the decks, journal entries made since included', () => {
    fc.assert(fc.property(
      homeArb,
      fc.array(fc.tuple(fc.nat(), fc.nat(), fc.option(stateArb, { freq: 4 }), fc.constantFrom('review', 'undo')), { maxLength: 6 }),
      fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: -30, max: 0 })), { maxLength: 4 }),
      fc.record({
        direction: fc.constantFrom('both' as const, 'zh-en' as const, 'en-zh' as const),
        newLimit: fc.option(fc.nat(6), { nil: undefined }),
        reviewLimit: fc.option(fc.nat(6), { nil: undefined }),
        aheadDays: fc.option(fc.nat(3), { nil: undefined }),
      }),
      (decks, changes, gradedToday, options) => {
        const saved = home(decks);
        const allNotes = saved.flatMap((d) => d.deck.notes);
        const index = indexDecks(saved, siblingPairs(allNotes));
        const cardAt = (d: number, c: number) => {
          const deck = saved[d % saved.length]!;
          const note = deck.deck.notes[c % Math.max(1, deck.deck.notes.length)];
          return note && { deck: deck.deck.slug, cardId: cardId(note.id, DIRECTIONS[c % 2]!) };
        };
        const later: CardEntry[] = changes.flatMap(([d, c, state, type], k) => {
          const card = cardAt(d, c);
          if (!card) return [];
          const base = { id: `l${k}`, at: now.toISOString(), ...card, before: null };
          return type === 'undo'
            ? [{ ...base, type: 'undo', target: 'x', restored: state } as CardEntry]
            : state ? [{ ...base, type: 'review', rating: 3, durationMs: 1, after: state } as CardEntry] : [];
        });
        const today: CardEntry[] = gradedToday.flatMap(([d, c, hours], k) => {
          const card = cardAt(d, c);
          return card ? [{ id: `t${k}`, at: new Date(now.getTime() + hours * 3_600_000).toISOString(), ...card, type: 'review', rating: 3, durationMs: 1, before: null, after: reviewState(new Date(now.getTime() + DAY).toISOString()) } as CardEntry] : [];
        });
        const current = saved.map(({ deck, states }) => {
          const map = new Map(states);
          for (const entry of later) if (entry.deck === deck.slug) applyEntry(map, entry);
          return { slug: deck.slug, name: deck.name, notes: deck.notes, states: map };
        });
        const fromIndex = queueFromIndex(index, later, today, settings, options, now);
        expect(ids(fromIndex)).toEqual(ids(buildQueue(current, today, settings, options, now)));
      },
    ), { numRuns: 300 });
  });
});

describe('sibling pairs', () => {
  test('are exactly the vocabulary/sentence pairs givesAway names', () => {
    fc.assert(fc.property(homeArb, (decks) => {
      const notes = home(decks).flatMap((d) => d.deck.notes);
      const expected = notes.flatMap((v) => notes.filter((s) => v.kind === 'vocab' && s.kind === 'sentence' && givesAway(v, s)).map((s) => `${v.id}>${s.id}`));
      expect(siblingPairs(notes).map(([v, s]) => `${v}>${s}`).sort()).toEqual([...new Set(expected)].sort());
    }), { numRuns: 300 });
  });

  test('find a term in a sentence by word or character, and a vocabulary item in its context sentence', () => {
    const notes: Note[] = [
      { id: 's1', kind: 'sentence', zh: '河边有一只白鹭。', en: 'An egret stands by the river.', order: 0 },
      { id: 's2', kind: 'sentence', zh: '我们喝茶。', en: 'We drink tea.', order: 1 },
      { id: 'v1', kind: 'vocab', zh: '白鹭', en: 'egret', lang: 'zh', order: 2 },
      { id: 'v2', kind: 'vocab', zh: '饮', en: 'Drink', lang: 'en', order: 3 },
      { id: 'v3', kind: 'vocab', zh: '站', en: 'stand', lang: 'en', order: 4, context: { zh: '河边有一只白鹭。', en: 'An egret stands by the river.' } },
    ];
    expect(siblingPairs(notes).map(([v, s]) => `${v}>${s}`).sort()).toEqual(['v1>s1', 'v2>s2', 'v3>s1']);
  });
});
