import { describe, expect, it } from 'vitest';
import { forecast } from '../../../src/core/stats/forecast.js';
import { local, state } from './journal-fixture.js';

const at = (d: Date) => d.toISOString();

describe('forecast', () => {
  it('puts each scheduled card on the learning day it comes due, overdue ones today', () => {
    const states = [
      state({ state: 2, due: at(local(20, 9, 0, 1)) }), // overdue: today
      state({ state: 2, due: at(local(1, 23)) }),
      state({ state: 2, due: at(local(2, 3)) }), // before 04:00: still today's learning day
      state({ state: 1, due: at(local(1, 9, 10)) }), // learning step
      state({ state: 2, due: at(local(2, 5)) }),
      state({ state: 2, due: at(local(1, 12)), buriedUntil: at(local(2, 4)) }), // buried: back tomorrow
      state({ state: 3, due: at(local(30, 5)) }), // the 30th day
      state({ state: 2, due: at(local(31, 5)) }), // the 31st day: beyond
      state({ state: 0, due: at(local(1, 9)) }), // new
      state({ state: 2, due: at(local(1, 9)), suspended: true }),
    ];
    const days = forecast(states, local(1, 9), 4);
    expect(days).toHaveLength(30);
    expect(days[0]).toEqual({ date: '2026-03-01', due: 4 });
    expect(days[1]).toEqual({ date: '2026-03-02', due: 2 });
    expect(days[29]).toEqual({ date: '2026-03-30', due: 1 });
    expect(days.reduce((s, d) => s + d.due, 0)).toBe(7);
  });

  it('starts from yesterday\'s date before the day boundary', () => {
    expect(forecast([], local(1, 3), 4)[0]!.date).toBe('2026-02-28');
  });
});
