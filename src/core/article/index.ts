import { UserError } from '../errors.js';
import type { Lang } from '../deck/note.js';
import type { Lexicon } from '../text/lexicon.js';
import { isHanScript } from '../text/script.js';
import { type AlignContext, type AlignedBead, alignRunPair, skipCost } from './align-runs.js';
import { type Block, blockUnits, groupBlocks } from './block.js';
import { PRIOR_RATIO } from './bead/cost.js';
import { syllablesFrom } from './bead/features.js';
import { type ClassifiedLine, classifyLines } from './classify.js';
import { unrelatedBeads } from './evidence.js';
import { type Run, describeLayout, detectLayout } from './layout.js';
import { readLines } from './source-line.js';
import { type VocabItem, collectVocab } from './vocab.js';

export type { Lexicon } from '../text/lexicon.js';
export { parseLexicon } from '../text/lexicon.js';
export type { VocabItem } from './vocab.js';

export interface Pair {
  zh: string;
  en: string;
  /** 1-based line where the Chinese sentence starts. */
  line: number;
  /** 0..1: how sure the aligner is. */
  score: number;
}

export interface Skipped {
  text: string;
  reason: string;
  line: number;
}

export interface Analysis {
  title?: string;
  layout: string;
  pairs: Pair[];
  vocab: VocabItem[];
  skipped: Skipped[];
}

export interface AnalyseOptions {
  lexicon?: Lexicon;
  onProgress?: (done: number, total: number) => void;
  /** Pinyin for a Chinese vocabulary term; without it Chinese terms get no pinyin. */
  pinyin?: (zh: string) => string | undefined;
}

/** A bead is kept as a card only when its lengths agree reasonably or its words clearly match. */
const MAX_LENGTH_COST = 8;
const CONVINCING_COVERAGE = 0.3;

/** Article text (decoded, possibly Markdown) -> aligned sentence pairs, vocabulary notes, what was skipped. */
export function analyseArticle(text: string, options: AnalyseOptions = {}): Analysis {
  const lines = classifyLines(readLines(text));
  const blocks = groupBlocks(lines);
  requireBilingual(blocks);
  const layout = detectLayout(blocks);
  const byLine = layout.kind === 'lines';
  const total = blocks.reduce((n, b, i) => n + (b.lang === 'zh' ? blockUnits(b, i, byLine).length : 0), 0);
  let done = 0;
  const base = {
    blocks,
    lexicon: options.lexicon,
    syllable: options.pinyin && syllablesFrom(options.pinyin),
    byLine,
    onUnits: (count: number) => {
      done = Math.min(total, done + count);
      options.onProgress?.(done, total);
    },
  };
  const first = alignDocument(layout.runs, { ...base, ratio: priorRatio(blocks) });
  // The length ratio is a property of the translator: re-run with the one the confident pairs show.
  const ratio = measuredRatio(first.beads);
  const result = ratio === undefined ? first : alignDocument(layout.runs, { ...base, ratio, onUnits: () => {} });
  options.onProgress?.(total, total);

  const pairs: Pair[] = [];
  const skipped: Skipped[] = lines
    .filter((l) => l.reason !== undefined)
    .map((l) => ({ text: l.text, reason: l.reason!, line: l.line }));
  // Interleaved lines pair one line with the next: there the whole document is one stretch of text.
  const unrelated = unrelatedBeads(result.beads, byLine ? result.beads.map(() => 0) : result.stretch);
  result.beads.forEach((bead, i) => {
    const textOf = () => [...bead.zh, ...bead.en].map((u) => u.text).join(' / ');
    if (bead.zh.length === 0 || bead.en.length === 0) {
      for (const u of [...bead.zh, ...bead.en]) skipped.push({ text: u.text, reason: 'no translation found', line: u.line });
    } else if (unrelated[i]) {
      skipped.push({ text: textOf(), reason: 'not a translation of each other', line: bead.zh[0]!.line });
    } else if (!isConfident(bead)) {
      skipped.push({ text: textOf(), reason: 'alignment uncertain', line: bead.zh[0]!.line });
    } else {
      pairs.push({
        zh: bead.zh.map((u) => u.text).join(''),
        en: bead.en.map((u) => u.text).join(' '),
        line: bead.zh[0]!.line,
        score: score(bead),
      });
    }
  });
  for (const run of result.unpaired) {
    for (const b of run.blocks) {
      for (const u of blockUnits(blocks[b]!, b, byLine)) skipped.push({ text: u.text, reason: 'no translation found', line: u.line });
    }
  }
  if (pairs.length === 0) {
    throw new UserError(
      'found Chinese and English text but could not match any sentence to its translation',
      'check that the English is a translation of the Chinese, in the same order',
    );
  }
  pairs.sort((a, b) => a.line - b.line);
  skipped.sort((a, b) => a.line - b.line);
  const analysis: Analysis = {
    layout: describeLayout(layout.kind, firstPairedLang(result.pairedRuns)),
    pairs,
    vocab: collectVocab(lines, pairs, options.pinyin),
    skipped,
  };
  const title = findTitle(lines, blocks);
  if (title !== undefined) analysis.title = title;
  return analysis;
}

function requireBilingual(blocks: readonly Block[]): void {
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

interface DocumentAlignment {
  beads: AlignedBead[];
  /** For each bead, which pair of runs (in pairedRuns) it came from. */
  stretch: number[];
  unpaired: Run[];
  pairedRuns: [Run, Run][];
}

/**
 * Pairs neighbouring runs of different languages: a dynamic program over runs where each run is
 * either left out or aligned with the next one, so one untranslated paragraph does not shift
 * every later pairing.
 */
function alignDocument(runs: readonly Run[], ctx: AlignContext): DocumentAlignment {
  const n = runs.length;
  const best: { cost: number; paired: boolean; beads?: AlignedBead[] }[] = Array.from({ length: n + 1 }, () => ({
    cost: Infinity,
    paired: false,
  }));
  best[0]!.cost = 0;
  for (let i = 0; i < n; i++) {
    const here = best[i]!.cost;
    const skip = here + skipCost(runs[i]!, ctx);
    if (skip < best[i + 1]!.cost) best[i + 1] = { cost: skip, paired: false };
    const next = runs[i + 1];
    if (next && next.lang !== runs[i]!.lang) {
      const [zh, en] = runs[i]!.lang === 'zh' ? [runs[i]!, next] : [next, runs[i]!];
      const beads = alignRunPair(zh, en, ctx);
      const cost = here + beads.reduce((s, b) => s + b.cost, 0);
      if (cost < best[i + 2]!.cost) best[i + 2] = { cost, paired: true, beads };
    }
  }
  // The path is read backwards, then replayed forwards: no unshift (quadratic) and no spreading
  // an input-sized list of beads into one call (a stack overflow on a long enough article).
  const ends: number[] = [];
  for (let i = n; i > 0; i -= best[i]!.paired ? 2 : 1) ends.push(i);
  const out: DocumentAlignment = { beads: [], stretch: [], unpaired: [], pairedRuns: [] };
  for (let k = ends.length - 1; k >= 0; k--) {
    const i = ends[k]!;
    const step = best[i]!;
    if (step.paired) {
      for (const bead of step.beads!) {
        out.beads.push(bead);
        out.stretch.push(out.pairedRuns.length);
      }
      out.pairedRuns.push([runs[i - 2]!, runs[i - 1]!]);
    } else {
      out.unpaired.push(runs[i - 1]!);
    }
  }
  return out;
}

/** The document's own length ratio, leaning on the prior until there is enough text to trust. */
function priorRatio(blocks: readonly Block[]): number {
  let han = 0;
  let en = 0;
  for (const b of blocks) for (const l of b.lines) (b.lang === 'zh' ? (han += l.han) : (en += l.text.length));
  const weight = 400;
  return clampRatio((en + PRIOR_RATIO * weight) / (han + weight));
}

function measuredRatio(beads: readonly AlignedBead[]): number | undefined {
  let han = 0;
  let en = 0;
  for (const bead of beads) {
    if (bead.zh.length !== 1 || bead.en.length !== 1 || bead.coverage < CONVINCING_COVERAGE) continue;
    const zh = bead.zh[0]!.text;
    let hanCount = 0;
    for (const ch of zh) if (isHanScript(ch.codePointAt(0)!)) hanCount++;
    han += hanCount;
    en += bead.en[0]!.text.length - (zh.length - hanCount);
  }
  if (han < 60) return undefined;
  const weight = 200;
  return clampRatio((en + PRIOR_RATIO * weight) / (han + weight));
}

function clampRatio(r: number): number {
  return Math.min(6.5, Math.max(2.5, r));
}

function isConfident(bead: AlignedBead): boolean {
  return bead.lengthCost <= MAX_LENGTH_COST || bead.coverage >= CONVINCING_COVERAGE;
}

function score(bead: AlignedBead): number {
  const s = 0.5 * Math.exp(-bead.lengthCost / 4) + 0.5 * Math.min(1, bead.coverage / 0.6);
  return Math.round(s * 100) / 100;
}

function firstPairedLang(paired: readonly [Run, Run][]): Lang {
  return paired[0]?.[0].lang ?? 'zh';
}

/** A Markdown heading or headline before the first paragraph. */
function findTitle(lines: readonly ClassifiedLine[], blocks: readonly Block[]): string | undefined {
  const firstBody = blocks.find((b) => !b.headline);
  const limit = firstBody ? firstBody.lines[0]!.line : Infinity;
  const heading = lines.find((l) => l.markdownHeading && l.line < limit && l.text);
  if (heading) return heading.text;
  return blocks.find((b) => b.headline && b.lines[0]!.line < limit)?.lines[0]!.text;
}
