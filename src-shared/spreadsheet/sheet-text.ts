/**
 * How Notify turns a file's text into rows before it checks them (rules 1.2, 1.3).
 *
 * Every format becomes CSV text; the text's lines are split the way Python's `str.splitlines()`
 * splits them and joined with CRLF; the whole text is trimmed (whitespace and a BOM at the start,
 * whitespace and commas at the end); each cell loses its zero-width characters and outer whitespace.
 * The CSV parser itself lives with the file readers (papaparse, in core).
 */
import { stripAndRemoveObscureWhitespace } from '../recipients/text';

/**
 * Python `string.whitespace` plus the characters notifications-utils treats as obscure whitespace.
 * The zero-width joiner comes last so it cannot be read as joining two characters of the class.
 */
const TRIM_CHARS = ' \t\n\r\u000b\u000c\u180e\u200b\u200c\u2060\ufeff\u2028\u2029\u00a0\u202f\u200d';
const LEADING = new RegExp(`^[${TRIM_CHARS}]+`);
const TRAILING = new RegExp(`[,${TRIM_CHARS}]+$`);
/** Every line boundary Python's `str.splitlines()` knows, including inside quoted cells. */
// eslint-disable-next-line no-control-regex -- Python treats these control characters as line breaks.
const PY_LINE_BOUNDARY = /\r\n|[\n\r\u000b\u000c\u001c\u001d\u001e\u0085\u2028\u2029]/g;

/**
 * The text Notify validates: lines re-joined with CRLF, then trimmed as a whole.
 *
 * A BOM and blank lines at the top go; blank or comma-only lines at the bottom go; blank lines in
 * the middle stay (each becomes a row that fails as missing data).
 */
export function normaliseSheetText(text: string): string {
  return text.replace(PY_LINE_BOUNDARY, '\r\n').replace(LEADING, '').replace(TRAILING, '');
}

/** True when a cell holds only characters the whole-file trim removes (so a row of them vanishes at the end). */
export function isBlankCell(cell: string): boolean {
  return cell.replace(LEADING, '') === '';
}

/**
 * The rows Notify would read from a spreadsheet (xlsx) after its CSV round trip and trim.
 *
 * A converted sheet is written as CSV and trimmed like any other file, so trailing rows whose cells
 * are all blank disappear, and a one-cell first row holding only whitespace is trimmed away (an empty
 * one is written as `""` and stays, becoming a blank header).
 */
export function trimSheetRows(rows: string[][]): string[][] {
  let end = rows.length;
  while (end > 0 && rows[end - 1]!.every(isBlankCell)) end--;
  let start = 0;
  while (
    start < end &&
    rows[start]!.length === 1 &&
    rows[start]![0] !== '' &&
    isBlankCell(rows[start]![0]!)
  ) {
    start++;
  }
  return rows.slice(start, end);
}

/**
 * A cell as Notify compares it: zero-width and non-breaking spaces deleted anywhere, outer
 * whitespace stripped. An empty result means "no value".
 */
export function cleanCell(value: string): string {
  return stripAndRemoveObscureWhitespace(value);
}
