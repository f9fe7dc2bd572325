import { isNew, type CardState } from '../srs/card-state.js';
import { dayStart } from '../srs/day.js';
import { dayKey, localDate, shiftDay } from './learning-day.js';

export interface ForecastDay {
  date: string;
  due: number;
}

/**
 * Cards coming due on each of the next `days` learning days, today first. What is overdue counts
 * today; a buried card counts from when it comes back; new and suspended cards are not scheduled.
 */
export function forecast(states: Iterable<CardState>, now: Date, dayStartsAt: number, days = 30): ForecastDay[] {
  const today = dayStart(now, dayStartsAt);
  const out: ForecastDay[] = [];
  const index = new Map<string, number>();
  for (let i = 0; i < days; i++) {
    const date = localDate(shiftDay(today, i, dayStartsAt));
    index.set(date, i);
    out.push({ date, due: 0 });
  }
  for (const state of states) {
    if (isNew(state.state) || state.suspended) continue;
    const buried = state.buriedUntil ? Date.parse(state.buriedUntil) : 0;
    const due = Math.max(Date.parse(state.due), buried > now.getTime() ? buried : 0, today.getTime());
    const i = index.get(dayKey(new Date(due), dayStartsAt));
    if (i !== undefined) out[i]!.due++;
  }
  return out;
}
