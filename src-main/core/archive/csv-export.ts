/**
 * Exports a date range of the archive to CSV, decrypted, for support staff to share or keep.
 *
 * Cells get the formula-injection guard every export uses (src-shared/csv.ts): a
 * recipient or reference is user-controlled text, and a cell starting with `=`, `+`, `-`, `@`, tab
 * or carriage return would run as a formula, so it gets a leading `'`. The export is read a page
 * at a time (`archive.export` answers one page and the cursor for the next), so no call holds the
 * event loop for the whole range; the Archive screen joins the pages and saves the file.
 */
import { NOTIFICATION_CSV_COLUMNS, csvCell } from '../../../src-shared/csv';
import type { ArchiveStore } from './archive-store';
import { ArchiveInputError } from './errors';
import { notificationRecipient } from '../../../src-shared/callback-payload';
import { toArchivedNotification, type ArchivedNotification, type DbRow } from './rows';
import { ROW_COLUMNS } from './search-query';

const EXPORT_PAGE = 500;

/** Columns: history's export's (Notify's field names), then the archive's own. */
const ARCHIVE_CSV_COLUMNS = [
  ...NOTIFICATION_CSV_COLUMNS,
  'profile_id',
  'profile_name',
  'archived_at',
  'last_seen_at',
] as const;

interface ExportRange {
  /** Created at or after (ms since the epoch). */
  from: number;
  /** Created before (ms since the epoch). */
  to: number;
}

/** Where the next export page starts: after this (created_at, seq). */
export type ExportCursor = readonly [createdAt: number, seq: number];

/** The CSV header line. */
export const ARCHIVE_CSV_HEADER = `${ARCHIVE_CSV_COLUMNS.map(csvCell).join(',')}\r\n`;

function checkRange(range: ExportRange): void {
  if (!Number.isFinite(range.from) || !Number.isFinite(range.to) || range.from >= range.to) {
    throw new ArchiveInputError('Export: choose a start date before the end date.', { field: 'from' });
  }
}

function csvLine(a: ArchivedNotification): string {
  const n = a.record?.notification;
  return [
    a.id,
    n?.reference,
    a.type,
    a.status,
    n ? notificationRecipient(n, ', ') : null,
    a.templateId,
    a.templateVersion,
    n?.created_at ?? a.createdAt,
    n?.['sent_at'],
    n?.['completed_at'],
    n?.['cost_in_pounds'],
    n?.['subject'],
    n?.['body'],
    a.profileId,
    a.record?.profileName,
    a.archivedAt,
    a.record?.lastSeenAt,
  ]
    .map(csvCell)
    .join(',');
}

/**
 * One page of the export, oldest first: up to `limit` CSV lines (without the header) after
 * `after`, and the cursor for the next page (null at the end of the range). A record that fails its
 * integrity check is exported with its metadata and empty personal fields.
 */
export async function exportCsvPage(
  store: ArchiveStore,
  range: ExportRange,
  after: ExportCursor | null,
  limit = EXPORT_PAGE,
): Promise<{ csv: string; count: number; next: ExportCursor | null }> {
  checkRange(range);
  const keys = await store.unlockedKeys();
  const [createdAt, seq] = after ?? [range.from, -1];
  const rows = store.guard((db) =>
    db
      .prepare<unknown[], DbRow>(
        `SELECT ${ROW_COLUMNS} FROM notifications WHERE (created_at, seq) > (?, ?) AND created_at >= ? AND created_at < ?
         ORDER BY created_at, seq LIMIT ?`,
      )
      .all(createdAt, seq, range.from, range.to, limit),
  );
  const lines = rows.map((row) => csvLine(toArchivedNotification(keys, row)));
  const last = rows[rows.length - 1];
  return {
    csv: lines.length ? `${lines.join('\r\n')}\r\n` : '',
    count: rows.length,
    next: last && rows.length === limit ? [last.created_at, last.seq] : null,
  };
}
