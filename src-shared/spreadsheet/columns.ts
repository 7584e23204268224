/**
 * Matching a spreadsheet's header row to a template, as Notify does (rules 2).
 *
 * A header's key is its text with every space, `_` and `-` deleted, lower-cased (notifications-utils
 * `InsensitiveDict.make_key`), so `Phone_Number`, `phone number` and `PHONENUMBER` are one column.
 * Recipient columns depend on the template type; every `((placeholder))` needs a column
 * (`((x??y))` needs `x`); other columns are allowed and ignored.
 */
import type { TemplateType } from '../statuses';
import { normaliseKey, templatePlaceholders, type TemplateParts } from '../template/index';

/** Address columns in Notify's order: lines 1–6, postcode, line 7 (`first_column_headings`). */
export const ADDRESS_COLUMNS = [
  'address line 1',
  'address line 2',
  'address line 3',
  'address line 4',
  'address line 5',
  'address line 6',
  'postcode',
  'address line 7',
] as const;

/** The recipient columns of each template type, as Notify names them. */
export const RECIPIENT_COLUMNS: Readonly<Record<TemplateType, readonly string[]>> = {
  sms: ['phone number'],
  email: ['email address'],
  letter: ADDRESS_COLUMNS,
};

const ADDRESS_KEYS = ADDRESS_COLUMNS.map(normaliseKey);
const LINES_1_TO_6_AND_POSTCODE = new Set(ADDRESS_KEYS.slice(0, 7));
const LINES_1_TO_7 = new Set([...ADDRESS_KEYS.slice(0, 6), normaliseKey('address line 7')]);

/** A header's key: Notify's `make_key` (spaces, `_` and `-` deleted, lower case). */
export const columnKey = normaliseKey;

/** What the header row means for a template. */
export interface ColumnMatch {
  /** The header row as written (raw, not cleaned). */
  headers: string[];
  /** Distinct raw headers in file order: what Notify's table shows and its banners list. */
  distinctHeaders: string[];
  /** Keys of the recipient columns for this template type. */
  recipientKeys: Set<string>;
  /** True when the file has the recipient columns the type needs (rules 2.2). */
  hasRecipientColumns: boolean;
  /** Each raw spelling of a recipient column that appears more than once, in file order (rules 2.4). */
  duplicateRecipientHeaders: string[];
  /** Placeholder names (template spelling) with no column, address placeholders excluded for letters. */
  missingColumns: string[];
  /** Keys of the placeholders that have a column: their empty cells are `Missing`. */
  placeholderKeys: Set<string>;
  /** For letters: the file has an `address line 7` column, so `postcode` is ignored. */
  hasAddressLine7: boolean;
  /** Index of the `reference` column (the last one with that key), or -1. */
  referenceColumn: number;
}

/** The key of the column Notify copies into each notification's client reference (API `process_job`). */
export const REFERENCE_KEY = 'reference';

/**
 * Whether a letter file has enough address columns: at least 3 distinct keys from lines 1–6 and
 * postcode, or at least 3 from lines 1–7 (rules 2.2).
 */
function hasLetterAddressColumns(keys: ReadonlySet<string>): boolean {
  let classic = 0;
  let withLine7 = 0;
  for (const key of keys) {
    if (LINES_1_TO_6_AND_POSTCODE.has(key)) classic++;
    if (LINES_1_TO_7.has(key)) withLine7++;
  }
  return classic >= 3 || withLine7 >= 3;
}

/** Matches a header row to a template's recipient columns and placeholders. */
export function matchColumns(headers: readonly string[], template: TemplateParts): ColumnMatch {
  const type = template.type;
  const recipientKeys = new Set(RECIPIENT_COLUMNS[type].map(normaliseKey));
  const keys = headers.map(normaliseKey);
  const keySet = new Set(keys);

  const hasRecipientColumns =
    type === 'letter' ? hasLetterAddressColumns(keySet) : [...recipientKeys].every((k) => keySet.has(k));

  const recipientKeyCounts = new Map<string, number>();
  for (const key of keys) {
    if (recipientKeys.has(key)) recipientKeyCounts.set(key, (recipientKeyCounts.get(key) ?? 0) + 1);
  }
  const duplicateRecipientHeaders = distinct(
    headers.filter((_h, i) => (recipientKeyCounts.get(keys[i]!) ?? 0) > 1),
  );

  const placeholders = templatePlaceholders(template);
  const missingColumns: string[] = [];
  const placeholderKeys = new Set<string>();
  for (const name of placeholders) {
    const key = normaliseKey(name);
    if (type === 'letter' && ADDRESS_KEYS.includes(key)) continue;
    if (keySet.has(key)) placeholderKeys.add(key);
    else missingColumns.push(name);
  }

  return {
    headers: [...headers],
    distinctHeaders: distinct(headers),
    recipientKeys,
    hasRecipientColumns,
    duplicateRecipientHeaders,
    missingColumns,
    placeholderKeys,
    hasAddressLine7: type === 'letter' && keySet.has(normaliseKey('address line 7')),
    referenceColumn: keys.lastIndexOf(REFERENCE_KEY),
  };
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}
