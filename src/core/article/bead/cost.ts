import type { Unit } from '../sentence.js';
import type { BeadScorer } from './align.js';
import type { UnitFeatures } from './features.js';

/** English characters per Chinese character in published zh-en translations: the prior. */
export const PRIOR_RATIO = 4.1;
/** Latin letters and digits inside Chinese text carry over to English about one for one. */
const OTHER_WEIGHT = 1.1;
/** Variance of English length per unit of expected length (Gale-Church's s², measured in characters). */
const VARIANCE = 5;
const SKIP = 4.2;
/**
 * Extra cost of a bead by shape, SHAPE_PRIOR[zh count][en count]: how much rarer than 1-1 it is.
 * 4-1 and 1-4 at 8 scored best on long literary text (bible_genesis_block merge-tolerant F1 89.7 ->
 * 91.6) and changed nothing on the other cases. 1-3 and 3-1 at 4.6 (not 5.2), once names, quotes
 * and lemmas gave the words more say: a novel's translator often makes three sentences of one
 * (two literary chapters 90.6 -> 93.1 and 92.0 -> 92.8, Bible 92.9 -> 93.2; 4.2 and below lost).
 */
const SHAPE_PRIOR: readonly (readonly number[])[] = [
  [8, 8, 8, 8],
  [8, 0, 2.2, 4.6, 8],
  [8, 2.2, 4.4, 8],
  [8, 4.6, 8, 8],
  [8, 8],
];
const COVERAGE_WEIGHT = 12;
const NUMBER_MISMATCH = 0.8;
const QUESTION_MISMATCH = 1.5;
const QUOTE_MISMATCH = 1;
const CROSSES_BLOCK = 3;
const PARAGRAPH_LOG_SD = 0.3;
const ZH_CHANNEL = 4096;
const COVERAGE_SMOOTHING = 2;
/** Per unit of coverage a bead's weakest unit lacks compared with the bead as a whole. */
const MEMBER_WEIGHT = 4;
/** Units with fewer matchable words than this are too short to judge by their matches. */
const MEMBER_MIN_WORDS = 3;

export interface Side {
  units: readonly Unit[];
  features: readonly UnitFeatures[];
}

/**
 * Cost of a bead = length disagreement (Gale-Church, with the ratio calibrated on this document)
 * + how unusual its shape is - how much of the English the Chinese explains (dictionary words,
 * numbers, Latin names) + mismatched numbers and question marks.
 */
export class BeadCost implements BeadScorer {
  private readonly prefix: Record<'han' | 'other' | 'enLen' | 'enKeys' | 'zhWords' | 'enJudgeable' | 'zhNumbers' | 'enNumbers', Float64Array>;
  private readonly stamp: Int32Array;
  private stampId = 0;

  constructor(
    private readonly zh: Side,
    private readonly en: Side,
    readonly ratio: number,
    /** Paragraphs: a translator's ratio drifts per paragraph, so lengths are compared as a ratio. */
    private readonly paragraphs = false,
  ) {
    this.prefix = {
      han: prefixSum(zh.features.map((f) => f.han)),
      other: prefixSum(zh.features.map((f) => f.other)),
      enLen: prefixSum(en.features.map((f) => f.other)),
      enKeys: prefixSum(en.features.map((f) => f.words)),
      zhWords: prefixSum(zh.features.map((f) => f.words)),
      enJudgeable: prefixSum(en.features.map((f) => f.judgeable)),
      zhNumbers: prefixSum(zh.features.map((f) => f.numbers.length)),
      enNumbers: prefixSum(en.features.map((f) => f.numbers.length)),
    };
    this.stamp = new Int32Array(zh.features.reduce((m, f) => Math.max(m, f.slots), 1));
  }

  /** Expected English length of zh[from, to). */
  expected(from: number, to: number): number {
    const p = this.prefix;
    return this.ratio * (p.han[to]! - p.han[from]!) + OTHER_WEIGHT * (p.other[to]! - p.other[from]!);
  }

  englishLength(from: number, to: number): number {
    return this.prefix.enLen[to]! - this.prefix.enLen[from]!;
  }

  /**
   * English keys found in the Chinese, plus ZH_CHANNEL times the Chinese words that found a match:
   * both counts must survive the aligner's summing over a bead's pairs, so they share one number.
   */
  pair(zh: number, en: number): number {
    const keyWords = this.zh.features[zh]!.keyWords;
    if (!keyWords) return 0;
    this.stampId++;
    let enShared = 0;
    let zhShared = 0;
    for (const key of this.en.features[en]!.keys) {
      const words = keyWords.get(key);
      if (!words) continue;
      enShared++;
      for (const w of words) {
        if (this.stamp[w] === this.stampId) continue;
        this.stamp[w] = this.stampId;
        zhShared++;
      }
    }
    return enShared + ZH_CHANNEL * zhShared;
  }

  /**
   * How well the two sides explain each other: the smaller of the share of English keys found in
   * the Chinese and the share of Chinese words found in the English, so adding an unrelated sentence
   * on either side lowers it.
   */
  coverage(zhFrom: number, zhTo: number, enFrom: number, enTo: number, affinity: number): number {
    const enKeys = this.prefix.enKeys[enTo]! - this.prefix.enKeys[enFrom]!;
    const zhWords = this.prefix.zhWords[zhTo]! - this.prefix.zhWords[zhFrom]!;
    if (enKeys === 0 || zhWords === 0) return 0;
    const zhShared = Math.floor(affinity / ZH_CHANNEL);
    const enShared = affinity - zhShared * ZH_CHANNEL;
    // A couple of imaginary unmatched words on each side: one lucky match in a short sentence proves little.
    return Math.min(1, enShared / (enKeys + COVERAGE_SMOOTHING), zhShared / (zhWords + COVERAGE_SMOOTHING));
  }

  /** Of a bead's Chinese words (see `coverage`), how many found a match in its English. */
  sharedWords(affinity: number): number {
    return Math.floor(affinity / ZH_CHANNEL);
  }

  /** The Chinese words the dictionary knows in zh[from, to). */
  chineseWords(from: number, to: number): number {
    return this.prefix.zhWords[to]! - this.prefix.zhWords[from]!;
  }

  /** How many words of a bead the dictionary can judge (see UnitFeatures.judgeable): the fewer side's. */
  judgeable(zhFrom: number, zhTo: number, enFrom: number, enTo: number): number {
    return Math.min(this.chineseWords(zhFrom, zhTo), this.prefix.enJudgeable[enTo]! - this.prefix.enJudgeable[enFrom]!);
  }

  lengthCost(zhFrom: number, zhTo: number, enFrom: number, enTo: number): number {
    const expected = this.expected(zhFrom, zhTo);
    const actual = this.englishLength(enFrom, enTo);
    if (this.paragraphs) {
      const r = Math.log((actual + 20) / (expected + 20));
      return Math.min(40, (r * r) / (2 * PARAGRAPH_LOG_SD * PARAGRAPH_LOG_SD));
    }
    const delta = (actual - expected) / Math.sqrt(VARIANCE * ((expected + actual) / 2 + 8));
    return Math.min(40, (delta * delta) / 2);
  }

  share(zh: boolean, unit: number, affinity: number): number {
    const zhShared = Math.floor(affinity / ZH_CHANNEL);
    const [shared, words] = zh
      ? [zhShared, this.zh.features[unit]!.words]
      : [affinity - zhShared * ZH_CHANNEL, this.en.features[unit]!.words];
    // A unit with hardly any matchable words says nothing either way.
    return words < MEMBER_MIN_WORDS ? 1 : shared / (words + COVERAGE_SMOOTHING);
  }

  floor(zhFrom: number, zhTo: number, enFrom: number, enTo: number): number {
    return this.#fixed(zhFrom, zhTo, enFrom, enTo) - COVERAGE_WEIGHT;
  }

  /** What a bead costs before its words are compared: shape, blocks crossed, lengths. */
  #fixed(zhFrom: number, zhTo: number, enFrom: number, enTo: number): number {
    const a = zhTo - zhFrom;
    const b = enTo - enFrom;
    const zhUnits = this.zh.units;
    const enUnits = this.en.units;
    if ((a > 1 && anyHeadline(zhUnits, zhFrom, zhTo)) || (b > 1 && anyHeadline(enUnits, enFrom, enTo))) return Infinity;
    const crossed = zhUnits[zhTo - 1]!.block - zhUnits[zhFrom]!.block + enUnits[enTo - 1]!.block - enUnits[enFrom]!.block;
    return (SHAPE_PRIOR[a]?.[b] ?? 8) + CROSSES_BLOCK * crossed + this.lengthCost(zhFrom, zhTo, enFrom, enTo);
  }

  bead(zhFrom: number, zhTo: number, enFrom: number, enTo: number, affinity: number, weakest: number): number {
    const a = zhTo - zhFrom;
    const b = enTo - enFrom;
    if (a === 0 || b === 0) return SKIP;
    let cost = this.#fixed(zhFrom, zhTo, enFrom, enTo);
    if (cost === Infinity) return cost;
    const coverage = this.coverage(zhFrom, zhTo, enFrom, enTo, affinity);
    cost -= COVERAGE_WEIGHT * coverage;
    // A sentence the rest of the bead does not explain is more likely untranslated than merged.
    cost += MEMBER_WEIGHT * Math.max(0, coverage - weakest);
    const p = this.prefix;
    if (p.zhNumbers[zhTo]! > p.zhNumbers[zhFrom]! && p.enNumbers[enTo]! > p.enNumbers[enFrom]!) {
      cost += NUMBER_MISMATCH * Math.min(4, numberMismatch(this.zh.features, zhFrom, zhTo, this.en.features, enFrom, enTo));
    }
    if (some(this.zh.features, zhFrom, zhTo, (f) => f.question) !== some(this.en.features, enFrom, enTo, (f) => f.question)) {
      cost += QUESTION_MISMATCH;
    }
    if (some(this.zh.features, zhFrom, zhTo, (f) => f.quote) !== some(this.en.features, enFrom, enTo, (f) => f.quote)) {
      cost += QUOTE_MISMATCH;
    }
    return cost;
  }
}

function prefixSum(values: readonly number[]): Float64Array {
  const out = new Float64Array(values.length + 1);
  for (let i = 0; i < values.length; i++) out[i + 1] = out[i]! + values[i]!;
  return out;
}

function anyHeadline(units: readonly Unit[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (units[i]!.headline) return true;
  return false;
}

function some(features: readonly UnitFeatures[], from: number, to: number, test: (f: UnitFeatures) => boolean): boolean {
  for (let i = from; i < to; i++) if (test(features[i]!)) return true;
  return false;
}

function numberMismatch(
  zh: readonly UnitFeatures[],
  zhFrom: number,
  zhTo: number,
  en: readonly UnitFeatures[],
  enFrom: number,
  enTo: number,
): number {
  const zhNumbers = new Set<string>();
  const enNumbers = new Set<string>();
  for (let i = zhFrom; i < zhTo; i++) for (const n of zh[i]!.numbers) zhNumbers.add(n);
  for (let j = enFrom; j < enTo; j++) for (const n of en[j]!.numbers) enNumbers.add(n);
  if (zhNumbers.size === 0 || enNumbers.size === 0) return 0;
  let missing = 0;
  for (const n of zhNumbers) if (!enNumbers.has(n)) missing++;
  for (const n of enNumbers) if (!zhNumbers.has(n)) missing++;
  return missing / 2;
}
