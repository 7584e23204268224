/**
 * What every file reader produces: the header row, the data rows Notify checks, and how many data
 * rows the file had; and the error a reader throws with one of Notify's upload-form messages.
 */
import type { JsonValue } from '../ports';

/** A parsed sheet: the header, at most 100,000 data rows, and the count of every data row. */
export interface SheetRows {
  headers: string[];
  dataRows: string[][];
  dataRowCount: number;
}

/**
 * A file Notify would refuse on its upload form; `message` is Notify's (rules 1.1) or, for what
 * only the console refuses, the console's own. `details` says more (for example an encoding to
 * try); it never holds file content.
 */
export class SheetReadError extends Error {
  override name = 'SheetReadError';
  constructor(
    message: string,
    readonly details: Record<string, JsonValue> = {},
  ) {
    super(message);
  }
}
