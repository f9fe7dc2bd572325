import { countScripts } from '../text/script.js';
import type { SourceLine } from './source-line.js';
import { type VocabNote, isVocabularyHeader, parseVocabLine } from './vocab-note.js';

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
const ZH_HEADING = /^[一二三四五六七八九十百]+\s*[、.．]\s*\S/;
const ATTRIBUTION = /^(——|--|—|――)/;
const DEFINITION = /^\p{Script=Han}[^=＝]{0,15}[=＝]/u;
const NUMBERED_EXPLANATION = /^\d{1,3}\s*[.、．)]\s*\p{Script=Han}[^:：]{0,12}[:：]/u;
const TERMINAL = /[。！？!?.…”"’）)]\s*$/;

/** Classifies every line; vocabulary lists (after a `生词` / `Vocabulary:` header) read leniently. */
export function classifyLines(lines: readonly SourceLine[]): ClassifiedLine[] {
  let inList = false;
  return lines.map((line) => {
    const out = classify(line, inList);
    if (out.kind === 'structure' && isVocabularyHeader(line.text)) inList = true;
    else if (out.kind !== 'vocab' && out.kind !== 'blank') inList = false;
    return out;
  });
}

function classify(line: SourceLine, inList: boolean): ClassifiedLine {
  const text = line.text;
  const { han, latin, digits } = countScripts(text);
  const base = { ...line, han, latin };
  if (!text) return { ...base, kind: 'blank' };
  if (line.syntax) return { ...base, kind: 'noise', reason: 'Markdown syntax' };
  if (isVocabularyHeader(text)) return { ...base, kind: 'structure', reason: 'vocabulary heading' };
  const vocab = parseVocabLine(text, inList);
  if (vocab) return { ...base, kind: 'vocab', reason: 'vocabulary note', vocab };
  const noise = noiseReason(text, han, latin, digits);
  if (noise) return { ...base, kind: 'noise', reason: noise };
  if (ATTRIBUTION.test(text)) return { ...base, kind: 'structure', reason: 'attribution line' };
  if (SECTION_LABEL.test(text)) return { ...base, kind: 'structure', reason: 'section heading' };
  if (han > 0 && han * 3 >= latin) {
    if (ZH_HEADING.test(text) && text.length <= 40 && !TERMINAL.test(text)) {
      return { ...base, kind: 'structure', reason: 'section heading' };
    }
    if (DEFINITION.test(text) || NUMBERED_EXPLANATION.test(text)) {
      return { ...base, kind: 'annotation', reason: 'annotation, not a translation' };
    }
    return { ...base, kind: 'zh' };
  }
  return { ...base, kind: 'en' };
}

function noiseReason(text: string, han: number, latin: number, digits: number): string | undefined {
  if (han === 0 && latin === 0) return digits > 0 && DATE_ONLY.test(text) ? 'date line' : 'no words';
  if (URL.test(text)) return 'link';
  if (TAG_LINE.test(text)) return 'tag line';
  const fields = text.match(NOISE_FIELD)?.length ?? 0;
  if (fields >= 2 || (fields === 1 && text.length <= 40 && /^\S{0,6}\s*[:：]/.test(text))) return 'publishing details';
  if (BYLINE.test(text) && !TERMINAL.test(text) && text.split(/\s+/).length <= 8) return 'byline';
  return undefined;
}
