/**
 * The console core: everything behind the contract, composed once per process.
 *
 * Electron's main process and the browser-mode host both call `createConsoleCore` and serve its
 * endpoint; tests do the same with a temporary folder. It opens the settings store, picks the key
 * vault (OS keychain or passphrase), starts the embedded Notify Sandbox, and wires the profile
 * service, Notify clients, status tracker, history pager and request log into the handler table.
 */
import { join } from 'node:path';
import type { Dispatcher } from 'undici';
import { startSandbox, type Sandbox } from '../../src-sandbox/server';
import { createEndpoint, EventBus, type RpcEndpoint } from '../rpc/dispatch';
import { builtInProfiles, type BuiltInProfile } from './builtin-profiles';
import { createHandlers } from './handlers';
import { HistoryPager } from './history/history-pager';
import { NotifyClient, type KeyVerdict, type NotifyRequestLogEntry } from './notify/client';
import { createDispatcher, DEFAULT_TIMEOUTS } from './notify/http';
import { silentLogger, type Logger, type SecretCipher } from './ports';
import {
  KEY_USE_WRITE_INTERVAL_MS,
  ProfileService,
  revokedKeyProblem,
  type StoredKeyInfo,
} from './profiles/profile-service';
import { JsonFileStore } from './store/json-file-store';
import { StatusTracker } from './tracking/status-tracker';
import { chooseCipher, type SafeStorageLike } from './vault/safe-storage-cipher';
import type { RequestLogEntry } from '../contract/schemas';

export interface ConsoleCoreOptions {
  dataDir: string;
  mode: 'electron' | 'browser';
  safeStorage?: SafeStorageLike | null;
  platform: NodeJS.Platform;
  /** Start the embedded Notify Sandbox (default true). */
  sandbox?: boolean;
  /** Sandbox time scale (default 1: realistic delays). */
  sandboxTimeScale?: number;
  version?: string;
  logger?: Logger;
  /** Status tracker intervals, shortened in tests. */
  tracker?: { minIntervalMs?: number; maxIntervalMs?: number };
}

export interface ConsoleCore {
  endpoint: RpcEndpoint;
  sandbox: Sandbox | null;
  close(): Promise<void>;
}

export interface CoreServices {
  mode: 'electron' | 'browser';
  version: string;
  store: JsonFileStore;
  cipher: SecretCipher;
  cipherReason: string;
  profiles: ProfileService;
  builtIns: BuiltInProfile[];
  sandbox: Sandbox | null;
  bus: EventBus;
  tracker: StatusTracker;
  pager: HistoryPager<{ id: string }>;
  requestLog: RequestLogEntry[];
  /** Records what an answer said about a profile's key (last used, revoked); never throws. */
  observeKey(profileId: string, key: StoredKeyInfo | null, verdict: KeyVerdict): void;
  /** A client for one call: keys are decrypted for it and dropped after. */
  withClient<T>(profileId: string, fn: (client: NotifyClient) => Promise<T>): Promise<T>;
  activeProfileId(): string | null;
  setActiveProfileId(id: string | null): Promise<void>;
  logger: Logger;
}

const REQUEST_LOG_LIMIT = 1000;
const ACTIVE_KEY = 'console.activeProfileId';

/** Builds the core; resolves once the store is open and the sandbox (if any) is listening. */
export async function createConsoleCore(options: ConsoleCoreOptions): Promise<ConsoleCore> {
  const logger = options.logger ?? silentLogger;
  const store = await JsonFileStore.open(join(options.dataDir, 'settings.json'), { logger });
  const { cipher, reason } = await chooseCipher({
    platform: options.platform,
    safeStorage: options.mode === 'electron' ? (options.safeStorage ?? null) : null,
    store,
    logger,
  });
  const profiles = new ProfileService({ store, cipher, logger });

  let sandbox: Sandbox | null = null;
  if (options.sandbox ?? true) {
    sandbox = await startSandbox({
      dataDir: join(options.dataDir, 'sandbox'),
      timeScale: options.sandboxTimeScale ?? 1,
      onError: (err) =>
        logger.error('sandbox error', { error: err instanceof Error ? err.message : String(err) }),
    });
  }
  const builtIns = sandbox ? builtInProfiles(sandbox) : [];

  const bus = new EventBus();
  const requestLog: RequestLogEntry[] = [];
  // One connection pool per proxy setting, shared by the short-lived clients.
  const dispatchers = new Map<string, Dispatcher>();
  const dispatcherFor = (proxy: string | null) => {
    const k = proxy ?? '';
    let d = dispatchers.get(k);
    if (!d) dispatchers.set(k, (d = createDispatcher(proxy, DEFAULT_TIMEOUTS)));
    return d;
  };
  const profilesChanged = () => bus.emit('profiles.changed', { activeId: services.activeProfileId() });
  // Built-in keys are never stored, so what is seen of them is kept in memory only.
  const builtInUseSeen = new Map<string, number>();
  const observeBuiltIn = (builtIn: BuiltInProfile, verdict: 'accepted' | 'revoked'): boolean => {
    const key = builtIn.profile.key;
    if (!key) return false;
    const now = Date.now();
    if (verdict === 'accepted') {
      const last = builtInUseSeen.get(builtIn.profile.id);
      if (last !== undefined && now >= last && now - last < KEY_USE_WRITE_INTERVAL_MS) return false;
      builtInUseSeen.set(builtIn.profile.id, now);
      builtIn.profile = { ...builtIn.profile, key: { ...key, lastUsedAt: new Date(now).toISOString() } };
      return true;
    }
    if (key.revokedSeenAt !== null) return false;
    const at = new Date(now).toISOString();
    builtIn.profile = {
      ...builtIn.profile,
      key: { ...key, revokedSeenAt: at },
      keyProblem: revokedKeyProblem(at, true),
    };
    return true;
  };
  /** Records what an answer said about the key (last used, revoked); never fails the request. */
  const observeKey = (profileId: string, key: StoredKeyInfo | null, verdict: KeyVerdict) => {
    if (verdict !== 'accepted' && verdict !== 'revoked') return;
    const builtIn = builtIns.find((b) => b.profile.id === profileId);
    if (builtIn) {
      if (observeBuiltIn(builtIn, verdict)) profilesChanged();
      return;
    }
    if (!key) return;
    profiles.observeKey(profileId, key, verdict).then(
      (changed) => {
        if (changed) profilesChanged();
      },
      (err: unknown) =>
        logger.warn('could not record key use', {
          profileId,
          error: err instanceof Error ? err.message : String(err),
        }),
    );
  };
  const logFor = (profileId: string, key: StoredKeyInfo | null) => (entry: NotifyRequestLogEntry) => {
    observeKey(profileId, key, entry.keyVerdict);
    const e: RequestLogEntry = {
      id: entry.id,
      profileId,
      method: entry.method,
      path: entry.path,
      status: entry.status,
      durationMs: entry.durationMs,
      startedAt: entry.startedAt,
      attempt: entry.attempt,
      jwtClaims: entry.jwtClaims ? { iss: entry.jwtClaims.iss, iat: entry.jwtClaims.iat } : null,
      clockSkewSeconds: entry.clockSkewSeconds,
      error: entry.error,
      outcome: entry.outcome,
    };
    requestLog.push(e);
    if (requestLog.length > REQUEST_LOG_LIMIT) requestLog.splice(0, requestLog.length - REQUEST_LOG_LIMIT);
    bus.emit('request.logged', e);
  };

  const withClient = async <T>(profileId: string, fn: (client: NotifyClient) => Promise<T>): Promise<T> => {
    const builtIn = builtIns.find((b) => b.profile.id === profileId);
    if (builtIn) {
      const client = new NotifyClient({
        baseUrl: builtIn.profile.baseUrl,
        apiKey: builtIn.apiKey,
        fetchAgent: dispatcherFor(null),
        log: logFor(profileId, null),
      });
      return fn(client);
    }
    return profiles.withApiKey(profileId, async (key) => {
      const client = new NotifyClient({
        baseUrl: key.baseUrl,
        apiKey: key.key.value,
        proxy: key.proxy,
        fetchAgent: dispatcherFor(key.proxy),
        log: logFor(profileId, {
          name: key.key.name,
          serviceId: key.key.serviceId,
          last4: key.key.secretLast4,
        }),
      });
      return fn(client);
    });
  };

  const tracker = new StatusTracker({
    sourceFor: async (profileId) => ({
      getNotification: (id) => withClient(profileId, (c) => c.getNotification(id)) as never,
      getNotifications: (q) => withClient(profileId, (c) => c.getNotifications(q)) as never,
    }),
    onUpdate: (entry, observation) =>
      bus.emit('notification.updated', {
        profileId: entry.profileId,
        id: entry.notification.id,
        status: observation.status,
        final: entry.final,
        observation,
      }),
    ...options.tracker,
  });

  const services: CoreServices = {
    mode: options.mode,
    version: options.version ?? '0.1.0',
    store,
    cipher,
    cipherReason: reason,
    profiles,
    builtIns,
    sandbox,
    bus,
    tracker,
    pager: new HistoryPager<{ id: string }>(),
    requestLog,
    observeKey,
    withClient,
    activeProfileId: () => {
      const id = store.get(ACTIVE_KEY);
      const known =
        typeof id === 'string' &&
        (builtIns.some((b) => b.profile.id === id) || profiles.list().some((p) => p.id === id));
      if (known) return id;
      return builtIns[0]?.profile.id ?? profiles.list()[0]?.id ?? null;
    },
    setActiveProfileId: async (id) => {
      await store.set(ACTIVE_KEY, id);
    },
    logger,
  };

  const endpoint = createEndpoint(createHandlers(services), bus, (method, err) =>
    logger.error('internal error', { method, error: err instanceof Error ? err.message : String(err) }),
  );

  return {
    endpoint,
    sandbox,
    close: async () => {
      tracker.close();
      await store.flush();
      await Promise.all([...dispatchers.values()].map((d) => d.close().catch(() => undefined)));
      if (sandbox) await sandbox.close();
    },
  };
}
