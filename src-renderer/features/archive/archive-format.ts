/**
 * The archive's words: how long ago something was sent, sizes, sync progress and outcomes. Pure,
 * so they are tested without React.
 */
import type { ArchiveStatus, ArchiveSyncProgress } from '../../../src-main/contract/archive';

const DAY_MS = 86_400_000;

/** "sent today", "sent 1 day ago", "sent 23 days ago": whole days since it was created. */
function sentAgo(createdAt: string, nowMs: number): string {
  const ms = Date.parse(createdAt);
  if (!Number.isFinite(ms)) return 'sent at an unknown time';
  const days = Math.max(0, Math.floor((nowMs - ms) / DAY_MS));
  if (days === 0) return 'sent today';
  return `sent ${days} day${days === 1 ? '' : 's'} ago`;
}

/** The label an archived notification carries once Notify has answered 404 for it. */
export function goneFromNotifyLabel(createdAt: string, nowMs: number): string {
  return `Notify no longer holds this notification (${sentAgo(createdAt, nowMs)})`;
}

/** Bytes as people read them: 512 bytes, 3.4 KB, 12.1 MB, 1.08 GB (powers of 1,000 like the OS's file size). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2)} ${units[unit]}`;
}

const count = (n: number, word: string) => `${n.toLocaleString('en-GB')} ${word}${n === 1 ? '' : 's'}`;

/** One line for a sync under way or just finished. */
export function describeProgress(p: ArchiveSyncProgress): string {
  const so = `${count(p.pages, 'page')}, ${count(p.seen, 'notification')} read, ${p.added.toLocaleString('en-GB')} new`;
  switch (p.phase) {
    case 'paging':
      return `Syncing: ${so}`;
    case 'waiting-rate-limit':
      return `Waiting ${Math.ceil((p.waitMs ?? 0) / 1000)} s for Notify’s rate limit (${so})`;
    case 'finished':
      return `${OUTCOME_WORDS[p.outcome ?? 'completed']}: ${so}`;
  }
}

const OUTCOME_WORDS: Record<NonNullable<ArchiveSyncProgress['outcome']>, string> = {
  completed: 'Completed',
  failed: 'Stopped on an error',
  'rate-limited': 'Paused by Notify’s rate limit',
  cancelled: 'Stopped',
};

type LastRun = NonNullable<ArchiveStatus['profiles'][number]['lastRun']>;

/** The last run in a sentence, without its time (shown beside it). */
export function describeLastRun(run: LastRun): string {
  return `${OUTCOME_WORDS[run.outcome]}: ${count(run.pages, 'page')}, ${count(run.seen, 'notification')} read, ${run.added.toLocaleString('en-GB')} new`;
}

/** The retention periods offered, in months. */
export const RETENTION_CHOICES = [1, 3, 6, 12, 24, 36, 60, 120] as const;

export function retentionLabel(months: number): string {
  if (months % 12 === 0) return `${months / 12} year${months === 12 ? '' : 's'}`;
  return `${months} month${months === 1 ? '' : 's'}`;
}
