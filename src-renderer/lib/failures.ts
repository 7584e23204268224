/**
 * Grouping the cross-profile failure summary by reason (status), then by template and profile.
 */
import type { MethodOutput } from '../../src-main/contract/methods';
import { parseNotifyTime } from './time';

export type FailureGroup = MethodOutput<'failures.summary'>['groups'][number];

export interface FailureReason {
  status: string;
  explanation: FailureGroup['explanation'];
  total: number;
  latest: string;
  groups: FailureGroup[];
}

/** Reasons with the most recent failure first; within a reason, templates by count, then recency. */
export function groupFailuresByReason(groups: readonly FailureGroup[]): FailureReason[] {
  const byStatus = new Map<string, FailureReason>();
  for (const g of groups) {
    const reason = byStatus.get(g.status);
    if (!reason) {
      byStatus.set(g.status, {
        status: g.status,
        explanation: g.explanation,
        total: g.count,
        latest: g.latest,
        groups: [g],
      });
    } else {
      reason.total += g.count;
      reason.groups.push(g);
      if ((parseNotifyTime(g.latest) ?? 0) > (parseNotifyTime(reason.latest) ?? 0)) reason.latest = g.latest;
    }
  }
  const time = (s: string): number => parseNotifyTime(s) ?? 0;
  for (const reason of byStatus.values()) {
    reason.groups.sort((a, b) => b.count - a.count || time(b.latest) - time(a.latest));
  }
  return [...byStatus.values()].sort((a, b) => time(b.latest) - time(a.latest));
}
