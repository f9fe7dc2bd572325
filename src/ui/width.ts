import { eastAsianWidth } from 'get-east-asian-width';

/**
 * Display-width helpers: a Chinese character takes two terminal columns, so lengths in code units
 * would misalign every line that mixes CJK and Latin text. Written over the East Asian Width
 * tables rather than with string-width, whose Intl.Segmenter and emoji regex cost ~60 ms to load:
 * more than the whole start-up budget of the review screen.
 */

// Marks, format characters (ZWJ, variation selectors) and emoji skin tones join the character before.
const JOINS = /^[\p{Mn}\p{Me}\p{Cf}\u{1F3FB}-\u{1F3FF}]$/u;
const SGR = /\x1b\[[0-9;]*m/g;
const ZWJ = 0x200d;
const isRegional = (cp: number) => cp >= 0x1f1e6 && cp <= 0x1f1ff;
const isPictograph = (cp: number) => cp >= 0x1f000 && cp <= 0x1faff;

/**
 * User-perceived characters: a base code point with what joins it. Close to Unicode grapheme
 * clusters for everything a bilingual article holds (CJK, Latin with accents, emoji sequences).
 */
export function* clusters(text: string): Generator<{ segment: string; index: number }> {
  let start = 0;
  let index = 0;
  let previous = -1;
  let regionalRun = 0;
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    const joins = index > 0 && (previous === ZWJ || JOINS.test(char) || (isRegional(cp) && regionalRun % 2 === 1));
    if (!joins && index > start) {
      yield { segment: text.slice(start, index), index: start };
      start = index;
    }
    regionalRun = isRegional(cp) ? regionalRun + 1 : 0;
    previous = cp;
    index += char.length;
  }
  if (index > start) yield { segment: text.slice(start, index), index: start };
}

function clusterWidth(segment: string): number {
  const cp = segment.codePointAt(0)!;
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (cp < 0x7f) return 1;
  if (JOINS.test(String.fromCodePoint(cp))) return 0;
  if (isPictograph(cp) || isRegional(cp) || segment.includes('\ufe0f')) return 2;
  return eastAsianWidth(cp);
}

/** Columns `text` takes on a terminal; colour codes take none. */
export function displayWidth(text: string): number {
  const plain = text.includes('\x1b') ? text.replace(SGR, '') : text;
  let width = 0;
  for (let i = 0; i < plain.length; i++) {
    const code = plain.charCodeAt(i);
    if (code >= 0x20 && code < 0x7f) width++;
    else {
      for (const { segment } of clusters(plain.slice(i))) width += clusterWidth(segment);
      break;
    }
  }
  return width;
}

/** Pads with spaces to `width` columns (text already that wide is left alone). */
export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

export function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}

/** Cuts plain text to `width` columns, marking the cut with `...` (ASCII: ambiguous-width `…` is two columns in some CJK terminals). */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  const mark = width >= 4 ? '...' : '';
  let out = '';
  let used = 0;
  for (const { segment } of clusters(text)) {
    const w = displayWidth(segment);
    if (used + w > width - mark.length) break;
    out += segment;
    used += w;
  }
  return out + mark;
}

/** Cuts plain text to its last `width` columns, marking the cut with `...` at the start: the end of a long typed line. */
export function truncateStart(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  const mark = width >= 4 ? '...' : '';
  const segments = [...clusters(text)];
  let start = segments.length;
  let used = 0;
  while (start > 0) {
    const w = displayWidth(segments[start - 1]!.segment);
    if (used + w > width - mark.length) break;
    used += w;
    start--;
  }
  return mark + text.slice(segments[start]?.index ?? text.length);
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
  for (const { segment, index } of clusters(text)) {
    const start = offset + index;
    const end = start + segment.length;
    const width = displayWidth(segment);
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
          for (const { segment, index } of clusters(paragraph.slice(token.start - offset, token.end - offset))) {
            const w = displayWidth(segment);
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
