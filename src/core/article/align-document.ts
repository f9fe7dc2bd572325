import type { Lexicon } from '../text/lexicon.js';
import { isHanScript } from '../text/script.js';
import { type AlignContext, type AlignedBead, alignRunPair, emptyMemo, skipCost } from './align-runs.js';
import { PRIOR_RATIO } from './bead/cost.js';
import type { Syllable } from './bead/features.js';
import type { Block } from './block.js';
import type { Layout, Run } from './layout.js';
import type { Unit } from './sentence.js';

export interface DocumentAlignment {
  beads: AlignedBead[];
  /** For each bead, which pair of runs (in pairedRuns) it came from. */
  stretch: number[];
  unpaired: Run[];
  pairedRuns: [Run, Run][];
}

/** Share of a pair's words the dictionary matches across it that makes it a translation whatever the lengths. */
export const CONVINCING_COVERAGE = 0.3;

/**
 * Aligns the whole article twice: first with a length ratio from the prior and the text's own
 * lengths, then with the ratio its confident pairs show, since the ratio is the translator's.
 */
export function alignArticle(
  blocks: readonly Block[],
  units: readonly (readonly Unit[])[],
  layout: Layout,
  evidence: { lexicon?: Lexicon; syllable?: Syllable },
  onProgress?: (done: number, total: number) => void,
): DocumentAlignment {
  const total = blocks.reduce((n, b, i) => n + (b.lang === 'zh' ? units[i]!.length : 0), 0);
  let done = 0;
  const base = {
    blocks,
    units,
    ...evidence,
    wholeRuns: layout.kind === 'blocks',
    memo: emptyMemo(),
    onUnits: (count: number) => {
      done = Math.min(total, done + count);
      onProgress?.(done, total);
    },
  };
  const first = alignDocument(layout.runs, { ...base, ratio: priorRatio(blocks) });
  const ratio = measuredRatio(first.beads);
  const result = ratio === undefined ? first : alignDocument(layout.runs, { ...base, ratio, onUnits: () => {} });
  onProgress?.(total, total);
  return result;
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
