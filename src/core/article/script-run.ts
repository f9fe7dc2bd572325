import { codePointBefore, isHanScript, isLatinLetter, isSpace, unitsOf } from '../text/script.js';

/**
 * A line's sentences grouped into runs of one language: `He left.  他走了。She stayed.  她留下了。`
 * is four runs, a PDF page's `中文段落。English paragraph. 下一段中文。` three. Pages that lose
 * their line breaks (PDF text layers, podcast transcripts, exam handouts) put a passage and its
 * translation on one line; the runs are the paragraphs they were.
 *
 * A line splits only at a sentence end, outside brackets, where a sentence of the other language
 * starts, and only when every run is a whole sentence's worth of its language. So a Chinese sentence
 * quoting an English title, an English aside in brackets (`外汇储备(foreign exchange reserves)`) and
 * `word(adj.)释义` stay whole. Returns undefined when the line is one run.
 */
export function scriptRuns(text: string): string[] | undefined {
  if (text.includes('\t')) return tableCells(text);
  const pieces = sentencePieces(text);
  if (pieces.length < 2) return undefined;
  const runs: Piece[] = [];
  for (const piece of pieces) {
    const last = runs[runs.length - 1];
    if (last && (piece.lang === undefined || piece.lang === last.lang || (piece.lang === 'en' && !piece.startsSentence))) {
      last.text += piece.text;
    } else {
      runs.push({ ...piece });
    }
  }
  if (runs.length < 2) return undefined;
  const out = runs.map((r) => withoutSeparators(r.text));
  const whole = runs.every((r, i) => (r.lang === 'zh' ? hasHan(out[i]!, 3) : hasLatinWords(out[i]!, 2)) && ENDS.test(out[i]!));
  return whole ? out : undefined;
}

type Lang = 'zh' | 'en';

interface Piece {
  text: string;
  /** Undefined for a piece with no letters (a number, a dash): it joins the run before it. */
  lang: Lang | undefined;
  startsSentence: boolean;
}

/** Sentence ends either language uses; `…` only ends a run when the other language follows it. */
const TERMINATORS = '。！？!?.…';
const CLOSERS = '”’"\'）)」』》】]';
const OPENERS: Record<string, string> = { '(': ')', '（': '）', '[': ']', '【': '】', '《': '》' };
const ENDS = /[。！？!?.…][”’"'）)」』》】\]]*$/;
/** What may stand between a sentence and its translation: `中文。 / English.`, `| English.`, `— English.` */
const SEPARATOR = /[\s/|｜\-–—]/;

/**
 * `text` without the separators around it. A loop, not `/^[…]+|[…]+$/g`: that regex retries from
 * every separator of a long run the text does not end with, which is quadratic.
 */
function withoutSeparators(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && SEPARATOR.test(text[start]!)) start++;
  while (end > start && SEPARATOR.test(text[end - 1]!)) end--;
  return text.slice(start, end);
}

/**
 * The line cut after each sentence end outside brackets, where what follows starts a sentence of
 * either script: a space, or a change of script with none (`…province.根据…`, `…。China …`).
 */
function sentencePieces(text: string): Piece[] {
  const pieces: Piece[] = [];
  const closing: string[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const closer = OPENERS[ch];
    if (closer !== undefined) {
      closing.push(closer);
      continue;
    }
    if (closing.length > 0) {
      if (ch === closing[closing.length - 1]) closing.pop();
      // A bracket left open for a whole sentence's length was a stray one.
      else if (i - from > 400) closing.length = 0;
      continue;
    }
    if (!TERMINATORS.includes(ch)) continue;
    let end = i + 1;
    while (end < text.length && (TERMINATORS.includes(text[end]!) || closes(text, end))) end++;
    const next = firstLetter(text, end);
    if (next === undefined) break;
    const spaced = end < text.length && isSpace(text.charCodeAt(end));
    const switches = isHanScript(next.cp) !== isHanScript(lastLetterBefore(text, i));
    if (spaced || switches || ch === '。' || ch === '！' || ch === '？') {
      pieces.push(piece(text.slice(from, end)));
      from = end;
    }
    i = end - 1;
  }
  if (from < text.length) pieces.push(piece(text.slice(from)));
  return pieces;
}

/** A straight quote right before a letter opens the next sentence rather than closing this one. */
function closes(text: string, at: number): boolean {
  const ch = text[at]!;
  if (!CLOSERS.includes(ch)) return false;
  if (ch !== '"' && ch !== "'") return true;
  const next = text.codePointAt(at + 1);
  return next === undefined || !(isLatinLetter(next) || isHanScript(next));
}

function piece(text: string): Piece {
  let han = 0;
  let latin = 0;
  let first: number | undefined;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (isHanScript(cp)) han++;
    else if (isLatinLetter(cp)) latin++;
    else continue;
    first ??= cp;
  }
  if (first === undefined) return { text, lang: undefined, startsSentence: false };
  // A Chinese sentence may start with a Latin name (`iPhone在中国…`): the letters decide then.
  const lang: Lang = isHanScript(first) || latin <= 2 * han ? 'zh' : 'en';
  const startsSentence = /^[\p{Lu}\d"“‘'(（[]/u.test(withoutSeparators(text));
  return { text, lang, startsSentence };
}

function firstLetter(text: string, from: number): { cp: number } | undefined {
  for (let i = from; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (isHanScript(cp) || isLatinLetter(cp) || (cp >= 0x30 && cp <= 0x39)) return { cp };
  }
  return undefined;
}

/** The last Han or Latin letter before `at`, or 0 when there is none. */
function lastLetterBefore(text: string, at: number): number {
  for (let i = at, cp = codePointBefore(text, i); cp !== undefined; cp = codePointBefore(text, i)) {
    if (isHanScript(cp) || isLatinLetter(cp)) return cp;
    i -= unitsOf(cp);
  }
  return 0;
}

/** A table row whose two cells are a sentence and its translation. */
function tableCells(text: string): string[] | undefined {
  const cells = text.split(/\t+/).map((c) => c.trim()).filter(Boolean);
  if (cells.length !== 2) return undefined;
  const [a, b] = cells as [string, string];
  const zhFirst = hasHan(a, 4) && !hasHan(b, 1) && hasLatinWords(b, 3);
  const enFirst = hasHan(b, 4) && !hasHan(a, 1) && hasLatinWords(a, 3);
  return (zhFirst || enFirst) && ENDS.test(a) && ENDS.test(b) ? cells : undefined;
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
