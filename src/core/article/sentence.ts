import { UserError } from '../errors.js';
import type { Span } from '../text/span.js';
import { splitChinese } from '../text/sentence-zh.js';
import { splitEnglish } from '../text/sentence-en.js';
import { type Block, ENDS_SENTENCE } from './block.js';

/** A sentence (or a whole line, where lines are the segments) to align. */
export interface Unit {
  text: string;
  line: number;
  block: number;
  headline: boolean;
}

/**
 * Far more sentences than any paragraph holds (a whole book on one line has this many): aligning one
 * takes minutes, so it is refused before alignment starts.
 */
const MAX_PARAGRAPH_SENTENCES = 2000;

/** Each block's units, in block order: made once, so both alignment passes share them and their features. */
export function splitBlocks(blocks: readonly Block[]): Unit[][] {
  return blocks.map(splitBlock);
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
