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

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Every vocabulary/sentence pair among `notes` that gives each other away, as [vocab id, sentence
 * id]: what `givesAway` says of each pair, found without trying them all. Each sentence proposes
 * the vocabulary whose term could start at one of its characters or words, or whose context it is,
 * and `givesAway` decides; a term with no letter or digit is tried against every sentence.
 */
export function siblingPairs(notes: readonly Note[]): [string, string][] {
  const byStart = new Map<string, Note[]>();
  const byContext = new Map<string, Note[]>();
  const anywhere: Note[] = [];
  const propose = (map: Map<string, Note[]>, key: string, vocab: Note) => {
    const list = map.get(key);
    if (list) list.push(vocab);
    else map.set(key, [vocab]);
  };
  for (const vocab of notes) {
    if (vocab.kind !== 'vocab') continue;
    if (vocab.context) propose(byContext, `${vocab.context.zh}\u0000${vocab.context.en}`, vocab);
    const zh = vocab.zh.trim();
    if (vocab.lang !== 'en' && zh) propose(byStart, `zh\u0000${zh.slice(0, 2)}`, vocab);
    const en = vocab.en.trim().toLowerCase();
    if (vocab.lang !== 'zh' && en) {
      const first = en.match(WORD)?.[0];
      if (first) propose(byStart, `en\u0000${first}`, vocab);
      else anywhere.push(vocab);
    }
  }
  const pairs: [string, string][] = [];
  for (const sentence of notes) {
    if (sentence.kind !== 'sentence') continue;
    const candidates = new Set<Note>(anywhere);
    const add = (list: Note[] | undefined) => list?.forEach((v) => candidates.add(v));
    add(byContext.get(`${sentence.zh}\u0000${sentence.en}`));
    for (let i = 0; i < sentence.zh.length; i++) {
      add(byStart.get(`zh\u0000${sentence.zh.slice(i, i + 2)}`));
      add(byStart.get(`zh\u0000${sentence.zh[i]}`));
    }
    for (const word of sentence.en.toLowerCase().match(WORD) ?? []) add(byStart.get(`en\u0000${word}`));
    for (const vocab of candidates) if (givesAway(vocab, sentence)) pairs.push([vocab.id, sentence.id]);
  }
  return pairs;
}
