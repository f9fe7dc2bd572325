import type { Lang } from '../deck/note.js';
import type { Block } from './block.js';

/** Consecutive blocks of one language. */
export interface Run {
  lang: Lang;
  /** Indexes into the block list. */
  blocks: number[];
}

export type LayoutKind = 'blocks' | 'paragraphs' | 'lines';

export interface Layout {
  kind: LayoutKind;
  runs: Run[];
}

export function toRuns(blocks: readonly Block[]): Run[] {
  const runs: Run[] = [];
  blocks.forEach((block, index) => {
    const last = runs[runs.length - 1];
    if (last && last.lang === block.lang) last.blocks.push(index);
    else runs.push({ lang: block.lang, blocks: [index] });
  });
  return runs;
}

/**
 * (c) all of one language then all of the other: two substantial runs; (b) sentence-by-sentence
 * lines: the blocks are single lines that follow each other without blank lines; (a) otherwise,
 * paragraphs alternate.
 */
export function detectLayout(blocks: readonly Block[]): Layout {
  const runs = toRuns(blocks);
  const substantial = runs.filter((r) => r.blocks.some((b) => !blocks[b]!.headline));
  if (substantial.length <= 2) return { kind: 'blocks', runs };
  const singleLines = blocks.filter((b) => b.lines.length === 1).length;
  let adjacent = 0;
  for (let i = 1; i < blocks.length; i++) {
    if (blocks[i]!.lines[0]!.line === blocks[i - 1]!.lines[blocks[i - 1]!.lines.length - 1]!.line + 1) adjacent++;
  }
  const lines = singleLines >= 0.7 * blocks.length && adjacent >= 0.7 * (blocks.length - 1);
  return { kind: lines ? 'lines' : 'paragraphs', runs };
}

export function describeLayout(kind: LayoutKind, first: Lang): string {
  const order = first === 'zh' ? 'Chinese first' : 'English first';
  if (kind === 'blocks') return `whole text in one language, then its translation (${order})`;
  if (kind === 'lines') return `sentence-by-sentence interleaved lines (${order})`;
  return `alternating paragraphs (${order})`;
}
