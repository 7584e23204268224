/**
 * CSV export of notifications: RFC 4180 quoting plus a guard against formula injection.
 *
 * A recipient or reference is user-controlled text. Spreadsheet programs run a cell that starts
 * with `=`, `+`, `-` or `@` (and tab or carriage return) as a formula, so such cells get a leading
 * `'` (OWASP "CSV injection"). Lines end in CRLF as RFC 4180 says.
 */
import type { Notification } from '../../src-main/contract/schemas';
import { recipientOf } from '../components/notification-table/notification-fields';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One cell, neutralised and quoted as needed. `null`/`undefined` become an empty cell. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text =
    typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole CSV document: a header row, then one row per item. */
export function toCsv(header: readonly string[], rows: Iterable<readonly unknown[]>): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Columns of the history export, named as Notify names the fields. */
export const NOTIFICATION_CSV_COLUMNS = [
  'id',
  'reference',
  'type',
  'status',
  'recipient',
  'template_id',
  'template_version',
  'created_at',
  'sent_at',
  'completed_at',
  'cost_in_pounds',
  'subject',
  'body',
] as const;

/** The loaded history rows as CSV. */
export function notificationsToCsv(rows: readonly Notification[]): string {
  return toCsv(
    NOTIFICATION_CSV_COLUMNS,
    rows.map((n) => [
      n.id,
      n.reference,
      n.type,
      n.status,
      recipientOf(n),
      n.template.id,
      n.template.version,
      n.created_at,
      n.sent_at,
      n.completed_at,
      n['cost_in_pounds'],
      n.subject,
      n.body,
    ]),
  );
}

/** A file name for an export: profile name and time, safe on every OS. */
export function csvFileName(profileName: string, now: Date): string {
  const safe = profileName.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'profile';
  const stamp = now.toISOString().replace(/[:.]/g, '-').slice(0, 19);
  return `notifications-${safe}-${stamp}.csv`;
}
