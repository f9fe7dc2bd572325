import type { CardState } from '../srs/card-state.js';
import { termOf as vocabularyTerm } from '../deck/cloze.js';
import type { Note } from '../deck/note.js';

/** A card this stable (FSRS stability, in days) has its term learnt: parley stops suggesting it. */
export const KNOWN_STABILITY_DAYS = 21;

/** Longer than any word or short phrase a learner would list; a longer line is something else. */
const MAX_WORD = 40;

/**
 * A word as parley compares known words: NFKC (full-width letters, compatibility forms), spaces
 * collapsed, English lower-cased, and the quotes and punctuation a pasted list wraps words in
 * trimmed. Undefined when nothing word-like is left, or the line is too long to be one word.
 */
export function normalizeWord(raw: string): string | undefined {
  const word = raw
    .normalize('NFKC')
    // A terminal escape goes whole, not just its ESC; tabs and line breaks are spaces.
    .replace(/\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-_])/g, '')
    .replace(/[\t\n\r\v\f]/g, ' ')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
  if (word === '' || [...word].length > MAX_WORD || !/\p{L}/u.test(word)) return undefined;
  return word;
}

/**
 * The word a line of a word list names. Lists come as one word a line, or as a table whose first
 * column is the word (`爱\tài\tto love`, `安全, ān quán`, `安全 ān quán safe`, `| 安全 | safe |`), or
 * whose first column is a rank (`1\t爱\tài`): that column, or the run of Chinese characters a line
 * starts with. A line with nothing word-like (a heading `HSK 1`, a number) names nothing.
 */
export function wordOfLine(line: string): string | undefined {
  const text = line.replace(/^\uFEFF/, '').trim();
  if (text === '' || text.startsWith('#')) return undefined;
  // A Markdown table's rule row (|---|---|) names nothing.
  if (/^\|?[\s:|-]+$/.test(text) && text.includes('-')) return undefined;
  const columns = text.replace(/^\|/, '').split(/\t|\||[,，;；]/).map((c) => c.trim());
  // A first column of numbers is a rank (`1\t爱\tài`, `12. 爱`): the word comes after it.
  const ranked = /^\d+[.)、]?(?:\s+(.+))?$/.exec(columns[0]!);
  const column = !ranked ? columns[0]! : ranked[1] ?? columns[1] ?? '';
  const han = /^[\p{Script=Han}·]+/u.exec(column)?.[0];
  const word = han ?? column;
  if (!han && /^hsk\s*\d*\b|^\d/i.test(word)) return undefined;
  return normalizeWord(word);
}

/** Every word of a list (see wordOfLine), once, in list order, and the line numbers (from 1) that name none. */
export function wordsOfList(text: string): { words: string[]; skipped: number[] } {
  const words = new Set<string>();
  const skipped: number[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    if (line.trim() === '' || line.trim().startsWith('#')) return;
    const word = wordOfLine(line);
    if (word === undefined) skipped.push(i + 1);
    else words.add(word);
  });
  return { words: [...words], skipped };
}

/** The term of a vocabulary note, as known words are compared. */
export function termOf(note: Note): string | undefined {
  return note.kind === 'vocab' ? normalizeWord(vocabularyTerm(note).term) : undefined;
}

/**
 * The terms of vocabulary notes with a card in review whose stability reached
 * KNOWN_STABILITY_DAYS: words the learner has shown they know, whatever they said.
 */
export function masteredTerms(notes: readonly Note[], states: ReadonlyMap<string, CardState>): string[] {
  const stable = new Set<string>();
  for (const [id, state] of states) {
    // Every kind of card of a note ends its id with `:<kind>`.
    if (state.state === 2 && state.stability >= KNOWN_STABILITY_DAYS) stable.add(id.slice(0, id.lastIndexOf(':')));
  }
  const terms: string[] = [];
  for (const note of notes) {
    const term = stable.has(note.id) ? termOf(note) : undefined;
    if (term !== undefined) terms.push(term);
  }
  return terms;
}
