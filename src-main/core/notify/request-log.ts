/**
 * What the client reports of each attempt: one line of the request inspector, and what Notify's
 * answer said about the API key. Never a key, a secret or a signature.
 */
import type { JwtClaims } from './jwt';
import { NotifyApiError } from './errors';

/** One line of the request inspector, per attempt. Never a key, a secret or a signature. */
export type NotifyRequestLogEntry = {
  /** Unique per attempt. */
  id: string;
  /** Shared by the attempts of one call. */
  requestId: string;
  method: string;
  /** Path with query string, relative to the origin. */
  path: string;
  status: number | null;
  durationMs: number;
  startedAt: string;
  attempt: number;
  jwtClaims: JwtClaims | null;
  clockSkewSeconds: number | null;
  error: string | null;
  outcome: 'ok' | 'http-error' | 'network-error' | 'unknown-outcome';
  /** What this answer says about the API key; not part of the inspector's entry. */
  keyVerdict: KeyVerdict;
};

/**
 * What one answer says about the key the request was signed with.
 *
 * `accepted`: Notify answered with something other than an auth error (a success, or a v2 error
 * from after its auth check: validation, rate limit…). `revoked`: Notify said the key is revoked.
 * `rejected`: any other auth error. null: the answer says nothing about the key (no answer, not
 * Notify's v2 envelope, or a 5xx).
 */
export type KeyVerdict = 'accepted' | 'rejected' | 'revoked' | null;

/** Notify's message for a key revoked within the last 7 days. */
const REVOKED_KEY_MESSAGE = 'Invalid token: API key revoked';

export function keyVerdictOf(result: { ok: true } | { ok: false; error: unknown }): KeyVerdict {
  if (result.ok) return 'accepted';
  const err = result.error;
  if (!(err instanceof NotifyApiError)) return null;
  if (err.status === 403 && err.notifyMessage === REVOKED_KEY_MESSAGE) return 'revoked';
  if (err.errorClass === 'AuthError' || err.status === 401 || err.status === 403) return 'rejected';
  return err.errors.length > 0 && err.status < 500 ? 'accepted' : null;
}
