import type { Lang } from '../deck/note.js';
import { UserError } from '../errors.js';
import type { Span } from '../text/span.js';
import { splitChinese } from '../text/sentence-zh.js';
import { splitEnglish } from '../text/sentence-en.js';
import type { ClassifiedLine } from './classify.js';

/** A paragraph of one language: consecutive content lines of that language with no blank between. */
export interface Block {
  lang: Lang;
  lines: ClassifiedLine[];
  /** A one-line block without sentence punctuation (a title or headline): it pairs only 1-1. */
  headline: boolean;
  /** A heading line between paragraphs written one a line: never part of the paragraph around it. */
  heading: boolean;
}

/** A sentence (or a whole line, where lines are the segments) to align. */
export interface Unit {
  text: string;
  line: number;
  block: number;
  headline: boolean;
}

const ENDS_SENTENCE = /[。！？!?.…;；:：”"’'）)」』]\s*$/;
/**
 * Far more sentences than any paragraph holds (a whole book on one line has this many): aligning one
 * takes minutes, so it is refused before alignment starts.
 */
const MAX_PARAGRAPH_SENTENCES = 2000;

export function groupBlocks(lines: readonly ClassifiedLine[]): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.kind !== 'zh' && line.kind !== 'en') {
      current = undefined;
      continue;
    }
    const heading = line.markdownHeading || isInlineHeading(lines, i);
    if (!current || current.lang !== line.kind || heading || current.lines[0]!.markdownHeading || current.heading) {
      current = { lang: line.kind, lines: [], headline: false, heading };
      blocks.push(current);
    }
    current.lines.push(line);
  }
  for (const block of blocks) block.headline = isHeadline(block);
  return blocks;
}

const HEADING_LENGTH = { zh: 30, en: 80 };

/**
 * `02 为什么我们爱上跑步` between paragraphs written one a line with no blank lines: short, no
 * sentence end, after a line that ended a sentence and before a line of the other language or none.
 * A hard-wrapped paragraph's short last line fails the last test, its middle lines the first two.
 */
function isInlineHeading(lines: readonly ClassifiedLine[], i: number): boolean {
  const line = lines[i]!;
  const lang = line.kind as Lang;
  if (ENDS_SENTENCE.test(line.text) || line.text.length > HEADING_LENGTH[lang]) return false;
  const before = lines[i - 1];
  const after = lines[i + 1];
  const afterSentence = before === undefined || before.kind !== lang || ENDS_SENTENCE.test(before.text);
  return afterSentence && (after === undefined || after.kind !== lang);
}

function isHeadline(block: Block): boolean {
  const only = block.lines[0]!;
  if (block.lines.length !== 1) return false;
  if (only.markdownHeading) return true;
  return !ENDS_SENTENCE.test(only.text) && only.text.length <= (block.lang === 'zh' ? 60 : 200);
}

/**
 * Whether a block's lines are its segments (a list of sentences, one per line) rather than the
 * wrapped lines of one paragraph. Lines that mostly hold several sentences are paragraphs written
 * without blank lines between them (or `<br>`-separated): their sentences are the segments.
 */
export function isLineSegmented(block: Block): boolean {
  if (block.lines.length < 2) return false;
  const ended = block.lines.filter((l) => ENDS_SENTENCE.test(l.text)).length;
  if (ended < 0.8 * block.lines.length) return false;
  const split = block.lang === 'zh' ? splitChinese : splitEnglish;
  const several = block.lines.filter((l) => split(l.text).length > 1).length;
  return several <= 0.2 * block.lines.length;
}

const unitCache = new WeakMap<Block, { index: number; units: Unit[] }>();

/** The units of a block: its lines when they are segments, else its sentences. */
export function blockUnits(block: Block, index: number): Unit[] {
  const cached = unitCache.get(block);
  if (cached && cached.index === index) return cached.units;
  const units = splitBlock(block, index);
  unitCache.set(block, { index, units });
  return units;
}

function splitBlock(block: Block, index: number): Unit[] {
  const headline = block.headline;
  if (isLineSegmented(block)) {
    return block.lines.map((l) => ({ text: l.text, line: l.line, block: index, headline }));
  }
  const joiner = block.lang === 'zh' ? '' : ' ';
  const starts: number[] = [];
  let text = '';
  for (const l of block.lines) {
    if (text) text += joiner;
    starts.push(text.length);
    text += l.text;
  }
  const spans: Span[] = block.lang === 'zh' ? splitChinese(text) : splitEnglish(text);
  if (spans.length > MAX_PARAGRAPH_SENTENCES) throw paragraphTooLong(block, spans.length);
  let k = 0;
  return spans.map((s) => {
    while (k + 1 < starts.length && starts[k + 1]! <= s.start) k++;
    return { text: s.text, line: block.lines[k]!.line, block: index, headline };
  });
}

function paragraphTooLong(block: Block, sentences: number): UserError {
  const first = block.lines[0]!.line;
  const last = block.lines[block.lines.length - 1]!.line;
  const where = first === last ? `line ${first} is` : `lines ${first}-${last} are`;
  return new UserError(
    `${where} one paragraph of ${sentences.toLocaleString('en-US')} sentences, more than parley aligns in one piece (${MAX_PARAGRAPH_SENTENCES.toLocaleString('en-US')})`,
    'break the text into paragraphs with blank lines between them, or import it in parts',
  );
}
