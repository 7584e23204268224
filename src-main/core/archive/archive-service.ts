/**
 * The notification archive as the console offers it (issue 12): its state, opting profiles in,
 * search, one archived notification, sync on demand, retention, purge and CSV export. The RPC
 * handlers call these and nothing else; the capture hook feeds {@link ArchiveService.capture}.
 */
import type {
  ArchiveSearchInput,
  ArchiveStatus,
  ArchivedDetail,
  ArchivedSummary,
} from '../../contract/archive';
import type { JsonValue, Logger } from '../ports';
import type { ArchiveFile } from './archive-file';
import type { ArchiveStore, CaptureItem } from './archive-store';
import type { SeenAs } from './capture-access';
import { exportCsvPage, ARCHIVE_CSV_HEADER, type ExportCursor } from './csv-export';
import { ArchiveDamagedError, ArchiveInputError, ArchiveLockedError, ArchiveTooNewError } from './errors';
import type { ProfileRef } from './ports';
import { archiveSize, purge, purgeAll, retentionMonths, setRetentionMonths } from './retention';
import type { SyncScheduler } from './sync-scheduler';
import { canonicalId, toDetail, toSummary } from './views';

/** Captures waiting to be written; past this, new ones are dropped (the sync still finds them). */
const MAX_PENDING_CAPTURES = 200;

const iso = (ms: number | null | undefined): string | null =>
  ms === null || ms === undefined ? null : new Date(ms).toISOString();

interface ArchiveServiceDeps {
  file: ArchiveFile;
  scheduler: SyncScheduler;
  syncIntervalMs: number;
  logger: Logger;
  /** The profile's name, for display with what it archived; null when there is no such profile. */
  profileName(profileId: string): string | null;
  /** Tells the renderer to read the status again. */
  changed(): void;
  exportPageSize?: number;
}

export class ArchiveService {
  private captures: Promise<void> = Promise.resolve();
  private pending = 0;

  constructor(private readonly deps: ArchiveServiceDeps) {}

  async status(): Promise<ArchiveStatus> {
    const { file, scheduler } = this.deps;
    const base: ArchiveStatus = {
      state: 'off',
      message: null,
      movedTo: null,
      path: file.path,
      optedIn: [],
      retentionMonths: null,
      size: null,
      syncIntervalMinutes: Math.round(this.deps.syncIntervalMs / 60_000),
      nextSyncAt: iso(scheduler.nextRunAt()),
      profiles: [],
    };
    let store: ArchiveStore | null;
    try {
      // Locked says what to do (set up or unlock the vault) even before there is an archive.
      if (!file.currentProblem() && file.isVaultLocked()) throw file.lockedError();
      store = await file.ready();
    } catch (err) {
      if (err instanceof ArchiveLockedError) return { ...base, state: 'locked', message: err.message };
      if (err instanceof ArchiveDamagedError)
        return { ...base, state: 'damaged', message: err.message, movedTo: err.movedTo };
      if (err instanceof ArchiveTooNewError) return { ...base, state: 'too-new', message: err.message };
      throw err;
    }
    if (!store) return base;
    return file.use(async (s) => {
      const optedIn = s.optedInProfileIds();
      const profiles = [];
      for (const profileId of optedIn) {
        const { run, lastRun } = await s.syncState(profileId);
        profiles.push({
          profileId,
          running: scheduler.isRunning(profileId),
          progress: scheduler.lastProgress(profileId),
          interrupted: run !== null && !scheduler.isRunning(profileId),
          lastRun: lastRun && {
            startedAt: iso(lastRun.startedAt)!,
            finishedAt: iso(lastRun.finishedAt)!,
            outcome: lastRun.outcome,
            pages: lastRun.pages,
            seen: lastRun.seen,
            added: lastRun.added,
            error: lastRun.error,
          },
        });
      }
      return {
        ...base,
        state: 'open' as const,
        optedIn,
        retentionMonths: await retentionMonths(s),
        size: await archiveSize(s),
        profiles,
      };
    }, store);
  }

  /** Opting in creates the archive if there is none, and starts a sync for the profile. */
  async setOptIn(profileId: string, optedIn: boolean): Promise<{ profileId: string; optedIn: boolean }> {
    const { file } = this.deps;
    if (optedIn && this.deps.profileName(profileId) === null) {
      throw new ArchiveInputError('There is no profile with this id to archive.', { profileId });
    }
    const store = await file.ready(optedIn);
    if (!store) return { profileId, optedIn: false };
    await file.use((s) => s.setOptIn(profileId, optedIn), store);
    this.deps.changed();
    if (optedIn) void this.deps.scheduler.runNow([profileId]);
    return { profileId, optedIn };
  }

  async search(
    input: ArchiveSearchInput,
  ): Promise<{ results: ArchivedSummary[]; nextCursor: string | null }> {
    const store = await this.deps.file.ready();
    if (!store) return { results: [], nextCursor: null };
    const query = {
      ...input,
      ...(input.id === undefined ? {} : { id: canonicalId(input.id) }),
      ...(input.templateId === undefined ? {} : { templateId: canonicalId(input.templateId) }),
    };
    const page = await this.deps.file.use((s) => s.search(query), store);
    return { results: page.results.map(toSummary), nextCursor: page.nextCursor };
  }

  async get(id: string): Promise<ArchivedDetail | null> {
    const store = await this.deps.file.ready();
    if (!store) return null;
    const found = await this.deps.file.use((s) => s.get(canonicalId(id)), store);
    return found ? toDetail(found) : null;
  }

  /** Starts a sync round in the background; returns the profiles it covers. */
  async sync(profileId?: string, full = false): Promise<string[]> {
    const store = await this.deps.file.ready();
    if (!store) return [];
    const ids = profileId === undefined ? store.optedInProfileIds() : [profileId];
    if (profileId !== undefined && !store.isOptedIn(profileId)) {
      throw new ArchiveInputError('This profile has not opted in to the archive, so it is not synced.', {
        profileId,
      });
    }
    void this.deps.scheduler.runNow(ids, full);
    return ids;
  }

  /** Sets the retention period and applies it at once. */
  async setRetention(months: number): Promise<{ months: number; purged: number }> {
    const store = await this.requireStore();
    const purged = await this.deps.file.use(async (s) => {
      await setRetentionMonths(s, months);
      return purge(s);
    }, store);
    this.deps.changed();
    return { months, purged };
  }

  async purge(scope: 'expired' | 'all'): Promise<number> {
    const store = await this.requireStore();
    const purged = await this.deps.file.use((s) => (scope === 'all' ? purgeAll(s) : purge(s)), store);
    this.deps.changed();
    return purged;
  }

  /** One page of a CSV export of notifications created in [from, to). */
  async exportPage(
    from: string,
    to: string,
    cursor?: string,
  ): Promise<{ csv: string; count: number; nextCursor: string | null }> {
    const store = await this.requireStore();
    const after = cursor === undefined ? null : parseExportCursor(cursor);
    const page = await this.deps.file.use(
      (s) =>
        exportCsvPage(s, { from: Date.parse(from), to: Date.parse(to) }, after, this.deps.exportPageSize),
      store,
    );
    return {
      csv: (after === null ? ARCHIVE_CSV_HEADER : '') + page.csv,
      count: page.count,
      nextCursor: page.next ? `${page.next[0]}:${page.next[1]}` : null,
    };
  }

  async check(): Promise<void> {
    const store = await this.requireStore();
    await this.deps.file.use((s) => s.quickCheck(), store);
  }

  async startNew(): Promise<ArchiveStatus> {
    await this.deps.file.startNew();
    return this.status();
  }

  /**
   * Archives what the capture hook saw, after the caller has its answer: only for opted-in
   * profiles of an open archive (a capture never opens or creates one). Writes are queued one after
   * another; failures are logged without data, and the sync picks up anything missed.
   */
  capture(
    profileId: string,
    notifications: readonly unknown[],
    as: SeenAs | 'response',
    personalisation: Record<string, JsonValue> | null = null,
  ): void {
    const store = this.deps.file.current();
    if (!store || !store.isOptedIn(profileId) || notifications.length === 0) return;
    if (this.pending >= MAX_PENDING_CAPTURES) {
      this.deps.logger.warn('archive capture dropped: too many waiting', { profileId });
      return;
    }
    this.pending++;
    const profile: ProfileRef = { id: profileId, name: this.deps.profileName(profileId) ?? undefined };
    const items: CaptureItem[] = notifications.map((notification) => ({
      notification,
      observeAs: as,
      ...(personalisation ? { personalisation } : {}),
    }));
    this.captures = this.captures
      .then(() => this.write(store, profile, items))
      .finally(() => {
        this.pending--;
      });
  }

  /** Resolves once every queued capture is written (tests, and closing). */
  flushCaptures(): Promise<void> {
    return this.captures;
  }

  private async write(store: ArchiveStore, profile: ProfileRef, items: CaptureItem[]): Promise<void> {
    try {
      await this.deps.file.use((s) => s.upsertMany(profile, items), store);
    } catch (err) {
      if (err instanceof ArchiveInputError && items.length > 1) {
        // One odd notification in a list page: archive the others one by one.
        for (const item of items) await this.write(store, profile, [item]);
        return;
      }
      this.deps.logger.warn('archive capture failed', {
        profileId: profile.id,
        error: err instanceof Error ? err.name : 'unknown',
      });
    }
  }

  private async requireStore(): Promise<ArchiveStore> {
    const store = await this.deps.file.ready();
    if (!store) {
      throw new ArchiveInputError('There is no archive yet: opt a profile in to start one.', {
        field: 'archive',
      });
    }
    return store;
  }
}

/** `<created_at>:<row>` as `exportPage` gives it (the contract has checked its form). */
function parseExportCursor(cursor: string): ExportCursor {
  const [createdAt = Number.NaN, seq = Number.NaN] = cursor.split(':').map(Number);
  return [createdAt, seq];
}
