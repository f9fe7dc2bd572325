import { HAN, HAN_RANGES, countScripts } from '../text/script.js';
import { textsContaining } from '../text/term-index.js';
import { chromeReason } from './chrome.js';
import { NOTE_LABELS, type SourceLine } from './source-line.js';
import { type VocabNote, type VocabSetting, isColumnHeader, isVocabularyHeader, parseVocabLine } from './vocab-note.js';


export type LineKind =
  | 'blank'
  /** Site furniture: tag lines, publishing metadata, bylines, links, section labels. */
  | 'noise'
  /** Structure that is not a sentence: `一、…` and `【…】` headings, `——date` attributions. */
  | 'structure'
  /** Chinese notes that explain rather than translate: `一轨=…`, `1.探路试水:…`. */
  | 'annotation'
  | 'vocab'
  | 'zh'
  | 'en';

export interface ClassifiedLine extends SourceLine {
  kind: LineKind;
  /** Why a line that is not content was set aside, for the skipped list. */
  reason?: string;
  vocab?: VocabNote[];
  han: number;
  latin: number;
}

const NOISE_FIELD = /(发布时间|发表时间|更新时间|时间|来源|阅读|阅读量|浏览|点击|作者|责任编辑|编辑|字号|评论|分享|出处|原标题)\s*[:：]/g;
const TAG_LINE = /^(标签|关键词|关键字|tags?|keywords?|分类|栏目)\s*([:：].{0,60})?$/i;
const BYLINE = /^((written |translated |photo(graph)? )?by\s+\p{Lu}|(source|author|photo|credit|图片|译者|文|来源|作者|记者|编辑|撰文|翻译)\s*[:：|｜]).{0,40}$/iu;
const URL = /^(https?:\/\/|www\.)\S+$/i;
const DATE_ONLY = /^[\d\s年月日:：/.\-]+$/;
const SECTION_LABEL = /^[【[]\s*[^【】[\]]{1,20}\s*[】\]]$/;
/** `【注：…】`, `（译者注：…）`, `编者按：…`, `Note: …`: a note on the text, never its translation. */
const NOTE = new RegExp(`^[【[（(]?\\s*(?:${NOTE_LABELS}|编者按|小编注|按|translator'?s note|editor'?s note)\\s*[:：]`, 'i');
const ZH_HEADING = /^[一二三四五六七八九十百]+\s*[、.．]\s*\S/;
const ATTRIBUTION = /^(——|--|—|――)/;
/** `一轨=官方外交`; not `如果 x=y，…`, where the sign stands between Latin letters or digits. */
const DEFINITION = new RegExp(`^[${HAN_RANGES}][^=＝]{0,15}(?<![A-Za-z0-9\\s])[=＝](?![=A-Za-z0-9])`, 'u');
/** After a list number (see SourceLine.number): `1.探路试水:…` explains a term rather than translating. */
const EXPLANATION = new RegExp(`^[${HAN_RANGES}][^:：]{0,12}[:：]`, 'u');
const TERMINAL = /[。！？!?.…”"’）)]\s*$/;
/**
 * The characters each anchored pattern can start with (case-insensitive ones in both cases; BYLINE
 * folds ſ to s): a line that starts otherwise never compiles or runs it, which a cold process notices.
 */
const URL_START = 'hHwW';
const TAG_LINE_START = '标关分栏tTkK';
const BYLINE_START = 'wWtTpPbBsSaAcCſ图译文来作记编撰翻';
const SECTION_LABEL_START = '【[';
const ZH_HEADING_START = '一二三四五六七八九十百';
const ATTRIBUTION_START = '—-―';

const startsWithOneOf = (text: string, chars: string) => text.length > 0 && chars.includes(text[0]!);
const hasColon = (text: string) => text.includes(':') || text.includes('：');

/**
 * Classifies every line; vocabulary lists (after a `生词` / `Vocabulary:` header) read leniently, and
 * so do note-shaped lines that stand together (a glossary without a heading).
 */
export function classifyLines(lines: readonly SourceLine[]): ClassifiedLine[] {
  let inList = false;
  const out = lines.map((line) => {
    const classified = classify(line, inList ? 'list' : 'prose');
    if (classified.kind === 'structure' && (isVocabularyHeader(line.text) || isColumnHeader(line.text))) inList = true;
    else if (classified.kind !== 'vocab' && classified.kind !== 'blank') inList = false;
    return classified;
  });
  readGlossaries(out);
  return out;
}

/**
 * A line that would be a note among other notes becomes one when a line next to it is one too, or
 * when a bullet marks it as a list item. A Chinese term explained in Chinese must also be a word the
 * article's sentences use, and never a numbered line: numbered Chinese explanations between a
 * paragraph and its translation are annotations.
 */
function readGlossaries(lines: ClassifiedLine[]): void {
  const candidates = lines.map((l) =>
    l.kind === 'vocab' ? l.vocab : l.kind === 'zh' || l.kind === 'en' || l.kind === 'annotation' ? glossaryNote(l) : undefined,
  );
  const explainedInChinese = (notes: readonly VocabNote[]) => notes.some((n) => n.lang === 'zh' && HAN.test(n.gloss));
  // A list may leave a blank line between its items.
  const neighbour = (i: number, step: number) => {
    let k = i + step;
    while (lines[k]?.kind === 'blank') k += step;
    return candidates[k];
  };
  const chosen = lines.map((line, i) => {
    const notes = candidates[i];
    return notes && line.kind !== 'vocab' && (line.bulleted || neighbour(i, -1) || neighbour(i, 1)) ? notes : undefined;
  });
  // Which terms the article's sentences use, found in one pass rather than one search of them per note.
  const terms = chosen.flatMap((notes) => (notes && explainedInChinese(notes) ? notes.map((n) => n.term) : []));
  const sentences = terms.length ? [lines.filter((l, k) => l.kind === 'zh' && !candidates[k]).map((l) => l.text).join('\n')] : [];
  const used = textsContaining(sentences, terms);
  chosen.forEach((notes, i) => {
    const line = lines[i]!;
    if (!notes) return;
    if (explainedInChinese(notes) && (line.number !== undefined || !notes.every((n) => used.has(n.term)))) return;
    lines[i] = { ...line, kind: 'vocab', reason: 'vocabulary note', vocab: notes };
  });
}

function glossaryNote(line: ClassifiedLine): VocabNote[] | undefined {
  return line.text.length <= 120 ? parseVocabLine(line.text, 'glossary') : undefined;
}

function classify(line: SourceLine, setting: VocabSetting): ClassifiedLine {
  const text = line.text;
  const { han, latin, digits } = countScripts(text);
  const base = { ...line, han, latin };
  if (!text) return { ...base, kind: 'blank' };
  if (line.syntax) return { ...base, kind: 'noise', reason: 'Markdown syntax' };
  if (isVocabularyHeader(text)) return { ...base, kind: 'structure', reason: 'vocabulary heading' };
  if (isColumnHeader(text)) return { ...base, kind: 'structure', reason: 'glossary header row' };
  const vocab = parseVocabLine(text, setting);
  if (vocab) return { ...base, kind: 'vocab', reason: 'vocabulary note', vocab };
  const noise = noiseReason(text, han, latin, digits);
  if (noise) return { ...base, kind: 'noise', reason: noise };
  if (startsWithOneOf(text, ATTRIBUTION_START) && ATTRIBUTION.test(text)) return { ...base, kind: 'structure', reason: 'attribution line' };
  if (text.length <= 400 && NOTE.test(text)) return { ...base, kind: 'annotation', reason: "translator's or editor's note" };
  if (startsWithOneOf(text, SECTION_LABEL_START) && SECTION_LABEL.test(text)) return { ...base, kind: 'structure', reason: 'section heading' };
  if (han > 0 && (han * 3 >= latin || isChineseAroundAsides(text)) && !isEnglishAroundAsides(text)) {
    if (startsWithOneOf(text, ZH_HEADING_START) && ZH_HEADING.test(text) && text.length <= 40 && !TERMINAL.test(text)) {
      return { ...base, kind: 'structure', reason: 'section heading' };
    }
    const definition = (text.includes('=') || text.includes('＝')) && DEFINITION.test(text);
    if (definition || (line.number !== undefined && hasColon(text) && EXPLANATION.test(text))) {
      return { ...base, kind: 'annotation', reason: 'annotation, not a translation' };
    }
    if (line.bulleted && isGlossedInBrackets(text)) return { ...base, kind: 'annotation', reason: 'translated in its own brackets' };
    return { ...base, kind: 'zh' };
  }
  return { ...base, kind: 'en' };
}

/** Bounded, so that a line of unclosed brackets is not searched to its end from each one. */
const ASIDE = /[(（][^()（）]{0,400}[)）]/g;

/**
 * `双方要…增信释疑(both sides should draw the future roadmap …)。`: English in brackets inside a
 * Chinese sentence glosses it; the sentence is Chinese however long the gloss.
 */
function isChineseAroundAsides(text: string): boolean {
  if (!text.includes('(') && !text.includes('（')) return false;
  const { han, latin } = countScripts(text.replace(ASIDE, ''));
  return han >= 4 && han * 3 >= latin;
}

/**
 * `Part V Reading 10%（选出正确的答案）`: Chinese only in brackets, around English, is a gloss of
 * the English however long it is — the line is English.
 */
function isEnglishAroundAsides(text: string): boolean {
  if (!text.includes('(') && !text.includes('（')) return false;
  const { han, latin } = countScripts(text.replace(ASIDE, ''));
  return han === 0 && latin >= 4;
}

/**
 * `➤双方同意，加强两国交往(increase exchanges at various levels)，…(give a full play to …)。`: a term
 * post's Chinese bullet carries its own translation in brackets, clause by clause — at least a Latin
 * letter per Chinese character, with a clause-length gloss. (A paragraph with such asides may still
 * have its translation below, so only a bullet counts.) It is no card of its own and must not
 * take an English sentence from elsewhere on the page; its asides are still read as vocabulary.
 */
function isGlossedInBrackets(text: string): boolean {
  if (!text.includes('(') && !text.includes('（')) return false;
  const asides = text.match(ASIDE) ?? [];
  if (!asides.some((a) => a.split(/\s+/).length >= 6)) return false;
  const glossLetters = countScripts(asides.join('')).latin;
  return glossLetters >= countScripts(text.replace(ASIDE, '')).han;
}

function noiseReason(text: string, han: number, latin: number, digits: number): string | undefined {
  if (han === 0 && latin === 0) return digits > 0 && DATE_ONLY.test(text) ? 'date line' : 'no words';
  if (startsWithOneOf(text, URL_START) && URL.test(text)) return 'link';
  if (startsWithOneOf(text, TAG_LINE_START) && TAG_LINE.test(text)) return 'tag line';
  const fields = hasColon(text) ? (text.match(NOISE_FIELD)?.length ?? 0) : 0;
  if (fields >= 2 || (fields === 1 && text.length <= 40 && /^\S{0,6}\s*[:：]/.test(text))) return 'publishing details';
  if (!TERMINAL.test(text) && text.split(/\s+/).length <= 8 && startsWithOneOf(text, BYLINE_START) && BYLINE.test(text)) return 'byline';
  return text.length <= 160 ? chromeReason(text) : undefined;
}
