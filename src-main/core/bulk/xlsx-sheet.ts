/**
 * Reading `.xlsx` and `.xlsm` workbooks with exceljs, following the admin's openpyxl rules (rules 1.2).
 *
 * The first sheet that is not hidden; its first visible row is the header (even when blank);
 * hidden rows and hidden columns are dropped; every cell of a merged range has the range's
 * top-left value; formulas give their cached result; reading stops at the last non-empty visible
 * row and column. A header reaching past column 1,000, or a value below sheet row 200,000, refuses
 * the file; columns right of max(header width, 50) are dropped. Values become text as Python's
 * `str()` prints openpyxl's values (`7700900123`, `12.5`, `2024-01-02 00:00:00`, `True`).
 *
 * Why exceljs: see docs/bulk-send.md ("Excel files"). It is only given bytes already capped at
 * 10 MB, and runs in a worker with a memory limit (read-in-worker.ts).
 */
import ExcelJS from 'exceljs';
import {
  FILE_MESSAGES,
  MAX_COLUMNS,
  MAX_PARSE_ROWS,
  MAX_ROWS,
  pyFloatRepr,
  trimSheetRows,
} from '../../../src-shared/spreadsheet/index';
import { MIN_KEPT_COLUMNS } from './csv-text';
import { SheetReadError, type SheetRows } from './sheet-rows';

/** Python `str()` of what openpyxl returns for a cell. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return numberText(value);
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('formula' in value || 'sharedFormula' in value) return '';
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return cellText(value.text as ExcelJS.CellValue);
    if ('error' in value) return String(value.error);
  }
  return '';
}

/**
 * openpyxl reads a number stored without `.` or an exponent as an `int`, else as a `float`. Whole
 * numbers below 10^15 are taken as ints (Excel stores them that way); others print as Python floats.
 */
function numberText(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  return Number.isFinite(value) ? pyFloatRepr(value) : '';
}

/** Python `str()` of a datetime (`2024-01-02 00:00:00`), or of a time for time-only cells. */
function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  const ms = date.getUTCMilliseconds();
  const time = iso.slice(11, 19) + (ms ? `.${String(ms * 1000).padStart(6, '0')}` : '');
  // Excel's day 0 is 1899-12-30: a time-only value, which openpyxl returns as a time.
  if (iso.startsWith('1899-12-30') || iso.startsWith('1899-12-31')) return time;
  return `${iso.slice(0, 10)} ${time}`;
}

function firstVisibleSheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet | null {
  // `worksheets` is in the workbook's tab order.
  return workbook.worksheets.find((s) => s.state !== 'hidden' && s.state !== 'veryHidden') ?? null;
}

/** Reads the workbook's rows as Notify would, or throws a {@link SheetReadError}. */
export async function readXlsx(bytes: Uint8Array): Promise<SheetRows> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its argument as an ArrayBuffer; JSZip underneath reads one as it is.
    const data = new Uint8Array(bytes).buffer;
    await workbook.xlsx.load(data);
  } catch {
    throw new SheetReadError(FILE_MESSAGES.cannotRead);
  }
  const sheet = firstVisibleSheet(workbook);
  if (sheet === null) return { headers: [], dataRows: [], dataRowCount: 0 };

  const lastRow = sheet.rowCount;
  const lastColumn = sheet.columnCount;
  const visibleColumns: number[] = [];
  for (let c = 1; c <= lastColumn; c++) if (!sheet.getColumn(c).hidden) visibleColumns.push(c);
  const textOf = (row: ExcelJS.Row, columns: readonly number[]) =>
    columns.map((c) => cellText(row.getCell(c).value));

  // The header: the first row that is not hidden, blank or not.
  let headerRow = 1;
  while (headerRow <= lastRow && sheet.getRow(headerRow).hidden) headerRow++;
  if (headerRow > lastRow) return { headers: [], dataRows: [], dataRowCount: 0 };
  const headerLast = lastFilled(textOf(sheet.getRow(headerRow), visibleColumns));
  if (headerLast >= 0 && visibleColumns[headerLast]! > MAX_COLUMNS) {
    throw new SheetReadError(FILE_MESSAGES.tooManyColumns);
  }
  // Columns right of max(header width, 50) are dropped without a word, as openpyxl's reader does.
  const columns = visibleColumns.slice(0, Math.max(headerLast + 1, MIN_KEPT_COLUMNS));

  const rows: string[][] = [];
  let bottom = -1;
  let right = -1;
  for (let r = headerRow; r <= lastRow; r++) {
    const row = sheet.getRow(r);
    if (row.hidden) continue;
    const cells = textOf(row, columns);
    const last = lastFilled(cells);
    if (last >= 0) {
      if (r > MAX_PARSE_ROWS) throw new SheetReadError(FILE_MESSAGES.tooManyParseRows);
      bottom = rows.length;
      right = Math.max(right, last);
    }
    rows.push(cells);
  }
  const kept = trimSheetRows(
    rows.slice(0, Math.max(bottom, 0) + 1).map((cells) => cells.slice(0, right + 1)),
  );
  if (kept.length === 0) return { headers: [], dataRows: [], dataRowCount: 0 };
  return {
    headers: kept[0]!,
    dataRows: kept.slice(1, MAX_ROWS + 1),
    dataRowCount: kept.length - 1,
  };
}

function lastFilled(cells: readonly string[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (cells[i] !== '') return i;
  return -1;
}
