import stringWidth from 'string-width';

/**
 * Display-width helpers: a Chinese character takes two terminal columns, so lengths in code units
 * would misalign every line that mixes CJK and Latin text.
 */
export const displayWidth = (text: string): number => stringWidth(text);

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Pads with spaces to `width` columns (text already that wide is left alone). */
export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

export function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - stringWidth(text))) + text;
}

/** Cuts plain text to `width` columns, marking the cut with `...` (ASCII: ambiguous-width `…` is two columns in some CJK terminals). */
export function truncate(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  const mark = width >= 4 ? '...' : '';
  let out = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const w = stringWidth(segment);
    if (used + w > width - mark.length) break;
    out += segment;
    used += w;
  }
  return out + mark;
}

// Punctuation that must not start a line (kinsoku) and that must not end one.
const NO_LINE_START = new Set([...'，。、；：？！）」』》〉”’…,.;:?!)]}%']);
const NO_LINE_END = new Set([...'（「『《〈“‘([{']);

interface Token {
  start: number;
  end: number;
  width: number;
  space: boolean;
  /** Ends in a Latin letter or digit, so a following one continues the same word. */
  inWord: boolean;
}

function tokenize(text: string, offset: number): Token[] {
  const tokens: Token[] = [];
  let glueNext = false;
  for (const { segment, index } of graphemes.segment(text)) {
    const start = offset + index;
    const end = start + segment.length;
    const width = stringWidth(segment);
    const space = /^\s+$/u.test(segment);
    const narrow = !space && width < 2 && !NO_LINE_START.has(segment);
    const last = tokens.at(-1);
    // Latin runs are words; each wide character is a place a line may break.
    const joins = last && (space ? last.space : !last.space && (glueNext || NO_LINE_START.has(segment) || (narrow && last.inWord)));
    if (joins && last) {
      last.end = end;
      last.width += width;
      last.inWord = narrow;
    } else {
      tokens.push({ start, end, width, space, inWord: narrow });
    }
    glueNext = NO_LINE_END.has(segment);
  }
  return tokens;
}

/** Where each wrapped line starts and ends in `text`, breaking at spaces and between CJK characters. */
export function wrapRanges(text: string, width: number): Array<[number, number]> {
  const lines: Array<[number, number]> = [];
  const limit = Math.max(1, width);
  let offset = 0;
  for (const paragraph of text.split('\n')) {
    let line: [number, number] | null = null;
    let used = 0;
    let gap = 0;
    for (const token of tokenize(paragraph, offset)) {
      if (token.space) {
        if (line) gap = token.width;
        continue;
      }
      if (line && used + gap + token.width <= limit) {
        line[1] = token.end;
        used += gap + token.width;
      } else {
        if (line) lines.push(line);
        line = null;
        used = 0;
        if (token.width <= limit) {
          line = [token.start, token.end];
          used = token.width;
        } else {
          // A word wider than the screen is cut wherever it has to be.
          for (const { segment, index } of graphemes.segment(paragraph.slice(token.start - offset, token.end - offset))) {
            const w = stringWidth(segment);
            const start = token.start + index;
            if (line && used + w <= limit) {
              line[1] = start + segment.length;
              used += w;
            } else {
              if (line) lines.push(line);
              line = [start, start + segment.length];
              used = w;
            }
          }
        }
      }
      gap = 0;
    }
    lines.push(line ?? [offset, offset]);
    offset += paragraph.length + 1;
  }
  return lines;
}

/** Wraps plain CJK and Latin text to `width` columns. */
export function wrap(text: string, width: number): string[] {
  return wrapRanges(text, width).map(([start, end]) => text.slice(start, end));
}

export interface Span {
  text: string;
  paint: (text: string) => string;
}

/** Wraps styled spans as plain text, then paints each line's pieces, so colour never counts as width. */
export function wrapSpans(spans: readonly Span[], width: number): string[] {
  const text = spans.map((s) => s.text).join('');
  const bounds: number[] = [];
  let at = 0;
  for (const span of spans) bounds.push((at += span.text.length));
  return wrapRanges(text, width).map(([start, end]) => {
    let out = '';
    let from = start;
    spans.forEach((span, i) => {
      const spanEnd = bounds[i]!;
      const spanStart = spanEnd - span.text.length;
      const a = Math.max(from, spanStart);
      const b = Math.min(end, spanEnd);
      if (a < b) {
        out += span.paint(text.slice(a, b));
        from = b;
      }
    });
    return out;
  });
}
