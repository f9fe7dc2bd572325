import type { AlignedBead } from './align-runs.js';
import { CONVINCING_COVERAGE, type DocumentAlignment } from './align-document.js';
import { sharesWords, unrelatedBeads } from './evidence.js';
import type { LayoutKind } from './layout.js';
import type { Unit } from './sentence.js';

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

/** A bead is kept as a card only when its lengths agree reasonably or its words clearly match. */
const MAX_LENGTH_COST = 8;

/**
 * The beads worth a card, in line order, and what was left out and why: a side with no
 * translation, two sentences that are plainly not translations of each other, or a pairing too
 * uncertain to trust (a wrong card costs more than a missing one).
 */
export function readBeads(
  alignment: DocumentAlignment,
  units: readonly (readonly Unit[])[],
  layout: LayoutKind,
): { pairs: Pair[]; skipped: Skipped[] } {
  const { beads } = alignment;
  const pairs: Pair[] = [];
  const skipped: Skipped[] = [];
  // Interleaved lines pair one line with the next: there the whole document is one stretch of text.
  const unrelated = unrelatedBeads(beads, layout === 'lines' ? beads.map(() => 0) : alignment.stretch);
  beads.forEach((bead, i) => {
    const textOf = () => [...bead.zh, ...bead.en].map((u) => u.text).join(' / ');
    if (bead.zh.length === 0 || bead.en.length === 0) {
      for (const u of [...bead.zh, ...bead.en]) skipped.push({ text: u.text, reason: 'no translation found', line: u.line });
    } else if (unrelated[i] || unvouchedHeadline(beads, i)) {
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
  for (const run of alignment.unpaired) {
    for (const b of run.blocks) for (const u of units[b]!) skipped.push({ text: u.text, reason: 'no translation found', line: u.line });
  }
  pairs.sort((a, b) => a.line - b.line);
  return { pairs, skipped };
}

/**
 * A headline pairs only 1-1, on length alone, so it needs a shared word (`甘肃…通报` beside `Join the
 * conversation!` shares none) unless pairs that share words stand on both sides of it, as the
 * unpunctuated lines of a subtitle transcript do.
 */
function unvouchedHeadline(beads: readonly AlignedBead[], i: number): boolean {
  const bead = beads[i]!;
  const headline = bead.zh[0]!.headline || bead.en[0]!.headline;
  return headline && !sharesWords(bead) && !(sharesWords(beads[i - 1]) && sharesWords(beads[i + 1]));
}

function isConfident(bead: AlignedBead): boolean {
  return bead.lengthCost <= MAX_LENGTH_COST || bead.coverage >= CONVINCING_COVERAGE;
}

function score(bead: AlignedBead): number {
  const s = 0.5 * Math.exp(-bead.lengthCost / 4) + 0.5 * Math.min(1, bead.coverage / 0.6);
  return Math.round(s * 100) / 100;
}
