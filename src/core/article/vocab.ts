import type { Lang, VocabSource } from '../deck/note.js';
import type { Lexicon } from '../text/lexicon.js';
import { textsContaining } from '../text/term-index.js';
import { asideNotes, glossesCommonWord } from './aside.js';
import type { ClassifiedLine, LineKind } from './classify.js';
import type { VocabNote } from './vocab-note.js';

export interface VocabItem {
  term: string;
  gloss: string;
  lang: Lang;
  pos?: string;
  pinyin?: string;
  note?: string;
  context?: { zh: string; en: string };
  /** Set by import: the article's own notes are `article`, `--suggest`'s are `suggested`. */
  source?: VocabSource;
  line: number;
}

interface PairLike {
  zh: string;
  en: string;
  line: number;
}

export interface VocabOptions {
  /** Says where a term glossed in brackets in running text starts; without it such asides are not read. */
  lexicon?: Lexicon;
  /** Pinyin for a Chinese term. */
  pinyin?: (zh: string) => string | undefined;
}

/** Lines that are not sentences hold no asides: a vocabulary line's brackets are read as its note. */
const WITHOUT_ASIDES: ReadonlySet<LineKind> = new Set(['blank', 'noise', 'structure', 'vocab']);

/**
 * One item per term, in article order, the first note of a term giving its gloss; pinyin for
 * Chinese terms; as context the aligned pair that uses the term, preferring the nearest before the note.
 * Notes come from vocabulary lines and from English asides in running Chinese (`顺差(surplus)`).
 */
export function collectVocab(lines: readonly ClassifiedLine[], pairs: readonly PairLike[], options: VocabOptions = {}): VocabItem[] {
  const toPinyin = options.pinyin;
  const byTerm = new Map<string, VocabItem>();
  for (const { line, notes } of notesByLine(lines, options.lexicon)) {
    for (const note of notes) {
      const key = `${note.lang}:${note.term.normalize('NFKC').toLowerCase()}`;
      const seen = byTerm.get(key);
      if (seen) {
        seen.pos ??= note.pos;
        if (!seen.note && note.note) seen.note = note.note;
        continue;
      }
      const item: VocabItem = { term: note.term, gloss: note.gloss, lang: note.lang, line };
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
 * The notes of each line in article order. Asides count only in an article that glosses common words
 * that way (`顺差(surplus)`): news that gives a name's original spelling (`沙普斯(Grant Shapps)`)
 * is not teaching vocabulary.
 */
function notesByLine(lines: readonly ClassifiedLine[], lexicon: Lexicon | undefined): { line: number; notes: readonly VocabNote[] }[] {
  const asides = lines.map((l) => (WITHOUT_ASIDES.has(l.kind) ? [] : asideNotes(l.text, lexicon)));
  const teaching = asides.some((notes) => notes.some(glossesCommonWord));
  // A word the article also lists (`surplus n. 顺差`) is one item, whichever side the list makes the term.
  const listed = new Set(lines.flatMap((l) => (l.vocab ?? []).flatMap((n) => [sideKey(n, 'zh'), sideKey(n, 'en')])));
  const fresh = (n: VocabNote) => !listed.has(sideKey(n, 'zh')) && !listed.has(sideKey(n, 'en'));
  return lines.map((l, i) => ({ line: l.line, notes: l.vocab ?? (teaching ? asides[i]!.filter(fresh) : []) }));
}

function sideKey(note: VocabNote, side: Lang): string {
  const text = note.lang === side ? note.term : note.gloss;
  return `${side}:${text.normalize('NFKC').toLowerCase()}`;
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
