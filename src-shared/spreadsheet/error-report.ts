/**
 * The downloadable error report of a checked sheet: every row with an error (not only the 50 on
 * show), each with its errors in Notify's words and its cells as read, so the sheet can be fixed
 * row by row. A file-level problem (a banner) is the report's only line.
 */
import { toCsv } from '../csv';
import { rowHasError } from './row-check';
import type { SheetCheck } from './sheet-check';

/** `errors` is every problem of the row: its label, then each cell's `column: message`. */
export function errorReportCsv(check: SheetCheck, dataRows: readonly string[][]): string {
  const headers = check.match.headers;
  const lines: unknown[][] = [];
  if (check.banner) {
    lines.push(['', [check.banner.title, ...check.banner.lines].join(' ')]);
  } else {
    for (const row of check.rows) {
      if (!rowHasError(row)) continue;
      const errors = [
        ...(row.label ? [row.label] : []),
        ...row.cellErrors.map((e) => `${e.column}: ${e.message}`),
      ];
      lines.push([row.rowNumber, errors.join('; '), ...(dataRows[row.rowNumber - 2] ?? [])]);
    }
  }
  return toCsv(['row', 'errors', ...headers], lines);
}
