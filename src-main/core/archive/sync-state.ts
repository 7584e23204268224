/**
 * The sync engine's progress per profile, kept in the archive database so that a page's rows and
 * the cursor past them are committed together: after a crash the cursor never points past rows
 * that are missing, nor behind rows that are there.
 */
import { randomUUID } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';

export type SyncOutcome = 'completed' | 'failed' | 'rate-limited' | 'cancelled';

/** A run in progress (possibly interrupted by a crash, and then resumed from `cursor`). */
interface SyncRun {
  id: string;
  full: boolean;
  startedAt: number;
  /** `older_than` for the next page; null: start from the newest. */
  cursor: string | null;
  /** The newest notification of this run: where the next run stops. */
  newestId: string | null;
  /** Where this run stops: the newest notification of the last completed run. */
  stopAt: string | null;
  pages: number;
  seen: number;
  added: number;
  skipped: number;
}

interface SyncLastRun {
  startedAt: number;
  finishedAt: number;
  outcome: SyncOutcome;
  pages: number;
  seen: number;
  added: number;
  error: string | null;
}

export interface SyncState {
  profileId: string;
  run: SyncRun | null;
  lastRun: SyncLastRun | null;
}

interface Row {
  profile_id: string;
  run_id: string | null;
  run_full: number;
  run_started_at: number | null;
  run_cursor: string | null;
  run_newest_id: string | null;
  run_stop_at: string | null;
  run_pages: number;
  run_seen: number;
  run_added: number;
  run_skipped: number;
  high_water_id: string | null;
  last_started_at: number | null;
  last_finished_at: number | null;
  last_outcome: SyncOutcome | null;
  last_pages: number | null;
  last_seen: number | null;
  last_added: number | null;
  last_error: string | null;
}

export class SyncStateTable {
  private readonly select: BetterSqlite3.Statement<[string], Row>;
  private readonly begin: BetterSqlite3.Statement<
    [{ profile: string; full: number; now: number; run: string }]
  >;
  private readonly page: BetterSqlite3.Statement<
    [
      {
        profile: string;
        cursor: string | null;
        newest: string | null;
        seen: number;
        added: number;
        skipped: number;
      },
    ]
  >;
  private readonly finish: BetterSqlite3.Statement<
    [{ profile: string; now: number; outcome: string; error: string | null }]
  >;

  constructor(db: BetterSqlite3.Database) {
    this.select = db.prepare('SELECT * FROM sync_state WHERE profile_id = ?');
    this.begin = db.prepare(
      `INSERT INTO sync_state (profile_id, run_id, run_full, run_started_at, run_stop_at)
       VALUES (@profile, @run, @full, @now, NULL)
       ON CONFLICT (profile_id) DO UPDATE SET run_id = @run, run_full = @full, run_started_at = @now,
         run_cursor = NULL, run_newest_id = NULL, run_stop_at = CASE WHEN @full THEN NULL ELSE high_water_id END,
         run_pages = 0, run_seen = 0, run_added = 0, run_skipped = 0`,
    );
    this.page = db.prepare(
      `UPDATE sync_state SET run_cursor = @cursor, run_newest_id = COALESCE(run_newest_id, @newest),
         run_pages = run_pages + 1, run_seen = run_seen + @seen, run_added = run_added + @added,
         run_skipped = run_skipped + @skipped
       WHERE profile_id = @profile`,
    );
    this.finish = db.prepare(
      `UPDATE sync_state SET
         high_water_id = CASE WHEN @outcome = 'completed' THEN COALESCE(run_newest_id, high_water_id) ELSE high_water_id END,
         last_started_at = run_started_at, last_finished_at = @now, last_outcome = @outcome, last_pages = run_pages,
         last_seen = run_seen, last_added = run_added, last_error = @error,
         run_id = CASE WHEN @outcome = 'completed' THEN NULL ELSE run_id END
       WHERE profile_id = @profile`,
    );
  }

  read(profileId: string): SyncState {
    const r = this.select.get(profileId);
    if (!r) return { profileId, run: null, lastRun: null };
    return {
      profileId,
      run: r.run_id
        ? {
            id: r.run_id,
            full: r.run_full === 1,
            startedAt: r.run_started_at ?? 0,
            cursor: r.run_cursor,
            newestId: r.run_newest_id,
            stopAt: r.run_stop_at,
            pages: r.run_pages,
            seen: r.run_seen,
            added: r.run_added,
            skipped: r.run_skipped,
          }
        : null,
      lastRun:
        r.last_outcome && r.last_finished_at !== null
          ? {
              startedAt: r.last_started_at ?? 0,
              finishedAt: r.last_finished_at,
              outcome: r.last_outcome,
              pages: r.last_pages ?? 0,
              seen: r.last_seen ?? 0,
              added: r.last_added ?? 0,
              error: r.last_error,
            }
          : null,
    };
  }

  /** Starts a run; the last completed run's newest notification becomes this one's stop mark. */
  beginRun(profileId: string, full: boolean, now: number): void {
    this.begin.run({ profile: profileId, full: full ? 1 : 0, now, run: randomUUID() });
  }

  /** Records a committed page: call inside the transaction that wrote its rows. */
  recordPage(
    profileId: string,
    page: { cursor: string | null; newestId: string | null; seen: number; added: number; skipped: number },
  ): void {
    this.page.run({
      profile: profileId,
      cursor: page.cursor,
      newest: page.newestId,
      seen: page.seen,
      added: page.added,
      skipped: page.skipped,
    });
  }

  /**
   * Ends a run. A completed run clears the in-progress run and moves the stop mark; any other
   * outcome keeps the run, so the next one resumes from its cursor.
   */
  finishRun(profileId: string, outcome: SyncOutcome, error: string | null, now: number): void {
    this.finish.run({ profile: profileId, now, outcome, error });
  }
}
