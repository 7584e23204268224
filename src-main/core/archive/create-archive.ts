/**
 * Builds the notification archive into the console (core/app.ts calls this once).
 *
 * - The archive file is `archive.sqlite` in the data folder, opened once the vault is unlocked
 *   (at start with the OS keychain, on unlock with a passphrase); locking the vault drops its keys
 *   and stops its syncs.
 * - {@link ArchiveComposition.cipher} is the vault's cipher for whoever changes the passphrase, so
 *   the archive's data key is re-wrapped with the profiles' keys (rekey-cipher.ts).
 * - {@link ArchiveComposition.attach} puts the capture hook on the Notify access layer
 *   (capture-access.ts) and starts the background sync (sync-scheduler.ts).
 */
import type { ArchiveState } from '../../contract/archive';
import type { CoreEvents } from '../events';
import { NotifyClient } from '../notify/client';
import type { NotifyAccess } from '../notify/notify-access';
import type { Logger, SecretCipher } from '../ports';
import type { ProfileDirectory } from '../profiles/profile-directory';
import { ArchiveFile } from './archive-file';
import { ArchiveService } from './archive-service';
import { capturingAccess } from './capture-access';
import { ArchiveTooNewError } from './errors';
import { notifyClientSource } from './notify-client-source';
import type { ArchiveClock } from './ports';
import { rekeyingCipher } from './rekey-cipher';
import { SyncScheduler, type SourceProvider } from './sync-scheduler';

export interface ArchiveTiming {
  /** Between two background sync rounds (default 15 minutes). */
  syncIntervalMs?: number;
  /** Pause between two pages of a sync (default 250 ms). */
  pageIntervalMs?: number;
  /** Notifications in one export answer. */
  exportPageSize?: number;
}

interface ArchiveOptions extends ArchiveTiming {
  dataDir: string;
  /** The vault's cipher: it wraps the archive's data key. */
  vault: SecretCipher;
  events: CoreEvents;
  logger: Logger;
  clock?: ArchiveClock;
}

interface ArchiveComposition {
  service: ArchiveService;
  /** The vault's cipher, re-wrapping the archive's key when the passphrase changes. */
  cipher: SecretCipher;
  /** The access layer with the capture hook; starts the background sync. Call once. */
  attach(access: NotifyAccess, directory: ProfileDirectory): NotifyAccess;
  close(): Promise<void>;
}

const DEFAULT_SYNC_INTERVAL_MS = 15 * 60_000;

export function createArchive(options: ArchiveOptions): ArchiveComposition {
  const { events, logger } = options;
  const clock = options.clock ?? { now: () => Date.now() };
  const syncIntervalMs = options.syncIntervalMs ?? DEFAULT_SYNC_INTERVAL_MS;
  let directory: ProfileDirectory | null = null;
  let sources: SourceProvider | null = null;
  const changed = () => events.emit('archive.changed', { state: stateOf() });
  const file = new ArchiveFile(options.dataDir, options.vault, clock, logger, changed);
  const stateOf = (): ArchiveState => {
    const problem = file.currentProblem();
    if (problem) return problem instanceof ArchiveTooNewError ? 'too-new' : 'damaged';
    if (file.current()) return 'open';
    return file.exists() ? 'locked' : 'off';
  };
  const scheduler = new SyncScheduler(
    file,
    () => sources,
    {
      intervalMs: syncIntervalMs,
      engine: options.pageIntervalMs === undefined ? {} : { pageIntervalMs: options.pageIntervalMs },
    },
    logger,
    (progress) => events.emit('archive.syncProgress', progress),
    changed,
  );
  const profileName = (id: string): string | null => {
    try {
      return directory?.get(id).name ?? null;
    } catch {
      return null;
    }
  };
  const service = new ArchiveService({
    file,
    scheduler,
    syncIntervalMs,
    logger,
    profileName,
    changed,
    ...(options.exportPageSize === undefined ? {} : { exportPageSize: options.exportPageSize }),
  });

  const unsubscribe = events.subscribe((name, payload) => {
    if (name !== 'vault.changed') return;
    if ((payload as { locked: boolean }).locked) {
      scheduler.abortAll();
      file.locked();
    } else {
      void scheduler.runNow();
    }
  });

  return {
    service,
    cipher: rekeyingCipher(options.vault, () => file.forRewrap()?.rewrapping() ?? null, logger),
    attach(access, profiles) {
      directory = profiles;
      sources = (profileId, fn) =>
        profiles.withApiKey(profileId, async (k) => {
          const client = new NotifyClient({
            baseUrl: k.baseUrl,
            apiKey: k.key.value,
            proxy: k.proxy,
            fetchAgent: access.dispatcherFor(k.proxy),
            retry: { attempts: 1 },
          });
          try {
            return await fn(notifyClientSource(client), {
              id: profileId,
              name: profileName(profileId) ?? undefined,
            });
          } finally {
            await client.close();
          }
        });
      // At start: opens the archive if the vault is unlocked and there is one, and syncs.
      void scheduler.runNow();
      return capturingAccess(
        access,
        {
          seen: (profileId, notifications, as) => service.capture(profileId, notifications, as),
          sent: (profileId, notification, personalisation) =>
            service.capture(profileId, [notification], 'response', personalisation),
        },
        () => clock.now(),
      );
    },
    async close() {
      unsubscribe();
      await scheduler.close();
      await service.flushCaptures();
      file.close();
    },
  };
}
