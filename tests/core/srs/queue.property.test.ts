// The queue's rules, for any decks, states, today's grades and limits: the limits, what may be shown
// at all, one card a note a day, a vocabulary card never after a sentence that uses it the same day,
// a new sentence never before the new vocabulary it uses (with the exceptions stated below), new
// cards in article order but for vocabulary pulled forward, and no slot left empty while a card
// could have had it. The links come from `usesTerm` tried on every pair, not from the deck's stored
// pairs, so the index that finds them is checked too.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { cardId, DIRECTIONS, type Direction, type Note } from '../../../src/core/deck/note.js';
import type { CardEntry, CardState } from '../../../src/core/srs/card-state.js';
import { buildQueue, type DeckCards, type QueuedCard } from '../../../src/core/srs/queue.js';
import { usesTerm } from '../../../src/core/srs/siblings.js';
import { deck, learningState, reviewState, settings } from './fixtures.js';

const NOW = new Date('2025-05-10T10:00:00Z');
/** Terms and their translations; a sentence is made of some of them, so links are common. */
const WORDS: [string, string][] = [['和平', 'peace'], ['对话', 'dialogue'], ['机制', 'mechanism'], ['专家', 'expert'], ['沟通', 'talks']];

const sentenceNote = fc.record({
  kind: fc.constant('sentence' as const),
  words: fc.uniqueArray(fc.integer({ min: 0, max: WORDS.length - 1 }), { maxLength: 3 }),
});
const vocabNote = fc.record({
  kind: fc.constant('vocab' as const),
  word: fc.integer({ min: 0, max: WORDS.length - 1 }),
  lang: fc.constantFrom<('zh' | 'en' | undefined)>('zh', 'en', undefined),
});

/** What a card holds at the start: nothing (new), or a stored state. */
const cardState = fc.constantFrom('new', 'new', 'new', 'suspended-new', 'buried-new', 'learning', 'due', 'later', 'suspended-due', 'today');
type CardKind = typeof cardState extends fc.Arbitrary<infer T> ? T : never;

function stateOf(kind: CardKind): CardState | undefined {
  const fresh = { ...reviewState('2025-05-10T09:00:00Z'), state: 0 as const, reps: 0 };
  switch (kind) {
    case 'new': return undefined;
    case 'suspended-new': return { ...fresh, suspended: true };
    case 'buried-new': return { ...fresh, buriedUntil: '2025-05-11T04:00:00Z' };
    case 'learning': return learningState('2025-05-10T10:05:00Z');
    case 'due': return reviewState('2025-05-09T08:00:00Z');
    case 'later': return reviewState('2025-05-14T08:00:00Z');
    case 'suspended-due': return reviewState('2025-05-09T08:00:00Z', { suspended: true });
    // Graded today for the first time: due again in some days, and in today's journal.
    case 'today': return reviewState('2025-05-13T08:00:00Z');
  }
}

const deckShape = fc.array(fc.tuple(fc.oneof(sentenceNote, vocabNote), cardState, cardState, fc.integer({ min: 0, max: 30 })), { minLength: 1, maxLength: 12 });

interface Built {
  decks: DeckCards[];
  journal: CardEntry[];
}

function build(shapes: (typeof deckShape extends fc.Arbitrary<infer T> ? T : never)[]): Built {
  const journal: CardEntry[] = [];
  const decks = shapes.map((shape, d) => {
    const slug = `deck${d}`;
    const states: Record<string, CardState> = {};
    // The same note ids in every deck: a note is known by its deck and its id.
    const notes = shape.map(([n, a, b, order], i): Note => {
      const id = `n${i}`;
      [a, b].forEach((kind, k) => {
        const state = stateOf(kind);
        const card = cardId(id, DIRECTIONS[k]!);
        if (state) states[card] = state;
        if (kind === 'today') {
          journal.push({ id: `j${journal.length}`, at: '2025-05-10T06:00:00Z', deck: slug, cardId: card, type: 'review', rating: 3, durationMs: 1000, before: null, after: state! });
        }
      });
      if (n.kind === 'sentence') {
        return { id, kind: 'sentence', order, zh: `${n.words.map((w) => WORDS[w]![0]).join('，')}。`, en: `${n.words.map((w) => WORDS[w]![1]).join(', ')}.`, };
      }
      const [zh, en] = WORDS[n.word]!;
      return { id, kind: 'vocab', order, zh, en, ...(n.lang ? { lang: n.lang } : {}) };
    });
    return deck(notes, states, slug);
  });
  return { decks, journal };
}

const noteKey = (deckSlug: string, id: string) => `${deckSlug}/${id}`;

test('the queue keeps its rules for any decks, states and limits', () => {
  fc.assert(
    fc.property(
      fc.array(deckShape, { minLength: 1, maxLength: 2 }),
      fc.constantFrom<'zh-en' | 'en-zh' | 'both'>('zh-en', 'en-zh', 'both'),
      fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
      fc.integer({ min: 0, max: 12 }),
      fc.integer({ min: 0, max: 10 }),
      (shapes, direction, newLimit, newPerDay, reviewsPerDay) => {
        const { decks, journal } = build(shapes);
        const queue = buildQueue(decks, journal, { ...settings, newPerDay, reviewsPerDay }, { direction, newLimit }, NOW);
        const directions: readonly Direction[] = direction === 'both' ? DIRECTIONS : [direction];
        const byKey = new Map(decks.flatMap((d) => d.notes.map((n) => [noteKey(d.slug, n.id), { deck: d, note: n }] as const)));
        const stateOfCard = (d: DeckCards, noteId: string, dir: Direction) => d.states.get(cardId(noteId, dir));
        const hidden = (s: CardState | undefined) => s?.suspended === true || (s?.buriedUntil !== undefined && Date.parse(s.buriedUntil) > NOW.getTime());
        const isNewState = (s: CardState | undefined) => s === undefined || s.state === 0;
        const gradedToday = new Set(journal.map((e) => noteKey(e.deck, e.cardId.slice(0, e.cardId.lastIndexOf(':')))));
        const introducible = (d: DeckCards, n: Note) => directions.filter((dir) => isNewState(stateOfCard(d, n.id, dir)) && !hidden(stateOfCard(d, n.id, dir)));
        const linked = (a: Note, b: Note) => usesTerm(a, b) || usesTerm(b, a);

        // The limits.
        const limit = Math.max(0, newLimit ?? newPerDay - journal.length);
        expect(queue.fresh.length).toBeLessThanOrEqual(limit);
        expect(queue.review.length).toBeLessThanOrEqual(reviewsPerDay);

        // What may be shown at all.
        const all = [...queue.learning, ...queue.review, ...queue.fresh];
        expect(new Set(all.map((c) => `${c.deck}/${c.cardId}`)).size).toBe(all.length);
        for (const card of queue.fresh) {
          expect(isNewState(card.state ?? undefined) && !hidden(card.state ?? undefined)).toBe(true);
          expect(directions).toContain(card.direction);
        }
        for (const card of queue.review) {
          expect(card.state!.state).toBe(2);
          expect(Date.parse(card.state!.due)).toBeLessThan(Date.parse('2025-05-11T04:00:00Z'));
          expect(hidden(card.state!)).toBe(false);
        }

        // One card a note a day: what was studied today or is learning already holds its note.
        const before = new Set<string>([...gradedToday, ...queue.learning.map((c) => noteKey(c.deck, c.note.id))]);
        const shown: QueuedCard[] = [...queue.review, ...queue.fresh];
        const seen = new Set<string>();
        for (const card of shown) {
          const k = noteKey(card.deck, card.note.id);
          expect(before.has(k)).toBe(false);
          expect(seen.has(k)).toBe(false);
          seen.add(k);
        }

        // Notes taken today in session order: first today's and the learning ones, then the lists in order.
        const takenAt = new Map<string, number>([...before].map((k) => [k, -1]));
        shown.forEach((card, i) => takenAt.set(noteKey(card.deck, card.note.id), i));
        const sentencesOf = (d: DeckCards, v: Note) => d.notes.filter((s) => s.kind === 'sentence' && linked(v, s));
        const blockedBeforeNew = (d: DeckCards, v: Note) =>
          sentencesOf(d, v).some((s) => before.has(noteKey(d.slug, s.id)) || queue.review.some((c) => c.deck === d.slug && c.note.id === s.id));

        // A vocabulary card never comes after a sentence that uses it, the same day.
        shown.forEach((card, i) => {
          if (card.note.kind !== 'vocab') return;
          const d = byKey.get(noteKey(card.deck, card.note.id))!.deck;
          for (const s of sentencesOf(d, card.note)) {
            const at = takenAt.get(noteKey(d.slug, s.id));
            expect(at === undefined || at > i).toBe(true);
          }
        });

        // A new sentence card never comes before a new vocabulary card whose term it uses, unless a
        // card of that vocabulary note is ahead of it in today's queue already (studied today,
        // learning, a review, or an earlier new card: one card a note a day), or the note has no card
        // this session may introduce (suspended, buried, or not in --direction), or a sentence that
        // uses it was studied today, is learning or is a review today (then the vocabulary waits, and
        // the sentence does not wait for it).
        queue.fresh.forEach((card, i) => {
          if (card.note.kind !== 'sentence') return;
          const d = byKey.get(noteKey(card.deck, card.note.id))!.deck;
          for (const v of d.notes) {
            if (v.kind !== 'vocab' || !usesTerm(v, card.note) || introducible(d, v).length === 0 || blockedBeforeNew(d, v)) continue;
            const k = noteKey(d.slug, v.id);
            const ahead = before.has(k) || queue.review.some((c) => c.deck === d.slug && c.note.id === v.id) ||
              queue.fresh.slice(0, i).some((c) => c.deck === d.slug && c.note.id === v.id);
            expect(ahead, `${v.id} before ${card.note.id}`).toBe(true);
          }
        });

        // New cards in article order, but for vocabulary pulled forward: each card out of order is
        // vocabulary, followed (after more such vocabulary) by a sentence that uses it, or by nothing
        // at all because the limit left no room for that sentence.
        const rank = (c: QueuedCard) => decks.findIndex((d) => d.slug === c.deck) * 1000 + c.note.order;
        const pulled = queue.fresh.map((c, i) => queue.fresh.slice(i + 1).some((later) => rank(later) < rank(c)));
        queue.fresh.forEach((card, i) => {
          if (!pulled[i]) return;
          expect(card.note.kind).toBe('vocab');
          let j = i + 1;
          while (j < queue.fresh.length && pulled[j]) j++;
          const next = queue.fresh[j];
          if (next === undefined) expect(queue.fresh.length).toBe(limit);
          else expect(next.deck === card.deck && next.note.kind === 'sentence' && usesTerm(card.note, next.note)).toBe(true);
        });
        const inOrder = queue.fresh.filter((_, i) => !pulled[i]).map(rank);
        expect(inOrder).toEqual([...inOrder].sort((a, b) => a - b));

        // No slot left empty while a card could have had it.
        if (queue.fresh.length < limit) {
          const inQueue = new Set([...before, ...seen]);
          for (const d of decks) {
            for (const n of d.notes) {
              if (introducible(d, n).length === 0 || inQueue.has(noteKey(d.slug, n.id))) continue;
              const gaveAway = n.kind === 'vocab' && sentencesOf(d, n).some((s) => inQueue.has(noteKey(d.slug, s.id)));
              expect(gaveAway, `${d.slug}/${n.id} left out`).toBe(true);
            }
          }
        }
      },
    ),
    { numRuns: 500 },
  );
});
