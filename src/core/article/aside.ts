import { contentStems } from '../text/english.js';
import type { Lexicon } from '../text/lexicon.js';
import { codePointBefore, isHan, unitsOf } from '../text/script.js';
import { type Word, CONJUNCTIONS, coverage, isGrammar, join, sameWord, wordsAfter, wordsBefore } from './dictionary-words.js';
import type { VocabNote } from './vocab-note.js';

/**
 * `外汇储备(foreign exchange reserves)` inside running Chinese: the English in brackets glosses the
 * Chinese words just before it. The bracket says where the term ends but not where it starts, so
 * the start is the shortest run of whole words before the bracket whose dictionary senses account
 * for the English, or, without such evidence, a short phrase that grammar words set apart. The
 * other way round (`accounting profit（会计利润）`) the same evidence picks the English words.
 */

/** `(surplus)`, `( slow down )`, `(South Korea)`: English words only, at most a short phrase. */
const GLOSS = /^[A-Za-z][A-Za-z'’\-]*(?:[ ,&/][ ]?[A-Za-z][A-Za-z'’\-]*)*(?: (?:sb|sth)\.)?$/;
const MAX_GLOSS_WORDS = 6;
/** Longest term read back from a bracket, in characters: longer is a clause, not a term. */
const MAX_TERM = 10;
/** Longest term taken on grammar words alone, with no dictionary evidence. */
const MAX_UNSUPPORTED_TERM = 4;
/**
 * Words the dictionary's senses leave out but a term would translate (`most residents`, 大多数居民):
 * with one in the gloss, a match for the rest cannot say where the term starts.
 */
const UNMATCHED = /\b(?:all|any|some|each|every|other|another|more|most|less|least|much|many|few|no|not|never|can|could|may|might|must|should|will|would|too|very|such|also|only|just)\b/i;
/** `（会计利润）`: a few Chinese words and nothing else. */
const CHINESE_GLOSS = /^\p{Script=Han}{1,12}$/u;
const PRONOUN = /[我你您他她它咱]/u;
/** The English words that end where a bracket opens. */
const ENGLISH_RUN = /[A-Za-z][A-Za-z'’\-]*(?: [A-Za-z][A-Za-z'’\-]*)*$/;
const QUOTED = /[“「『]([\p{Script=Han}]{1,12})[”」』]$/u;
/** `(n.)`, `(adj.)`: a part of speech, which a vocabulary line reads, not a gloss. */
const PART_OF_SPEECH = /^(?:n|v|vt|vi|adj|adv|prep|conj|pron|num|art|int|interj|aux|abbr|phr|pl|sb|sth)$/i;

/**
 * Every term glossed by an aside in the other script on one line of running text, in line order.
 * The text is never changed: the aside stays part of its sentence.
 */
export function asideNotes(text: string, lexicon: Lexicon | undefined): VocabNote[] {
  const notes: VocabNote[] = [];
  // Without a dictionary nothing says where a term starts.
  if (!lexicon) return notes;
  for (const m of text.matchAll(/[(（]([^()（）]{1,80})[)）]/g)) {
    const inside = m[1]!.trim();
    if (CHINESE_GLOSS.test(inside)) {
      const term = englishTerm(text.slice(Math.max(0, m.index - 80), m.index), inside, lexicon);
      if (term) notes.push({ term, gloss: inside, lang: 'en' });
      continue;
    }
    if (!isGloss(inside)) continue;
    const before = hanBefore(text, m.index);
    const term = before ? chooseTerm(before, inside, lexicon) : quotedBefore(text, m.index);
    if (term) notes.push({ term, gloss: inside, lang: 'zh' });
  }
  return notes;
}

/** Asides of common words, not only names, show an article glossing terms for learners. */
export function glossesCommonWord(note: VocabNote): boolean {
  return /^[a-z]/.test(note.lang === 'zh' ? note.gloss : note.term);
}

/**
 * `从 accounting profit（会计利润）切换到…`, `showed resilience (韧性)`: English glossed by the Chinese
 * in brackets. The term is the shortest run of English words before the bracket that the Chinese
 * words' senses account for, under the same evidence rules as a Chinese term.
 */
function englishTerm(before: string, gloss: string, lexicon: Lexicon): string | undefined {
  const run = ENGLISH_RUN.exec(before.trimEnd())?.[0];
  if (!run) return undefined;
  const words = run.split(' ').slice(-MAX_GLOSS_WORDS);
  // A gloss with grammar words or words the dictionary lacks (`他很早就走了`) translates a clause.
  const wanted = wordsAfter(gloss, lexicon);
  if (wanted.some((w) => isGrammar(w) || w.senses.length === 0 || PRONOUN.test(w.text))) return undefined;
  const matched = (count: number) => {
    const stems = contentStems(words.slice(words.length - count).join(' '));
    return wanted.map((w) => w.senses.some((s) => stems.some((t) => sameWord(s, t))));
  };
  let best = 0;
  let bestCount = 0;
  for (let count = 1; count <= words.length; count++) {
    if (contentStems(words[words.length - count]!).length === 0) continue;
    const hits = matched(count).filter(Boolean).length / wanted.length;
    if (hits > best) {
      best = hits;
      bestCount = count;
    }
  }
  // Every Chinese word must be accounted for: the English run before a bracket may be a whole clause.
  if (best < 1) return undefined;
  // One Chinese word may stand for several English ones (现金流, cash flow): take those too.
  const senses = wanted.flatMap((w) => w.senses);
  let head = words.length - bestCount;
  while (head > 0 && contentStems(words[head - 1]!).some((t) => senses.some((s) => sameWord(s, t)))) head--;
  return words.slice(head).join(' ');
}

function isGloss(text: string): boolean {
  if (!GLOSS.test(text) || PART_OF_SPEECH.test(text)) return false;
  // An acronym (`FAA`) names something; it does not translate it.
  if (!/[a-z]/.test(text) || UNMATCHED.test(text)) return false;
  return text.split(/[\s,/&]+/).filter(Boolean).length <= MAX_GLOSS_WORDS;
}

/**
 * The Chinese characters that run up to the bracket (one space before it allowed, as PDF text has),
 * back to the nearest punctuation or other script; undefined when the bracket follows no Chinese.
 */
function hanBefore(text: string, bracket: number): string | undefined {
  let end = bracket;
  while (end > 0 && text[end - 1] === ' ') end--;
  let start = end;
  for (let cp = codePointBefore(text, start); cp !== undefined && isHan(cp); cp = codePointBefore(text, start)) start -= unitsOf(cp);
  return start < end ? text.slice(start, end) : undefined;
}

/** `“躺平”(lying flat)`: quotation marks already say where the term starts. */
function quotedBefore(text: string, bracket: number): string | undefined {
  return QUOTED.exec(text.slice(Math.max(0, bracket - 16), bracket).trimEnd())?.[1];
}

function chooseTerm(run: string, gloss: string, lexicon: Lexicon): string | undefined {
  // `新上任的(new)`, `生气地(angrily)`: a modifier glossed with its particle.
  const particle = /[的地]$/.test(run) && !/\s/.test(gloss.trim()) ? run.slice(-1) : '';
  const words = wordsBefore(run.slice(-2 * MAX_TERM, run.length - particle.length), lexicon);
  const term = words.length > 0 ? termOf(words, gloss) : undefined;
  return term && term + particle;
}

function termOf(words: readonly Word[], gloss: string): string | undefined {
  const wanted = [...new Set(contentStems(gloss))];
  const covered = (count: number) => coverage(words.slice(words.length - count), wanted);
  let best = 0;
  let bestCount = 0;
  for (let count = 1, length = 0; count <= words.length && (length += words[words.length - count]!.text.length) <= MAX_TERM; count++) {
    if (isGrammar(words[words.length - count]!)) continue;
    const c = covered(count);
    if (c > best) {
      best = c;
      bestCount = count;
    }
  }
  if (bestCount === 0) return unsupportedTerm(words);
  const term = withConjoined(words, bestCount, gloss);
  const before = words[words.length - term.length - 1];
  // Chinese keeps the English order of modifiers (`farmers' market`, 农贸市场): while the first English
  // word has no match, the term may start further left — unless a grammar word (`在火车站(railway
  // station)`) stands there. A dictionary word there may be the modifier's own start (`非物质文化遗产
  // (intangible cultural heritage)`, where 物质 alone is 'matter'), so it closes nothing.
  const closed = !before || isGrammar(before) || term.length > bestCount;
  if (best < 0.5 || (best < 1 && !closed && coverage(term, wanted.slice(0, 1)) === 0)) return undefined;
  // A term that starts with a lone character after another (`一轨对话`) is a word the dictionary
  // lacks, whose start is a guess.
  const lone = (w: Word | undefined) => w !== undefined && [...w.text].length === 1 && !isGrammar(w);
  if (lone(term[0]) && lone(before)) return undefined;
  // A name (`Balearic Islands`) half matched (`群岛`) is part of a longer name, unless nothing precedes it.
  if (best < 1 && before && isName(gloss)) return undefined;
  return join(term);
}

/** `经济和精神上的需求(financial and spiritual needs)`: both sides of an `and` belong to the term. */
function withConjoined(words: readonly Word[], count: number, gloss: string): readonly Word[] {
  const head = words.length - count;
  const conjunction = words[head - 1];
  const first = words[head - 2];
  if (!/\b(and|or)\b|,/.test(gloss) || !conjunction || !first || !CONJUNCTIONS.has(conjunction.text) || isGrammar(first)) {
    return words.slice(head);
  }
  return words.slice(head - 2);
}

/**
 * No dictionary word matches the English (a name or a compound the dictionary lacks): take the
 * words after the last grammar word, when they are few enough to be one term.
 */
function unsupportedTerm(words: readonly Word[]): string | undefined {
  let head = words.length;
  while (head > 0 && !isGrammar(words[head - 1]!)) head--;
  const term = join(words.slice(head));
  const length = [...term].length;
  return length >= 2 && length <= MAX_UNSUPPORTED_TERM ? term : undefined;
}

/** Capitalised words, `of` and `the` aside. */
function isName(gloss: string): boolean {
  return gloss.split(/\s+/).every((w) => /^[A-Z]/.test(w) || /^(of|the|and|for|de|la)$/.test(w));
}
