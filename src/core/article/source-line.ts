import { HAN_RANGES } from '../text/script.js';

/**
 * Lines of the decoded text with Markdown syntax peeled off, each keeping its 1-based line number.
 * Markdown matters only as packaging: a `#` heading is a heading, a table row is columns, a fence
 * is not content.
 */
export interface SourceLine {
  text: string;
  line: number;
  /** A Markdown `#` heading: a title candidate that never merges with neighbouring sentences. */
  markdownHeading: boolean;
  /** Syntax only (fence markers, table rulers): nothing to read. */
  syntax: boolean;
  /**
   * A numbered-list marker taken off the front (`1.`, `2)`, `(3)`): not part of any sentence, but it
   * still tells a numbered explanation (`1.探路试水:…`) from a definition-shaped sentence.
   */
  number?: string;
}

const FENCE = /^\s*(```|~~~)/;
/**
 * `1. `, `2) `, `(3) `, `4、` before text, and `1.` glued to Chinese (`1.先把水烧开`). Not `1.5 million`
 * or `3.14`: a marker is followed by a space or a Chinese character, never by a digit.
 */
const NUMBER_MARKER = new RegExp(String.raw`^\s*(\d{1,3}[.．、)）]|[(（]\d{1,3}[)）])(?:\s+|(?=[${HAN_RANGES}“‘「]))(?=\S)`, 'u');
const TABLE_RULER = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

export function readLines(text: string): SourceLine[] {
  const out: SourceLine[] = [];
  const raw = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  for (let i = 0; i < raw.length; i++) {
    const line = raw[i]!.replace(/[\u200b-\u200d\u2060\ufeff]/g, '');
    if (FENCE.test(line) || TABLE_RULER.test(line)) {
      out.push({ text: line.trim(), line: i + 1, markdownHeading: false, syntax: true });
      continue;
    }
    const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    const body = heading ? heading[1]! : stripMarkdown(line);
    const numbered = heading ? null : NUMBER_MARKER.exec(body);
    const entry: SourceLine = { text: body.trim(), line: i + 1, markdownHeading: heading !== null, syntax: false };
    if (numbered) {
      entry.text = body.slice(numbered[0].length).trim();
      entry.number = numbered[1]!;
    }
    out.push(entry);
  }
  return out;
}

function stripMarkdown(line: string): string {
  let s = line.replace(/^\s*(>\s*)+/, '');
  // Table rows become tab-separated columns, the shape two-column glossaries have anyway.
  if (/^\s*\|.*\|\s*$/.test(s)) s = s.trim().slice(1, -1).split('|').map((c) => c.trim()).join('\t');
  s = s.replace(/^\s*[-+•·]\s+/, '').replace(/^\s*\*\s+/, '');
  return s.replace(/\*\*(.+?)\*\*|__(.+?)__/g, (_m, a: string | undefined, b: string | undefined) => a ?? b ?? '');
}
