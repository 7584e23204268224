/**
 * A data row's values, keyed the way Notify keys them (notifications-utils `RecipientCSV.get_rows`).
 *
 * Each cell is cleaned (`strip_and_remove_obscure_whitespace`); an empty result is "no value".
 * Columns with *identical* raw headers combine into a list, except recipient columns (the last one
 * wins); headers that differ but share a key resolve to the last column. Rows shorter than the header
 * are padded with empty cells; cells beyond the header are kept aside and never checked (rules 1.3, 2.4).
 */
import { normaliseKey } from '../template/index';
import { cleanCell } from './sheet-text';

/** A cell value: text, nothing (`null`), or a list from identically named columns. */
export type CellValue = string | null | Array<string | null>;

/** One data row as Notify sees it. */
export interface RowValues {
  /** Values by raw header, in the order each header first appears. */
  byHeader: Map<string, CellValue>;
  /** Values by column key; for two headers with one key, the one appearing later in `byHeader` wins. */
  byKey: Map<string, CellValue>;
  /** Cells to the right of the header row: shown greyed out by Notify, never validated. */
  extraCells: string[];
}

/**
 * Builds a row's values from its cells and the header row.
 *
 * `recipientKeys` are the keys whose identical repeats overwrite instead of forming a list.
 */
export function rowValues(
  headers: readonly string[],
  cells: readonly string[],
  recipientKeys: ReadonlySet<string>,
): RowValues {
  const byHeader = new Map<string, CellValue>();
  for (let i = 0; i < headers.length; i++) {
    const header = headers[i]!;
    const raw = i < cells.length ? cells[i]! : null;
    const cleaned = raw === null ? '' : cleanCell(raw);
    const value = cleaned === '' ? null : cleaned;
    if (i < cells.length && recipientKeys.has(normaliseKey(header))) {
      byHeader.set(header, value);
    } else if (byHeader.has(header)) {
      const previous = byHeader.get(header)!;
      byHeader.set(
        header,
        Array.isArray(previous) ? [...previous, value] : [previous as string | null, value],
      );
    } else {
      byHeader.set(header, value);
    }
  }
  const byKey = new Map<string, CellValue>();
  for (const [header, value] of byHeader) {
    const key = normaliseKey(header);
    // Python's dict keeps a key's first position when it is overwritten; later headers still win.
    byKey.set(key, value);
  }
  return { byHeader, byKey, extraCells: cells.slice(headers.length) as string[] };
}

/** Whether a value counts as missing: nothing, or a list whose items are all empty (rules 2.4). */
export function isMissing(value: CellValue | undefined): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.every((item) => item === null || item === '');
  return value === '';
}

/** A value as personalisation: lists lose their empty items, as Notify's list formatting drops them. */
export function personalisationValue(value: CellValue): string | string[] | null {
  if (Array.isArray(value)) return value.filter((item): item is string => item !== null && item !== '');
  return value;
}

/** Values by key as a personalisation object for the shared template renderers. */
export function renderValues(values: RowValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of values.byKey) out[key] = personalisationValue(value);
  return out;
}
