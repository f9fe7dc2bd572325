/**
 * One field of a delimited file, quoted only when it must be: when it holds the separator, a quote
 * or a line break. Inside quotes a quote is doubled. This is RFC 4180, and also what Anki's text
 * importer reads, with a tab for the comma.
 */
export function quoteField(value: string, separator: string): string {
  if (!value.includes(separator) && !/["\r\n]/.test(value)) return value;
  return `"${value.replaceAll('"', '""')}"`;
}

export function delimitedRow(fields: readonly string[], separator: string): string {
  return fields.map((f) => quoteField(f, separator)).join(separator);
}

/** Not yet guarded: the regression test below shows what a spreadsheet would evaluate. */
export function spreadsheetText(value: string): string {
  return value;
}
