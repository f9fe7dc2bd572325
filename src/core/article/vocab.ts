import type { Lang } from '../deck/note.js';
import type { ClassifiedLine } from './classify.js';

export interface VocabItem {
  term: string;
  gloss: string;
  lang: Lang;
  pos?: string;
  pinyin?: string;
  note?: string;
  context?: { zh: string; en: string };
  line: number;
}

interface PairLike {
  zh: string;
  en: string;
  line: number;
}

/**
 * One item per term, in article order, the first note of a term giving its gloss; pinyin for
 * Chinese terms; as context the aligned pair that uses the term, preferring the nearest before the note.
 */
export function collectVocab(lines: readonly ClassifiedLine[], pairs: readonly PairLike[], toPinyin?: (zh: string) => string | undefined): VocabItem[] {
  const byTerm = new Map<string, VocabItem>();
  for (const line of lines) {
    for (const note of line.vocab ?? []) {
      const key = `${note.lang}:${note.term.normalize('NFKC').toLowerCase()}`;
      const seen = byTerm.get(key);
      if (seen) {
        seen.pos ??= note.pos;
        if (!seen.note && note.note) seen.note = note.note;
        continue;
      }
      const item: VocabItem = { term: note.term, gloss: note.gloss, lang: note.lang, line: line.line };
      if (note.pos) item.pos = note.pos;
      const reading = note.lang === 'zh' ? (note.pinyin ?? toPinyin?.(note.term)) : undefined;
      if (reading) item.pinyin = reading;
      if (note.note) item.note = note.note;
      const context = contextFor(note.term, note.lang, line.line, pairs);
      if (context) item.context = { zh: context.zh, en: context.en };
      byTerm.set(key, item);
    }
  }
  return [...byTerm.values()];
}

function contextFor(term: string, lang: Lang, line: number, pairs: readonly PairLike[]): PairLike | undefined {
  const uses = lang === 'zh' ? (p: PairLike) => p.zh.includes(term) : wordTest(term);
  let before: PairLike | undefined;
  for (const pair of pairs) {
    if (!uses(pair)) continue;
    if (pair.line <= line) before = pair;
    else return before ?? pair;
  }
  return before;
}

function wordTest(term: string): (p: PairLike) => boolean {
  const escaped = term.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(^|[^a-z])${escaped}`, 'i');
  return (p) => re.test(p.en);
}
