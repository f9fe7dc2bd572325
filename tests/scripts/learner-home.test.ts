import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDeck, serialiseDeck } from '../../src/core/deck/file.js';
import { siblingPairs } from '../../src/core/srs/siblings.js';
import { Store } from '../../src/store/store.js';
import { DECK_NOTES, learnerDeck } from '../helpers/learner-decks.js';
import { makeLearnerHome } from '../helpers/learner-home.js';

describe('the bench home shaped like a learner’s', () => {
  it('has decks as import writes them, whose vocabulary gives sentences away', () => {
    const deck = learnerDeck(3);
    expect(learnerDeck(3)).toEqual(deck);
    expect(parseDeck(serialiseDeck(deck), 'deck-3.json')).toEqual(deck);
    expect(deck.notes).toHaveLength(DECK_NOTES);
    expect(deck.notes.filter((n) => n.kind === 'vocab')).toHaveLength(DECK_NOTES / 5);
    expect(new Set(deck.notes.map((n) => n.id)).size).toBe(DECK_NOTES);
    for (const vocab of deck.notes.filter((n) => n.kind === 'vocab')) expect(vocab.context!.zh).toContain(vocab.zh);
    expect(siblingPairs(deck.notes).length).toBeGreaterThan(DECK_NOTES / 5);
  });

  const root = mkdtempSync(join(tmpdir(), 'parley-learner-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('holds two days of sessions: every card state, undos, suspensions and burials', async () => {
    const shape = await makeLearnerHome(root, new Date('2026-11-29T10:00:00Z'));
    expect(shape.decks).toBe(8);
    expect(shape.cards).toBe(21_840);
    expect(shape.entries.review).toBeGreaterThan(2_800);
    expect(shape.entries.review).toBeLessThan(3_000);
    for (const type of ['undo', 'suspend', 'bury']) expect(shape.entries[type]).toBeGreaterThan(0);
    expect(shape.states).toMatchObject({ 1: expect.any(Number), 2: expect.any(Number), suspended: expect.any(Number) });
    const entries = new Store(root).journal();
    const reached = new Set(entries.flatMap((e) => (e.type === 'review' ? [e.after.state] : [])));
    expect([...reached].sort()).toEqual([1, 2, 3]);
    const days = new Set(entries.map((e) => e.at.slice(0, 10)));
    expect([...days].sort()).toEqual(['2026-11-27', '2026-11-28']);
    expect(new Set(entries.map((e) => e.deck)).size).toBe(8);
  }, 120_000);
});
