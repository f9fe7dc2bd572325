import { default_w } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { outlook } from '../../../src/core/stats/outlook.js';
import { cardHistories, trainingSequence } from '../../../src/core/stats/training.js';
import { local, review, state } from './journal-fixture.js';

describe('training data', () => {
  const reviews = [
    review('A', local(1, 9), 3, null),
    review('A', local(1, 9, 10), 3, state({ state: 1 })),
    review('A', local(2, 2), 3, state({ state: 1 })), // 02:00: still day one
    review('A', local(4, 20), 1, state({ state: 2 })),
    review('B', local(1, 9), 3, state({ state: 2 })), // history starts mid-way: left out
  ];

  it('keeps histories that start from a new card, with delta_t in learning days', () => {
    const histories = cardHistories(reviews);
    expect(histories.map((h) => h[0]!.cardId)).toEqual(['A']);
    expect(trainingSequence(histories[0]!, 4)).toEqual([
      { rating: 3, deltaT: 0 }, { rating: 3, deltaT: 0 }, { rating: 3, deltaT: 0 }, { rating: 1, deltaT: 3 },
    ]);
  });

  it('predicts fewer reviews a day for a model that thinks memories last longer', () => {
    const histories = [[review('C', local(1, 9), 3, null), review('C', local(1, 9, 10), 3, state({ state: 1 })), review('C', local(3, 9), 3, state({ state: 2 }))]];
    const settings = { desiredRetention: 0.9, maxIntervalDays: 36500 };
    const base = outlook(histories, default_w, settings, local(5, 9));
    const stronger = outlook(histories, default_w.map((w, i) => (i < 4 ? w * 3 : w)), settings, local(5, 9));
    expect(base.reviewsPerDay).toBeGreaterThan(0);
    expect(stronger.reviewsPerDay).toBeLessThan(base.reviewsPerDay);
    expect(stronger.recallNow!).toBeGreaterThanOrEqual(base.recallNow!);
  });
});
