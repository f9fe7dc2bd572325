import { inArticleOrder, type Deck } from '../deck/note.js';
import { delimitedRow, spreadsheetText } from './delimited.js';

const HEADER = ['id', 'kind', 'order', 'zh', 'en', 'lang', 'pos', 'pinyin', 'note', 'context_zh', 'context_en', 'cloze'];

/**
 * The deck's notes as RFC 4180 CSV (CRLF line ends), for spreadsheets. Every cell but `order` is
 * text from a deck file, so any of them could be a formula; `order` is a number and stays one.
 */
export function notesCsv(deck: Deck): string {
  const rows = inArticleOrder(deck.notes).map((n) => {
    const [id, kind, ...rest] = [
      n.id, n.kind, n.zh, n.en, n.lang ?? '', n.pos ?? '', n.pinyin ?? '', n.note ?? '', n.context?.zh ?? '', n.context?.en ?? '', n.cloze ?? '',
    ].map(spreadsheetText);
    return [id!, kind!, String(n.order), ...rest];
  });
  return [HEADER, ...rows].map((r) => `${delimitedRow(r, ',')}\r\n`).join('');
}
