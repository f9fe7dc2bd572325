// Types for the plain-JS metrics, so the TypeScript tests can import them.
export interface Pair {
  zh: string;
  en: string;
}
export interface VocabItem {
  term: string;
  gloss: string;
  lang?: string;
  pos?: string;
}
export interface Counts {
  hitPred: number;
  pred: number;
  hitGold: number;
  gold: number;
}
export interface ImportOutput {
  pairs: Pair[];
  vocab: VocabItem[];
}
export interface Gold {
  pairs: Pair[];
  vocab?: VocabItem[];
  optional_pairs?: Pair[];
  optional_vocab?: VocabItem[];
  noise_lines?: string[];
  unaligned?: Array<string | { zh?: string; en?: string; text?: string }>;
}
export interface CaseScore {
  strict: Counts;
  link: Counts;
  merge: Counts;
  vocab: Counts;
  noiseLeaked: string[];
  unalignedPaired: string[];
  missed: Pair[];
  wrong: Pair[];
}
export function foldText(text: string): string;
export function zhKey(text: string): string;
export function looseKey(text: string): string;
export function pairKey(pair: Pair): string;
export function emptyCounts(): Counts;
export function addCounts(a: Counts, b: Counts): Counts;
export function prf(counts: Counts): { precision: number; recall: number; f1: number };
export function withoutOptional<T>(pred: T[], optional?: T[], key?: (item: T) => string): T[];
export function strictPairs(pred: Pair[], gold: Pair[]): { counts: Counts; missed: Pair[]; wrong: Pair[] };
export function linkCounts(pred: Pair[], gold: Pair[]): Counts;
export function mergeTolerant(pred: Pair[], gold: Pair[]): Counts;
export function vocabCounts(pred: VocabItem[], gold: VocabItem[]): Counts;
export function leakedNoise(output: ImportOutput, noiseLines?: string[]): string[];
export function pairedUnaligned(pairs: Pair[], unaligned?: Gold['unaligned']): string[];
export function scoreCase(output: ImportOutput | undefined, gold: Gold): CaseScore;
export type FigureName = 'strict' | 'strictP' | 'strictR' | 'link' | 'merge' | 'mergeP' | 'mergeR' | 'vocabP' | 'vocabR' | 'noise' | 'unal';
export type Figures = Record<FigureName, number>;
export type Bars = Partial<Figures>;
export interface Unmet {
  name: FigureName;
  figure: number;
  bar: number;
  maximum: boolean;
}
export const FIGURES: FigureName[];
export function figuresOf(counts: Pick<CaseScore, 'strict' | 'link' | 'merge' | 'vocab'>, noise: number, unal: number): Figures;
export function parseBars(spec: string): Bars;
export function unmetBars(figures: Figures, bars: Bars): Unmet[];
export function describeUnmet(unmet: Unmet): string;
