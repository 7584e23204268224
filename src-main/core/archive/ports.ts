/**
 * What the archive needs from the rest of the console, as small interfaces of its own so that a
 * rename in core's ports (being redesigned) is a one-line change here.
 */
import type { SecretCipher } from '../ports';

/**
 * The console's vault: wraps the archive's data key. `isLocked` is asked before every archive
 * operation, so locking the vault locks the archive at once.
 */
export type ArchiveVault = Pick<SecretCipher, 'isLocked' | 'encrypt' | 'decrypt'>;

/** Milliseconds since the epoch; injectable so tests control retention and timelines. */
export interface ArchiveClock {
  now(): number;
}

/** Which console profile a notification was seen through. The name is kept encrypted, for display. */
export interface ProfileRef {
  id: string;
  name?: string;
}

/**
 * One answer of `GET /v2/notifications` for the sync engine: a page (newest first), or Notify's
 * 429 with its `Retry-After` in milliseconds (null when it sent none).
 */
export type NotificationPage =
  { kind: 'page'; notifications: readonly unknown[] } | { kind: 'rate-limited'; retryAfterMs: number | null };

/**
 * Pages `GET /v2/notifications?include_jobs=true[&older_than=<id>]` with one profile's key. The key
 * stays inside the source: the archive never sees or stores it. Any other failure is thrown, with a
 * message fit for the user.
 */
export interface NotificationSource {
  fetchPage(olderThan: string | null, signal?: AbortSignal): Promise<NotificationPage>;
}

/** Waits, or rejects when the signal aborts; tests pass one that returns at once. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;
