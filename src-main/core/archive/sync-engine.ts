/**
 * Background sync: archives what Notify still holds for an opted-in profile, including
 * notifications sent by other systems with that key type, before Notify forgets them (7 days).
 *
 * A run pages `GET /v2/notifications?include_jobs=true` back from the newest with `older_than`,
 * committing each page with the cursor past it, and stops at the newest notification of the last
 * completed run ("what it already has"), on an empty page, or, for a full run, only at the end of
 * what Notify keeps (which also refreshes statuses of older, still-moving notifications). A run
 * cut short (crash, error, 429s, lock) resumes from its cursor next time. Notify's 429 is waited
 * out using its Retry-After; every page is reported as progress.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { CoreError } from '../ports';
import type { ArchiveStore } from './archive-store';
import { ArchiveInputError } from './errors';
import type { NotificationSource, ProfileRef, Sleep } from './ports';
import type { SyncOutcome, SyncState } from './sync-state';

export interface SyncProgress {
  profileId: string;
  phase: 'paging' | 'waiting-rate-limit' | 'finished';
  pages: number;
  seen: number;
  added: number;
  /** Milliseconds until the next request when waiting for a rate limit. */
  waitMs?: number;
  outcome?: SyncOutcome;
}

export interface SyncEngineOptions {
  sleep?: Sleep;
  onProgress?: (progress: SyncProgress) => void;
  /** Pause between pages, so a sync never competes with the user's own requests. */
  pageIntervalMs?: number;
  /** Wait when a 429 carries no Retry-After. */
  defaultRetryAfterMs?: number;
  /** A Retry-After longer than this ends the run (it resumes next time) rather than waiting. */
  maxRetryAfterMs?: number;
  /** 429s in a row before the run gives up for now. */
  maxRateLimitWaits?: number;
}

interface SyncRunResult {
  outcome: SyncOutcome;
  state: SyncState;
  error: string | null;
}

const defaultSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** What a failure says to the user: a core error's own message, otherwise its kind only (no data). */
function describe(err: unknown): string {
  if (err instanceof CoreError) return err.message;
  return `The sync stopped on an unexpected error (${err instanceof Error ? err.name : 'unknown'}).`;
}

/** Notifications in a full page of `GET /v2/notifications` (docs/notify-api-reference.md §4.6). */
const NOTIFY_PAGE_SIZE = 250;

/**
 * The `older_than` for the page after this one. Notify answers notifications created strictly
 * before the `older_than` notification, so others created in the same instant as the page's last
 * one, which did not fit on the page, would be skipped (a CSV job's rows often share an instant).
 * The cursor is therefore the last notification created after that instant: the next page starts
 * with the whole instant again, and the ones already archived are upserted unchanged. A page that
 * is all one instant cannot be stepped back from; its last notification is the cursor then, as it
 * is after a short page (Notify's pages hold 250: a shorter one is the last).
 */
function cursorAfterPage(items: readonly unknown[], ids: readonly (string | null)[]): string | null {
  const lastIndex = ids.findLastIndex((id) => id !== null);
  if (lastIndex < 0) return null;
  const instant = createdAtOf(items[lastIndex]);
  if (instant !== null && items.length >= NOTIFY_PAGE_SIZE) {
    for (let i = lastIndex - 1; i >= 0; i--) {
      const at = createdAtOf(items[i]);
      if (ids[i] !== null && at !== null && at !== instant) return ids[i]!;
    }
  }
  return ids[lastIndex]!;
}

function createdAtOf(item: unknown): string | null {
  const at = (item as { created_at?: unknown } | null)?.created_at;
  return typeof at === 'string' ? at : null;
}

function idOf(item: unknown): string | null {
  const id = (item as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id.length > 0 && id.length <= 100 ? id.toLowerCase() : null;
}

export class SyncEngine {
  private readonly running = new Map<string, Promise<SyncRunResult>>();
  private readonly sleep: Sleep;

  constructor(
    private readonly store: ArchiveStore,
    private readonly options: SyncEngineOptions = {},
  ) {
    this.sleep = options.sleep ?? defaultSleep;
  }

  /** Whether a run is under way for this profile in this process. */
  isRunning(profileId: string): boolean {
    return this.running.has(profileId);
  }

  /**
   * Runs (or resumes) a sync for one opted-in profile. A second call while one runs gets the same
   * run. Resolves with the outcome; only a programming error rejects.
   */
  run(
    profile: ProfileRef,
    source: NotificationSource,
    options: { full?: boolean; signal?: AbortSignal } = {},
  ): Promise<SyncRunResult> {
    const current = this.running.get(profile.id);
    if (current) return current;
    const run = this.execute(profile, source, options).finally(() => this.running.delete(profile.id));
    this.running.set(profile.id, run);
    return run;
  }

  private async execute(
    profile: ProfileRef,
    source: NotificationSource,
    options: { full?: boolean; signal?: AbortSignal },
  ): Promise<SyncRunResult> {
    if (!this.store.isOptedIn(profile.id)) {
      throw new ArchiveInputError('This profile has not opted in to the archive, so it is not synced.', {
        profileId: profile.id,
      });
    }
    const o = this.options;
    const interval = o.pageIntervalMs ?? 250;
    const maxWaits = o.maxRateLimitWaits ?? 5;
    const maxRetryAfter = o.maxRetryAfterMs ?? 15 * 60_000;
    let state: SyncState;
    try {
      state = await this.store.beginSyncRun(profile.id, options.full ?? false);
    } catch (err) {
      // Locked, closed or damaged before anything started: nothing to record in the file.
      const error = describe(err);
      o.onProgress?.({
        profileId: profile.id,
        phase: 'finished',
        pages: 0,
        seen: 0,
        added: 0,
        outcome: 'failed',
      });
      return { outcome: 'failed', state: { profileId: profile.id, run: null, lastRun: null }, error };
    }
    let waits = 0;
    const report = (phase: SyncProgress['phase'], extra: Partial<SyncProgress> = {}) => {
      const run = state.run;
      o.onProgress?.({
        profileId: profile.id,
        phase,
        pages: run?.pages ?? state.lastRun?.pages ?? 0,
        seen: run?.seen ?? state.lastRun?.seen ?? 0,
        added: run?.added ?? state.lastRun?.added ?? 0,
        ...extra,
      });
    };
    const stop = async (outcome: Exclude<SyncOutcome, 'completed'>, error: string | null) => {
      try {
        await this.store.finishSyncRun(profile.id, outcome, error);
        state = await this.store.syncState(profile.id);
      } catch {
        // Locked or closed meanwhile: the run stays in progress in the file and resumes later.
      }
      report('finished', { outcome });
      return { outcome, state, error };
    };
    try {
      for (;;) {
        if (options.signal?.aborted) return await stop('cancelled', null);
        const run = state.run!;
        const answer = await source.fetchPage(run.cursor, options.signal);
        if (answer.kind === 'rate-limited') {
          const wait = Math.max(1000, answer.retryAfterMs ?? o.defaultRetryAfterMs ?? 60_000);
          if (++waits > maxWaits || wait > maxRetryAfter) {
            return await stop(
              'rate-limited',
              'Notify is rate-limiting this key; the sync resumes on its next run.',
            );
          }
          report('waiting-rate-limit', { waitMs: wait });
          await this.sleep(wait, options.signal);
          continue;
        }
        waits = 0;
        const items = answer.notifications;
        const ids = items.map(idOf);
        const lastId = cursorAfterPage(items, ids);
        if (items.length > 0 && lastId === null) {
          return await stop('failed', 'Notify sent a page without notification ids; the sync stopped.');
        }
        const done = items.length === 0 || (run.stopAt !== null && ids.includes(run.stopAt));
        await this.store.commitSyncPage(profile, items, {
          cursor: lastId ?? run.cursor,
          newestId: ids.find((id) => id !== null) ?? null,
          done,
          observedAt: new Date(this.store.clock.now()).toISOString(),
        });
        state = await this.store.syncState(profile.id);
        if (done) {
          report('finished', { outcome: 'completed' });
          return { outcome: 'completed', state, error: null };
        }
        report('paging');
        // Even without a pause, give the event loop a turn: a page's transaction is the longest block.
        if (interval > 0) await this.sleep(interval, options.signal);
        else await yieldToEventLoop();
      }
    } catch (err) {
      if (options.signal?.aborted) return await stop('cancelled', null);
      return await stop('failed', describe(err));
    }
  }
}
