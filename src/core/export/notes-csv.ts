import { inArticleOrder, type Deck } from '../deck/note.js';
import { delimitedRow } from './delimited.js';

const HEADER = ['id', 'kind', 'order', 'zh', 'en', 'lang', 'pos', 'pinyin', 'note', 'context_zh', 'context_en'];

/** The deck's notes as RFC 4180 CSV (CRLF line ends), for spreadsheets. */
export function notesCsv(deck: Deck): string {
  const rows = inArticleOrder(deck.notes).map((n) => [
    n.id, n.kind, String(n.order), n.zh, n.en, n.lang ?? '', n.pos ?? '', n.pinyin ?? '', n.note ?? '',
    n.context?.zh ?? '', n.context?.en ?? '',
  ]);
  return [HEADER, ...rows].map((r) => `${delimitedRow(r, ',')}\r\n`).join('');
}
