import type { Note } from '../deck/note.js';

/*
 * A vocabulary note is linked to each sentence that uses its term, and to the sentence it was taken
 * from (its stored context, whose wording may differ: 令人不安的 in 这令人不安). The queue puts a new
 * card of the vocabulary before each new sentence card linked to it, and never shows a vocabulary
 * card after one of its sentences the same day, since the sentence's translation gives the gloss away.
 *
 * "Uses its term": after NFKC (full-width letters, digits and punctuation become half-width) and
 * lower-casing, a Chinese term is a substring of the sentence's Chinese side with all spaces
 * removed; an English term is a run of whole words in the English side (so "AI" is not in "said"),
 * its last word also matching with a plural or possessive ending (dialogue: "dialogues",
 * "dialogue's"). Other inflections (ferry: "ferries", talk: "talked") are left out: a wrong link
 * brings a word before a sentence that does not use it, a missed one lets the sentence come first.
 */

/** A Chinese text as terms are looked for in it. */
export function zhForm(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** An English text as terms are looked for in it. */
export function enForm(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s\s+|[^\S ]/g, ' ').trim();
}

const ENDING = /^(?:s|es|'s|’s)?(?![\p{L}\p{N}])/u;

/** An English term (in enForm) as whole words of `text` (in enForm). */
function containsWords(text: string, term: string): boolean {
  if (term === '') return false;
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
    // Two code units either side hold a whole character, and an ending is at most two more.
    const end = at + term.length;
    if (!/[\p{L}\p{N}]$/u.test(text.slice(Math.max(0, at - 2), at)) && ENDING.test(text.slice(end, end + 4))) return true;
  }
  return false;
}

/** A note's sides as terms are looked for in them, worked out once a note. */
interface Forms {
  zh: string;
  en: string;
}

const formsOf = (note: Note): Forms => ({ zh: zhForm(note.zh), en: enForm(note.en) });

function linked(vocab: Note, term: Forms, sentence: Note, text: Forms): boolean {
  if (vocab.context && vocab.context.zh === sentence.zh && vocab.context.en === sentence.en) return true;
  if (vocab.lang !== 'en' && term.zh !== '' && text.zh.includes(term.zh)) return true;
  return vocab.lang !== 'zh' && containsWords(text.en, term.en);
}

/** Whether `sentence` uses the term of `vocab`, or is the sentence it was taken from. */
export function usesTerm(vocab: Note, sentence: Note): boolean {
  return vocab.kind === 'vocab' && sentence.kind === 'sentence' && linked(vocab, formsOf(vocab), sentence, formsOf(sentence));
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Every link among `notes`, as [vocab id, sentence id]: what `usesTerm` says of each pair, found
 * without trying them all. Each sentence proposes the vocabulary whose term could start at one of
 * its characters or words, or whose context it is, and `usesTerm` decides; a term with no letter
 * or digit is tried against every sentence.
 */
export function siblingPairs(notes: readonly Note[]): [string, string][] {
  const byStart = new Map<string, Note[]>();
  const byContext = new Map<string, Note[]>();
  const anywhere: Note[] = [];
  const terms = new Map<Note, Forms>();
  const propose = (map: Map<string, Note[]>, key: string, vocab: Note) => {
    const list = map.get(key);
    if (list) list.push(vocab);
    else map.set(key, [vocab]);
  };
  for (const vocab of notes) {
    if (vocab.kind !== 'vocab') continue;
    const term = formsOf(vocab);
    terms.set(vocab, term);
    if (vocab.context) propose(byContext, `${vocab.context.zh}\u0000${vocab.context.en}`, vocab);
    if (vocab.lang !== 'en' && term.zh) propose(byStart, `zh\u0000${term.zh.slice(0, 2)}`, vocab);
    if (vocab.lang !== 'zh' && term.en) {
      const first = term.en.match(WORD)?.[0];
      if (first) propose(byStart, `en\u0000${first}`, vocab);
      else anywhere.push(vocab);
    }
  }
  const pairs: [string, string][] = [];
  for (const sentence of notes) {
    if (sentence.kind !== 'sentence') continue;
    const text = formsOf(sentence);
    const candidates = new Set<Note>(anywhere);
    const add = (list: Note[] | undefined) => list?.forEach((v) => candidates.add(v));
    add(byContext.get(`${sentence.zh}\u0000${sentence.en}`));
    for (let i = 0; i < text.zh.length; i++) {
      add(byStart.get(`zh\u0000${text.zh.slice(i, i + 2)}`));
      add(byStart.get(`zh\u0000${text.zh[i]}`));
    }
    for (const word of text.en.match(WORD) ?? []) {
      add(byStart.get(`en\u0000${word}`));
      // Without a plural or possessive ending ('s is a word of its own here).
      if (word.endsWith('s')) add(byStart.get(`en\u0000${word.slice(0, -1)}`));
      if (word.endsWith('es')) add(byStart.get(`en\u0000${word.slice(0, -2)}`));
    }
    for (const vocab of candidates) if (linked(vocab, terms.get(vocab)!, sentence, text)) pairs.push([vocab.id, sentence.id]);
  }
  return pairs;
}
