import { State } from 'ts-fsrs';
import { describe, expect, test } from 'vitest';
import { isLearning, isNew, isRelearning, isReview } from '../../../src/core/srs/card-state.js';
import { makeScheduler } from '../../../src/core/srs/scheduler.js';
import { reviewState, settings } from './fixtures.js';

describe('card-state predicates', () => {
  test('read ts-fsrs phase numbers; no stored state is new', () => {
    const phases = [undefined, State.New, State.Learning, State.Review, State.Relearning] as const;
    expect(phases.map((p) => [isNew(p), isLearning(p), isRelearning(p), isReview(p)])).toEqual([
      [true, false, false, false],
      [true, false, false, false],
      [false, true, false, false],
      [false, false, false, true],
      [false, true, true, false],
    ]);
  });

  test('a lapsed review card is relearning, which counts as learning', () => {
    const now = new Date('2026-03-01T09:00:00Z');
    const lapsed = makeScheduler(settings).preview(reviewState('2026-03-01T08:00:00Z'), now)[1].state;
    expect(isRelearning(lapsed.state)).toBe(true);
    expect(isLearning(lapsed.state)).toBe(true);
    expect(isReview(lapsed.state)).toBe(false);
  });
});
