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
}

const FENCE = /^\s*(```|~~~)/;
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
    out.push({ text: body.trim(), line: i + 1, markdownHeading: heading !== null, syntax: false });
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
