/**
 * Writing CSV that is safe to open in a spreadsheet program: RFC 4180 quoting, CRLF line ends, and
 * a formula-injection guard. One implementation for every export: history (renderer), bulk send
 * results and the archive (main process).
 *
 * A recipient, a reference or a Notify message is text from outside; a cell starting with `=`, `+`,
 * `-`, `@`, a tab or a carriage return would run as a formula, so it gets a leading `'` (OWASP
 * "CSV injection").
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One cell, neutralised and quoted as needed; `null` and `undefined` are empty. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text =
    typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A CSV document: the header, then one line per row, each ending in CRLF. */
export function toCsv(header: readonly string[], rows: Iterable<readonly unknown[]>): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * The columns every notification export starts with, named as Notify names the fields: history's
 * export has these, the archive's adds its own after them. `recipient` is one cell (a letter's
 * address lines joined by `, `).
 */
export const NOTIFICATION_CSV_COLUMNS = [
  'id',
  'reference',
  'type',
  'status',
  'recipient',
  'template_id',
  'template_version',
  'created_at',
  'sent_at',
  'completed_at',
  'cost_in_pounds',
  'subject',
  'body',
] as const;
