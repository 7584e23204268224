/**
 * Notify's spreadsheet rules in pure TypeScript: how the admin's "Upload a list of recipients"
 * reads, matches and checks a sheet, with its exact messages (docs/notify-spreadsheet-rules.md; "rules 2.4"
 * in these modules cites its section 2.4).
 *
 * No Node, no DOM: the file readers (core) hand rows in, and the renderer can run the same checks.
 */
export {
  ADDRESS_COLUMNS,
  RECIPIENT_COLUMNS,
  REFERENCE_KEY,
  columnKey,
  matchColumns,
  type ColumnMatch,
} from './columns';
export {
  FILE_MESSAGES,
  MAX_COLUMNS,
  MAX_FILE_BYTES,
  MAX_PARSE_ROWS,
  MAX_ROWS,
  MISSING,
  ROW_LABELS,
  formatThousands,
  quotedList,
  rowErrorItems,
  type RowErrorCounts,
  type SheetBanner,
} from './messages';
export {
  MAX_REFERENCE_LENGTH,
  notificationRequests,
  referenceFor,
  referenceProblems,
  type NotificationRequest,
  type ReferenceProblem,
  type RequestOptions,
} from './notification-requests';
export { QR_TOO_LONG_LABEL, checkRow, rowHasError, type RowCheck, type ServiceRules } from './row-check';
export { isMissing, rowValues, type CellValue, type RowValues } from './row-values';
export { summariseCheck, type SheetSummary, type ShownRow } from './sheet-summary';
export { ROWS_SHOWN, checkSheet, type SheetCheck, type SheetCheckInput } from './sheet-check';
export { csvCell, toCsv } from '../csv';
export { errorReportCsv } from './error-report';
export { PREVIEW_MAX_CHARACTERS, previewRow, type RowPreview } from './row-preview';
export { cleanCell, isBlankCell, normaliseSheetText, trimSheetRows } from './sheet-text';
export { sheetTotals, type SheetTotals } from './totals';
export { pyFloatRepr, tsvCellValue } from './tsv-values';
