import type { Lang } from '../deck/note.js';
import { textsContaining } from '../text/term-index.js';
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
      byTerm.set(key, item);
    }
  }
  const items = [...byTerm.values()];
  addContexts(items, pairs);
  return items;
}

/**
 * A Chinese term is used where a pair's Chinese holds it; an English one where a word of a pair's
 * English starts with it, case aside (so "dialogue" finds "dialogues"). Pairs come in line order.
 */
function addContexts(items: VocabItem[], pairs: readonly PairLike[]): void {
  const zh = textsContaining(
    pairs.map((p) => p.zh),
    items.filter((v) => v.lang === 'zh').map((v) => v.term),
  );
  const en = textsContaining(
    pairs.map((p) => p.en.toLowerCase()),
    items.filter((v) => v.lang === 'en').map((v) => v.term.toLowerCase()),
    (text, at) => at === 0 || !isAsciiLetter(text.charCodeAt(at - 1)),
  );
  for (const item of items) {
    const uses = (item.lang === 'zh' ? zh.get(item.term) : en.get(item.term.toLowerCase())) ?? [];
    const context = nearest(uses.map((i) => pairs[i]!), item.line);
    if (context) item.context = { zh: context.zh, en: context.en };
  }
}

/** The last pair at or before `line`, else the first after it. */
function nearest(uses: readonly PairLike[], line: number): PairLike | undefined {
  let before: PairLike | undefined;
  for (const pair of uses) {
    if (pair.line <= line) before = pair;
    else return before ?? pair;
  }
  return before;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}
