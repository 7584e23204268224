/**
 * The local notification archive (issue 12): an encrypted SQLite file holding every notification
 * the console saw for opted-in profiles, kept past Notify's 7-day retention.
 *
 * Capture is an idempotent upsert by notification id (the later lifecycle status wins, timelines
 * merge); a batch is one transaction. Reads and writes need the vault unlocked. A file found
 * damaged, on open or in use, is moved aside and reported, never silently replaced.
 */
import type BetterSqlite3 from 'better-sqlite3';
import {
  encodeAhead,
  encodeRow,
  incomingRecord,
  mergedRecord,
  type CaptureOptions,
  type EncodedRow,
  type Prepared,
} from './capture';
import { ArchiveClosedError, ArchiveDamagedError, ArchiveInputError } from './errors';
import {
  QUICK_CHECK_ON_OPEN_MAX_BYTES,
  isDamageError,
  moveAside,
  openArchiveDatabase,
  quickCheck,
} from './database';
import { KeyHolder, WrongArchiveKeyError, metaAccess } from './key-holder';
import type { ArchiveKeys } from './keyring';
import type { ArchiveClock, ArchiveVault, ProfileRef } from './ports';
import { parseCapture, statusRank } from './record';
import { decodeRecord, toArchivedNotification, type ArchivedNotification, type DbRow } from './rows';
import { buildSearch, cursorAfter, ROW_COLUMNS, type ArchiveQuery } from './search-query';
import { SyncStateTable, type SyncOutcome, type SyncState } from './sync-state';
import type { ArchiveStoreOptions, CaptureItem, UpsertCounts, UpsertOutcome } from './store-types';

export type { ArchiveStoreOptions, CaptureItem, UpsertCounts, UpsertOutcome } from './store-types';

export class ArchiveStore {
  private db: BetterSqlite3.Database | null;
  private readonly keys: KeyHolder;
  private readonly optedIn = new Set<string>();
  private readonly sync: SyncStateTable;
  private readonly stmt: {
    byId: BetterSqlite3.Statement<[string], { seq: number; record: Buffer }>;
    insert: BetterSqlite3.Statement<unknown[]>;
    update: BetterSqlite3.Statement<unknown[]>;
    row: BetterSqlite3.Statement<[string], DbRow>;
  };

  private constructor(
    db: BetterSqlite3.Database,
    readonly path: string,
    vault: ArchiveVault,
    readonly clock: ArchiveClock,
    private readonly onDamaged: (err: ArchiveDamagedError) => void = () => undefined,
  ) {
    this.db = db;
    this.keys = new KeyHolder(metaAccess(db), vault);
    this.sync = new SyncStateTable(db);
    for (const r of db.prepare('SELECT profile_id FROM archive_profiles').all() as { profile_id: string }[]) {
      this.optedIn.add(r.profile_id);
    }
    this.stmt = {
      byId: db.prepare('SELECT seq, record FROM notifications WHERE id = ?'),
      insert: db.prepare(
        `INSERT INTO notifications (id, profile_id, type, status, status_rank, template_id, template_version,
           created_at, archived_at, updated_at, recipient_hash, reference_hash, record)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      update: db.prepare(
        `UPDATE notifications SET type = ?, status = ?, status_rank = ?, template_id = ?, template_version = ?,
           created_at = ?, updated_at = ?, recipient_hash = ?, reference_hash = ?, record = ? WHERE seq = ?`,
      ),
      row: db.prepare(`SELECT ${ROW_COLUMNS} FROM notifications WHERE id = ?`),
    };
  }

  /** Opens or creates the archive; a damaged file is moved aside with {@link ArchiveDamagedError}. */
  static open(options: ArchiveStoreOptions): ArchiveStore {
    const clock = options.clock ?? { now: () => Date.now() };
    return openArchiveDatabase(
      options.path,
      () => new Date(clock.now()),
      options.quickCheckOnOpenMaxBytes ?? QUICK_CHECK_ON_OPEN_MAX_BYTES,
      (db) => new ArchiveStore(db, options.path, options.vault, clock, options.onDamaged),
    );
  }

  close(): void {
    this.keys.drop();
    if (this.db?.open) {
      this.db.pragma('optimize');
      this.db.close();
    }
    this.db = null;
  }

  /** The data key's wrapping, for a passphrase change (key-holder.ts); writes go through {@link guard}. */
  rewrapping(): Pick<KeyHolder, 'wrappedDataKey' | 'stageRewrapped' | 'commitRewrapped'> {
    return this.keys;
  }

  /** True while the vault is locked: every read and write fails with a clear error until it unlocks. */
  isLocked(): boolean {
    return this.keys.isLocked();
  }

  /** The open database, for this module family (retention, export); throws once closed. */
  database(): BetterSqlite3.Database {
    if (!this.db) throw new ArchiveClosedError();
    return this.db;
  }

  /** The keys, or the locked / damaged error; every operation starts here. */
  async unlockedKeys(): Promise<ArchiveKeys> {
    this.database();
    try {
      return await this.keys.require();
    } catch (err) {
      if (err instanceof WrongArchiveKeyError) {
        this.failDamaged(`it was encrypted with a key this vault does not hold (${err.message})`, err);
      }
      throw err;
    }
  }

  /** Runs database work; SQLite reporting a damaged file moves it aside. */
  guard<T>(fn: (db: BetterSqlite3.Database) => T): T {
    const db = this.database();
    try {
      return fn(db);
    } catch (err) {
      if (isDamageError(err)) this.failDamaged(`SQLite found it damaged (${(err as Error).message})`, err);
      throw err;
    }
  }

  private failDamaged(reason: string, cause: unknown): never {
    this.keys.drop();
    if (this.db?.open) this.db.close();
    this.db = null;
    const err = new ArchiveDamagedError(reason, moveAside(this.path, new Date(this.clock.now())), { cause });
    this.onDamaged(err);
    throw err;
  }

  /** Turns the archive on or off for a profile. Off keeps what is archived (purge removes it). */
  async setOptIn(profileId: string, optedIn: boolean): Promise<void> {
    await this.unlockedKeys();
    this.guard((db) => {
      if (optedIn) {
        db.prepare('INSERT OR IGNORE INTO archive_profiles (profile_id, opted_in_at) VALUES (?, ?)').run(
          profileId,
          this.clock.now(),
        );
        this.optedIn.add(profileId);
      } else {
        db.prepare('DELETE FROM archive_profiles WHERE profile_id = ?').run(profileId);
        this.optedIn.delete(profileId);
      }
    });
  }

  isOptedIn(profileId: string): boolean {
    return this.optedIn.has(profileId);
  }

  optedInProfileIds(): string[] {
    return [...this.optedIn];
  }

  /**
   * Archives one notification as Notify returned it, with the console's observed timeline.
   * Idempotent by notification id; ignored (`not-opted-in`) for a profile that has not opted in.
   */
  async upsert(
    profile: ProfileRef,
    notification: unknown,
    timeline: unknown = [],
    options: CaptureOptions = {},
  ): Promise<UpsertOutcome> {
    const counts = await this.upsertMany(profile, [{ ...options, notification, timeline }]);
    if (!this.isOptedIn(profile.id)) return 'not-opted-in';
    return counts.added ? 'added' : counts.updated ? 'updated' : 'unchanged';
  }

  /** Archives a batch in one transaction: all of it or, on any error, none of it. */
  async upsertMany(profile: ProfileRef, items: readonly CaptureItem[]): Promise<UpsertCounts> {
    const keys = await this.unlockedKeys();
    const counts = { added: 0, updated: 0, unchanged: 0 };
    if (!this.isOptedIn(profile.id)) return counts;
    const prepared = items.map((item, i) => {
      try {
        return this.prepare(profile, item);
      } catch (err) {
        if (err instanceof ArchiveInputError && items.length > 1) {
          throw new ArchiveInputError(`Item ${i + 1} of ${items.length}: ${err.message}`, { index: i });
        }
        throw err;
      }
    });
    await this.writeAll(keys, prepared, counts);
    return counts;
  }

  private prepare(profile: ProfileRef, item: CaptureItem): Prepared {
    const { notification, timeline } = parseCapture(item.notification, item.timeline);
    if (item.observedAt !== undefined && !Number.isFinite(Date.parse(item.observedAt))) {
      throw new ArchiveInputError('This notification cannot be archived: observedAt is not a date.');
    }
    return { profile, notification, timeline, options: item };
  }

  /**
   * Inserts `ahead` (encoded as new) or, when the notification is already archived, merges it;
   * call inside a transaction.
   */
  private write(keys: ArchiveKeys, p: Prepared, ahead: EncodedRow, now: number): keyof UpsertCounts {
    const existing = this.stmt.byId.get(ahead.id);
    let row = ahead;
    if (existing) {
      const before = decodeRecord(keys, ahead.id, existing.record);
      const merged = mergedRecord(before, incomingRecord(p, now), p);
      if (before && JSON.stringify(merged) === JSON.stringify(before)) return 'unchanged';
      row = encodeRow(keys, merged);
    }
    const m = row.record.notification;
    if (existing) {
      this.stmt.update.run(
        m.type,
        m.status,
        statusRank(m.status),
        row.templateId,
        m.template.version,
        row.createdAt,
        now,
        row.recipientHash,
        row.referenceHash,
        row.sealed,
        existing.seq,
      );
      return 'updated';
    }
    this.stmt.insert.run(
      row.id,
      p.profile.id,
      m.type,
      m.status,
      statusRank(m.status),
      row.templateId,
      m.template.version,
      row.createdAt,
      now,
      now,
      row.recipientHash,
      row.referenceHash,
      row.sealed,
    );
    return 'added';
  }

  /** Encodes ahead, then writes everything in one transaction with `also` (the sync cursor). */
  private async writeAll(
    keys: ArchiveKeys,
    prepared: readonly Prepared[],
    counts: UpsertCounts,
    also: () => void = () => undefined,
  ): Promise<void> {
    const now = this.clock.now();
    const ahead = await encodeAhead(keys, prepared, now);
    // The vault may have been locked while encoding: then nothing is written.
    await this.unlockedKeys();
    this.guard((db) =>
      db
        .transaction(() => {
          prepared.forEach((p, i) => counts[this.write(keys, p, ahead[i]!, now)]++);
          also();
        })
        .immediate(),
    );
  }

  /** One archived notification by id, or null. */
  async get(id: string): Promise<ArchivedNotification | null> {
    const keys = await this.unlockedKeys();
    if (typeof id !== 'string' || id.length === 0 || id.length > 100) {
      throw new ArchiveInputError('Archive lookup: the notification id is not valid.', { field: 'id' });
    }
    const row = this.guard(() => this.stmt.row.get(id.trim().toLowerCase()));
    return row ? toArchivedNotification(keys, row) : null;
  }

  /** Searches across all profiles, newest first, one page at a time. */
  async search(query: ArchiveQuery): Promise<{ results: ArchivedNotification[]; nextCursor: string | null }> {
    const keys = await this.unlockedKeys();
    const built = buildSearch(query, keys);
    const rows = this.guard((db) => db.prepare<unknown[], DbRow>(built.sql).all(...built.params));
    const page = rows.slice(0, built.limit);
    const last = page[page.length - 1];
    return {
      results: page.map((r) => toArchivedNotification(keys, r)),
      nextCursor: rows.length > built.limit && last ? cursorAfter(last) : null,
    };
  }

  /** How many notifications are archived. */
  async count(): Promise<number> {
    await this.unlockedKeys();
    return this.guard(
      (db) => (db.prepare('SELECT count(*) AS n FROM notifications').get() as { n: number }).n,
    );
  }

  /** SQLite's full structural check, for an archive too large to check on every open. */
  async quickCheck(): Promise<void> {
    await this.unlockedKeys();
    const problem = this.guard((db) => quickCheck(db));
    if (problem) this.failDamaged(problem, null);
  }

  /** A profile's sync progress and last run. */
  async syncState(profileId: string): Promise<SyncState> {
    await this.unlockedKeys();
    return this.guard(() => this.sync.read(profileId));
  }

  /** Starts a sync run unless one is in progress (interrupted runs resume); returns the state. */
  async beginSyncRun(profileId: string, full: boolean): Promise<SyncState> {
    await this.unlockedKeys();
    return this.guard((db) =>
      db
        .transaction(() => {
          if (!this.sync.read(profileId).run) this.sync.beginRun(profileId, full, this.clock.now());
          return this.sync.read(profileId);
        })
        .immediate(),
    );
  }

  /**
   * Commits one sync page: its notifications, the cursor past them and, on the last page, the
   * run's completion, in one transaction. Items that are not notifications are skipped and counted.
   */
  async commitSyncPage(
    profile: ProfileRef,
    items: readonly unknown[],
    page: { cursor: string | null; newestId: string | null; done: boolean; observedAt: string },
  ): Promise<UpsertCounts & { skipped: number }> {
    const keys = await this.unlockedKeys();
    const counts = { added: 0, updated: 0, unchanged: 0, skipped: 0 };
    const prepared: Prepared[] = [];
    for (const item of items) {
      try {
        prepared.push(
          this.prepare(profile, { notification: item, observedAt: page.observedAt, observeAs: 'sync' }),
        );
      } catch (err) {
        if (!(err instanceof ArchiveInputError)) throw err;
        counts.skipped++;
      }
    }
    await this.writeAll(keys, prepared, counts, () => {
      this.sync.recordPage(profile.id, {
        cursor: page.cursor,
        newestId: page.newestId,
        seen: items.length,
        added: counts.added,
        skipped: counts.skipped,
      });
      if (page.done) this.sync.finishRun(profile.id, 'completed', null, this.clock.now());
    });
    return counts;
  }

  /** Ends a run that did not complete; it resumes from its cursor next time. */
  async finishSyncRun(
    profileId: string,
    outcome: Exclude<SyncOutcome, 'completed'>,
    error: string | null,
  ): Promise<void> {
    await this.unlockedKeys();
    this.guard(() => this.sync.finishRun(profileId, outcome, error, this.clock.now()));
  }
}
