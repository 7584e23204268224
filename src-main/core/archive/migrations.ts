/**
 * The archive's schema, as numbered steps. `PRAGMA user_version` records the last step applied;
 * each step runs in its own transaction with its version bump, so a crash leaves the file at one
 * version or the next, never between. A file from a newer console is refused, never downgraded.
 *
 * Plain columns hold only what is not personal (ids, template, status, channel, times) plus keyed
 * hashes; everything else is inside the encrypted `record`.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { ArchiveTooNewError } from './errors';

interface Migration {
  version: number;
  sql: string;
}

const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID;
      CREATE TABLE notifications (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        profile_id TEXT NOT NULL,
        type TEXT NOT NULL,
        status TEXT NOT NULL,
        status_rank INTEGER NOT NULL,
        template_id TEXT NOT NULL,
        template_version INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        archived_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        recipient_hash BLOB,
        reference_hash BLOB,
        record BLOB NOT NULL
      );
      CREATE INDEX notifications_created ON notifications (created_at);
      CREATE INDEX notifications_recipient ON notifications (recipient_hash, created_at) WHERE recipient_hash IS NOT NULL;
      CREATE INDEX notifications_reference ON notifications (reference_hash, created_at) WHERE reference_hash IS NOT NULL;
      CREATE INDEX notifications_template ON notifications (template_id, created_at);
      CREATE INDEX notifications_status ON notifications (status, created_at);
      CREATE INDEX notifications_type ON notifications (type, created_at);
      CREATE INDEX notifications_profile ON notifications (profile_id, created_at);
    `,
  },
  {
    version: 2,
    sql: `
      CREATE TABLE archive_profiles (
        profile_id TEXT PRIMARY KEY,
        opted_in_at INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE sync_state (
        profile_id TEXT PRIMARY KEY,
        run_id TEXT,
        run_full INTEGER NOT NULL DEFAULT 0,
        run_started_at INTEGER,
        run_cursor TEXT,
        run_newest_id TEXT,
        run_stop_at TEXT,
        run_pages INTEGER NOT NULL DEFAULT 0,
        run_seen INTEGER NOT NULL DEFAULT 0,
        run_added INTEGER NOT NULL DEFAULT 0,
        run_skipped INTEGER NOT NULL DEFAULT 0,
        high_water_id TEXT,
        last_started_at INTEGER,
        last_finished_at INTEGER,
        last_outcome TEXT,
        last_pages INTEGER,
        last_seen INTEGER,
        last_added INTEGER,
        last_error TEXT
      ) WITHOUT ROWID;
    `,
  },
];

const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** Applies every step above the file's version; returns the version it started from. */
export function migrate(db: BetterSqlite3.Database): number {
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > SCHEMA_VERSION) throw new ArchiveTooNewError(from, SCHEMA_VERSION);
  for (const step of MIGRATIONS) {
    if (step.version <= from) continue;
    db.transaction(() => {
      db.exec(step.sql);
      db.pragma(`user_version = ${step.version}`);
    }).immediate();
  }
  return from;
}
