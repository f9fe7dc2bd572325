import type { Lang } from '../deck/note.js';
import type { Grade } from './card-state.js';

export interface DiffPart {
  /** `same` in both, `missing` from the typed answer, `extra` typed but not expected. */
  op: 'same' | 'missing' | 'extra';
  text: string;
}

export interface AnswerCheck {
  typed: string;
  /** The accepted answer the typed one came closest to. */
  expected: string;
  /** 0..1 after folding: 1 - edit distance / longer length. */
  similarity: number;
  suggested: Grade;
  diff: DiffPart[];
  /** What goes between diff parts: nothing for Chinese, a space for English. */
  separator: '' | ' ';
}

/** "Close" earns Hard: a slip of one character in five. */
const CLOSE = 0.8;

/**
 * Folds what does not matter when comparing answers: NFKC (full-width Latin and digits become
 * half-width), case, and punctuation. The pattern is Unicode-aware on purpose: an ASCII `\w` would
 * erase Chinese entirely.
 */
export function foldAnswer(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, ' ').replace(/\s+/gu, ' ').trim();
}

/** Chinese compares character by character (spaces mean nothing there), English word by word. */
function tokens(folded: string, lang: Lang): string[] {
  if (folded === '') return [];
  return lang === 'zh' ? [...folded.replace(/\s/gu, '')] : folded.split(' ');
}

/**
 * Compares a typed answer with the accepted ones (a vocabulary gloss may offer several) and
 * suggests a grade: Good for a match after folding, Hard when close, Again otherwise.
 */
export function checkAnswer(accepted: readonly string[], typed: string, lang: Lang): AnswerCheck {
  const mine = tokens(foldAnswer(typed), lang);
  const separator = lang === 'zh' ? '' : ' ';
  let best: AnswerCheck | undefined;
  for (const expected of accepted) {
    const theirs = tokens(foldAnswer(expected), lang);
    const longer = Math.max(mine.length, theirs.length);
    const similarity = longer === 0 ? 0 : 1 - editDistance(theirs, mine) / longer;
    if (best && similarity <= best.similarity) continue;
    const suggested: Grade = mine.length > 0 && similarity === 1 ? 3 : similarity >= CLOSE ? 2 : 1;
    best = { typed, expected, similarity, suggested, diff: diffTokens(theirs, mine, separator), separator };
  }
  return best ?? { typed, expected: '', similarity: 0, suggested: 1, diff: [], separator };
}

/** Splits a vocabulary gloss into the alternatives a learner may type: "令人不安的、令人困惑的". */
export function acceptedAnswers(answer: string, isVocab: boolean): string[] {
  if (!isVocab) return [answer];
  const parts = answer.split(/[/;；、]|\s+or\s+/u).map((p) => p.trim()).filter(Boolean);
  return [answer, ...parts.filter((p) => p !== answer)];
}

function editDistance(a: readonly string[], b: readonly string[]): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Longest-common-subsequence diff, merged into runs so it reads as text. */
function diffTokens(expected: readonly string[], typed: readonly string[], joiner: string): DiffPart[] {
  const n = expected.length;
  const m = typed.length;
  const lcs = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = expected[i] === typed[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  const push = (op: DiffPart['op'], token: string) => {
    const last = parts.at(-1);
    if (last?.op === op) last.text += joiner + token;
    else parts.push({ op, text: token });
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && expected[i] === typed[j]) {
      push('same', expected[i++]!);
      j++;
    } else if (j < m && (i === n || lcs[i]![j + 1]! > lcs[i + 1]![j]!)) push('extra', typed[j++]!);
    else push('missing', expected[i++]!);
  }
  return parts;
}
