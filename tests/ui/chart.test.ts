import { displayWidth } from '../../src/ui/width.js';
import { describe, expect, it } from 'vitest';
import { renderForecast, renderHeatmap, type DayCount } from '../../src/ui/chart.js';

const ANSI = /\u001b\[[0-9;]*m/g;
const plain = (s: string) => s.replace(ANSI, '');

/** 26 weeks of days from Monday 2025-09-01, with a few busy days. */
function year(): DayCount[] {
  const start = Date.UTC(2025, 8, 1);
  return Array.from({ length: 182 }, (_, i) => ({
    date: new Date(start + i * 86_400_000).toISOString().slice(0, 10),
    count: i % 9 === 0 ? i % 40 : 0,
  }));
}

function forecastDays(): DayCount[] {
  const start = Date.UTC(2026, 2, 1);
  return Array.from({ length: 30 }, (_, i) => ({ date: new Date(start + i * 86_400_000).toISOString().slice(0, 10), count: (i * 7) % 23 }));
}

describe('renderHeatmap', () => {
  it('draws 26 week columns and 7 weekday rows within 80 columns', () => {
    const lines = renderHeatmap(year(), { color: true, width: 80 }).split('\n');
    expect(lines).toHaveLength(9);
    for (const line of lines) expect(displayWidth(plain(line))).toBeLessThanOrEqual(80);
    expect(plain(lines[0]!)).toMatch(/^ {4}Sep/);
    expect(plain(lines[1]!).startsWith('Mon ')).toBe(true);
    expect(plain(lines[1]!).replace(/^Mon /, '').split(' ')).toHaveLength(26);
  });

  it('drops the oldest weeks to fit a narrow terminal', () => {
    const lines = renderHeatmap(year(), { color: true, width: 40 }).split('\n');
    expect(plain(lines[1]!).replace(/^Mon /, '').split(' ')).toHaveLength(18);
  });

  it('is plain numbers, a week a line, without colour', () => {
    const text = renderHeatmap(year(), { color: false, width: 80 });
    expect(text).not.toMatch(ANSI);
    expect(text).not.toMatch(/[■·]/);
    const lines = text.split('\n');
    expect(lines).toHaveLength(27);
    expect(lines[0]).toBe('week of       Mon  Tue  Wed  Thu  Fri  Sat  Sun   total');
    expect(lines[1]).toBe('2025-09-01      0    0    0    0    0    0    0       0');
    expect(lines[2]).toBe('2025-09-08      0    0    9    0    0    0    0       9');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
  });
});

describe('renderForecast', () => {
  it('draws 30 bars with today on the left, the largest count on the axis, within 80 columns', () => {
    const lines = renderForecast(forecastDays(), { color: true, width: 80 }).split('\n').map(plain);
    expect(lines).toHaveLength(8);
    expect(lines[0]!.startsWith('22 │')).toBe(true);
    expect(lines[5]!.startsWith(' 0 │')).toBe(true);
    expect(lines[7]!.trim().startsWith('today')).toBe(true);
    expect(lines[7]).toContain('Mar 8');
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(80);
  });

  it('is plain numbers without colour', () => {
    const lines = renderForecast(forecastDays(), { color: false, width: 80 }).split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toBe('from           +0   +1   +2   +3   +4   +5   +6   total');
    expect(lines[1]).toBe('2026-03-01      0    7   14   21    5   12   19      78');
    expect(lines[5]).toBe('2026-03-29     12   19                               31');
  });
});
