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

/** What spreadsheets take for the start of a formula (OWASP's list): = + - @, and a tab or CR before one. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell for a CSV a spreadsheet will open: one that would start a formula (`=HYPERLINK(…)`,
 * `@SUM(…)`, `-2+3`) gets a leading `'`, which spreadsheets read as "text" and do not show. Quoting
 * the field does not do this: a spreadsheet evaluates a quoted formula all the same. Cells written
 * from numbers must not go through here, or `-5` would become text.
 */
export function spreadsheetText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
