import { contextParts, termOf } from '../deck/cloze.js';
import { inArticleOrder, type Deck, type Note } from '../deck/note.js';
import { stripControls } from '../text/controls.js';
import { termAndGloss } from './vocab.js';

/**
 * Escapes what Markdown would read as emphasis, code, links, HTML or a heading; a line break inside
 * a note would end its paragraph, so whitespace runs become one space. Control characters (a deck
 * file edited by hand may hold them) are dropped.
 */
function escape(text: string): string {
  return stripControls(text).replace(/[\\`*_[\]<>#|]/g, '\\$&').replace(/\s+/g, ' ');
}

function sentence(note: Note): string {
  return `${escape(note.zh)}  \n${escape(note.en)}`;
}

function vocab(note: Note): string {
  const { term, gloss } = termAndGloss(note);
  const extra = [note.pinyin, note.pos].filter(Boolean).map((s) => escape(s!)).join(', ');
  let line = `- **${escape(term)}**${extra ? ` (${extra})` : ''}: ${escape(gloss)}`;
  if (note.note) line += ` — ${escape(note.note)}`;
  if (note.context) {
    // The term in bold where its sentence uses it, as the review screen marks it.
    const parts = contextParts(note);
    const marked = (side: 'zh' | 'en') => (parts && termOf(note).lang === side
      ? parts.map((p) => (p.term ? `**${escape(p.text)}**` : escape(p.text))).join('')
      : escape(note.context![side]));
    line += `\n  > ${marked('zh')}  \n  > ${marked('en')}`;
  }
  return line;
}

/** The deck for reading: sentence pairs as paragraphs, vocabulary as a list, in article order. */
export function notesMarkdown(deck: Deck): string {
  const source = [deck.source.title, deck.source.url ?? deck.source.file].filter(Boolean).map((s) => escape(s!));
  const blocks = [`# ${escape(deck.name)}`];
  if (source.length) blocks.push(`Source: ${source.join(', ')}`);
  for (const note of inArticleOrder(deck.notes)) {
    blocks.push(note.kind === 'vocab' ? vocab(note) : sentence(note));
  }
  return `${blocks.join('\n\n')}\n`;
}
