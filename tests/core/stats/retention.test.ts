import { describe, expect, it } from 'vitest';
import { trueRetention } from '../../../src/core/stats/retention.js';
import { liveReviews } from '../../../src/core/stats/reviews.js';
import { local, review, state, undo } from './journal-fixture.js';

const NOW = local(1, 9);
const young = state({ state: 2, scheduled_days: 10 });
const mature = state({ state: 2, scheduled_days: 30 });
const edge = state({ state: 2, scheduled_days: 21 });

describe('trueRetention', () => {
  it('counts the first review of a review card per learning day, young and mature apart', () => {
    const undone = review('F', local(27, 10, 0, 1), 1, young);
    const journal = [
      review('A', local(1, 8), 3, young),
      review('A', local(1, 8, 30), 1, young), // second review that day: ignored
      review('B', local(25, 10, 0, 1), 1, mature),
      review('B', local(26, 2, 0, 1), 3, state({ state: 3 })), // 02:00 is still the 25th's learning day
      review('C', local(28, 10, 0, 1), 3, edge), // 21 days is mature
      review('D', local(28, 11, 0, 1), 3, null), // a new card: not a review
      review('D', local(28, 11, 1, 1), 1, state({ state: 1 })), // a learning step: not a review
      review('E', local(31, 3, 0, 0), 1, young), // Jan 31 03:00 belongs to Jan 30: outside 30 days
      review('E', local(31, 5, 0, 0), 1, young), // Jan 31 05:00: the first day inside
      undone,
      undo(undone, local(27, 10, 1, 1)),
      review('F', local(27, 10, 2, 1), 3, young), // the redo is the day's first review that stands
      review('G', local(1, 10), 1, young), // after now: PARLEY_NOW in the past sees nothing later
    ];
    const r = trueRetention(liveReviews(journal), NOW, 4);
    expect(r.young).toEqual({ passed: 2, failed: 1, rate: 2 / 3 });
    expect(r.mature).toEqual({ passed: 1, failed: 1, rate: 0.5 });
    expect(r.total).toEqual({ passed: 3, failed: 2, rate: 0.6 });
    expect(r.days).toBe(30);
  });

  it('has no rate without reviews', () => {
    expect(trueRetention([], NOW, 4).total).toEqual({ passed: 0, failed: 0, rate: null });
  });
});
