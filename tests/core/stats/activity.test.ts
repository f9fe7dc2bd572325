import { describe, expect, it } from 'vitest';
import { activityToday, streak } from '../../../src/core/stats/activity.js';
import { heatmap } from '../../../src/core/stats/heatmap.js';
import { local, review } from './journal-fixture.js';

describe('today and streak', () => {
  const journal = [
    review('A', local(26, 20, 0, 1), 3, null),
    review('A', local(27, 21, 0, 1), 3, null),
    review('A', local(1, 2), 3, null, 3000), // 02:00 on Mar 1 counts for Feb 28
    review('B', local(1, 8), 3, null, 4000),
    review('C', local(1, 8, 5), 1, null, 6000),
  ];

  it('counts grades and time in the current learning day', () => {
    expect(activityToday(journal, local(1, 9), 4)).toEqual({ reviews: 2, timeMs: 10_000 });
    expect(activityToday(journal, local(2, 3), 4)).toEqual({ reviews: 2, timeMs: 10_000 });
  });

  it('runs back from today, or from yesterday before today\'s first review', () => {
    expect(streak(journal, local(1, 9), 4)).toBe(4);
    expect(streak(journal, local(2, 9), 4)).toBe(4);
    expect(streak(journal, local(3, 9), 4)).toBe(0);
  });
});

describe('heatmap', () => {
  it('covers 26 whole weeks from a Monday up to today', () => {
    const days = heatmap([review('A', local(1, 8), 3, null), review('B', local(1, 2), 3, null)], local(1, 9), 4);
    // 2026-03-01 is a Sunday: the grid ends on a full week of 7 × 26 days.
    expect(days).toHaveLength(182);
    expect(days[0]!.date).toBe('2025-09-01');
    expect(new Date(`${days[0]!.date}T12:00:00Z`).getUTCDay()).toBe(1);
    expect(days.at(-1)).toEqual({ date: '2026-03-01', reviews: 1 });
    expect(days.at(-2)).toEqual({ date: '2026-02-28', reviews: 1 });
  });

  it('ends the last column at today mid-week', () => {
    const days = heatmap([], local(4, 9), 4); // a Wednesday
    expect(days).toHaveLength(7 * 25 + 3);
    expect(days.at(-1)!.date).toBe('2026-03-04');
  });
});
