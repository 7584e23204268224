/**
 * What a checked sheet would send: the count per channel, SMS fragments and the cost estimate.
 *
 * Fragments are counted by the shared SMS rules (prefix included, as billed) and priced with the
 * shared rate and each number's international multiplier (`smsCostInPounds`). Emails are free.
 * Letters are priced by sheets of paper, which needs the rendered PDF, so their cost is left open.
 */
import { smsCostInPounds } from '../letters/costs';
import type { TemplateType } from '../statuses';
import { rowHasError, type RowCheck } from './row-check';

export interface SheetTotals {
  type: TemplateType;
  /** Data rows in the file. */
  rows: number;
  /** Checked rows with no error: what would be sent. */
  sendable: number;
  /** SMS: fragments of the sendable rows (null for other types). */
  fragments: number | null;
  /** SMS: sendable rows whose number is outside the UK (Crown dependencies count as UK). */
  international: number | null;
  /** Estimated cost in pounds of the sendable rows; 0 for email; null for letters. */
  costInPounds: number | null;
}

/** Totals over checked rows; `rowCount` is every data row in the file. */
export function sheetTotals(type: TemplateType, rows: readonly RowCheck[], rowCount: number): SheetTotals {
  let sendable = 0;
  let fragments = 0;
  let international = 0;
  let cost = 0;
  for (const row of rows) {
    if (rowHasError(row)) continue;
    sendable++;
    if (type !== 'sms' || row.fragments === null) continue;
    fragments += row.fragments;
    const multiplier = row.phone?.rateMultiplier ?? 1;
    cost += smsCostInPounds(row.fragments, multiplier);
    if (row.phone?.international && !row.phone.crownDependency) international++;
  }
  return {
    type,
    rows: rowCount,
    sendable,
    fragments: type === 'sms' ? fragments : null,
    international: type === 'sms' ? international : null,
    costInPounds: type === 'sms' ? Math.round(cost * 10_000) / 10_000 : type === 'email' ? 0 : null,
  };
}
