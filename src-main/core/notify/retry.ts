/**
 * When and how long to wait before trying a safe request again.
 *
 * Exponential backoff with jitter spreads retries from many clients; `Retry-After` from Notify or
 * a gateway wins when present, because the server knows better than our guess. Only requests
 * without side effects are ever retried (see client.ts).
 */

/** Retry settings: `attempts` counts the first try, so 1 means never retry. */
export type RetryPolicy = {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A `Retry-After` longer than this is not waited for: the error is returned instead. */
  maxRetryAfterMs?: number;
};

/** Three tries over about a second, and up to a minute when a server asks for it with Retry-After. */
export const DEFAULT_RETRY: Required<RetryPolicy> = {
  attempts: 3,
  baseDelayMs: 250,
  maxDelayMs: 5_000,
  maxRetryAfterMs: 60_000,
};

/**
 * The wait before retry number `retry` (1 for the first retry).
 *
 * "Equal jitter": half the exponential delay is fixed, half random, so waits grow reliably but
 * clients that failed together do not retry together.
 */
export function backoffDelayMs(
  retry: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.round(exp / 2 + (exp / 2) * random());
}

/**
 * Reads a `Retry-After` header: delay-seconds or an HTTP date.
 *
 * A date is measured against the answer's own `Date` header when there is one, because both come
 * from the server's clock and ours may be skewed. Returns milliseconds, or null when absent or
 * unreadable.
 */
export function parseRetryAfterMs(
  value: string | undefined,
  nowMs: number,
  serverDateMs: number | null = null,
): number | null {
  if (value === undefined) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // HTTP dates start with a day name; without this check Date.parse would take "-1" as a year.
  if (!/^[A-Za-z]{3}/.test(text)) return null;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - (serverDateMs ?? nowMs));
}
