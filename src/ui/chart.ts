import { Chalk } from 'chalk';

export interface ChartOptions {
  /** Colour and block characters; without it charts are plain numbers, fit for a pipe. */
  color: boolean;
  /** Terminal columns the chart must fit in. */
  width: number;
}

export interface DayCount {
  /** `YYYY-MM-DD`. */
  date: string;
  count: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Mon', '', 'Wed', '', 'Fri', '', 'Sun'];
/** Greens from faint to strong, GitHub's four steps in the 256-colour palette. */
const GREENS = [22, 28, 34, 46];
const EIGHTHS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

const month = (date: string) => MONTHS[Number(date.slice(5, 7)) - 1]!;
const weekday = (date: string) => (new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7;

/** Splits days (starting on a Monday) into weeks of seven. */
function weeks(days: readonly DayCount[]): DayCount[][] {
  const out: DayCount[][] = [];
  for (let i = 0; i < days.length; i += 7) out.push(days.slice(i, i + 7));
  return out;
}

/**
 * Plain numbers, seven days a line with the line's total. The calendar lines up its columns with
 * weekdays; the forecast counts days from today.
 */
function plainWeeks(days: readonly DayCount[], byWeekday: boolean): string {
  const cell = 5;
  const names = byWeekday ? ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] : ['+0', '+1', '+2', '+3', '+4', '+5', '+6'];
  const lines = [`${(byWeekday ? 'week of' : 'from').padEnd(10)}  ${names.map((d) => d.padStart(cell)).join('')}  ${'total'.padStart(6)}`];
  const lead = byWeekday && days.length ? weekday(days[0]!.date) : 0;
  const padded: (DayCount | undefined)[] = [...Array<undefined>(lead).fill(undefined), ...days];
  for (let i = 0; i < padded.length; i += 7) {
    const week = padded.slice(i, i + 7);
    const first = week.find(Boolean)!;
    const cells = Array.from({ length: 7 }, (_, d) => (week[d] ? String(week[d]!.count) : '').padStart(cell)).join('');
    const total = week.reduce((sum, d) => sum + (d?.count ?? 0), 0);
    lines.push(`${first.date}  ${cells}  ${String(total).padStart(6)}`);
  }
  return lines.join('\n');
}

/**
 * A GitHub-style calendar: a column per week (Monday on top), a cell per day shaded by how many
 * reviews it had, month names above. `days` start on a Monday. Plain: one line of numbers per week.
 */
export function renderHeatmap(days: readonly DayCount[], options: ChartOptions): string {
  if (!options.color) return plainWeeks(days, true);
  const c = new Chalk({ level: 2 });
  const fit = Math.max(1, Math.floor((options.width - 4) / 2));
  const columns = weeks(days).slice(-fit);
  const max = Math.max(0, ...days.map((d) => d.count));
  const shade = (n: number) => (n === 0 ? c.dim('·') : c.ansi256(GREENS[Math.min(3, Math.ceil((4 * n) / max) - 1)]!)('■'));

  let header = '    ';
  columns.forEach((week, i) => {
    const label = month(week[0]!.date);
    const starts = i === 0 || month(columns[i - 1]![0]!.date) !== label;
    if (starts && header.length <= 4 + 2 * i) header = header.padEnd(4 + 2 * i) + label;
  });
  const rows = WEEKDAYS.map((name, d) => {
    const cells = columns.map((week) => (week[d] ? shade(week[d]!.count) : ' ')).join(' ');
    return `${name.padEnd(3)} ${cells}`.trimEnd();
  });
  const legend = `    less ${[0, 1, 2, 3].map((l) => c.ansi256(GREENS[l]!)('■')).join(' ')} more   busiest day: ${max}`;
  return [header.trimEnd(), ...rows, legend].join('\n');
}

/**
 * Cards due per day as vertical bars in eighth-blocks, today on the left, with the largest count on
 * the axis. Plain: the numbers, seven days to a line.
 */
export function renderForecast(days: readonly DayCount[], options: ChartOptions & { height?: number }): string {
  if (!options.color) return plainWeeks(days, false);
  const c = new Chalk({ level: 2 });
  const height = options.height ?? 6;
  const max = Math.max(0, ...days.map((d) => d.count));
  const axis = String(max).length;
  const gap = axis + 2 + 2 * days.length <= options.width ? ' ' : '';
  const units = days.map((d) => (max === 0 ? 0 : Math.round((d.count / max) * height * 8)));
  const rows: string[] = [];
  for (let r = 0; r < height; r++) {
    const floor = (height - 1 - r) * 8;
    const bars = units.map((u) => {
      const level = Math.min(8, Math.max(0, u - floor));
      return level === 0 ? ' ' : c.cyan(EIGHTHS[level - 1]!);
    }).join(gap);
    const label = r === 0 ? String(max) : r === height - 1 ? '0' : '';
    rows.push(`${label.padStart(axis)} │${bars}`.trimEnd());
  }
  const step = gap ? 2 : 1;
  let ticks = '';
  days.forEach((d, i) => {
    if (i % 7 !== 0) return;
    const text = i === 0 ? 'today' : `${month(d.date)} ${Number(d.date.slice(8))}`;
    const at = i * step;
    if (ticks.length <= at) ticks = ticks.padEnd(at) + text;
  });
  rows.push(`${' '.repeat(axis)} └${'─'.repeat(days.length * step)}`);
  rows.push(`${' '.repeat(axis + 2)}${ticks}`);
  return rows.join('\n');
}
