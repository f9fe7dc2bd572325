import { HAN_RANGES } from '../text/script.js';

/*
 * What copying text out of a PDF or a page leaves behind: a space where a line of Chinese was
 * broken, an English word hyphenated across two lines, and `?` where an encoding lost a character.
 */

/** A raw line of the article and its 1-based number. */
export interface NumberedLine {
  text: string;
  line: number;
}

const WIDE = `${HAN_RANGES}\\u3001-\\u3003\\u3008-\\u3011\\u3014-\\u301b\\uff01-\\uff0f\\uff1a-\\uff20\\uff3b-\\uff40\\uff5b-\\uff65`;
/** One space between two Chinese characters (or full-width punctuation); two or more align columns. */
const HAN_GAP = new RegExp(`(?<=[${WIDE}]) (?=[${WIDE}])`, 'gu');
/**
 * Running Chinese text: a clause or sentence mark, full-width or half-width after a Chinese
 * character. Navigation bars (`首页 新闻 双语`) and titles with a subtitle have none, and there a
 * space separates on purpose.
 */
const RUNNING_CHINESE = new RegExp(`[，。！？；]|[${HAN_RANGES}][,;!?]`, 'u');

/** `北京师 范大学的学生。` -> `北京师范大学的学生。`: Chinese is written without spaces, so one inside running text is a broken line. */
export function closeHanGaps(line: string): string {
  return line.includes(' ') && RUNNING_CHINESE.test(line) ? line.replace(HAN_GAP, '') : line;
}

const CONTINUATION = /^\s*([A-Za-z0-9]+)/;
/** First halves of compounds that stay hyphenated (`well-known`, `self-made`, `twenty-five`). */
const COMPOUND_FIRST = new Set([
  'all', 'cross', 'ex', 'far', 'full', 'half', 'high', 'ill', 'long', 'low', 'non', 'old', 'self', 'short', 'so', 'well',
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety',
]);

/**
 * Lines with a word hyphenated across the break joined to the next line, which keeps its place
 * in the first line's number: `impor-` + `tant to us.` -> `important to us.` The hyphen stays when
 * the text writes the word hyphenated elsewhere, when what follows is not lower case (`Sino-` +
 * `US`), or for a compound's usual first half (`well-` + `known`) unless the text writes the word
 * whole elsewhere.
 */
export function joinHyphenatedLines(lines: readonly string[]): NumberedLine[] {
  const out: NumberedLine[] = [];
  let words: Set<string> | undefined;
  for (let i = 0; i < lines.length; i++) {
    let text = lines[i]!;
    const line = i + 1;
    for (;;) {
      const broken = brokenWord(text);
      const next = broken && i + 1 < lines.length ? CONTINUATION.exec(lines[i + 1]!) : null;
      if (!broken || !next) break;
      words ??= wordsOf(lines);
      const hyphen = broken.compound || keepsHyphen(broken.head, next[1]!, words) ? '-' : '';
      text = text.trimEnd().slice(0, -1) + hyphen + lines[i + 1]!.trimStart();
      i++;
    }
    out.push({ text, line });
  }
  return out;
}

/**
 * The letters before a hyphen that ends the line, and whether they follow another hyphen
 * (`state-of-the-`), which makes them part of a compound. Scanned by hand: a regex anchored at
 * the end still tries every start, quadratic on a long line of letters.
 */
function brokenWord(text: string): { head: string; compound: boolean } | undefined {
  const end = text.trimEnd().length - 1;
  if (text[end] !== '-') return undefined;
  let start = end;
  while (start > 0 && /[A-Za-z]/.test(text[start - 1]!)) start--;
  if (start === end) return undefined;
  return { head: text.slice(start, end), compound: text[start - 1] === '-' };
}

function keepsHyphen(head: string, tail: string, words: Set<string>): boolean {
  if (!/^[a-z]/.test(tail)) return true;
  const whole = (head + tail).toLowerCase();
  const compound = `${head}-${tail}`.toLowerCase();
  if (words.has(compound)) return true;
  if (words.has(whole)) return false;
  return COMPOUND_FIRST.has(head.toLowerCase());
}

/** Every word and hyphenated compound the lines write on one line, lower case. */
function wordsOf(lines: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const line of lines) {
    for (const match of line.matchAll(/[A-Za-z]+(?:-[A-Za-z]+)*/g)) {
      words.add(match[0].toLowerCase());
      for (const part of match[0].split('-')) words.add(part.toLowerCase());
    }
  }
  return words;
}

const LOST = new RegExp(`[${HAN_RANGES}]\\?+(?=[${HAN_RANGES}])|\\ufffd`, 'gu');
/**
 * A half-width `?` that ends a question: the clause before it asks, with a particle, a question
 * word or the A-not-A form (`你来不来?`, `去没去?`).
 */
const QUESTION = /[吗呢吧么嘛]$|什么|谁|哪|怎|为何|几|多少|是否|难道|能否|可否|还是|(\S)[不没]\1/u;
const CLAUSE_END = /[。！？；，,;!?.…]/;
/** A question word sits near its question mark; looking further back would make a long line quadratic. */
const CLAUSE_REACH = 100;

/**
 * Lines where a character seems lost: `?` between Chinese characters that ends no question
 * (`北京?学`, `他说?这是真的`), or U+FFFD. Such a line still gives its cards; this is a warning to
 * check them, since no guess at the character is safe.
 */
export function lostCharacters(lines: readonly NumberedLine[]): Array<NumberedLine & { reason: string }> {
  const found: Array<NumberedLine & { reason: string }> = [];
  for (const { text, line } of lines) {
    for (const match of text.matchAll(LOST)) {
      const lost = match[0] === '\ufffd' ? '\ufffd' : '?';
      if (lost === '?' && QUESTION.test(clauseBefore(text, match.index + match[0].indexOf('?')))) continue;
      found.push({ text, line, reason: `a character may be missing (${lost}) — check this line against the source` });
      break;
    }
  }
  return found;
}

/** The text from the last clause mark before `end` up to it. */
function clauseBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && end - start < CLAUSE_REACH && !CLAUSE_END.test(text[start - 1]!)) start--;
  return text.slice(start, end);
}
