/**
 * The status timeline of one notification.
 *
 * Notify only returns `created_at`, `sent_at` and `completed_at`; everything in between is what
 * the console itself observed (in the send response, by polling, or from a callback). Both go on
 * one line, in time order, with the time since the previous step and since creation.
 */
import type { Notification, Observation } from '../../../src-main/contract/schemas';
import { parseNotifyTime } from '../../lib/time';

type TimelineSource = 'notify' | Observation['source'];

interface TimelineEntry {
  key: string;
  label: string;
  /** The status this step reports, or null for Notify's own timestamps. */
  status: string | null;
  at: string;
  atMs: number;
  source: TimelineSource;
  sincePreviousMs: number | null;
  sinceStartMs: number;
}

const NOTIFY_STAMPS = [
  ['created_at', 'Created (Notify’s created_at)'],
  ['sent_at', 'Sent to the provider (Notify’s sent_at)'],
  ['completed_at', 'Completed (Notify’s completed_at)'],
] as const;

const SOURCE_WORDS: Record<Observation['source'], string> = {
  response: 'in the send response',
  poll: 'while polling',
  callback: 'from a callback',
};

/** Builds the timeline; entries at the same instant keep Notify's stamps first. */
export function buildTimeline(
  notification: Notification | null,
  observations: readonly Observation[],
): TimelineEntry[] {
  const raw: Array<Omit<TimelineEntry, 'sincePreviousMs' | 'sinceStartMs'> & { order: number }> = [];
  if (notification) {
    NOTIFY_STAMPS.forEach(([field, label], order) => {
      const at = notification[field];
      const atMs = parseNotifyTime(at);
      if (at && atMs !== null)
        raw.push({ key: field, label, status: null, at, atMs, source: 'notify', order });
    });
  }
  const seen = new Set<string>();
  observations.forEach((o, index) => {
    const atMs = parseNotifyTime(o.observedAt);
    const id = `${o.status}|${o.observedAt}`;
    if (atMs === null || seen.has(id)) return;
    seen.add(id);
    raw.push({
      key: `obs-${index}`,
      label: `Status ${o.status}, seen ${SOURCE_WORDS[o.source]}`,
      status: o.status,
      at: o.observedAt,
      atMs,
      source: o.source,
      order: 10 + index,
    });
  });
  raw.sort((x, y) => x.atMs - y.atMs || x.order - y.order);
  const start = raw[0]?.atMs ?? 0;
  return raw.map(({ order: _order, ...entry }, i) => ({
    ...entry,
    sincePreviousMs: i === 0 ? null : entry.atMs - (raw[i - 1] as { atMs: number }).atMs,
    sinceStartMs: entry.atMs - start,
  }));
}

export interface TimelineTotal {
  ms: number;
  /** The status the total runs to; null while the notification has not reached a final one. */
  finalStatus: string | null;
  /** What marks the end: Notify's completed_at, the first time the final status was seen, or the last step so far. */
  until: 'completed_at' | 'first-seen' | 'so-far';
}

/**
 * How long the notification took: from its creation to its final status, not to whenever the
 * console happened to look (a text delivered in 5 s and opened two minutes later took 5 s).
 *
 * The end is Notify's `completed_at` when it has one, else the first time the console saw the
 * final status; an unfinished notification's total runs to its latest step ("so far").
 */
export function timelineTotal(
  notification: Notification | null,
  entries: readonly TimelineEntry[],
  isFinal: boolean,
): TimelineTotal | null {
  if (entries.length < 2) return null;
  const first = entries[0] as TimelineEntry;
  const start = parseNotifyTime(notification?.created_at) ?? first.atMs;
  const status = notification?.status ?? null;
  if (isFinal && status) {
    const completed = parseNotifyTime(notification?.completed_at);
    if (completed !== null) return { ms: completed - start, finalStatus: status, until: 'completed_at' };
    const seen = entries.find((e) => e.status === status);
    if (seen) return { ms: seen.atMs - start, finalStatus: status, until: 'first-seen' };
  }
  const last = entries[entries.length - 1] as TimelineEntry;
  return { ms: last.atMs - start, finalStatus: null, until: 'so-far' };
}
