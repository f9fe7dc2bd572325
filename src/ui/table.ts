import { displayWidth, padEnd, padStart, truncate } from './width.js';

export type Align = 'left' | 'right';

/**
 * Columns sized by display width, so Chinese deck names line up. When the table is wider than
 * `maxWidth` the first column gives way.
 */
export function renderTable(header: string[], rows: string[][], options: { align: Align[]; maxWidth: number }): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => displayWidth(r[i] ?? ''))));
  const total = widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
  if (total > options.maxWidth && widths[0] !== undefined) widths[0] = Math.max(8, widths[0] - (total - options.maxWidth));
  return all
    .map((row) => row.map((cell, i) => {
      const text = i === 0 ? truncate(cell, widths[0]!) : cell;
      return options.align[i] === 'right' ? padStart(text, widths[i]!) : padEnd(text, widths[i]!);
    }).join('  ').trimEnd())
    .join('\n');
}
