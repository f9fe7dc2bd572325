import { UserError } from '../errors.js';
import type { Lexicon } from '../text/lexicon.js';
import { alignArticle } from './align-document.js';
import { syllablesFrom } from './bead/features.js';
import { groupBlocks, requireBilingual } from './block.js';
import { classifyLines } from './classify.js';
import { lostCharacters } from './copy-artefacts.js';
import { describeLayout, detectLayout } from './layout.js';
import { type Pair, type Skipped, readBeads } from './pairs.js';
import { setAsideQuotedParts } from './quoted-parts.js';
import { splitBlocks } from './sentence.js';
import { readLines } from './source-line.js';
import { findTitle, markBilingualTitle } from './title.js';
import { type VocabItem, collectVocab } from './vocab.js';

export type { Lexicon } from '../text/lexicon.js';
export { parseLexicon } from '../text/lexicon.js';
export type { Pair, Skipped } from './pairs.js';
export type { VocabItem } from './vocab.js';

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

/** Vocabulary lines enough to make a page a word list worth a deck with no sentence pair. */
const WORD_LIST = 3;

/**
 * Article text (decoded, possibly Markdown) -> aligned sentence pairs, vocabulary notes, what was
 * skipped: lines (split into script runs) -> classified lines -> title -> blocks -> sentences ->
 * beads -> pairs and vocabulary.
 */
export function analyseArticle(text: string, options: AnalyseOptions = {}): Analysis {
  const lines = markBilingualTitle(classifyLines(readLines(text)));
  const blocks = groupBlocks(lines);
  // A word list alone (a vocabulary post) is a deck; text in one language alone is not.
  if (lines.filter((l) => l.kind === 'vocab').length < WORD_LIST) requireBilingual(blocks);
  const units = splitBlocks(blocks);
  const layout = detectLayout(blocks);
  const syllable = options.pinyin && syllablesFrom(options.pinyin);
  const alignment = alignArticle(blocks, units, layout, { lexicon: options.lexicon, syllable }, options.onProgress);
  const beads = readBeads(alignment, units, layout.kind);
  const { pairs, skipped: quotedParts } = setAsideQuotedParts(beads.pairs);
  const setAside = lines.filter((l) => l.reason !== undefined).map((l) => ({ text: l.text, reason: l.reason!, line: l.line }));
  const vocab = collectVocab(lines, pairs, options);
  // A term post (a glossary under a short text) is worth a deck with no sentence pair; nothing at all is not.
  if (pairs.length === 0 && vocab.length === 0) {
    throw new UserError(
      'found Chinese and English text but could not match any sentence to its translation',
      'check that the English is a translation of the Chinese, in the same order',
    );
  }
  const analysis: Analysis = {
    layout: describeLayout(layout.kind, alignment.pairedRuns[0]?.[0].lang ?? 'zh'),
    pairs,
    vocab,
    skipped: [...setAside, ...lostCharacters(lines), ...beads.skipped, ...quotedParts].sort((a, b) => a.line - b.line),
  };
  const title = findTitle(lines, blocks);
  if (title !== undefined) analysis.title = title;
  return analysis;
}
