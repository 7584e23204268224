/**
 * Reading CSV and TSV files as Notify's admin does (rules 1.2, 1.3), with papaparse.
 *
 * The bytes must be UTF-8: Notify refuses anything else with "Notify cannot read this file". The
 * console says the same, and also names the encoding the file most likely has (UTF-16 by its BOM,
 * else Windows-1252, what Excel writes for "CSV" on Windows) so the caller can offer to read it
 * again in that encoding: a choice Notify does not offer, made explicit rather than guessed.
 * Line breaks are normalised as Python's `splitlines` does, the text trimmed as a whole, then parsed
 * with the excel dialect (`"` quotes, `""` escapes, quoted newlines). TSV cells get pyexcel-io's
 * number typing. Only the first 100,001 rows are kept (the header and 100,000 data rows); the rest
 * are counted.
 */
import Papa from 'papaparse';
import {
  FILE_MESSAGES,
  MAX_COLUMNS,
  MAX_PARSE_ROWS,
  MAX_ROWS,
  normaliseSheetText,
  tsvCellValue,
} from '../../../src-shared/spreadsheet/index';
import { SheetReadError, type SheetRows } from './sheet-rows';

/** Encodings the console can read a CSV or TSV file in when the user asks for one. */
export type TextEncodingName = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/** The encoding a file that is not UTF-8 most likely has. */
function guessEncoding(bytes: Uint8Array): Exclude<TextEncodingName, 'utf-8'> {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'windows-1252';
}

/**
 * Bytes to text. UTF-8 is strict (any invalid sequence is an error, as in Python); the other
 * encodings are only used when the caller names one.
 */
export function decodeSheetText(bytes: Uint8Array, encoding: TextEncodingName = 'utf-8'): string {
  try {
    // ignoreBOM keeps a BOM in the text, as Python's utf-8 codec does; the whole-file trim removes it.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new SheetReadError(FILE_MESSAGES.cannotRead, {
      suggestedEncoding: encoding === 'utf-8' ? guessEncoding(bytes) : null,
    });
  }
}

/**
 * Parses normalised sheet text into a header and data rows.
 *
 * `tsv` selects the tab delimiter, pyexcel-io's number typing, and the spreadsheet limits of
 * 1,000 header columns and 200,000 rows (Notify converts TSV with the spreadsheet readers).
 */
export function parseSheetText(text: string, format: 'csv' | 'tsv'): SheetRows {
  const normalised = normaliseSheetText(text);
  if (normalised === '') return { headers: [], dataRows: [], dataRowCount: 0 };
  let headers: string[] | null = null;
  let width = Infinity;
  const dataRows: string[][] = [];
  let dataRowCount = 0;
  let failure: SheetReadError | null = null;
  Papa.parse<string[]>(normalised, {
    delimiter: format === 'tsv' ? '\t' : ',',
    newline: '\r\n',
    quoteChar: '"',
    escapeChar: '"',
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    step: (result, parser) => {
      const cells = format === 'tsv' ? result.data.slice(0, width).map(tsvCellValue) : result.data;
      if (headers === null) {
        const last = lastNonEmpty(cells);
        if (format === 'tsv' && last >= MAX_COLUMNS) {
          failure = new SheetReadError(FILE_MESSAGES.tooManyColumns);
          parser.abort();
        }
        // Spreadsheet readers keep max(header width, 50) columns and silently drop the rest.
        if (format === 'tsv') width = Math.max(last + 1, MIN_KEPT_COLUMNS);
        headers = cells.slice(0, width);
        return;
      }
      dataRowCount++;
      if (format === 'tsv' && dataRowCount > MAX_PARSE_ROWS) {
        failure = new SheetReadError(FILE_MESSAGES.tooManyParseRows);
        parser.abort();
        return;
      }
      if (dataRows.length < MAX_ROWS) dataRows.push(cells);
    },
  });
  if (failure) throw failure;
  return { headers: headers ?? [], dataRows, dataRowCount };
}

/** Columns a spreadsheet reader keeps even when the header is narrower. */
export const MIN_KEPT_COLUMNS = 50;

function lastNonEmpty(cells: readonly string[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (cells[i] !== '') return i;
  return -1;
}
