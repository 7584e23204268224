/**
 * The exact words Notify's admin uses when it checks an uploaded spreadsheet.
 *
 * Source: docs/notify-spreadsheet-rules.md sections 1.1, 2.5, 3.6 (notifications-admin
 * `column-errors.html`, `row-errors.html`, `app/utils/csv.py`; notifications-utils `formatters.py`).
 * Curly quotes ‘ ’ (U+2018/U+2019) and the en dash – (U+2013) are Notify's own.
 */
import type { TemplateType } from '../statuses';

/** Notify's row limit (notifications-utils `RecipientCSV.max_rows`). */
export const MAX_ROWS = 100_000;

/** Largest file the upload form accepts: 10 × 1024 × 1024 bytes. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Columns a spreadsheet (not CSV) may have in its header row. */
export const MAX_COLUMNS = 1_000;

/** Rows a spreadsheet (not CSV) may reach while it is converted (admin `spreadsheet.py`). */
export const MAX_PARSE_ROWS = 200_000;

/** The upload form's errors (rules 1.1), in the order the form checks them. */
export const FILE_MESSAGES = {
  noFile: 'You need to chose a file to upload',
  notASpreadsheet: 'The file must be a spreadsheet that Notify can read',
  tooBig: 'The file must be smaller than 10MB',
  cannotRead: 'Notify cannot read this file - try using a different file type',
  badExcelDate: 'Notify cannot read this file - try saving it as a CSV instead',
  tooSlow:
    'Your file took too long to process \u2013 try again, or remove any sheets, columns or rows that are not needed',
  tooManyColumns: 'Your file has too many columns (Notify can process up to 1,000 columns)',
  tooManyParseRows: 'Your file has too many rows (Notify can process up to 100,000 rows at once)',
} as const;

/** A cell with no value in a recipient or placeholder column. */
export const MISSING = 'Missing';

/** Full-width labels above a row (row-errors.html), in the order Notify picks the first that applies. */
export const ROW_LABELS = {
  empty: 'No content for this message',
  tooLong: 'Message is too long',
  notAlphanumeric: 'The first 2 lines of the address must both include at least one alphanumeric character',
  bfpoWithCountry: 'The last line of a BFPO address must not be a country.',
  tooFewLines: 'Address must be at least 3 lines long',
  tooManyLines: 'Address must be no more than 7 lines long',
  lastLineInternational: 'Last line of the address must be a UK postcode or another country',
  noInternationalPermission: 'You do not have permission to send letters to other countries',
  lastLinePostcode: 'Last line of the address must be a real UK postcode',
  invalidCharacters:
    'Address lines must not start with any of the following characters: @ ( ) = [ ] " \\ / , < > ~',
  notRealAddress: 'This is not a real address',
} as const;

/** Thousands separators as Notify's `format_thousands` prints them: `123,456`. */
export function formatThousands(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * `formatted_list`: `‘a’`, `‘a’ and ‘b’`, `‘a’, ‘b’ and ‘c’` (no Oxford comma).
 *
 * Notify also HTML-escapes each item; the console's views escape text themselves, so this does not.
 */
export function quotedList(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  const quoted = items.map((item) => `\u2018${item}\u2019`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} ${conjunction} ${quoted[quoted.length - 1]}`;
}

const RECIPIENT_COLUMN_TEXT: Record<'sms' | 'email', string> = {
  sms: 'phone number',
  email: 'email address',
};

/** A file-level problem: one of banners 1–5 of rules 2.5, with its exact title and lines. */
export interface SheetBanner {
  kind:
    'too-many-rows' | 'no-rows' | 'no-recipient-columns' | 'duplicate-recipient-columns' | 'missing-columns';
  title: string;
  lines: string[];
}

export function tooManyRowsBanner(rowCount: number): SheetBanner {
  return {
    kind: 'too-many-rows',
    title: 'Your file has too many rows',
    lines: [
      `Notify can process up to ${formatThousands(MAX_ROWS)} rows at once. Your file has ${formatThousands(rowCount)} rows.`,
    ],
  };
}

export function noRowsBanner(missingColumns: readonly string[]): SheetBanner {
  const sorted = [...missingColumns].sort();
  let line = 'It needs at least one row of data';
  if (sorted.length === 1) line += `, and a column called ${quotedList(sorted)}`;
  else if (sorted.length > 1) line += `, and columns called ${quotedList(sorted)}`;
  return { kind: 'no-rows', title: 'Your file is missing some rows', lines: [`${line}.`] };
}

export function noRecipientColumnsBanner(type: TemplateType, headers: readonly string[]): SheetBanner {
  const need =
    type === 'letter'
      ? `Your file needs at least 3 address columns, for example ${quotedList(['address line 1', 'address line 2', 'address line 3'])}.`
      : `Your file needs a column called ${quotedList([RECIPIENT_COLUMN_TEXT[type]])}.`;
  const has =
    headers.length === 1
      ? `Right now it has one column, called ${quotedList(headers)}.`
      : `Right now it has columns called ${quotedList(headers)}.`;
  return {
    kind: 'no-recipient-columns',
    title: 'There\u2019s a problem with your column names',
    lines: [need, has],
  };
}

export function duplicateColumnsBanner(spellings: readonly string[]): SheetBanner {
  return {
    kind: 'duplicate-recipient-columns',
    title: 'There\u2019s a problem with your column names',
    lines: [
      `We found more than one column called ${quotedList(spellings, 'or')}.`,
      'Delete or rename one of these columns and try again.',
    ],
  };
}

export function missingColumnsBanner(missing: readonly string[]): SheetBanner {
  const line =
    missing.length === 1
      ? `Your file is missing a column called ${quotedList(missing)}.`
      : `Your file is missing columns called ${quotedList(missing)}.`;
  return {
    kind: 'missing-columns',
    title: 'Your column names need to match the double brackets in your template',
    lines: [line],
  };
}

/** Counts behind the row-errors banner (rules 3.6); a row can count in several. */
export interface RowErrorCounts {
  badRecipients: number;
  missingData: number;
  tooLong: number;
  empty: number;
  qrTooLong: number;
}

const FIX_NOUNS: Record<TemplateType, [string, string]> = {
  sms: ['phone number', 'phone numbers'],
  email: ['email address', 'email addresses'],
  letter: ['address', 'addresses'],
};

/** The "You need to…" items of the row-errors banner, in Notify's order, only those above 0. */
export function rowErrorItems(type: TemplateType, counts: RowErrorCounts): string[] {
  const rows = (n: number) => (n === 1 ? '1 row' : `${n} rows`);
  const items: string[] = [];
  if (counts.badRecipients > 0) {
    const [one, many] = FIX_NOUNS[type];
    items.push(
      counts.badRecipients === 1 ? `fix 1 ${one}` : `fix ${formatThousands(counts.badRecipients)} ${many}`,
    );
  }
  if (counts.missingData > 0) items.push(`enter missing data in ${rows(counts.missingData)}`);
  if (counts.tooLong > 0) {
    items.push(
      counts.tooLong === 1
        ? 'shorten the message in 1 row'
        : `shorten the messages in ${rows(counts.tooLong)}`,
    );
  }
  if (counts.empty > 0) {
    items.push(
      counts.empty === 1
        ? 'check you have content for the empty message in 1 row'
        : `check you have content for the empty messages in ${rows(counts.empty)}`,
    );
  }
  if (counts.qrTooLong > 0) {
    items.push(`enter fewer characters for the QR code links in ${rows(counts.qrTooLong)}`);
  }
  return items;
}

/** The row-errors banner: one problem reads as a sentence, several as a list. */
export function rowErrorsBanner(
  fileName: string,
  items: readonly string[],
): { title: string; lines: string[] } | null {
  if (items.length === 0) return null;
  if (items.length === 1) {
    return { title: `There\u2019s a problem with ${fileName}`, lines: [`You need to ${items[0]}.`] };
  }
  return { title: `There are some problems with ${fileName}`, lines: ['You need to:', ...items] };
}
