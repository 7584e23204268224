/**
 * An archived notification's timeline: Notify's own timestamps and every status the console saw
 * (in the send's answer, reading it, in a list, by the sync), oldest first.
 */
import type { ArchivedDetail, ArchivedObservation } from '../../../src-main/contract/archive';

const SOURCE_WORDS: Record<ArchivedObservation['source'], string> = {
  response: 'in the send response',
  poll: 'when the console read it',
  callback: 'from a callback',
  list: 'in a list of notifications',
  sync: 'by the archive’s sync',
};

interface TimelineStep {
  key: string;
  label: string;
  status: string | null;
  at: string;
  atMs: number;
}

/** Notify's own timestamps and the statuses the console saw, oldest first. */
export function archivedTimeline(a: ArchivedDetail): TimelineStep[] {
  const steps: TimelineStep[] = [];
  const n = a.notification as Record<string, unknown> | null;
  for (const [field, label] of [
    ['created_at', 'Created (Notify’s created_at)'],
    ['sent_at', 'Sent to the provider (Notify’s sent_at)'],
    ['completed_at', 'Completed (Notify’s completed_at)'],
  ] as const) {
    const at = n?.[field];
    if (typeof at === 'string' && Number.isFinite(Date.parse(at)))
      steps.push({ key: field, label, status: null, at, atMs: Date.parse(at) });
  }
  a.timeline.forEach((o, i) =>
    steps.push({
      key: `obs-${i}`,
      label: `Status ${o.status}, seen ${SOURCE_WORDS[o.source]}`,
      status: o.status,
      at: o.observedAt,
      atMs: Date.parse(o.observedAt),
    }),
  );
  return steps.sort((x, y) => x.atMs - y.atMs);
}
