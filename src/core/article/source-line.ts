import { HAN, HAN_RANGES, isHanScript } from '../text/script.js';

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
  /** A bullet was taken off the front (`• 数字经济 digital economy`): a list item, not running text. */
  bulleted?: boolean;
}

const BULLET_MARK = /^\s*(?:[-+*•·▪■◆●○►▶▸➤➢➜★☆※]\s)/;

const FENCE = /^\s*(```|~~~)/;
/**
 * `1. `, `2) `, `(3) `, `4、` before text, and `1.` glued to Chinese (`1.先把水烧开`). Not `1.5 million`
 * or `3.14`: a marker is followed by a space or a Chinese character, never by a digit.
 */
const NUMBER_MARKER = new RegExp(String.raw`^\s*(\d{1,3}[.．、)）]|[(（]\d{1,3}[)）])(?:\s+|(?=[${HAN_RANGES}“‘「]))(?=\S)`, 'u');
const TABLE_RULER = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

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

export function readLines(text: string): SourceLine[] {
  const out: SourceLine[] = [];
  const raw = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  for (let i = 0; i < raw.length; i++) {
    const line = raw[i]!.replace(/[\u200b-\u200d\u2060\ufeff]/g, '');
    if (FENCE.test(line) || TABLE_RULER.test(line)) {
      out.push({ text: line.trim(), line: i + 1, markdownHeading: false, syntax: true });
      continue;
    }
    const heading = markdownHeading(line);
    const body = heading ?? withoutEnumerators(stripMarkdown(line));
    const numbered = heading !== undefined ? null : NUMBER_MARKER.exec(body);
    const entry: SourceLine = { text: body.trim(), line: i + 1, markdownHeading: heading !== undefined, syntax: false };
    if (numbered) {
      entry.text = body.slice(numbered[0].length).trim();
      entry.number = numbered[1]!;
    }
    if (BULLET_MARK.test(line)) entry.bulleted = true;
    const label = LABEL.exec(entry.text);
    const unlabelled = label && entry.text.slice(label[0].length);
    if (unlabelled && (isChineseSentence(unlabelled) || isEnglishSentence(unlabelled))) entry.text = unlabelled;
    const halves = heading !== undefined ? undefined : bilingualHalves(entry.text);
    if (halves) {
      out.push({ ...entry, text: halves[0] }, { text: halves[1], line: i + 1, markdownHeading: false, syntax: false });
    } else {
      out.push(entry);
    }
  }
  return out;
}

/** `译文：…`, `Translation: …`: a label before a sentence says which side it is, and is not part of it. */
const LABEL = /^(?:译文|翻译|中文|英文|原文|中译|英译|汉译|Translation|English|Chinese|Original)\s*[:：]\s*/i;
const ZH_SENTENCE_END = /[。！？][”’」』）)]*$/;
const EN_SENTENCE_END = /[.!?]["”’')]*$/;
const EN_SENTENCE_START = /^["“'‘(]?[A-Z0-9]/;
/** Chinese punctuation that closes a sentence or a quote, and that which may open one. */
const ZH_CLOSING = '。！？…”’」』）)';
const ZH_OPENING = '“‘「『《（(';

/** What may stand between the two halves: `中文。 / English.`, `| English.`, `— English.` */
const SEPARATOR_START = /^[\s/|｜\-–—]+/;
const SEPARATOR = /[\s/|｜\-–—]/;

/**
 * `text` without the separators it ends with. A loop, not `/[…]+$/`: that regex retries from every
 * separator in a long run that the text does not end with, which is quadratic.
 */
function withoutTrailingSeparators(text: string): string {
  let end = text.length;
  while (end > 0 && SEPARATOR.test(text[end - 1]!)) end--;
  return text.slice(0, end);
}

/*
 * The two counts below stop at the few they need: a line may be megabytes long, and matching every
 * character or word of it into an array only to count them costs hundreds of megabytes.
 */
function hasHan(text: string, atLeast: number): boolean {
  let count = 0;
  for (const ch of text) if (isHanScript(ch.codePointAt(0)!) && ++count >= atLeast) return true;
  return false;
}

function hasLatinWords(text: string, atLeast: number): boolean {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) | 0x20;
    const letter = c >= 0x61 && c <= 0x7a;
    if (letter && !inWord && ++count >= atLeast) return true;
    inWord = letter;
  }
  return false;
}

function isChineseSentence(text: string): boolean {
  return ZH_SENTENCE_END.test(text) && hasHan(text, 4);
}

function isEnglishSentence(text: string): boolean {
  return !HAN.test(text) && EN_SENTENCE_START.test(text) && EN_SENTENCE_END.test(text) && hasLatinWords(text, 3);
}

/**
 * A line holding a sentence and its translation side by side: `中文句子。English sentence.`, the
 * reverse, or a table row (columns already joined by a tab) of one Chinese and one English
 * sentence. Each half must be a whole sentence in its language, so a Chinese sentence that quotes
 * English, or a note like `word(adj.)释义`, stays one line.
 */
export function bilingualHalves(text: string): [string, string] | undefined {
  if (text.includes('\t')) {
    const cells = text.split(/\t+/).map((c) => c.trim()).filter(Boolean);
    if (cells.length !== 2) return undefined;
    const [a, b] = cells as [string, string];
    const sentences = (isChineseSentence(a) && isEnglishSentence(b)) || (isEnglishSentence(a) && isChineseSentence(b));
    return sentences ? [a, b] : undefined;
  }
  if (!HAN.test(text) || !/[A-Za-z]/.test(text)) return undefined;
  // Chinese first: the English is everything after the last Chinese character and its closing marks.
  let end = text.length;
  while (end > 0 && !HAN.test(text[end - 1]!)) end--;
  let split = end;
  while (split < text.length && ZH_CLOSING.includes(text[split]!)) split++;
  const zhFirst: [string, string] = [text.slice(0, split).trim(), text.slice(split).replace(SEPARATOR_START, '').trim()];
  if (isChineseSentence(zhFirst[0]) && isEnglishSentence(zhFirst[1])) return zhFirst;
  // English first: the Chinese starts at the first Chinese character, or the quote or bracket before it.
  let start = text.search(HAN);
  while (start > 0 && ZH_OPENING.includes(text[start - 1]!)) start--;
  const enFirst: [string, string] = [withoutTrailingSeparators(text.slice(0, start)).trim(), text.slice(start).trim()];
  return isEnglishSentence(enFirst[0]) && isChineseSentence(enFirst[1]) ? enFirst : undefined;
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
  s = s.replace(/^\s*[-+•·]\s+/, '').replace(/^\s*\*\s+/, '');
  return s.replace(/\*\*(.+?)\*\*|__(.+?)__/g, (_m, a: string | undefined, b: string | undefined) => a ?? b ?? '');
}
