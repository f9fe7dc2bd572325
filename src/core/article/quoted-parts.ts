import type { Pair, Skipped } from './pairs.js';
import { isHanScript } from '../text/script.js';

/** Words (English) or characters (Chinese) a quoted part needs before repeating it means anything. */
const MIN_ENGLISH_WORDS = 4;
const MIN_CHINESE_CHARS = 6;

/**
 * A sentence analysis under a paragraph (`主句：hundreds of executives … were struck by a clear
 * message` / `（数百名高管……）`) quotes clauses of a sentence already on a card, each with its own
 * translation. Such a pair is a note, not a card: neither side is a whole sentence, and one side
 * repeats, word for word, part of another pair's side. A whole sentence that recurs inside a longer
 * one stays: a sentence list's `I don't know what to do.` beside `I don't know what to do with him.`,
 * or a headline `旅游业是支柱产业` / `Tourism is a pillar industry.` above the lead that repeats it.
 */
export function setAsideQuotedParts(pairs: readonly Pair[]): { pairs: Pair[]; skipped: Skipped[] } {
  const english = pairs.map((p) => englishWords(p.en));
  const chinese = pairs.map((p) => chineseChars(p.zh));
  const fragment = (i: number) => !isWholeEnglishSentence(pairs[i]!.en) && !isWholeChineseSentence(pairs[i]!.zh);
  const quotes = [...partsOf(english, MIN_ENGLISH_WORDS, fragment), ...partsOf(chinese, MIN_CHINESE_CHARS, fragment)];
  const source = new Map<number, number>();
  for (const [part, whole] of quotes) if (!source.has(part)) source.set(part, whole);
  const kept: Pair[] = [];
  const skipped: Skipped[] = [];
  pairs.forEach((pair, i) => {
    const whole = source.get(i);
    if (whole === undefined) kept.push(pair);
    else skipped.push({ text: `${pair.zh} / ${pair.en}`, reason: `quotes part of the sentence on line ${pairs[whole]!.line}`, line: pair.line });
  });
  return { pairs: kept, skipped };
}

/**
 * [part, whole] for each sequence that is a fragment and sits inside a longer one. Found through the
 * first `min` tokens of each fragment, looked up at every position of every sequence, so a book costs
 * one pass over its tokens rather than a comparison of every pair with every other.
 */
function partsOf(sequences: readonly string[][], min: number, isFragment: (i: number) => boolean): [number, number][] {
  const byStart = new Map<string, number[]>();
  sequences.forEach((tokens, i) => {
    if (tokens.length < min || !isFragment(i)) return;
    const key = tokens.slice(0, min).join(' ');
    const list = byStart.get(key);
    if (list) list.push(i);
    else byStart.set(key, [i]);
  });
  if (byStart.size === 0) return [];
  const found: [number, number][] = [];
  sequences.forEach((tokens, whole) => {
    for (let at = 0; at + min <= tokens.length; at++) {
      const parts = byStart.get(tokens.slice(at, at + min).join(' '));
      if (!parts) continue;
      for (const part of parts) {
        const quoted = sequences[part]!;
        if (part !== whole && quoted.length < tokens.length && startsWithAt(tokens, at, quoted)) found.push([part, whole]);
      }
    }
  });
  return found;
}

function startsWithAt(tokens: readonly string[], at: number, part: readonly string[]): boolean {
  if (at + part.length > tokens.length) return false;
  for (let k = 0; k < part.length; k++) if (tokens[at + k] !== part[k]) return false;
  return true;
}

function englishWords(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+(?:['’][a-z]+)?/g) ?? [];
}

function chineseChars(text: string): string[] {
  const out: string[] = [];
  for (const ch of text) if (isHanScript(ch.codePointAt(0)!)) out.push(ch);
  return out;
}

/** Starts with a capital (or a quote, a digit) and ends with a sentence's closing mark; not an aside in brackets. */
function isWholeEnglishSentence(text: string): boolean {
  return !isAside(text) && /^["'“‘]?[A-Z0-9]/.test(text) && /[.!?…]["'”’]?$/.test(text);
}

function isWholeChineseSentence(text: string): boolean {
  return !isAside(text) && /[。！？!?…][”’」』]?$/.test(text);
}

function isAside(text: string): boolean {
  return /^[(（][^()（）]*[)）]$/.test(text);
}
