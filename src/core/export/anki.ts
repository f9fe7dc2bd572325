import { blanked, contextParts, termOf } from '../deck/cloze.js';
import { inArticleOrder, type Deck, type Note } from '../deck/note.js';
import { stripControls } from '../text/controls.js';
import { delimitedRow } from './delimited.js';

/**
 * The Anki note type the file expects: fields in this order, two card templates (zh→en, en→zh),
 * and a third for the cloze card, on the cloze fields (empty for a note without one, so Anki makes
 * no card). The cloze fields come after the older ones, so a note type made for them still fits.
 */
export const ANKI_NOTETYPE = 'parley';
export const ANKI_COLUMNS = ['id', 'zh', 'en', 'pinyin', 'pos', 'note', 'context_zh', 'context_en', 'cloze', 'cloze_hint', 'cloze_term', 'tags'] as const;

/** A cloze card's prompt, hint and answer: the sentence with its term blanked, the gloss, the term. */
function clozeFields(note: Note): string[] {
  const parts = note.cloze ? contextParts(note) : undefined;
  if (!parts) return ['', '', ''];
  const { term, lang } = termOf(note);
  return [blanked(parts), lang === 'zh' ? note.en : note.zh, term];
}

/** A header value must stay on its line; Anki reads everything up to the line end. */
function headerValue(text: string): string {
  return stripControls(text).replace(/\s+/g, ' ').trim();
}

/**
 * A deck as an Anki text import (2.1.55+ file headers). The note id is the first field because Anki
 * matches an import against existing notes by first field: importing an updated export updates the
 * notes (keeping their scheduling) instead of adding duplicates. Anki's manual recommends the first
 * field over `#guid column` for ids made outside Anki. The id also never starts with `#`, which Anki
 * would take for a comment line.
 */
export function ankiTsv(deck: Deck): string {
  const tab = '\t';
  const lines = [
    '#separator:tab',
    '#html:false',
    `#notetype:${ANKI_NOTETYPE}`,
    `#deck:${headerValue(deck.name)}`,
    `#columns:${ANKI_COLUMNS.join(tab)}`,
    `#tags column:${ANKI_COLUMNS.indexOf('tags') + 1}`,
  ];
  for (const note of inArticleOrder(deck.notes)) {
    // A deck file edited by hand may hold what import strips: the export carries no control character either.
    lines.push(delimitedRow([
      note.id, note.zh, note.en, note.pinyin ?? '', note.pos ?? '', note.note ?? '',
      note.context?.zh ?? '', note.context?.en ?? '', ...clozeFields(note), `parley ${deck.slug} ${note.kind}`,
    ].map(stripControls), tab));
  }
  return `${lines.join('\n')}\n`;
}
