/**
 * One entry point for every spreadsheet file: Notify's upload-form checks, then the right reader.
 *
 * The form's order (rules 1.1): a file is chosen; its extension (not its content) is one Notify
 * reads; it is at most 10 MB; then it is read. `.xls` and `.ods` pass Notify's extension check but
 * the console has no reader for them that it trusts (docs/bulk-send.md), so they get a message that
 * says what to do instead.
 */
import { FILE_MESSAGES, MAX_FILE_BYTES } from '../../../src-shared/spreadsheet/index';
import { parseSheetText, decodeSheetText, type TextEncodingName } from './csv-text';
import { SheetReadError, type SheetRows } from './sheet-rows';
import { readXlsx } from './xlsx-sheet';

type SheetFormat = 'csv' | 'tsv' | 'xlsx' | 'xlsm' | 'xls' | 'ods';

const FORMATS: readonly SheetFormat[] = ['csv', 'tsv', 'xlsx', 'xlsm', 'xls', 'ods'];

/** The console's message for the two formats Notify reads and the console does not. */
const UNSUPPORTED_FORMAT_MESSAGE =
  'Notify Console cannot read .xls or .ods files. Save the sheet as .xlsx, .csv or .tsv and upload it again.';

/** The format by the lower-cased text after the file name's last `.`, as Notify judges it. */
function sheetFormat(fileName: string): SheetFormat {
  const dot = fileName.lastIndexOf('.');
  const ext = dot === -1 ? '' : fileName.slice(dot + 1).toLowerCase();
  if (!(FORMATS as readonly string[]).includes(ext)) throw new SheetReadError(FILE_MESSAGES.notASpreadsheet);
  return ext as SheetFormat;
}

interface ReadSheetOptions {
  /** For CSV and TSV: read in this encoding instead of strict UTF-8 (only when the user chose it). */
  encoding?: TextEncodingName;
}

/** Reads a file's rows, or throws a {@link SheetReadError} carrying the upload form's message. */
export async function readSheet(
  bytes: Uint8Array | null,
  fileName: string,
  options: ReadSheetOptions = {},
): Promise<SheetRows> {
  if (bytes === null || fileName === '') throw new SheetReadError(FILE_MESSAGES.noFile);
  const format = sheetFormat(fileName);
  if (bytes.byteLength > MAX_FILE_BYTES) throw new SheetReadError(FILE_MESSAGES.tooBig);
  switch (format) {
    case 'csv':
    case 'tsv':
      return parseSheetText(decodeSheetText(bytes, options.encoding), format);
    case 'xlsx':
    case 'xlsm':
      return readXlsx(bytes);
    default:
      throw new SheetReadError(UNSUPPORTED_FORMAT_MESSAGE);
  }
}
