/**
 * Showing Notify's times and the durations between them (parsing and the day format are
 * src-shared/dates.ts, shared with the core).
 */
import { formatDay as formatDayIn, parseNotifyTime } from '../../src-shared/dates';

export { parseNotifyTime };

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `2024-05-01 13:00:00` in local time: unambiguous, sortable, the same in every locale. */
export function formatDateTime(value: string | number | null | undefined): string {
  const ms = typeof value === 'number' ? value : parseNotifyTime(value);
  if (ms === null) return '—';
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** `13:00:00.123` in local time: for steps that happen within a second of each other. */
export function formatTimeOfDay(value: string | number | null | undefined): string {
  const ms = typeof value === 'number' ? value : parseNotifyTime(value);
  if (ms === null) return '—';
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** A duration for people: `850 ms`, `4.2 s`, `3 min 5 s`, `2 h 10 min`, `1 d 3 h`. */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? '−' : '';
  const abs = Math.abs(ms);
  if (abs < 1000) return `${sign}${Math.round(abs)} ms`;
  const seconds = abs / 1000;
  if (seconds < 60) return `${sign}${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s`;
  const totalSeconds = Math.round(seconds);
  const minutes = Math.floor(totalSeconds / 60);
  if (minutes < 60) return `${sign}${minutes} min${totalSeconds % 60 ? ` ${totalSeconds % 60} s` : ''}`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${sign}${hours} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
  const days = Math.floor(hours / 24);
  return `${sign}${days} d${hours % 24 ? ` ${hours % 24} h` : ''}`;
}

/** Clock skew in words: `+3.2 s (Notify is ahead)`. */
export function formatSkew(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return 'not measured';
  if (Math.abs(seconds) < 0.5) return `${seconds.toFixed(1)} s (in step)`;
  const side = seconds > 0 ? 'the server is ahead of this computer' : 'this computer is ahead of the server';
  return `${seconds > 0 ? '+' : ''}${seconds.toFixed(1)} s (${side})`;
}

/** `14 Mar 2026` in local time: a day, when the time of day does not matter. */
export function formatDay(value: string | number | null | undefined): string {
  const ms = typeof value === 'number' ? value : parseNotifyTime(value);
  return ms === null ? '—' : formatDayIn(ms, 'local');
}

const DAY_MS = 86_400_000;

/**
 * How long ago, in the largest whole unit: `just now`, `5 minutes ago`, `2 hours ago`,
 * `3 days ago`, `8 months ago`, `2 years ago`. A time in the future reads `just now`.
 */
export function formatAgo(value: string | number | null | undefined, nowMs: number): string {
  const ms = typeof value === 'number' ? value : parseNotifyTime(value);
  if (ms === null) return '—';
  const elapsed = nowMs - ms;
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'} ago`;
  if (elapsed < 60_000) return 'just now';
  if (elapsed < 3_600_000) return unit(Math.floor(elapsed / 60_000), 'minute');
  if (elapsed < DAY_MS) return unit(Math.floor(elapsed / 3_600_000), 'hour');
  const days = Math.floor(elapsed / DAY_MS);
  if (days < 30) return unit(days, 'day');
  const months = Math.floor(days / 30.44);
  if (months < 12) return unit(months, 'month');
  return unit(Math.floor(days / 365.25), 'year');
}
