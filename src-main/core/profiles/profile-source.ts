/**
 * The one profile interface: the embedded sandbox's built-in profiles and the user's stored
 * profiles both list profiles, lend out a key for one call, and record what Notify said about it.
 * The rest of the core asks the {@link ProfileDirectory} and never branches on where a profile
 * comes from.
 */
import type { ApiKey } from '../../../src-shared/notify/api-key';
import type { PublicProfile } from '../../contract/schemas';
import type { StoredKeyInfo } from './profile-model';

/** The decrypted key handed to a {@link ProfileSource.withApiKey} callback, with where it may go. */
export interface ApiKeyInUse {
  profileId: string;
  /** The base URL the key is bound to: the only origin it may be used with. */
  baseUrl: string;
  proxy: string | null;
  key: ApiKey;
  serviceId: string;
  secret: string;
}

/** What Notify's answer said about a key that the console records (see KeyVerdict). */
export type KeyObservation = 'accepted' | 'revoked';

export interface ProfileSource {
  /** Whether the user may change or delete these profiles. */
  readonly editable: boolean;
  /** Every profile, safe to hand to the renderer. */
  list(): PublicProfile[];
  /** Runs `fn` with the profile's key, for one call; the key is not kept. */
  withApiKey<T>(profileId: string, fn: (key: ApiKeyInUse) => Promise<T> | T): Promise<T>;
  /**
   * Records what Notify's answer to a request signed with `key` said about it (last used,
   * revoked). Nothing is recorded if the profile's key has changed since. Resolves true when the
   * profile as listed changed.
   */
  observeKey(profileId: string, key: StoredKeyInfo, verdict: KeyObservation): Promise<boolean>;
}

/** The non-secret description of a key, as profiles record it. */
export function keyInfoOf(key: ApiKey): StoredKeyInfo {
  return { name: key.name, serviceId: key.serviceId, last4: key.secretLast4 };
}

/** The key as a {@link ProfileSource} lends it. */
export function keyInUse(profileId: string, baseUrl: string, proxy: string | null, key: ApiKey): ApiKeyInUse {
  return { profileId, baseUrl, proxy, key, serviceId: key.serviceId, secret: key.value.slice(-36) };
}
