import stringWidth from 'string-width';

export type Align = 'left' | 'right';

/** Cuts text to a display width (CJK counts two columns), marking the cut with an ellipsis. */
export function truncateToWidth(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  let out = '';
  for (const char of text) {
    if (stringWidth(out + char) > width - 1) break;
    out += char;
  }
  return `${out}…`;
}

function pad(text: string, width: number, align: Align): string {
  const gap = ' '.repeat(Math.max(0, width - stringWidth(text)));
  return align === 'left' ? text + gap : gap + text;
}

/**
 * Columns sized by display width, so Chinese deck names line up. When the table is wider than
 * `maxWidth` the first column gives way.
 */
export function renderTable(header: string[], rows: string[][], options: { align: Align[]; maxWidth: number }): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => stringWidth(r[i] ?? ''))));
  const total = widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
  if (total > options.maxWidth && widths[0] !== undefined) widths[0] = Math.max(8, widths[0] - (total - options.maxWidth));
  return all
    .map((row) => row.map((cell, i) => pad(i === 0 ? truncateToWidth(cell, widths[0]!) : cell, widths[i]!, options.align[i] ?? 'left')).join('  ').trimEnd())
    .join('\n');
}
