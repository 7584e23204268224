/**
 * Retention under the user's control: how long the archive keeps notifications (12 months by
 * default), purging what is older, purging everything, and the archive's size on disk.
 *
 * Purges delete in small transactions and yield between them, so clearing a million rows never
 * blocks the main process for long, and a crash midway leaves a consistent, partly purged archive.
 * Freed pages are returned to the disk (`auto_vacuum = INCREMENTAL`).
 */
import { statSync } from 'node:fs';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { ArchiveStore } from './archive-store';
import { ArchiveInputError } from './errors';

const DEFAULT_RETENTION_MONTHS = 12;
const MAX_RETENTION_MONTHS = 120;
const PURGE_BATCH = 2000;
const VACUUM_STEP_PAGES = 2000;

/** The first instant kept: `months` calendar months before now (UTC). */
function retentionCutoff(nowMs: number, months: number): number {
  const d = new Date(nowMs);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.getTime();
}

export async function retentionMonths(store: ArchiveStore): Promise<number> {
  await store.unlockedKeys();
  const row = store.guard((db) =>
    db.prepare<[string], { value: Buffer }>('SELECT value FROM meta WHERE key = ?').get('retention_months'),
  );
  const months = row ? Number(Buffer.from(row.value).toString('utf8')) : NaN;
  return Number.isInteger(months) && months >= 1 ? months : DEFAULT_RETENTION_MONTHS;
}

export async function setRetentionMonths(store: ArchiveStore, months: number): Promise<void> {
  if (!Number.isInteger(months) || months < 1 || months > MAX_RETENTION_MONTHS) {
    throw new ArchiveInputError(`Choose a retention period of 1 to ${MAX_RETENTION_MONTHS} whole months.`, {
      field: 'months',
    });
  }
  await store.unlockedKeys();
  store.guard((db) =>
    db
      .prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)')
      .run('retention_months', Buffer.from(String(months))),
  );
}

/**
 * Deletes archived notifications created before `before` (by default, the retention cutoff), or of
 * one profile only. Returns how many were deleted.
 */
export async function purge(
  store: ArchiveStore,
  options: { before?: number; profileId?: string } = {},
): Promise<number> {
  const before = options.before ?? retentionCutoff(store.clock.now(), await retentionMonths(store));
  if (!Number.isFinite(before))
    throw new ArchiveInputError('Purge: "before" is not a date.', { field: 'before' });
  let total = 0;
  for (;;) {
    await store.unlockedKeys();
    const deleted = store.guard((db) => {
      const where = options.profileId === undefined ? 'created_at < ?' : 'created_at < ? AND profile_id = ?';
      const params: (number | string)[] =
        options.profileId === undefined ? [before] : [before, options.profileId];
      return db
        .prepare(
          `DELETE FROM notifications WHERE seq IN (SELECT seq FROM notifications WHERE ${where} LIMIT ?)`,
        )
        .run(...params, PURGE_BATCH).changes;
    });
    total += deleted;
    if (deleted < PURGE_BATCH) break;
    await yieldToEventLoop();
  }
  if (total > 0) await releaseFreePages(store);
  return total;
}

/** Deletes every archived notification ("purge now"); settings, opt-ins and sync state stay. */
export function purgeAll(store: ArchiveStore): Promise<number> {
  return purge(store, { before: Number.MAX_SAFE_INTEGER });
}

async function releaseFreePages(store: ArchiveStore): Promise<void> {
  for (;;) {
    const free = store.guard((db) => {
      db.pragma(`incremental_vacuum(${VACUUM_STEP_PAGES})`);
      return db.pragma('freelist_count', { simple: true }) as number;
    });
    if (free === 0) break;
    await yieldToEventLoop();
  }
  store.guard((db) => db.pragma('wal_checkpoint(TRUNCATE)'));
}

interface ArchiveSize {
  /** The database file and its -wal and -shm, in bytes. */
  bytesOnDisk: number;
  notifications: number;
  /** Space inside the file that new rows will reuse. */
  freeBytes: number;
}

export async function archiveSize(store: ArchiveStore): Promise<ArchiveSize> {
  const notifications = await store.count();
  const freeBytes = store.guard(
    (db) =>
      (db.pragma('freelist_count', { simple: true }) as number) *
      (db.pragma('page_size', { simple: true }) as number),
  );
  let bytesOnDisk = 0;
  for (const suffix of ['', '-wal', '-shm']) {
    try {
      bytesOnDisk += statSync(store.path + suffix).size;
    } catch {
      // -wal and -shm exist only while the archive is open.
    }
  }
  return { bytesOnDisk, notifications, freeBytes };
}
