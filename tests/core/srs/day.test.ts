import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dayStart, isDueToday, nextDayStart } from '../../../src/core/srs/day.js';
import { learningState, reviewState } from './fixtures.js';

// Local time is the environment's input: pin a zone with DST changes for these tests.
const previousTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/New_York';
});
afterAll(() => {
  process.env.TZ = previousTz;
});

describe('dayStart at 4 am local', () => {
  test.each([
    ['2025-01-15T03:59:00-05:00', '2025-01-14T04:00:00-05:00', '2025-01-15T04:00:00-05:00'],
    ['2025-01-15T04:00:00-05:00', '2025-01-15T04:00:00-05:00', '2025-01-16T04:00:00-05:00'],
    ['2025-01-15T23:30:00-05:00', '2025-01-15T04:00:00-05:00', '2025-01-16T04:00:00-05:00'],
    ['2025-01-16T00:30:00-05:00', '2025-01-15T04:00:00-05:00', '2025-01-16T04:00:00-05:00'],
  ])('at %s the day runs %s to %s', (now, start, next) => {
    expect(dayStart(new Date(now), 4).getTime()).toBe(Date.parse(start));
    expect(nextDayStart(new Date(now), 4).getTime()).toBe(Date.parse(next));
  });

  test('midnight start', () => {
    expect(dayStart(new Date('2025-01-15T00:00:00-05:00'), 0).getTime()).toBe(Date.parse('2025-01-15T00:00:00-05:00'));
  });
});

describe('across DST changes', () => {
  test('spring forward: the day is 23 hours long and still starts at 4 local', () => {
    const now = new Date('2025-03-09T12:00:00-04:00');
    expect(dayStart(now, 4).toISOString()).toBe(new Date('2025-03-09T04:00:00-04:00').toISOString());
    expect(nextDayStart(new Date('2025-03-09T01:00:00-05:00'), 4).toISOString()).toBe(new Date('2025-03-09T04:00:00-04:00').toISOString());
    const start = dayStart(new Date('2025-03-09T03:30:00-04:00'), 4);
    expect(nextDayStart(start, 4).getTime() - start.getTime()).toBe(23 * 3_600_000);
  });

  test('fall back: the day is 25 hours long', () => {
    const start = dayStart(new Date('2025-11-02T12:00:00-05:00'), 0);
    expect(start.toISOString()).toBe(new Date('2025-11-02T00:00:00-04:00').toISOString());
    expect(nextDayStart(start, 0).getTime() - start.getTime()).toBe(25 * 3_600_000);
  });

  test('a start hour that does not exist that night (2 am) moves to the first hour that does', () => {
    const next = nextDayStart(new Date('2025-03-08T12:00:00-05:00'), 2);
    expect(next.toISOString()).toBe(new Date('2025-03-09T03:00:00-04:00').toISOString());
  });
});

describe('isDueToday', () => {
  const now = new Date('2025-01-15T20:00:00-05:00');
  test.each([
    ['review due this morning', reviewState('2025-01-15T09:00:00-05:00'), true],
    ['review due before 4 am tomorrow', reviewState('2025-01-16T03:59:00-05:00'), true],
    ['review due at 4 am tomorrow', reviewState('2025-01-16T04:00:00-05:00'), false],
    ['learning step over', learningState('2025-01-15T19:59:00-05:00'), true],
    ['learning step in 5 minutes', learningState('2025-01-15T20:05:00-05:00'), false],
  ])('%s', (_name, state, expected) => {
    expect(isDueToday(state, now, 4)).toBe(expected);
  });

  test('learn-ahead shows a learning card up to 20 minutes early', () => {
    expect(isDueToday(learningState('2025-01-15T20:15:00-05:00'), now, 4, 20 * 60_000)).toBe(true);
    expect(isDueToday(learningState('2025-01-15T20:25:00-05:00'), now, 4, 20 * 60_000)).toBe(false);
  });
});
