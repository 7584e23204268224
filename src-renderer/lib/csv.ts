/**
 * CSV: RFC 4180 quoting plus a guard against formula injection.
 *
 * A recipient or reference is user-controlled text. Spreadsheet programs run a cell that starts
 * with `=`, `+`, `-` or `@` (and tab or carriage return) as a formula, so such cells get a leading
 * `'` (OWASP "CSV injection"). Lines end in CRLF as RFC 4180 says.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One cell, neutralised and quoted as needed. `null`/`undefined` become an empty cell. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text =
    typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole CSV document: a header row, then one row per item. */
export function toCsv(header: readonly string[], rows: Iterable<readonly unknown[]>): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
