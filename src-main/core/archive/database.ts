/**
 * Opening the archive file safely: WAL with `synchronous=FULL`, checks that tell a damaged file
 * before it is used, and moving a damaged file aside (renamed with a timestamp, never deleted or
 * silently replaced).
 *
 * Why FULL rather than NORMAL: in WAL mode NORMAL stays consistent but may lose the last commits
 * on a power cut (not on a process crash). Rows and the sync cursor would roll back together, so a
 * sync would just fetch them again, unless Notify has deleted them meanwhile: a notification
 * archived on its seventh day exists nowhere else the day after, and the archive exists for those.
 * The cost is one fsync per commit (2.5 ms here) for writes that come a few a second at most.
 */
import Database from 'better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, renameSync, statSync } from 'node:fs';
import { ArchiveDamagedError } from './errors';
import { migrate } from './migrations';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\u0000', 'latin1');
/**
 * Files up to this size get a full `PRAGMA quick_check` on open (it reads every page: 1.2 s for
 * the 1,077 MiB of a million notifications, so under 0.1 s up to this size; the full
 * `integrity_check` took 14 s, see bench/RESULTS.md). Larger files get the cheap checks on open and
 * `quickCheck()` on demand, so opening a big archive never blocks the main process for seconds.
 * SQLite also reports damage on any page it reads, which the store turns into the same move-aside.
 */
export const QUICK_CHECK_ON_OPEN_MAX_BYTES = 64 * 1024 * 1024;

/** SQLite result codes that mean the file itself is bad, not the request. */
const DAMAGE_CODES = /^SQLITE_(CORRUPT|NOTADB)/;

export function isDamageError(err: unknown): boolean {
  return (
    typeof (err as { code?: unknown })?.code === 'string' && DAMAGE_CODES.test((err as { code: string }).code)
  );
}

/** Renames the file and its -wal/-shm with a timestamp; returns the new main path, or null if it failed. */
export function moveAside(path: string, now: Date): string | null {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = `${path}.damaged-${stamp}`;
  try {
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(path + suffix)) renameSync(path + suffix, target + suffix);
    }
    if (existsSync(path)) renameSync(path, target);
    return target;
  } catch {
    return null;
  }
}

function readMagic(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(SQLITE_MAGIC.length);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** Creates the file owner-only first: SQLite gives its -wal and -shm the same permissions. */
function createPrivate(path: string): void {
  closeSync(openSync(path, 'a', 0o600));
}

/**
 * The checks that run before the archive is used. Throws a reason (a sentence fragment) for a
 * damaged file; lets SQLite's own errors through for the caller to classify.
 */
function checkOpened(db: BetterSqlite3.Database, path: string, quickCheckMaxBytes: number): string | null {
  const [ckpt] = db.pragma('wal_checkpoint(TRUNCATE)') as {
    busy: number;
    log: number;
    checkpointed: number;
  }[];
  // Another connection holding the WAL (a second console on the same folder) keeps pages there,
  // so the file may rightly be shorter than the page count: compare only after a full checkpoint.
  const complete = ckpt !== undefined && ckpt.busy === 0 && ckpt.log === ckpt.checkpointed;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db.pragma('page_count', { simple: true }) as number;
  const size = statSync(path).size;
  if (complete && size < pageSize * pages)
    return `the file is cut short (${size} of ${pageSize * pages} bytes)`;
  if (size <= quickCheckMaxBytes) return quickCheck(db);
  return null;
}

function hasTables(db: BetterSqlite3.Database): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' LIMIT 1").get() !== undefined;
}

/** SQLite's structural check; null when sound, else the first problem it found. */
export function quickCheck(db: BetterSqlite3.Database): string | null {
  const rows = db.pragma('quick_check(1)') as { quick_check: string }[];
  const first = rows[0]?.quick_check ?? 'no answer';
  return first === 'ok' ? null : `SQLite's check failed (${first.slice(0, 200)})`;
}

/**
 * Opens (or creates) the archive database and brings its schema up to date. A damaged file is
 * moved aside and reported with {@link ArchiveDamagedError}; the next call creates a fresh one.
 */
export function openArchiveDatabase<T>(
  path: string,
  now: () => Date,
  quickCheckMaxBytes: number,
  use: (db: BetterSqlite3.Database) => T,
): T {
  const damaged = (reason: string, cause?: unknown): never => {
    throw new ArchiveDamagedError(reason, moveAside(path, now()), { cause });
  };
  if (existsSync(path) && statSync(path).size > 0) {
    const magic = readMagic(path);
    if (!magic.equals(SQLITE_MAGIC)) damaged('the file is not a SQLite database (its header is wrong)');
  } else {
    createPrivate(path);
  }
  let db: BetterSqlite3.Database | null = null;
  try {
    db = new Database(path);
    if ((db.pragma('user_version', { simple: true }) as number) === 0 && !hasTables(db)) {
      // Only possible before the first table exists, and before WAL: lets a purge give space back.
      db.pragma('auto_vacuum = INCREMENTAL');
    }
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new Error(`SQLite refused WAL mode (${String(mode)})`);
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    db.pragma('trusted_schema = OFF');
    const problem = checkOpened(db, path, quickCheckMaxBytes);
    if (problem) {
      db.close();
      db = null;
      damaged(problem);
    }
    migrate(db!);
    return use(db!);
  } catch (err) {
    if (db?.open) db.close();
    if (isDamageError(err)) {
      damaged(`SQLite cannot read it (${(err as Error).message})`, err);
    }
    throw err;
  }
}
