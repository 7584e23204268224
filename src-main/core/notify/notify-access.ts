/**
 * How the services reach Notify for a profile: a short-lived client with the profile's key, on a
 * connection pool shared per proxy, whose every attempt goes to the request log and tells the
 * profile what Notify said about its key.
 */
import type { Dispatcher } from 'undici';
import type { RequestLogEntry } from '../../contract/schemas';
import type { CoreEvents } from '../events';
import type { ProfileDirectory } from '../profiles/profile-directory';
import { keyInfoOf } from '../profiles/profile-source';
import { NotifyClient } from './client';
import { createDispatcher, DEFAULT_TIMEOUTS } from './http';
import type { NotifyRequestLogEntry } from './request-log';

const REQUEST_LOG_LIMIT = 1000;

export class NotifyAccess {
  /** The request inspector's entries, oldest first, at most {@link REQUEST_LOG_LIMIT}. */
  readonly requestLog: RequestLogEntry[] = [];
  // One connection pool per proxy setting, shared by the short-lived clients.
  private readonly dispatchers = new Map<string, Dispatcher>();

  constructor(
    private readonly profiles: ProfileDirectory,
    private readonly events: CoreEvents,
  ) {}

  /** A client for one call: the key is decrypted for it and dropped after. */
  withClient<T>(profileId: string, fn: (client: NotifyClient) => Promise<T>): Promise<T> {
    return this.profiles.withApiKey(profileId, (k) => {
      const keyInfo = keyInfoOf(k.key);
      const client = new NotifyClient({
        baseUrl: k.baseUrl,
        apiKey: k.key.value,
        proxy: k.proxy,
        fetchAgent: this.dispatcherFor(k.proxy),
        log: (entry) => {
          if (entry.keyVerdict === 'accepted' || entry.keyVerdict === 'revoked')
            this.profiles.observeKey(profileId, keyInfo, entry.keyVerdict);
          this.record(profileId, entry);
        },
      });
      return fn(client);
    });
  }

  /** The shared pool for a proxy setting (null: direct, or HTTP(S)_PROXY / NO_PROXY). */
  dispatcherFor(proxy: string | null): Dispatcher {
    const k = proxy ?? '';
    let d = this.dispatchers.get(k);
    if (!d) this.dispatchers.set(k, (d = createDispatcher(proxy, DEFAULT_TIMEOUTS)));
    return d;
  }

  async close(): Promise<void> {
    await Promise.all([...this.dispatchers.values()].map((d) => d.close().catch(() => undefined)));
  }

  private record(profileId: string, entry: NotifyRequestLogEntry): void {
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
    this.requestLog.push(e);
    if (this.requestLog.length > REQUEST_LOG_LIMIT)
      this.requestLog.splice(0, this.requestLog.length - REQUEST_LOG_LIMIT);
    this.events.emit('request.logged', e);
  }
}
