import type { Analysis } from '../article/index.js';
import { clozeForm } from './cloze.js';
import { noteId } from './id.js';
import type { Note } from './note.js';

/**
 * Turns what the article analysis found into notes, in the order they appear in the article.
 * `isWord` says which Chinese strings are dictionary words (see clozeForm).
 */
export function notesFromAnalysis(analysis: Analysis, isWord: (text: string) => boolean): Note[] {
  const placed: { line: number; note: Note }[] = [];
  for (const pair of analysis.pairs) {
    placed.push({ line: pair.line, note: { id: noteId('sentence', [pair.zh, pair.en]), kind: 'sentence', zh: pair.zh, en: pair.en, order: 0 } });
  }
  for (const item of analysis.vocab) {
    const [zh, en] = item.lang === 'zh' ? [item.term, item.gloss] : [item.gloss, item.term];
    const note: Note = { id: noteId('vocab', [item.lang, item.term]), kind: 'vocab', zh, en, lang: item.lang, order: 0 };
    if (item.pos) note.pos = item.pos;
    if (item.pinyin) note.pinyin = item.pinyin;
    if (item.note) note.note = item.note;
    if (item.context) note.context = { zh: item.context.zh, en: item.context.en };
    if (item.source) note.source = item.source;
    const cloze = clozeForm(item, isWord);
    if (cloze) note.cloze = cloze;
    placed.push({ line: item.line, note });
  }
  placed.sort((a, b) => a.line - b.line);
  return placed.map(({ note }, order) => ({ ...note, order }));
}
