/**
 * Exports a date range of the archive to CSV, decrypted, for support staff to share or keep.
 *
 * Cells get the same formula-injection guard as the history export (src-renderer/lib/csv.ts): a
 * recipient or reference is user-controlled text, and a cell starting with `=`, `+`, `-`, `@`, tab
 * or carriage return would run as a formula, so it gets a leading `'`. Rows are read in pages and
 * the event loop gets a turn between pages; the file is written beside its target and renamed
 * into place at the end, so a crash never leaves a half export that looks whole.
 */
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { ArchiveStore } from './archive-store';
import { ArchiveInputError } from './errors';
import { recipientOf } from './recipient-terms';
import { toArchivedNotification, type DbRow } from './rows';
import { ROW_COLUMNS } from './search-query';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
const EXPORT_PAGE = 500;

/** One cell, neutralised and quoted as needed. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text =
    typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Columns: Notify's field names, then the archive's own. */
export const ARCHIVE_CSV_COLUMNS = [
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
  'profile_id',
  'profile_name',
  'archived_at',
  'last_seen_at',
] as const;

export interface ExportRange {
  /** Created at or after (ms since the epoch). */
  from: number;
  /** Created before (ms since the epoch). */
  to: number;
}

/**
 * Writes the CSV to `write`, oldest first; returns the number of notifications. A record that fails
 * its integrity check is exported with its metadata and empty personal fields.
 */
export async function exportCsv(
  store: ArchiveStore,
  range: ExportRange,
  write: (chunk: string) => Promise<void> | void,
): Promise<number> {
  if (!Number.isFinite(range.from) || !Number.isFinite(range.to) || range.from >= range.to) {
    throw new ArchiveInputError('Export: choose a start date before the end date.', { field: 'from' });
  }
  await write(`${ARCHIVE_CSV_COLUMNS.map(csvCell).join(',')}\r\n`);
  let after: [number, number] = [range.from, -1];
  let count = 0;
  for (;;) {
    const keys = await store.unlockedKeys();
    const rows = store.guard((db) =>
      db
        .prepare<unknown[], DbRow>(
          `SELECT ${ROW_COLUMNS} FROM notifications WHERE (created_at, seq) > (?, ?) AND created_at < ?
           ORDER BY created_at, seq LIMIT ?`,
        )
        .all(after[0], after[1], range.to, EXPORT_PAGE),
    );
    const lines: string[] = [];
    for (const row of rows) {
      const a = toArchivedNotification(keys, row);
      const n = a.record?.notification;
      lines.push(
        [
          a.id,
          n?.reference,
          a.type,
          a.status,
          n ? recipientOf(n) : null,
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
          .join(','),
      );
    }
    if (lines.length) await write(`${lines.join('\r\n')}\r\n`);
    count += rows.length;
    const last = rows[rows.length - 1];
    if (!last || rows.length < EXPORT_PAGE) return count;
    after = [last.created_at, last.seq];
    await yieldToEventLoop();
  }
}

/** Exports to a file (owner-only), written whole or not at all. */
export async function exportCsvFile(store: ArchiveStore, range: ExportRange, path: string): Promise<number> {
  const partial = `${path}.partial`;
  const out = createWriteStream(partial, { mode: 0o600 });
  try {
    const count = await exportCsv(store, range, async (chunk) => {
      if (!out.write(chunk)) await once(out, 'drain');
    });
    out.end();
    await once(out, 'close');
    renameSync(partial, path);
    return count;
  } catch (err) {
    out.destroy();
    rmSync(partial, { force: true });
    throw err;
  }
}
