/**
 * The whole check of an uploaded sheet, in Notify's order (rules 2.5, 3.6, 4.5, 5).
 *
 * File-level problems come first and only the first applies (too many rows, no rows, no recipient
 * columns, duplicate recipient columns, missing placeholder columns); only then are rows checked, and
 * the row-errors banner summarises them. The preview shows the first 50 rows, or the first 50 rows
 * with errors. Totals and the cost estimate are computed from the checked rows.
 */
import type { TemplateParts } from '../template/index';
import { matchColumns, type ColumnMatch } from './columns';
import {
  duplicateColumnsBanner,
  MAX_ROWS,
  missingColumnsBanner,
  noRecipientColumnsBanner,
  noRowsBanner,
  rowErrorItems,
  rowErrorsBanner,
  tooManyRowsBanner,
  type RowErrorCounts,
  type SheetBanner,
} from './messages';
import { checkRow, rowHasError, type RowCheck, type ServiceRules } from './row-check';
import { rowValues, type RowValues } from './row-values';
import { sheetTotals, type SheetTotals } from './totals';

/** Rows and errors the preview shows (`max_initial_rows_shown`, `max_errors_shown`). */
export const ROWS_SHOWN = 50;

export interface SheetCheckInput {
  /** The file's name as shown in banners. */
  fileName: string;
  /** The header row. */
  headers: string[];
  /** Data rows (after the header), as parsed; only the first 100,000 are checked. */
  dataRows: string[][];
  /** Every data row counted, including those past 100,000 that were not kept (defaults to `dataRows.length`). */
  dataRowCount?: number;
  template: TemplateParts;
  rules: ServiceRules;
}

export interface SheetCheck {
  match: ColumnMatch;
  dataRowCount: number;
  /** The first file-level problem, or null. */
  banner: SheetBanner | null;
  /** Every checked row (empty when a file-level problem stops the check). */
  rows: RowCheck[];
  /** Each checked row's values, aligned with `rows`. */
  values: RowValues[];
  counts: RowErrorCounts;
  /** The row-errors banner, or null when no row has an error. */
  rowErrors: { title: string; lines: string[] } | null;
  /** Indexes (0-based data rows) the preview shows. */
  shownRows: number[];
  /** The line under the preview table, if Notify shows one. */
  footer: string | null;
  totals: SheetTotals;
  /** True when nothing stops sending: no file problem and no row error. */
  sendable: boolean;
}

function firstBanner(input: SheetCheckInput, match: ColumnMatch, count: number): SheetBanner | null {
  if (count > MAX_ROWS) return tooManyRowsBanner(count);
  if (count === 0) return noRowsBanner(match.missingColumns);
  if (!match.hasRecipientColumns) return noRecipientColumnsBanner(input.template.type, match.distinctHeaders);
  if (match.duplicateRecipientHeaders.length > 0)
    return duplicateColumnsBanner(match.duplicateRecipientHeaders);
  if (match.missingColumns.length > 0) return missingColumnsBanner(match.missingColumns);
  return null;
}

/** The line under the table: compares the rows shown with every row in the file (row-errors.html). */
function footerFor(
  banner: SheetBanner | null,
  count: number,
  shown: number,
  rowErrors: boolean,
): string | null {
  if (banner?.kind === 'too-many-rows') return `Only showing the first ${shown} rows`;
  if (shown < count) {
    return rowErrors
      ? `Only showing the first ${shown} rows with errors`
      : `Only showing the first ${shown} rows`;
  }
  return rowErrors ? 'Only showing rows with errors' : null;
}

/** Checks a parsed sheet against a template the way Notify's admin does before it lets you send. */
export function checkSheet(input: SheetCheckInput): SheetCheck {
  const match = matchColumns(input.headers, input.template);
  const count = input.dataRowCount ?? input.dataRows.length;
  const banner = firstBanner(input, match, count);
  const counts: RowErrorCounts = { badRecipients: 0, missingData: 0, tooLong: 0, empty: 0, qrTooLong: 0 };

  if (banner !== null) {
    const shown = Math.min(ROWS_SHOWN, input.dataRows.length);
    return {
      match,
      dataRowCount: count,
      banner,
      rows: [],
      values: [],
      counts,
      rowErrors: null,
      shownRows: Array.from({ length: shown }, (_v, i) => i),
      footer: footerFor(banner, count, shown, false),
      totals: sheetTotals(input.template.type, [], count),
      sendable: false,
    };
  }

  const ctx = { template: input.template, match, rules: input.rules };
  const rows: RowCheck[] = [];
  const values: RowValues[] = [];
  const withErrors: number[] = [];
  const limit = Math.min(input.dataRows.length, MAX_ROWS);
  for (let i = 0; i < limit; i++) {
    const v = rowValues(input.headers, input.dataRows[i]!, match.recipientKeys);
    const row = checkRow(v, i, ctx);
    values.push(v);
    rows.push(row);
    if (row.badRecipient) counts.badRecipients++;
    if (row.missingData) counts.missingData++;
    if (row.tooLong) counts.tooLong++;
    if (row.empty) counts.empty++;
    if (row.qrTooLong) counts.qrTooLong++;
    if (rowHasError(row)) withErrors.push(i);
  }

  const anyRowError = withErrors.length > 0;
  const shownRows = anyRowError
    ? withErrors.slice(0, ROWS_SHOWN)
    : Array.from({ length: Math.min(ROWS_SHOWN, limit) }, (_v, i) => i);
  return {
    match,
    dataRowCount: count,
    banner: null,
    rows,
    values,
    counts,
    rowErrors: rowErrorsBanner(input.fileName, rowErrorItems(input.template.type, counts)),
    shownRows,
    footer: footerFor(null, count, shownRows.length, anyRowError),
    totals: sheetTotals(input.template.type, rows, count),
    sendable: !anyRowError,
  };
}
