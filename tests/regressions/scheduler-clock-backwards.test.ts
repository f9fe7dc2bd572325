// Found by the reliability suite: ts-fsrs threw `Invalid delta_t "-N"` when a card was previewed a
// day or more before its last review (the clock moved backwards), crashing the review screen.
import { describe, expect, it } from 'vitest';
import { makeScheduler } from '../../src/core/srs/scheduler.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';

describe('the scheduler when the clock moved backwards', () => {
  const scheduler = makeScheduler(DEFAULT_SETTINGS);
  const reviewedAt = new Date('2026-03-10T09:00:00Z');
  const reviewed = scheduler.preview(scheduler.preview(null, reviewedAt)[3].state, new Date('2026-03-10T09:15:00Z'))[3].state;

  it.each([1, 3, 30, 400])('previews %i days before the last review without throwing', (days) => {
    const now = new Date(Date.parse(reviewed.last_review!) - days * 86_400_000);
    const preview = scheduler.preview(reviewed, now);
    for (const grade of [1, 2, 3, 4] as const) {
      expect(Date.parse(preview[grade].state.due)).toBeGreaterThanOrEqual(Date.parse(reviewed.last_review!));
      expect(preview[grade].state.reps).toBe(reviewed.reps + 1);
    }
  });
});
