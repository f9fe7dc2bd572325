import type { Lexicon } from '../text/lexicon.js';
import type { Block } from './block.js';
import { type Bead, alignUnits } from './bead/align.js';
import { BeadCost, type Side } from './bead/cost.js';
import { type Syllable, type UnitFeatures, chineseFeatures, englishFeatures } from './bead/features.js';
import type { Run } from './layout.js';
import type { Unit } from './sentence.js';

export interface AlignedBead {
  zh: Unit[];
  en: Unit[];
  lengthCost: number;
  coverage: number;
  /** Words the dictionary could judge (see BeadCost.judgeable); 0 when a side is empty. */
  judgeable: number;
  /** The Chinese words the dictionary knows, and how many of them the English shares (0 when a side is empty). */
  zhWords: number;
  zhShared: number;
  cost: number;
}

export interface AlignContext {
  blocks: readonly Block[];
  /**
   * Whole text in one language then the other: paragraphs need not match one to one there, so
   * runs of several paragraphs are aligned sentence by sentence rather than paragraphs first.
   */
  wholeRuns: boolean;
  /** Each block's sentences (see splitBlocks). */
  units: readonly (readonly Unit[])[];
  lexicon?: Lexicon;
  /** Pinyin of single characters, to find names spelled out in the English. */
  syllable?: Syllable;
  ratio: number;
  onUnits: (count: number) => void;
  /** Features of units and paragraph sides, made once for both passes over one article. */
  memo: AlignMemo;
}

export interface AlignMemo {
  features: Map<Unit, UnitFeatures>;
  paragraphs: Map<Run, Side>;
}

export function emptyMemo(): AlignMemo {
  return { features: new Map(), paragraphs: new Map() };
}

const SKIP_PER_UNIT = 4.2;

/**
 * Aligns one Chinese run with one English run. When one side is a single paragraph, paragraphs
 * are matched first (so Chinese notes between a paragraph and its translation fall out as unmatched
 * paragraphs), then sentences within each matched group; otherwise sentences are aligned across the
 * whole run, inside a band, with a penalty for beads that straddle paragraphs.
 */
export function alignRunPair(zhRun: Run, enRun: Run, ctx: AlignContext): AlignedBead[] {
  if (zhRun.blocks.length === 1 && enRun.blocks.length === 1) return alignSentences(zhRun.blocks, enRun.blocks, ctx);
  if (zhRun.blocks.length === 1 || enRun.blocks.length === 1 || !ctx.wholeRuns) {
    const zhSide = paragraphSide(zhRun, ctx);
    const enSide = paragraphSide(enRun, ctx);
    const model = new BeadCost(zhSide, enSide, ctx.ratio, true);
    const out: AlignedBead[] = [];
    for (const bead of alignUnits(zhSide.units.length, enSide.units.length, model)) {
      const zhBlocks = zhRun.blocks.slice(bead.zhStart, bead.zhEnd);
      const enBlocks = enRun.blocks.slice(bead.enStart, bead.enEnd);
      for (const sentenceBead of alignSentences(zhBlocks, enBlocks, ctx)) out.push(sentenceBead);
    }
    return out;
  }
  return alignSentences(zhRun.blocks, enRun.blocks, ctx);
}

/** Cost of leaving a whole run untranslated, to compare ways of pairing runs. */
export function skipCost(run: Run, ctx: AlignContext): number {
  return SKIP_PER_UNIT * run.blocks.reduce((n, b) => n + ctx.units[b]!.length, 0);
}

function paragraphSide(run: Run, ctx: AlignContext): Side {
  const cached = ctx.memo.paragraphs.get(run);
  if (cached) return cached;
  const units: Unit[] = run.blocks.map((b, i) => {
    const block = ctx.blocks[b]!;
    const text = block.lines.map((l) => l.text).join(block.lang === 'zh' ? '' : ' ');
    return { text, line: block.lines[0]!.line, block: i, headline: block.headline };
  });
  const side = { units, features: featuresOf(units, run.blocks.length > 0 && ctx.blocks[run.blocks[0]!]!.lang === 'zh', ctx) };
  ctx.memo.paragraphs.set(run, side);
  return side;
}

function featuresOf(units: readonly Unit[], zh: boolean, ctx: AlignContext): UnitFeatures[] {
  return units.map((u) => {
    let f = ctx.memo.features.get(u);
    if (!f) {
      f = zh ? chineseFeatures(u.text, ctx.lexicon, ctx.syllable) : englishFeatures(u.text);
      ctx.memo.features.set(u, f);
    }
    return f;
  });
}

function alignSentences(zhBlocks: readonly number[], enBlocks: readonly number[], ctx: AlignContext): AlignedBead[] {
  const zhUnits = zhBlocks.flatMap((b) => ctx.units[b]!);
  const enUnits = enBlocks.flatMap((b) => ctx.units[b]!);
  const zh: Side = { units: zhUnits, features: featuresOf(zhUnits, true, ctx) };
  const en: Side = { units: enUnits, features: featuresOf(enUnits, false, ctx) };
  const model = new BeadCost(zh, en, ctx.ratio);
  const guide = lengthGuide(model, zhUnits.length, enUnits.length);
  let reported = 0;
  const beads = alignUnits(zhUnits.length, enUnits.length, model, {
    guide,
    onRow: (row) => {
      if (row - reported >= 256 || row === zhUnits.length) {
        ctx.onUnits(row - reported);
        reported = row;
      }
    },
  });
  return beads.map((bead) => describe(bead, zh, en, model));
}

/** Where the English side should be after Chinese unit i if lengths were proportional. */
function lengthGuide(model: BeadCost, nZh: number, nEn: number): (i: number) => number {
  const zhTotal = model.expected(0, nZh) || 1;
  const enTotal = model.englishLength(0, nEn) || 1;
  const enAt: number[] = [];
  for (let j = 0; j <= nEn; j++) enAt.push(model.englishLength(0, j) / enTotal);
  return (i) => {
    const target = model.expected(0, i) / zhTotal;
    let lo = 0;
    let hi = nEn;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (enAt[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

function describe(bead: Bead, zh: Side, en: Side, model: BeadCost): AlignedBead {
  const paired = bead.zhEnd > bead.zhStart && bead.enEnd > bead.enStart;
  let affinity = 0;
  for (let i = bead.zhStart; i < bead.zhEnd; i++) for (let j = bead.enStart; j < bead.enEnd; j++) affinity += model.pair(i, j);
  return {
    zh: zh.units.slice(bead.zhStart, bead.zhEnd),
    en: en.units.slice(bead.enStart, bead.enEnd),
    lengthCost: paired ? model.lengthCost(bead.zhStart, bead.zhEnd, bead.enStart, bead.enEnd) : 0,
    coverage: paired ? model.coverage(bead.zhStart, bead.zhEnd, bead.enStart, bead.enEnd, affinity) : 0,
    judgeable: paired ? model.judgeable(bead.zhStart, bead.zhEnd, bead.enStart, bead.enEnd) : 0,
    zhWords: paired ? model.chineseWords(bead.zhStart, bead.zhEnd) : 0,
    zhShared: paired ? model.sharedWords(affinity) : 0,
    cost: bead.cost,
  };
}
