/**
 * Reading Notify's times and writing a day the same way everywhere (one month table).
 *
 * The core words dates in UTC (it knows no user's time zone: a key's "revoked on" problem); the
 * renderer in the user's local time. Both go through {@link formatDay}.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/**
 * Milliseconds since the epoch for a Notify time, or null.
 *
 * Notify writes microseconds (`2024-05-01T12:00:00.123456Z`); only milliseconds are kept. A time
 * without a zone is UTC, as Notify's always are.
 */
export function parseNotifyTime(value: string | null | undefined): number | null {
  if (!value) return null;
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})?$/.exec(
    value.trim(),
  );
  if (!m) {
    const fallback = Date.parse(value);
    return Number.isNaN(fallback) ? null : fallback;
  }
  const fraction = (m[3] ?? '').slice(0, 3).padEnd(3, '0');
  const zone = m[4] ?? 'Z';
  const ms = Date.parse(`${m[1]}T${m[2]}.${fraction}${zone}`);
  return Number.isNaN(ms) ? null : ms;
}

/** `14 Mar 2026`: a day, when the time of day does not matter, in local time or UTC. */
export function formatDay(ms: number, zone: 'local' | 'utc'): string {
  const d = new Date(ms);
  return zone === 'utc'
    ? `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`
    : `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}`;
}
