/**
 * What a view needs of a checked sheet: the verdict, the summaries and the rows the preview shows.
 *
 * A full {@link SheetCheck} holds every row's values and checks (100,000 of them at most); the
 * summary keeps the banners, counts, totals and only the rows on show, so it is cheap to pass
 * between threads and processes.
 */
import type { ColumnMatch } from './columns';
import type { RowErrorCounts, SheetBanner } from './messages';
import type { RowCheck } from './row-check';
import type { SheetCheck } from './sheet-check';
import type { SheetTotals } from './totals';

export interface ShownRow {
  /** Notify's row number (2 for the first data row). */
  rowNumber: number;
  /** The row's cells as read (after the header's width come the unnamed extra cells). */
  cells: string[];
  /** The row's check, or null when a file-level banner stopped the check. */
  check: RowCheck | null;
}

export interface SheetSummary {
  fileName: string;
  headers: string[];
  match: Omit<ColumnMatch, 'recipientKeys' | 'placeholderKeys'> & {
    recipientKeys: string[];
    placeholderKeys: string[];
  };
  dataRowCount: number;
  banner: SheetBanner | null;
  counts: RowErrorCounts;
  rowErrors: { title: string; lines: string[] } | null;
  shown: ShownRow[];
  footer: string | null;
  totals: SheetTotals;
  sendable: boolean;
}

/** Summarises a check; `dataRows` are the rows it was made from. */
export function summariseCheck(
  fileName: string,
  check: SheetCheck,
  dataRows: readonly string[][],
): SheetSummary {
  return {
    fileName,
    headers: check.match.headers,
    match: {
      ...check.match,
      recipientKeys: [...check.match.recipientKeys],
      placeholderKeys: [...check.match.placeholderKeys],
    },
    dataRowCount: check.dataRowCount,
    banner: check.banner,
    counts: check.counts,
    rowErrors: check.rowErrors,
    shown: check.shownRows.map((i) => ({
      rowNumber: i + 2,
      cells: [...(dataRows[i] ?? [])],
      check: check.rows[i] ?? null,
    })),
    footer: check.footer,
    totals: check.totals,
    sendable: check.sendable,
  };
}
