/**
 * When the background sync runs: once the archive opens (at start, or when the vault is unlocked),
 * every `intervalMs` after that, and when the user asks. Opted-in profiles are synced one after
 * another, so the console never has more than one sync request in flight; each run resumes where
 * the last one stopped (sync-engine.ts). Locking the vault aborts the runs under way (they resume on
 * the next unlock). After each round, notifications past the retention period are purged.
 *
 * Each profile's client is made for the sync alone, with a single attempt, so Notify's 429 comes
 * back to the engine, which waits it out between pages (notify-client-source.ts).
 */
import type { ArchiveSyncProgress } from '../../contract/archive';
import { CoreError, type Logger } from '../ports';
import type { ArchiveFile } from './archive-file';
import type { ArchiveStore } from './archive-store';
import type { NotificationSource, ProfileRef } from './ports';
import { purge } from './retention';
import { SyncEngine, type SyncEngineOptions, type SyncProgress } from './sync-engine';

/** Runs `fn` with a sync source for a profile (the key decrypted for the run only), and its name. */
export type SourceProvider = <T>(
  profileId: string,
  fn: (source: NotificationSource, profile: ProfileRef) => Promise<T>,
) => Promise<T>;

interface SyncSchedulerOptions {
  intervalMs: number;
  engine?: Omit<SyncEngineOptions, 'onProgress'>;
}

export class SyncScheduler {
  private readonly engines = new WeakMap<ArchiveStore, SyncEngine>();
  private readonly controllers = new Map<string, AbortController>();
  private readonly progress = new Map<string, ArchiveSyncProgress>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private nextAt: number | null = null;
  private round: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly file: ArchiveFile,
    private readonly sources: () => SourceProvider | null,
    private readonly options: SyncSchedulerOptions,
    private readonly logger: Logger,
    private readonly onProgress: (p: ArchiveSyncProgress) => void,
    private readonly afterRound: () => void,
  ) {}

  /** When the next scheduled round starts (ms since the epoch), or null when none is scheduled. */
  nextRunAt(): number | null {
    return this.nextAt;
  }

  isRunning(profileId: string): boolean {
    return this.controllers.has(profileId);
  }

  lastProgress(profileId: string): ArchiveSyncProgress | null {
    return this.progress.get(profileId) ?? null;
  }

  /** Runs a round now (unless one is running) and schedules the next one. */
  runNow(profileIds?: readonly string[], full = false): Promise<void> {
    if (this.round) return this.round;
    this.round = this.runRound(profileIds, full).finally(() => {
      this.round = null;
      this.schedule();
    });
    return this.round;
  }

  /** Stops every run under way; they resume from their cursor next time. */
  abortAll(): void {
    for (const c of this.controllers.values()) c.abort(new Error('the vault was locked'));
  }

  close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.nextAt = null;
    this.abortAll();
    return this.round ?? Promise.resolve();
  }

  private schedule(): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.nextAt = Date.now() + this.options.intervalMs;
    this.timer = setTimeout(() => void this.runNow(), this.options.intervalMs);
    this.timer.unref?.();
  }

  private engineFor(store: ArchiveStore): SyncEngine {
    let engine = this.engines.get(store);
    if (!engine) {
      engine = new SyncEngine(store, {
        ...this.options.engine,
        onProgress: (p: SyncProgress) => {
          this.progress.set(p.profileId, p);
          this.onProgress(p);
        },
      });
      this.engines.set(store, engine);
    }
    return engine;
  }

  private async runRound(profileIds: readonly string[] | undefined, full: boolean): Promise<void> {
    let store: ArchiveStore | null;
    try {
      store = await this.file.ready();
    } catch {
      return; // Locked, damaged or too new: the status says so; nothing to sync.
    }
    const provider = this.sources();
    if (!store || !provider) return;
    const wanted = (profileIds ?? store.optedInProfileIds()).filter((id) => store.isOptedIn(id));
    for (const profileId of wanted) {
      if (this.closed || this.file.current() !== store) break;
      await this.runProfile(store, provider, profileId, full);
    }
    if (this.file.current() === store) {
      try {
        const purged = await this.file.use((s) => purge(s), store);
        if (purged) this.logger.info('archive retention purge', { purged });
      } catch {
        // Locked or damaged meanwhile: reported through the status.
      }
    }
    this.afterRound();
  }

  private async runProfile(
    store: ArchiveStore,
    provider: SourceProvider,
    profileId: string,
    full: boolean,
  ): Promise<void> {
    const controller = new AbortController();
    this.controllers.set(profileId, controller);
    try {
      const result = await provider(profileId, (source, profile) =>
        this.engineFor(store).run(profile, source, { full, signal: controller.signal }),
      );
      if (result.error) this.logger.warn('archive sync stopped', { profileId, outcome: result.outcome });
    } catch (err) {
      // No key, the profile deleted, the vault locked before the run began: nothing was written.
      if (err instanceof CoreError && err.code === 'profile_not_found') {
        // A deleted profile is no longer synced (it would fail every round); what it archived stays
        // searchable until the retention period or a purge removes it.
        await this.file.use((s) => s.setOptIn(profileId, false), store).catch(() => undefined);
        this.logger.info('archive sync stopped for a deleted profile; its notifications stay', { profileId });
      }
      const failed: ArchiveSyncProgress = {
        profileId,
        phase: 'finished',
        pages: 0,
        seen: 0,
        added: 0,
        outcome: 'failed',
      };
      this.progress.set(profileId, failed);
      this.onProgress(failed);
      this.logger.warn('archive sync could not start', {
        profileId,
        error: err instanceof Error ? err.name : 'unknown',
      });
    } finally {
      this.controllers.delete(profileId);
    }
  }
}
