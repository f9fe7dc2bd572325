import type { AlignedBead } from './align-runs.js';

/**
 * Share of a translation's Chinese dictionary words whose English the other side uses, before the
 * document shows its own: about half in modern prose, a quarter in an archaic translation full of names.
 */
const PRIOR_MATCH_RATE = 0.5;
const PRIOR_WORDS = 40;
/**
 * Share of the Chinese words of two unrelated sentences that find an English match all the same
 * (common senses such as "make" or "say"): 3–12 % on the development articles.
 */
const CHANCE_MATCH_RATE = 0.07;
/**
 * How far the lengths of two unrelated sentences disagree, in the length model's standard deviations
 * (a translation's disagree by about one): 3.5 on the development articles.
 */
const UNRELATED_LENGTH_SD = 3.5;
/**
 * Log odds against a translation that its place between matching pairs cannot outweigh: an
 * untranslated outro that took the English of a line whose Chinese the page lacks shares none of
 * a dozen words.
 */
const PLACED_ODDS = 3;
/** Fewer words than this on a side and the dictionary's silence proves nothing (a name, a short reply). */
const MIN_JUDGEABLE = 3;

const paired = (b: AlignedBead) => b.zh.length > 0 && b.en.length > 0;
/** Whether a bead pairs two sides that share a dictionary word, number or Latin name. */
export const sharesWords = (b: AlignedBead | undefined) => b !== undefined && paired(b) && b.zhShared > 0;

/**
 * For each bead, whether it pairs two sentences that are plainly not translations of each other.
 * A bead that shares a word, number or Latin name is not questioned. One that shares none, with
 * words enough on both sides for the dictionary to judge, must still be likelier a translation than
 * not: the odds of that silence for a translation in this document (its own match rate) against
 * two unrelated sentences (the chance rate), times the odds of its length agreement (the length
 * model calibrated per document) against that of unrelated sentences. Matching lengths alone do not
 * outweigh the silence of a few words: any two sentences of a size agree in length. One thing
 * vouches for such a bead regardless: beads that share words before and after it in the same stretch
 * of text (`stretch[i]`: one pair of runs), so that the order of the text places it there.
 */
export function unrelatedBeads(beads: readonly AlignedBead[], stretch: readonly number[]): boolean[] {
  const silence = Math.log((1 - matchRate(beads)) / (1 - CHANCE_MATCH_RATE));
  const firstShared = new Map<number, number>();
  const lastShared = new Map<number, number>();
  beads.forEach((b, i) => {
    if (!sharesWords(b)) return;
    if (!firstShared.has(stretch[i]!)) firstShared.set(stretch[i]!, i);
    lastShared.set(stretch[i]!, i);
  });
  const placed = (i: number) => (firstShared.get(stretch[i]!) ?? Infinity) < i && i < (lastShared.get(stretch[i]!) ?? -Infinity);
  return beads.map((b, i) => {
    if (!paired(b) || sharesWords(b) || b.judgeable < MIN_JUDGEABLE) return false;
    return b.judgeable * silence + lengthEvidence(b.lengthCost) < (placed(i) ? -PLACED_ODDS : 0);
  });
}

/**
 * Log odds that a length disagreement of `lengthCost` (delta²/2, delta in standard deviations) comes
 * from a translation rather than from two unrelated sentences: both normal, of spread 1 and UNRELATED_LENGTH_SD.
 */
function lengthEvidence(lengthCost: number): number {
  return Math.log(UNRELATED_LENGTH_SD) - lengthCost * (1 - 1 / UNRELATED_LENGTH_SD ** 2);
}

/** How often this document's Chinese dictionary words find their English, leaning on the prior while it has few. */
function matchRate(beads: readonly AlignedBead[]): number {
  let shared = 0;
  let words = 0;
  for (const b of beads) {
    if (!paired(b)) continue;
    shared += b.zhShared;
    words += b.zhWords;
  }
  return (shared + PRIOR_MATCH_RATE * PRIOR_WORDS) / (words + PRIOR_WORDS);
}
