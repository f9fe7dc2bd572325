import { UserError } from '../errors.js';
import { HAN, HAN_RANGES, countScripts } from '../text/script.js';
import { closeHanGaps, joinHyphenatedLines } from './copy-artefacts.js';
import { withoutMarkup } from './markup.js';
import { scriptRuns } from './script-run.js';

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
  /** Syntax only (fence markers, table rulers, front matter, shortcodes, admonition markers): nothing to read. */
  syntax: boolean;
  /**
   * A numbered-list marker taken off the front (`1.`, `2)`, `(3)`): not part of any sentence, but it
   * still tells a numbered explanation (`1.探路试水:…`) from a definition-shaped sentence.
   */
  number?: string;
  /** A bullet was taken off the front (`• 数字经济 digital economy`): a list item, not running text. */
  bulleted?: boolean;
}

const BULLET_MARK = /^\s*(?:[-+*]\s|[•·▪■◆●○►▶▸➤➢➜★☆※])/;

const FENCE = /^\s*(```|~~~)/;
/**
 * `1. `, `2) `, `(3) `, `4、` before text, and `1.` glued to Chinese (`1.先把水烧开`). Not `1.5 million`
 * or `3.14`: a marker is followed by a space or a Chinese character, never by a digit.
 */
const NUMBER_MARKER = new RegExp(String.raw`^\s*(\d{1,3}[.．、)）]|[(（]\d{1,3}[)）])(?:\s+|(?=[${HAN_RANGES}“‘「]))(?=\S)`, 'u');
/** Tested on the trimmed line: a leading `\s*` before `\|?\s*` backtracks quadratically over a run of spaces. */
const TABLE_RULER = /^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$/;

/** Circled and parenthesised numbers (①, ⑴, ⒈, ❶, ➀) and list bullets, as pages number points. */
const ENUMERATOR_SYMBOLS = '\u2460-\u249b\u2776-\u2793•▪■□◆◇●○★☆►▶▸➤➢➜▲△※';
const LEADING_ENUMERATOR = new RegExp(`^\\s*(?:[${ENUMERATOR_SYMBOLS}]|[a-h][.)](?=\\s))\\s*`, 'u');
/** The same after a sentence's end, where a page numbers its next point, and `(2)`, `2)` there too. */
const INNER_ENUMERATOR = new RegExp(
  `([.!?;。！？；…”’"')）])\\s*(?:[${ENUMERATOR_SYMBOLS}]|[(（]\\d{1,2}[)）]|\\d{1,2}[)）]|[a-h][.)](?=\\s))\\s*`,
  'gu',
);

/**
 * A line without the numbers and bullets that mark its points (`① He left. ② She stayed.`): they
 * are no part of a sentence, and before one they hide where the previous one ends.
 */
function withoutEnumerators(line: string): string {
  return line.replace(LEADING_ENUMERATOR, '').replace(INNER_ENUMERATOR, '$1 ');
}

/**
 * More switches of language than any page puts on one line (a whole bilingual book run together
 * has hundreds of thousands): refused before alignment, as an overlong paragraph is.
 */
const MAX_LINE_RUNS = 2000;

function tooManySwitches(line: number, runs: number): UserError {
  return new UserError(
    `line ${line} switches between Chinese and English ${(runs - 1).toLocaleString('en-US')} times, more than parley aligns in one line (${MAX_LINE_RUNS.toLocaleString('en-US')})`,
    'put each paragraph and its translation on lines of their own, or import the text in parts',
  );
}

/**
 * A blog's own syntax on a line of its own: Hugo and Jekyll shortcodes (`{{< figure … >}}`,
 * `{% include … %}`) and the markers of admonition blocks (`::: note`, `!!! tip`, `??? info`).
 */
const BLOG_SYNTAX = /^\s*(?:\{\{[<%].{0,500}[>%]\}\}|\{%.{0,500}%\}|:::(?:\s.{0,200})?|(?:!!!|\?\?\?\+?)\s+[a-z][\w-]{0,20}(?:\s.{0,200})?)\s*$/;
const MATTER_FENCE = /^(?:---|\+\+\+)\s*$/;

/** The index of the line closing a YAML or TOML front matter block that opens the file, or -1. */
function frontMatterEnd(lines: readonly string[]): number {
  if (lines.length === 0 || !MATTER_FENCE.test(lines[0]!)) return -1;
  for (let i = 1; i < Math.min(lines.length, 80); i++) {
    const line = lines[i]!;
    if (MATTER_FENCE.test(line) || line.trim() === '...') return i;
    // A rule (`---`) above the article, not front matter, when a line is no key, list item or continuation.
    if (line.trim() !== '' && !MATTER_LINE.test(line)) return -1;
  }
  return -1;
}

const MATTER_LINE = /^(?:[\w-]{1,40}\s*[:=]|\s+\S|-\s)/;

/** The labels that open a note on the text (`注：`, `译者注：`), inside a line or on one of its own (see classify). */
export const NOTE_LABELS = '注|译注|译者注|编注|编者注';

/** `【注：…】`, `（译者注：…）` inside a line: a note on the sentence before it, never part of one. */
const INLINE_NOTE = new RegExp(`[【（(]\\s*(?:${NOTE_LABELS})\\s*[:：](?:[^【】（）()]|[（(][^【】（）()]{0,100}[）)]){0,300}[】）)]`, 'g');

/** The text without its inline notes, then each note as a piece of its own, so the note is set aside and the sentence kept whole. */
function withNotesApart(text: string): string[] {
  if (!text.includes('注')) return [text];
  const notes = [...text.matchAll(INLINE_NOTE)].map((m) => m[0]);
  if (notes.length === 0) return [text];
  const rest = text.replace(INLINE_NOTE, '').trim();
  return rest ? [rest, ...notes] : notes;
}

/** `1 The students…` / `1 学生们…`: a bare paragraph number, and what may follow it. */
const BARE_NUMBER = new RegExp(`^(\\d{1,2})\\s+(?=["“‘(（]?[A-Z${HAN_RANGES}])(?![年月日号时点分秒个岁天周次名位元度])`, 'u');

/**
 * Textbooks number each paragraph and its translation alike, with no dot (`1 The students…` /
 * `1 学生们…`). A bare number is a marker only when the same number starts a line close by, and
 * the page numbers more than one pair so: alone it may be the sentence's own (`3 孩子在院子里玩`)
 * or an exercise's.
 */
function withoutPairedNumbers(lines: SourceLine[]): void {
  const numbers = lines.map((l) => (l.syntax || l.number !== undefined ? undefined : BARE_NUMBER.exec(l.text)?.[1]));
  const paired = lines.map((_, i) => {
    const n = numbers[i];
    if (n === undefined) return false;
    for (let j = Math.max(0, i - 3); j <= Math.min(lines.length - 1, i + 3); j++) if (j !== i && numbers[j] === n) return true;
    return false;
  });
  if (new Set(numbers.filter((_, i) => paired[i])).size < 2) return;
  lines.forEach((line, i) => {
    if (!paired[i]) return;
    line.text = line.text.replace(BARE_NUMBER, '');
    line.number = numbers[i];
  });
}

export function readLines(text: string): SourceLine[] {
  const out: SourceLine[] = [];
  const raw = joinHyphenatedLines(text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/));
  const matterEnd = frontMatterEnd(raw.map((r) => r.text));
  for (const [index, { text: rawText, line: number }] of raw.entries()) {
    const line = closeHanGaps(rawText.replace(/[\u200b-\u200d\u2060\ufeff]/g, ''));
    if (index <= matterEnd || FENCE.test(line) || TABLE_RULER.test(line.trim()) || BLOG_SYNTAX.test(line)) {
      out.push({ text: line.trim(), line: number, markdownHeading: false, syntax: true });
      continue;
    }
    const heading = markdownHeading(line);
    const body = heading ?? withoutEnumerators(stripMarkdown(line));
    const numbered = heading !== undefined ? null : NUMBER_MARKER.exec(body);
    const entry: SourceLine = { text: body.trim(), line: number, markdownHeading: heading !== undefined, syntax: false };
    if (numbered) {
      entry.text = body.slice(numbered[0].length).trim();
      entry.number = numbered[1]!;
    }
    if (BULLET_MARK.test(line)) entry.bulleted = true;
    const label = LABEL.exec(entry.text);
    const unlabelled = label && entry.text.slice(label[0].length);
    if (unlabelled && (isChineseSentence(unlabelled) || isEnglishSentence(unlabelled))) entry.text = unlabelled;
    const runs = heading !== undefined ? undefined : scriptRuns(entry.text);
    if (runs && runs.length > MAX_LINE_RUNS) throw tooManySwitches(number, runs.length);
    const pieces = (runs ?? [entry.text]).flatMap(withNotesApart);
    out.push({ ...entry, text: pieces[0]! });
    for (const piece of pieces.slice(1)) out.push({ text: piece, line: number, markdownHeading: false, syntax: false });
  }
  withoutPairedNumbers(out);
  return out;
}

/** `译文：…`, `Translation: …`: a label before a sentence says which side it is, and is not part of it. */
const LABEL = /^(?:译文|翻译|中文|英文|原文|中译|英译|汉译|Translation|English|Chinese|Original)\s*[:：]\s*/i;
const ZH_SENTENCE_END = /[。！？][”’」』）)]*$/;
const EN_SENTENCE_END = /[.!?]["”’')]*$/;
const EN_SENTENCE_START = /^["“'‘(]?[A-Z0-9]/;

function isChineseSentence(text: string): boolean {
  return ZH_SENTENCE_END.test(text) && countScripts(text).han >= 4;
}

function isEnglishSentence(text: string): boolean {
  return !HAN.test(text) && EN_SENTENCE_START.test(text) && EN_SENTENCE_END.test(text) && text.split(/\s+/).length >= 3;
}

const HEADING_MARKER = /^\s{0,3}#{1,6}\s+/;

/**
 * The text of an ATX heading (`## Title ##`), without its closing hashes. Trimmed by hand: the one
 * regex `^#+\s+(.*?)\s*#*\s*$` backtracks cubically on a heading followed by a long run of spaces.
 */
function markdownHeading(line: string): string | undefined {
  const marker = HEADING_MARKER.exec(line);
  if (!marker) return undefined;
  let end = line.trimEnd().length;
  while (end > marker[0].length && line[end - 1] === '#') end--;
  return line.slice(marker[0].length, end).trimEnd();
}

function stripMarkdown(line: string): string {
  let s = line.replace(/^\s*(>\s*)+/, '');
  // Table rows become tab-separated columns, the shape two-column glossaries have anyway.
  if (/^\s*\|.*\|\s*$/.test(s)) s = s.trim().slice(1, -1).split('|').map((c) => c.trim()).join('\t');
  s = s.replace(/^\s*[-+•·]\s+/, '').replace(/^\s*\*\s+/, '').replace(TASK_BOX, '');
  return withoutMarkup(s);
}

/** A task list's box (`- [ ] word`, `- [x] word`): the bullet is gone by now. */
const TASK_BOX = /^\[[ xX]\]\s+/;
