import type { EnglishLookup } from './english-words.js';
import { contentLemmas } from './english-words.js';
import type { Reading, WordEntry } from './words.js';

/** The sense of a word that this sentence uses, with the reading it belongs to. */
export interface ChosenSense {
  sense: string;
  pinyin: string;
  /** Whether the sentence's English shares a word with the sense (else the first sense stands in). */
  matched: boolean;
}

/** Senses that only point elsewhere teach nothing on a card. */
const POINTER = /^(CL:|variant of|old variant|unofficial variant|see |see also|also written|surname |abbr\. for|used in |erhua variant)/i;

/** What a card shows of a sense: CC-CEDICT's cross-references (`得[de2]`) and the `(bound form)` label go. */
export function displaySense(sense: string): string {
  return sense
    .replace(/\(bound form\)\s*/g, '')
    .replace(/([\p{Script=Han}|]+)\[[a-zA-Z0-9 :]+\]/gu, (_, han: string) => han.split('|').at(-1)!)
    .replace(/\s+/g, ' ')
    .trim();
}

/** Readings worth teaching, common ones first: a name's reading only when the word has nothing else. */
export function teachableReadings(entry: WordEntry): Reading[] {
  const common = entry.readings.filter((r) => !r.proper);
  return common.some((r) => r.senses.some((s) => !POINTER.test(s))) ? common : [];
}

/**
 * The CC-CEDICT sense of a Chinese word that the aligned English sentence uses: the one sharing the
 * most content words (lemmatised) with it, earlier senses winning ties; the first sense when none
 * shares a word. Undefined when the word has no sense worth a card (names, pointers only).
 */
export function senseInSentence(entry: WordEntry, english: string, lookup: EnglishLookup): ChosenSense | undefined {
  const sentence = new Set(contentLemmas(english, lookup));
  let best: ChosenSense | undefined;
  let bestScore = 0;
  for (const reading of teachableReadings(entry)) {
    for (const sense of reading.senses) {
      if (POINTER.test(sense)) continue;
      best ??= { sense: displaySense(sense), pinyin: reading.pinyin, matched: false };
      const shared = new Set(contentLemmas(stripNotes(sense), lookup).filter((w) => sentence.has(w))).size;
      if (shared > bestScore) {
        bestScore = shared;
        best = { sense: displaySense(sense), pinyin: reading.pinyin, matched: true };
      }
    }
  }
  return best;
}

/** A sense's parenthetical notes (`(literary)`, `(of a monarch)`) are about usage, not meaning. */
function stripNotes(sense: string): string {
  return sense.replace(/\([^)]*\)/g, ' ');
}

/**
 * How well a Chinese word's senses hold an English lemma: the best sense's share of content words
 * that is the lemma (1 for a one-word sense `mechanism`), 0 when no sense holds it. The pinyin is
 * that sense's reading.
 */
export function holdsLemma(entry: WordEntry, lemma: string, lookup: EnglishLookup): { score: number; pinyin: string } {
  let best = { score: 0, pinyin: '' };
  for (const reading of teachableReadings(entry)) {
    for (const sense of reading.senses) {
      if (POINTER.test(sense)) continue;
      for (const part of stripNotes(sense).split(';')) {
        const words = contentLemmas(part, lookup);
        const score = words.includes(lemma) ? 1 / words.length : 0;
        if (score > best.score) best = { score, pinyin: reading.pinyin };
      }
    }
  }
  return best;
}
