import type { Lang } from '../deck/note.js';
import { UserError } from '../errors.js';
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

export const ENDS_SENTENCE = /[。！？!?.…;；:：”"’'）)」』]\s*$/;

/**
 * Consecutive content lines of one language make a paragraph, except where the page writes one
 * paragraph a line: there a line that follows a one-line paragraph of the other language starts a
 * paragraph of its own after a finished sentence, so a line whose translation is missing from the
 * page stays a paragraph the aligner can leave out.
 */
export function groupBlocks(lines: readonly ClassifiedLine[]): Block[] {
  const blocks: Block[] = [];
  const lineParagraphs = new Set<Block>();
  let current: Block | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.kind !== 'zh' && line.kind !== 'en') {
      current = undefined;
      continue;
    }
    const heading = line.markdownHeading || isInlineHeading(lines, i);
    const ownParagraph = current !== undefined && lineParagraphs.has(current) && ENDS_SENTENCE.test(lines[i - 1]!.text);
    if (!current || current.lang !== line.kind || heading || ownParagraph || current.lines[0]!.markdownHeading || current.heading) {
      const before = current;
      current = { lang: line.kind, lines: [], headline: false, heading };
      if (before && (before.lang !== line.kind ? before.lines.length === 1 : lineParagraphs.has(before))) lineParagraphs.add(current);
      blocks.push(current);
    }
    current.lines.push(line);
  }
  for (const block of blocks) block.headline = isHeadline(block);
  return blocks;
}

const HEADING_LENGTH = { zh: 30, en: 80 };
/** `01 慢下来的生活`, `2. Why we run`, `三、…`: a numbered heading. */
const NUMBERED = /^(?:\d{1,2}|[一二三四五六七八九十]{1,3})(?:\s+|[.、．:：]\s*)?(?=\S)(?!\d)/;

/**
 * `02 为什么我们爱上跑步` between paragraphs written one a line with no blank lines: short, no
 * sentence end, after a line that ended a sentence, and before a line of the other language or
 * none — or, after a line of the other language, before a line of its own that is at least twice
 * as long (the paragraph it heads), or numbered. A hard-wrapped paragraph's short last line fails
 * the before-and-after tests, its middle lines the first two.
 */
function isInlineHeading(lines: readonly ClassifiedLine[], i: number): boolean {
  const line = lines[i]!;
  const lang = line.kind as Lang;
  if (ENDS_SENTENCE.test(line.text) || line.text.length > HEADING_LENGTH[lang]) return false;
  const before = lines[i - 1];
  const after = lines[i + 1];
  const afterSentence = before === undefined || before.kind !== lang || ENDS_SENTENCE.test(before.text);
  if (!afterSentence) return false;
  if (after === undefined || after.kind !== lang) return true;
  // Before its own language it heads a paragraph only where lines alternate languages: in a list of
  // one sentence a line, a sentence that goes on in the next line (`…of this century—`) looks the same.
  const alternating = before !== undefined && before.kind !== lang && (before.kind === 'zh' || before.kind === 'en');
  return alternating && (NUMBERED.test(line.text) || after.text.length >= 2 * line.text.length);
}

function isHeadline(block: Block): boolean {
  const only = block.lines[0]!;
  if (block.lines.length !== 1) return false;
  if (only.markdownHeading) return true;
  return !ENDS_SENTENCE.test(only.text) && only.text.length <= (block.lang === 'zh' ? 60 : 200);
}

/** The article must hold text of both languages; a line that mixes them whole is the likely reason it does not. */
export function requireBilingual(blocks: readonly Block[]): void {
  const has = (lang: Lang) => blocks.some((b) => b.lang === lang);
  if (!has('zh') && !has('en')) {
    throw new UserError('no Chinese or English sentences found in the article', 'give a text file with Chinese paragraphs and their English translation');
  }
  if (!has('en') || !has('zh')) {
    const mixed = blocks.flatMap((b) => b.lines).find(mixesScripts);
    if (mixed) {
      throw new UserError(
        `line ${mixed.line} mixes Chinese and English sentences, and no paragraph is in the other language alone`,
        'put each paragraph (or sentence) and its translation on lines of their own',
      );
    }
  }
  if (!has('en')) throw new UserError('no English text found in the article', 'give an article with Chinese paragraphs and their English translation');
  if (!has('zh')) throw new UserError('no Chinese text found in the article', 'give an article with English paragraphs and their Chinese translation');
}

/** Both scripts in like measure (an English letter per third of a Chinese character), not a term or two. */
function mixesScripts(line: ClassifiedLine): boolean {
  const zh = line.han * 3;
  return line.han >= 4 && line.latin >= 12 && Math.min(zh, line.latin) >= 0.3 * Math.max(zh, line.latin);
}
