import { UserError } from '../errors.js';
import type { Deck } from '../deck/note.js';
import { ankiTsv } from './anki.js';
import { notesCsv } from './notes-csv.js';
import { notesJson } from './notes-json.js';
import { notesMarkdown } from './markdown.js';

const FORMATTERS = { anki: ankiTsv, csv: notesCsv, json: notesJson, md: notesMarkdown } as const;
export type ExportFormat = keyof typeof FORMATTERS;
export const EXPORT_FORMATS = Object.keys(FORMATTERS) as ExportFormat[];

export function parseFormat(format: string): ExportFormat {
  if (!Object.hasOwn(FORMATTERS, format)) {
    throw new UserError(`unknown export format "${format}"`, `use one of: ${EXPORT_FORMATS.join(', ')}`);
  }
  return format as ExportFormat;
}

export function exportDeck(deck: Deck, format: ExportFormat): string {
  return FORMATTERS[format](deck);
}
