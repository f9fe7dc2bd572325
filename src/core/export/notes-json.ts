import { inArticleOrder, type Deck } from '../deck/note.js';

/** The deck as one JSON document for scripts: its name, source and notes in article order. */
export function notesJson(deck: Deck): string {
  const notes = inArticleOrder(deck.notes);
  return `${JSON.stringify({ name: deck.name, slug: deck.slug, source: deck.source, notes }, null, 2)}\n`;
}
