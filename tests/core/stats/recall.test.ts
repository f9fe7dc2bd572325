import { default_w } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { countByState } from '../../../src/core/stats/card-counts.js';
import { meanRecall } from '../../../src/core/stats/recall.js';
import { cardId, type Note } from '../../../src/core/deck/note.js';
import { local, state } from './journal-fixture.js';

describe('meanRecall', () => {
  it('is 90% a stability\'s worth of days after the last review, and ignores new cards', () => {
    // Elapsed time is whole 24 h days, not calendar days: UTC instants keep DST out of it.
    const now = new Date('2026-03-11T09:00:00Z');
    const states = [
      state({ state: 2, stability: 10, last_review: '2026-03-01T09:00:00Z' }),
      state({ state: 2, stability: 5, last_review: '2026-03-11T08:00:00Z' }),
      state({ state: 0 }),
    ];
    const recall = meanRecall(states, now, default_w);
    expect(recall.cards).toBe(2);
    expect(recall.mean).toBeCloseTo(0.95, 6);
  });

  it('has nothing to say before any study', () => {
    expect(meanRecall([], local(1, 9), default_w)).toEqual({ cards: 0, mean: null });
  });
});

describe('countByState', () => {
  it('counts both cards of every note, relearning as learning, suspended ones only as suspended', () => {
    const notes: Note[] = ['n1', 'n2', 'n3'].map((id, order) => ({ id, kind: 'sentence', zh: '中', en: 'en', order }));
    const states = new Map([
      [cardId('n1', 'zh-en'), state({ state: 1 })],
      [cardId('n1', 'en-zh'), state({ state: 2 })],
      [cardId('n2', 'zh-en'), state({ state: 3 })],
      [cardId('n2', 'en-zh'), state({ state: 2, suspended: true })],
    ]);
    expect(countByState(notes, states)).toEqual({ new: 2, learning: 2, review: 1, suspended: 1 });
  });
});
