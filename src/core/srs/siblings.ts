import type { Note } from '../deck/note.js';

/**
 * Whether studying one note gives the other away, so the two are not shown on the same day: the
 * two directions of one note, and a vocabulary item with the sentence it comes from (its stored
 * context, or a sentence that contains its term).
 */
export function givesAway(a: Note, b: Note): boolean {
  return a.id === b.id || vocabInSentence(a, b) || vocabInSentence(b, a);
}

function vocabInSentence(vocab: Note, sentence: Note): boolean {
  if (vocab.kind !== 'vocab' || sentence.kind !== 'sentence') return false;
  if (vocab.context && vocab.context.zh === sentence.zh && vocab.context.en === sentence.en) return true;
  const zhTerm = vocab.lang !== 'en' && vocab.zh.trim() !== '' && sentence.zh.includes(vocab.zh.trim());
  return zhTerm || (vocab.lang !== 'zh' && containsWords(sentence.en, vocab.en));
}

/** English term as whole words, ignoring case: "AI" is in "AI safety" but not in "said". */
function containsWords(text: string, term: string): boolean {
  const words = term.trim().toLowerCase();
  if (words === '') return false;
  const haystack = text.toLowerCase();
  for (let at = haystack.indexOf(words); at >= 0; at = haystack.indexOf(words, at + 1)) {
    const before = haystack.slice(0, at);
    const after = haystack.slice(at + words.length);
    if (!/[\p{L}\p{N}]$/u.test(before) && !/^[\p{L}\p{N}]/u.test(after)) return true;
  }
  return false;
}
