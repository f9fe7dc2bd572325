import { HAN_RANGES } from '../text/script.js';
import type { Block } from './block.js';
import type { ClassifiedLine } from './classify.js';

/**
 * `街角书店的秘密 The Secret of the Corner Bookshop` (either order) above the first sentence: the
 * article's title in both languages. It names the deck and is never a card, so it leaves the
 * content before blocks are made.
 */
export function markBilingualTitle(lines: readonly ClassifiedLine[]): ClassifiedLine[] {
  const out = [...lines];
  for (let i = 0; i < out.length; i++) {
    const line = out[i]!;
    if (line.kind !== 'zh' && line.kind !== 'en') continue;
    if (SENTENCE_END.test(line.text)) break;
    if (line.text.length <= MAX_TITLE && (ZH_THEN_EN.test(line.text) || EN_THEN_ZH.test(line.text))) {
      out[i] = { ...line, kind: 'structure', reason: 'title' };
      break;
    }
  }
  return out;
}

/** The bilingual title line, else a Markdown heading or headline before the first paragraph. */
export function findTitle(lines: readonly ClassifiedLine[], blocks: readonly Block[]): string | undefined {
  const bilingual = lines.find((l) => l.reason === 'title');
  if (bilingual) return bilingual.text;
  const firstBody = blocks.find((b) => !b.headline);
  const limit = firstBody ? firstBody.lines[0]!.line : Infinity;
  const heading = lines.find((l) => l.markdownHeading && l.line < limit && l.text);
  if (heading) return heading.text;
  return blocks.find((b) => b.headline && b.lines[0]!.line < limit)?.lines[0]!.text;
}

/** Longer than any title; the bound also keeps the patterns' runs of spaces from backtracking for long. */
const MAX_TITLE = 160;
const SENTENCE_END = /[。！？!?.]["”’')）]*$/;
const ZH_TITLE = `[${HAN_RANGES}][${HAN_RANGES}\\d\\s·：:，,、“”《》!！?？-]*[${HAN_RANGES}》”]`;
const EN_TITLE = String.raw`[A-Z0-9"“][A-Za-z0-9'’"“”,:;&\-]*(?:\s+[A-Za-z0-9'’"“”,:;&\-]+)+`;
const ZH_THEN_EN = new RegExp(`^${ZH_TITLE}\\s*[|｜/—-]?\\s*${EN_TITLE}$`, 'u');
const EN_THEN_ZH = new RegExp(`^${EN_TITLE}\\s*[|｜/—-]?\\s*${ZH_TITLE}$`, 'u');
