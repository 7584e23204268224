/**
 * The console core's composition root: everything behind the contract, built once per process.
 *
 * The hosts (Electron's main process, the browser-mode CLI) start the embedded Notify Sandbox,
 * if any, and pass it in (./ports.ts `EmbeddedSandbox`); tests do the same with a temporary folder.
 * This opens the settings store, picks the key vault (OS keychain or passphrase), and wires the
 * profiles, the Notify access, the status tracker and history pager into named services. The core
 * knows no transport: src-main/rpc adapts {@link ConsoleCore.services} and
 * {@link ConsoleCore.events} to the contract.
 */
import { join } from 'node:path';
import type { Notification } from '../../src-shared/notify/resources';
import type { MethodOutput, SendRequest } from '../contract/methods';
import { createBulkService, type BulkService } from './bulk/bulk-service';
import type { ArchiveService } from './archive/archive-service';
import { createArchive, type ArchiveTiming } from './archive/create-archive';
import { CallbackReplayService } from './callbacks/replay-service';
import { CoreEvents } from './events';
import { ConsoleNotices } from './health/console-notices';
import { buildDiagnostics } from './health/diagnostics';
import { linkEmbeddedSandbox } from './health/sandbox-link';
import { startupNotices } from './health/startup-notices';
import { HistoryPager } from './history/history-pager';
import { NotificationService } from './notifications/notification-service';
import { NotifyAccess } from './notify/notify-access';
import {
  silentLogger,
  systemClock,
  type ClipboardPort,
  type Clock,
  type DiagnosticsSource,
  type EmbeddedSandbox,
  type Logger,
} from './ports';
import { BuiltInProfiles } from './profiles/built-in-profiles';
import { ProfileDirectory } from './profiles/profile-directory';
import { ProfileService } from './profiles/profile-service';
import { StoredProfiles } from './profiles/stored-profiles';
import { createSandboxPanel, type SandboxPanel } from './sandbox-panel/create-sandbox-panel';
import { SendingService } from './sending/sending-service';
import { renderSnippet, type SnippetLanguage } from './snippets';
import { SettingsStore, type SettingsEngineFactory } from './store/settings-store';
import { FailureSummary } from './support/failure-summary';
import { LookupService } from './support/lookup-service';
import { TemplateService } from './templates/template-service';
import { StatusTracker } from './tracking/status-tracker';
import { VaultService } from './vault/vault-service';
import { chooseCipher, type SafeStorageLike } from './vault/safe-storage-cipher';
import type { RequestLogEntry } from '../contract/schemas';

export interface ConsoleCoreOptions {
  dataDir: string;
  mode: 'electron' | 'browser';
  safeStorage?: SafeStorageLike | null;
  platform: NodeJS.Platform;
  /** The embedded Notify Sandbox the host started, or null when it runs without one. */
  sandbox: EmbeddedSandbox | null;
  /** The console's version (package.json's, read by the host): shown in the status and used by the settings migrations. */
  version: string;
  logger?: Logger;
  /** The settings file's engine: conf by default; electron-store in the desktop app. */
  settingsEngine?: SettingsEngineFactory;
  /** What the host knows for the diagnostics view (its log, its runtime); none in tests. */
  diagnostics?: DiagnosticsSource;
  /** Wall-clock time for the core's rules (the vault's unlock throttle); tests move it. */
  clock?: Clock;
  /** Status tracker intervals, shortened in tests. */
  tracker?: { minIntervalMs?: number; maxIntervalMs?: number };
  /** Bulk send: how long before an unanswered row is looked up (default 30 s; shortened in tests). */
  bulkSettleMs?: number;
  /** The notification archive's sync interval and pacing, shortened in tests. */
  archive?: ArchiveTiming;
  /** The system clipboard the Sandbox panel's Copy writes (the desktop app's); none in browser mode. */
  clipboard?: ClipboardPort | null;
}

/** The core's services, one per job; the RPC handlers call these and nothing else. */
export interface CoreServices {
  status(): MethodOutput<'app.status'>;
  vault: VaultService;
  profiles: ProfileService;
  directory: ProfileDirectory;
  templates: TemplateService;
  sending: SendingService;
  notifications: NotificationService;
  lookup: LookupService;
  failures: FailureSummary;
  callbacks: CallbackReplayService;
  bulk: BulkService;
  archive: ArchiveService;
  /** The Sandbox panel: the embedded sandbox's control API, without its secret (issues 9.2, 14.4). */
  sandboxPanel: SandboxPanel;
  /** A page of received texts, newest first, and the cursor for the next. */
  receivedTexts(profileId: string, olderThan?: string): Promise<MethodOutput<'receivedTexts.list'>>;
  /** The request inspector's entries, newest first. */
  requestLog(limit: number, profileId?: string): RequestLogEntry[];
  /** "Copy as" code for a send, with the profile's key masked. */
  snippet(profileId: string, request: SendRequest, language: SnippetLanguage): string;
  /** The embedded sandbox's base URL now, or null without one (or while it does not run). */
  sandboxUrl(): string | null;
  /** What the console recovered from, for the banner (issue 8.6). */
  notices: ConsoleNotices;
  moveSandboxDataAside(): Promise<MethodOutput<'sandbox.moveDataAside'>>;
  /** Versions, OS, profile kinds, recent errors: for support, with no secret. */
  diagnostics(): MethodOutput<'app.diagnostics'>;
}

export interface ConsoleCore {
  services: CoreServices;
  events: CoreEvents;
  /** Stops following notifications, flushes the settings and closes connections. The host closes its sandbox. */
  close(): Promise<void>;
}

/** A page of received texts is this long when there may be more (docs/notify-api-reference.md §4.11). */
const RECEIVED_PAGE = 250;

/** Builds the core; resolves once the store is open and the built-in profiles are read. */
export async function createConsoleCore(options: ConsoleCoreOptions): Promise<ConsoleCore> {
  const logger = options.logger ?? silentLogger;
  const clock = options.clock ?? systemClock;
  const version = options.version;
  const events = new CoreEvents();
  const store = await SettingsStore.open(join(options.dataDir, 'settings.json'), {
    version,
    logger,
    clock,
    ...(options.settingsEngine ? { engine: options.settingsEngine } : {}),
  });
  const { cipher, reason } = await chooseCipher({
    platform: options.platform,
    safeStorage: options.mode === 'electron' ? (options.safeStorage ?? null) : null,
    store,
    logger,
    now: () => clock.now(),
  });
  // The notification archive (issue 12, core/archive/create-archive.ts): its data key is wrapped by
  // the vault, so the stored profiles get the cipher that re-wraps it on a passphrase change, and
  // the Notify access below gets its capture hook.
  const archive = createArchive({
    dataDir: options.dataDir,
    vault: cipher,
    events,
    logger,
    ...options.archive,
  });
  const sandbox = options.sandbox;
  const sandboxUrl = () => sandbox?.baseUrl ?? null;
  const stored = new StoredProfiles({ store, cipher: archive.cipher, logger, sandboxUrl });
  const builtIn = new BuiltInProfiles(
    sandboxUrl,
    sandbox?.status().state === 'running' ? await sandbox.services() : [],
  );
  const notices = new ConsoleNotices(events, logger);
  for (const n of startupNotices(store, cipher, stored)) notices.add(n);
  const directory: ProfileDirectory = new ProfileDirectory({
    builtIn,
    stored,
    store,
    logger,
    onChange: () => events.emit('profiles.changed', { activeId: directory.activeId() }),
  });
  const notify = archive.attach(new NotifyAccess(directory, events), directory);
  const tracker = new StatusTracker<Notification>({
    sourceFor: async (profileId) => ({
      getNotification: (id) => notify.withClient(profileId, (c) => c.getNotification(id)),
      getNotifications: (q) => notify.withClient(profileId, (c) => c.getNotifications(q)),
    }),
    onUpdate: (entry, observation) =>
      events.emit('notification.updated', {
        profileId: entry.profileId,
        id: entry.notification.id,
        status: observation.status,
        final: entry.final,
        observation,
      }),
    ...options.tracker,
  });
  const pager = new HistoryPager<Notification>();
  const vault = new VaultService(cipher, reason, stored, events);
  const sandboxLink = linkEmbeddedSandbox({
    sandbox,
    builtIn,
    notices,
    events,
    activeId: () => directory.activeId(),
    logger,
  });
  const templates = new TemplateService(notify);
  // Bulk send (issue 11): batches in <data>/bulk, reopened now; one sending at quit shows as interrupted.
  const bulk = await createBulkService({
    root: join(options.dataDir, 'bulk'),
    notify,
    directory,
    templates,
    events,
    logger,
    ...(options.tracker ? { tracker: options.tracker } : {}),
    ...(options.bulkSettleMs === undefined ? {} : { settleMs: options.bulkSettleMs }),
  });

  const profiles = new ProfileService(directory, events, tracker, pager);
  const sandboxPanel = createSandboxPanel({
    sandbox,
    events,
    logger,
    profiles,
    clipboard: options.clipboard ?? null,
  });

  const services: CoreServices = {
    status: () => ({
      version,
      mode: options.mode,
      vault: vault.status(),
      sandboxUrl: sandboxUrl(),
      activeProfileId: directory.activeId(),
    }),
    vault,
    profiles,
    directory,
    templates,
    sending: new SendingService(notify, tracker, pager),
    notifications: new NotificationService(notify, tracker, pager),
    lookup: new LookupService(directory, notify),
    failures: new FailureSummary(directory, notify),
    callbacks: new CallbackReplayService(directory, notify),
    bulk,
    archive: archive.service,
    sandboxPanel,
    receivedTexts: async (profileId, olderThan) => {
      const r = await notify.withClient(profileId, (c) => c.getReceivedTexts(olderThan));
      const messages = r.received_text_messages;
      const last = messages[messages.length - 1];
      return { messages, nextOlderThan: last && messages.length >= RECEIVED_PAGE ? last.id : null };
    },
    requestLog: (limit, profileId) =>
      notify.requestLog
        .filter((e) => !profileId || e.profileId === profileId)
        .slice(-limit)
        .reverse(),
    snippet: (profileId, request, language) => {
      const p = directory.get(profileId);
      return renderSnippet(language, p.baseUrl, p.key?.masked ?? '<your API key>', request);
    },
    sandboxUrl,
    notices,
    diagnostics: () =>
      buildDiagnostics({
        version,
        mode: options.mode,
        vault: cipher.kind,
        profiles: directory.list(),
        followingSandbox: stored.followingSandbox(),
        sandbox,
        source: options.diagnostics ?? null,
      }),
    moveSandboxDataAside: async () => ({ ...(await sandboxLink.moveDataAside()), notices: notices.list() }),
  };

  return {
    services,
    events,
    close: async () => {
      sandboxLink.close();
      await sandboxPanel.close();
      await bulk.close();
      tracker.close();
      await archive.close();
      await store.flush();
      await notify.close();
    },
  };
}
