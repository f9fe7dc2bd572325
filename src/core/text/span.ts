/** A piece of a longer text, with where it starts, so callers can map it back to a line. */
export interface Span {
  text: string;
  start: number;
}

/** Cuts `text` at the given end offsets, trimming each piece and dropping empty ones. */
export function cutAt(text: string, ends: readonly number[]): Span[] {
  const spans: Span[] = [];
  let from = 0;
  for (const end of [...ends, text.length]) {
    if (end <= from) continue;
    const raw = text.slice(from, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) spans.push({ text: trimmed, start: from + lead });
    from = end;
  }
  return spans;
}

/**
 * Where each quotation that opens at an index closes, when it closes within `limit` characters.
 * Text inside a closed quotation is not cut into sentences: a quoted speech is one unit on both sides.
 */
export function quoteSpans(text: string, limit: number): Map<number, number> {
  const spans = new Map<number, number>();
  const open: { ch: string; at: number }[] = [];
  let straight = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const closer = CLOSER[ch];
    if (closer !== undefined) open.push({ ch: closer, at: i });
    else if (ch === '"') {
      if (straight < 0) straight = i;
      else {
        if (i - straight <= limit) spans.set(straight, i);
        straight = -1;
      }
    } else {
      const top = open[open.length - 1];
      if (top && top.ch === ch) {
        open.pop();
        if (i - top.at <= limit) spans.set(top.at, i);
      }
    }
  }
  return spans;
}

const CLOSER: Record<string, string> = { '\u201c': '\u201d', '「': '」', '『': '』', '《': '》', '（': '）', '(': ')' };
