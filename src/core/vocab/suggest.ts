import type { Lang } from '../deck/note.js';
import type { Learning } from '../settings.js';
import { isStopWord } from '../text/english.js';
import { englishTokens, type EnglishLookup } from './english-words.js';
import { holdsLemma, senseInSentence } from './gloss.js';
import { segment } from './segment.js';
import type { WordCount, WordEntry, WordIndex } from './words.js';

export interface SuggestInput {
  /** The article's aligned pairs, in article order; `line` places a suggestion beside its sentence. */
  pairs: readonly { zh: string; en: string; line: number }[];
  /** Terms the article marks as vocabulary already. */
  marked: readonly { term: string; lang: Lang }[];
  /** Words the learner knows (Chinese words, English lemmas): never suggested. */
  known: ReadonlySet<string>;
  /** At most this many suggestions. */
  n: number;
  learning: Learning;
}

export interface SuggestTools {
  words: WordIndex;
  english: EnglishLookup;
}

export interface Suggestion {
  term: string;
  gloss: string;
  lang: Lang;
  pinyin?: string;
  context: { zh: string; en: string };
  line: number;
}

/**
 * jieba's parts of speech that are not vocabulary to learn: names of people, places, bodies and
 * things (nr, ns, nt, nz…), numerals and measure words (m, mq, q), pronouns (r), function words
 * (p prepositions, c conjunctions, u particles, y modal particles, e interjections, o onomatopoeia),
 * directions (f), affixes (h, k), and symbols (x, w).
 */
const NOT_VOCABULARY = /^(n[rstz]|nrt|nrfg|m|mq|q|r|p|c|u|y|e|o|f|h|k|x|w|eng)/;
const NUMERAL = /^(m|mq|q)$/;
/** A single character is suggested only when it is a content word rare enough to be worth a card. */
const CONTENT_POS = /^(n|v|a|vn|an|ad)$/;
const RARE_SINGLE = 3000;

/**
 * Up to `n` words of the article to learn, rarest first, each glossed as its own sentence uses it.
 * A word whose gloss the sentence's translation confirms comes before one glossed by its first
 * sense alone; each word once, in the first pair that uses it (the first that confirms its gloss).
 */
export function suggestVocab(input: SuggestInput, tools: SuggestTools): Suggestion[] {
  if (input.n <= 0) return [];
  const candidates = input.learning === 'zh' ? chineseCandidates(input, tools) : englishCandidates(input, tools);
  // Rarest first, then article order. A candidate is glossed only when its turn comes: once n are
  // confirmed no rarer-first order can change, so a long article looks up few senses.
  candidates.sort((a, b) => a.rarity - b.rarity || a.uses[0]! - b.uses[0]!);
  const confirmed: Suggestion[] = [];
  const unconfirmed: Suggestion[] = [];
  for (const candidate of candidates) {
    if (confirmed.length >= input.n) break;
    const glossed = candidate.gloss();
    if (glossed?.matched) confirmed.push(glossed.suggestion);
    else if (glossed) unconfirmed.push(glossed.suggestion);
  }
  return [...confirmed, ...unconfirmed].slice(0, input.n);
}

interface Candidate {
  /** Corpus count: lower is rarer. */
  rarity: number;
  /** Indexes of the pairs that use the word, in article order. */
  uses: number[];
  /** The suggestion from the first pair that confirms a gloss, else from the first glossable pair. */
  gloss(): { suggestion: Suggestion; matched: boolean } | undefined;
}

function chineseCandidates(input: SuggestInput, tools: SuggestTools): Candidate[] {
  const marked = new Set(input.marked.filter((m) => m.lang === 'zh').map((m) => m.term));
  const found = new Map<string, Candidate>();
  input.pairs.forEach((pair, at) => {
    for (const word of segment(pair.zh, tools.words)) {
      const seen = found.get(word);
      if (seen) {
        if (seen.uses.at(-1) !== at) seen.uses.push(at);
        continue;
      }
      if (marked.has(word) || input.known.has(word)) continue;
      const counted = tools.words.count(word);
      if (!counted || !worthLearning(word, counted)) continue;
      const uses = [at];
      found.set(word, { rarity: counted.freq, uses, gloss: () => glossChinese(word, uses, input, tools) });
    }
  });
  return [...found.values()];
}

function glossChinese(word: string, uses: readonly number[], input: SuggestInput, tools: SuggestTools) {
  const entry = tools.words.lookup(word);
  if (!entry) return undefined;
  let first: { suggestion: Suggestion; matched: boolean } | undefined;
  for (const at of uses) {
    const pair = input.pairs[at]!;
    const sense = senseInSentence(entry, pair.en, tools.english);
    if (!sense) return undefined;
    const suggestion: Suggestion = { term: word, gloss: sense.sense, lang: 'zh', pinyin: sense.pinyin, context: { zh: pair.zh, en: pair.en }, line: pair.line };
    if (sense.matched) return { suggestion, matched: true };
    first ??= { suggestion, matched: false };
  }
  return first;
}

function worthLearning(word: string, entry: WordCount): boolean {
  if (NOT_VOCABULARY.test(entry.pos)) return false;
  if (Array.from(word).length === 1) return CONTENT_POS.test(entry.pos) && entry.freq < RARE_SINGLE;
  // A two-character adverb is often a function word (就是, 已经); only rarer ones are worth a card.
  return entry.pos !== 'd' || entry.freq < RARE_SINGLE;
}

/** Numbers in words are no vocabulary, as numerals are not on the Chinese side. */
const NUMBER_WORDS = new Set(
  ('zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen ' +
    'nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion trillion dozen ' +
    'first second third fourth fifth sixth seventh eighth ninth tenth half twice').split(' '),
);

function englishCandidates(input: SuggestInput, tools: SuggestTools): Candidate[] {
  const marked = new Set(input.marked.filter((m) => m.lang === 'en').map((m) => m.term.toLowerCase()));
  const found = new Map<string, Candidate>();
  const chinese = new Map<number, { word: string; entry: WordEntry }[]>();
  // A word glossed by a numeral (three 三) is no vocabulary either; names have no teachable sense
  // to hold it. Only numerals: jieba's tags for single characters are noisy (咸 salty is `ns`).
  const wordsOf = (at: number) => {
    if (!chinese.has(at)) {
      chinese.set(at, segment(input.pairs[at]!.zh, tools.words).flatMap((w) => {
        const entry = tools.words.lookup(w);
        return entry && !NUMERAL.test(entry.pos) ? [{ word: w, entry }] : [];
      }));
    }
    return chinese.get(at)!;
  };
  input.pairs.forEach((pair, at) => {
    for (const { form, sentenceStart } of englishTokens(pair.en)) {
      const lower = form.toLowerCase();
      // A capital inside a sentence is a name's; so is one the index does not know in lower case.
      if (lower.length < 3 || isStopWord(lower) || (form !== lower && !sentenceStart)) continue;
      const word = tools.english(lower);
      if (!word || NUMBER_WORDS.has(word.lemma)) continue;
      const seen = found.get(word.lemma);
      if (seen) {
        if (seen.uses.at(-1) !== at) seen.uses.push(at);
        continue;
      }
      if (marked.has(word.lemma) || marked.has(lower) || input.known.has(word.lemma) || input.known.has(lower)) continue;
      const uses = [at];
      found.set(word.lemma, { rarity: word.count, uses, gloss: () => glossEnglish(word.lemma, uses, input, wordsOf, tools) });
    }
  });
  return [...found.values()];
}

/** The Chinese word of the first pair using the lemma whose senses hold it best (the longer word on a tie). */
function glossEnglish(
  lemma: string,
  uses: readonly number[],
  input: SuggestInput,
  wordsOf: (at: number) => { word: string; entry: WordEntry }[],
  tools: SuggestTools,
) {
  for (const at of uses) {
    let best: { word: string; score: number; pinyin: string; length: number } | undefined;
    for (const { word, entry } of wordsOf(at)) {
      const held = holdsLemma(entry, lemma, tools.english);
      const length = Array.from(word).length;
      if (held.score > 0 && (!best || held.score > best.score || (held.score === best.score && length > best.length))) {
        best = { word, score: held.score, pinyin: held.pinyin, length };
      }
    }
    if (!best) continue;
    const pair = input.pairs[at]!;
    return { suggestion: { term: lemma, gloss: best.word, lang: 'en' as const, pinyin: best.pinyin, context: { zh: pair.zh, en: pair.en }, line: pair.line }, matched: true };
  }
  return undefined;
}
