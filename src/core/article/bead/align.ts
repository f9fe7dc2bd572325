/**
 * The bead dynamic program: monotone alignment of two sequences of units (sentences or paragraphs)
 * into beads of shapes 1-1, 1-2, 2-1, 2-2, 1-3, 3-1, 1-4, 4-1, 1-0 and 0-1 (a translator may render
 * four short Chinese sentences as one long English one joined by colons and semicolons). Long inputs run inside a band
 * around a guide path, widened and re-run when the best path touches its edge, so cost stays
 * linear in length for any text that is a translation at all.
 */

export interface Bead {
  zhStart: number;
  zhEnd: number;
  enStart: number;
  enEnd: number;
  cost: number;
}

export interface BeadScorer {
  /** Affinity of one Chinese unit and one English unit (shared words); summed over a bead's pairs. */
  pair(zh: number, en: number): number;
  /**
   * Cost of a bead covering zh[zhStart, zhEnd) and en[enStart, enEnd) given its summed affinity and,
   * for beads of more than one unit a side, the least share of itself any one unit found on the
   * other side (see `share`; 1 for 1-1 beads).
   */
  bead(zhStart: number, zhEnd: number, enStart: number, enEnd: number, affinity: number, weakest: number): number;
  /** How much of one unit (`zh` true: Chinese unit) its summed affinity with the other side explains, 0..1. */
  share(zh: boolean, unit: number, affinity: number): number;
  /** The least `bead` can cost for these units, whatever they share: lets the search skip hopeless beads unsummed. */
  floor(zhStart: number, zhEnd: number, enStart: number, enEnd: number): number;
}

export interface AlignOptions {
  /** Expected English position for Chinese position i (0..nZh), used to centre the band. */
  guide?: (i: number) => number;
  onRow?: (row: number) => void;
}

const SHAPES: readonly (readonly [number, number])[] = [
  [1, 1],
  [1, 0],
  [0, 1],
  [2, 1],
  [1, 2],
  [2, 2],
  [3, 1],
  [1, 3],
  [4, 1],
  [1, 4],
];
const FULL_MATRIX_CELLS = 400_000;
const FIRST_HALF_WIDTH = 48;
/**
 * The band stops widening here (about 100 MB of tables): a text whose lengths stray far from the
 * guide would otherwise widen it to the whole quadratic matrix. Past this, the path found inside the
 * band stands, and the beads it bent are judged by their costs like any other.
 */
const MAX_BAND_CELLS = 8_000_000;

export function alignUnits(nZh: number, nEn: number, scorer: BeadScorer, options: AlignOptions = {}): Bead[] {
  if (nZh === 0 || nEn === 0) {
    return [
      ...Array.from({ length: nZh }, (_, i) => ({ zhStart: i, zhEnd: i + 1, enStart: 0, enEnd: 0, cost: 0 })),
      ...Array.from({ length: nEn }, (_, j) => ({ zhStart: 0, zhEnd: 0, enStart: j, enEnd: j + 1, cost: 0 })),
    ];
  }
  const full = (nZh + 1) * (nEn + 1) <= FULL_MATRIX_CELLS || !options.guide;
  let half = full ? Math.max(nZh, nEn) + 1 : FIRST_HALF_WIDTH;
  for (;;) {
    const window = full ? fullWindow(nZh, nEn) : bandWindow(nZh, nEn, half, options.guide!);
    const result = run(window, nZh, nEn, scorer, options.onRow);
    if (!result.touchedEdge || half > Math.max(nZh, nEn) || (nZh + 1) * (4 * half + 1) > MAX_BAND_CELLS) return result.beads;
    half *= 2;
  }
}

interface Window {
  lo: Int32Array;
  hi: Int32Array;
  offset: Int32Array;
  cells: number;
}

function fullWindow(nZh: number, nEn: number): Window {
  const lo = new Int32Array(nZh + 1);
  const hi = new Int32Array(nZh + 1).fill(nEn);
  return withOffsets(lo, hi);
}

function bandWindow(nZh: number, nEn: number, half: number, guide: (i: number) => number): Window {
  const lo = new Int32Array(nZh + 1);
  const hi = new Int32Array(nZh + 1);
  for (let i = 0; i <= nZh; i++) {
    const g = Math.round(guide(i));
    lo[i] = Math.max(0, Math.min(nEn, g - half));
    hi[i] = Math.max(0, Math.min(nEn, g + half));
  }
  lo[0] = 0;
  hi[nZh] = nEn;
  for (let i = 1; i <= nZh; i++) hi[i] = Math.max(hi[i]!, hi[i - 1]!);
  for (let i = nZh - 1; i >= 0; i--) lo[i] = Math.min(lo[i]!, lo[i + 1]!);
  return withOffsets(lo, hi);
}

function withOffsets(lo: Int32Array, hi: Int32Array): Window {
  const offset = new Int32Array(lo.length);
  let cells = 0;
  for (let i = 0; i < lo.length; i++) {
    offset[i] = cells - lo[i]!;
    cells += hi[i]! - lo[i]! + 1;
  }
  return { lo, hi, offset, cells };
}

function run(w: Window, nZh: number, nEn: number, scorer: BeadScorer, onRow?: (row: number) => void) {
  const cost = new Float64Array(w.cells).fill(Infinity);
  const back = new Uint8Array(w.cells);
  // affinity[cell(i, j)] is the pair score of zh unit i-1 with en unit j-1, computed once per cell.
  const affinity = new Float32Array(w.cells);
  const at = (i: number, j: number) => (i >= 0 && j >= w.lo[i]! && j <= w.hi[i]! ? w.offset[i]! + j : -1);
  const pairAt = (i: number, j: number) => {
    const k = at(i, j);
    return k >= 0 ? affinity[k]! : scorer.pair(i - 1, j - 1);
  };
  const columns = new Float64Array(4);
  cost[0] = 0;
  for (let i = 0; i <= nZh; i++) {
    const lo = w.lo[i]!;
    const hi = w.hi[i]!;
    const row = w.offset[i]!;
    if (i > 0) for (let j = Math.max(1, lo); j <= hi; j++) affinity[row + j] = scorer.pair(i - 1, j - 1);
    for (let j = lo; j <= hi; j++) {
      if (i === 0 && j === 0) continue;
      let best = Infinity;
      let bestShape = 0;
      for (let s = 0; s < SHAPES.length; s++) {
        const [a, b] = SHAPES[s]!;
        const from = at(i - a, j - b);
        if (from < 0 || cost[from] === Infinity) continue;
        // Summing a multi-unit bead is the costly part; one that cannot beat the best so far is not summed.
        if (a + b > 2 && a > 0 && b > 0 && cost[from]! + scorer.floor(i - a, i, j - b, j) >= best) continue;
        let sum = 0;
        let weakest = 1;
        if (a === 1 && b === 1) sum = pairAt(i, j);
        else if (a > 0 && b > 0) {
          // Row sums as we go, column sums in a four-slot scratch: a bead has at most four units a side.
          columns.fill(0);
          for (let x = i - a + 1; x <= i; x++) {
            let row = 0;
            for (let y = j - b + 1, k = 0; y <= j; y++, k++) {
              const v = pairAt(x, y);
              row += v;
              columns[k] = columns[k]! + v;
            }
            sum += row;
            if (a > 1) weakest = Math.min(weakest, scorer.share(true, x - 1, row));
          }
          if (b > 1) for (let k = 0; k < b; k++) weakest = Math.min(weakest, scorer.share(false, j - b + k, columns[k]!));
        }
        const c = cost[from]! + scorer.bead(i - a, i, j - b, j, sum, weakest);
        if (c < best) {
          best = c;
          bestShape = s;
        }
      }
      cost[row + j] = best;
      back[row + j] = bestShape;
    }
    onRow?.(i);
  }
  const beads: Bead[] = [];
  let touchedEdge = false;
  let i = nZh;
  let j = nEn;
  while (i > 0 || j > 0) {
    const k = at(i, j);
    const [a, b] = SHAPES[back[k]!]!;
    if (i < nZh && i > 0 && ((j === w.lo[i] && j > 0) || (j === w.hi[i] && j < nEn))) touchedEdge = true;
    const prev = at(i - a, j - b);
    beads.push({ zhStart: i - a, zhEnd: i, enStart: j - b, enEnd: j, cost: cost[k]! - cost[prev]! });
    i -= a;
    j -= b;
  }
  return { beads: beads.reverse(), touchedEdge };
}
