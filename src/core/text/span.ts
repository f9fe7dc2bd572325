import { characterAt, isHanScript, isSpace } from './script.js';

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
 * An opening quotation mark whose closer never comes but the text ends this close after it: the
 * page lost the closer of speech that ends a paragraph (`And was like 'Undo! Undo!`).
 */
const LOST_CLOSER_TAIL = 60;

/**
 * Where each quotation that opens at an index closes, when it closes within `limit` characters
 * (`text.length` for one whose closer was lost at the end, see LOST_CLOSER_TAIL). Text inside a
 * quotation is not cut into sentences: a quoted speech is one unit on both sides. Single quotes
 * double as apostrophes, so one opens only at the start of a word and closes only at the end of one.
 */
export function quoteSpans(text: string, limit: number): Map<number, number> {
  const spans = new Map<number, number>();
  const open: { ch: string; at: number }[] = [];
  let straight = -1;
  let single = -1;
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
    } else if ((ch === "'" || ch === '\u2019') && single >= 0 && !isSpace(text.charCodeAt(i - 1)) && !LETTER_OR_DIGIT.test(characterAt(text, i + 1))) {
      if (i - single <= limit) spans.set(single, i);
      single = -1;
    } else if ((ch === "'" || ch === '\u2018') && (i === 0 || /[\s([{\u2014\u2013-]/.test(text[i - 1]!)) && LETTER.test(characterAt(text, i + 1))) {
      single = i;
    } else {
      const top = open[open.length - 1];
      if (top && top.ch === ch) {
        open.pop();
        if (i - top.at <= limit) spans.set(top.at, i);
      }
    }
  }
  const lost = [straight, single, open.length === 1 && open[0]!.ch === '\u201d' ? open[0]!.at : -1];
  for (const at of lost) {
    if (at >= 0 && text.length - at <= LOST_CLOSER_TAIL && opensSpeech(characterAt(text, at + 1))) spans.set(at, text.length);
  }
  return spans;
}

const CLOSER: Record<string, string> = { '\u201c': '\u201d', '「': '」', '『': '』', '《': '》', '（': '）', '(': ')' };
const LETTER = /\p{L}/u;
const LETTER_OR_DIGIT = /[\p{L}\d]/u;
const UPPER = /\p{Lu}/u;
/** Speech starts with a capital or a Chinese character. */
const opensSpeech = (c: string) => c !== '' && (UPPER.test(c) || isHanScript(c.codePointAt(0)!));
