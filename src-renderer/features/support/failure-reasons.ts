/**
 * Grouping the cross-profile failure summary by reason (status), then by template and service,
 * with the explanation of each channel the reason holds: a permanent failure means one thing for
 * a text message and another for an email, so a reason with both explains both.
 */
import type { MethodOutput } from '../../../src-main/contract/methods';
import { parseNotifyTime } from '../../lib/time';

export type FailureGroup = MethodOutput<'failures.summary'>['groups'][number];
type Channel = NonNullable<FailureGroup['notificationType']>;

interface ChannelExplanation {
  /** The channel, or null for groups from a core that did not say. */
  channel: Channel | null;
  explanation: FailureGroup['explanation'];
  count: number;
}

export interface FailureReason {
  status: string;
  /** One per channel among the reason's groups, in the order text, email, letter. */
  explanations: ChannelExplanation[];
  total: number;
  latest: string;
  groups: FailureGroup[];
}

const CHANNEL_ORDER: readonly (Channel | null)[] = ['sms', 'email', 'letter', null];

/** Reasons with the most recent failure first; within a reason, templates by count, then recency. */
export function groupFailuresByReason(groups: readonly FailureGroup[]): FailureReason[] {
  const time = (s: string): number => parseNotifyTime(s) ?? 0;
  const byStatus = new Map<string, FailureReason>();
  for (const g of groups) {
    let reason = byStatus.get(g.status);
    if (!reason) {
      reason = { status: g.status, explanations: [], total: 0, latest: g.latest, groups: [] };
      byStatus.set(g.status, reason);
    }
    reason.total += g.count;
    reason.groups.push(g);
    if (time(g.latest) > time(reason.latest)) reason.latest = g.latest;
    const channel = g.notificationType ?? null;
    const known = reason.explanations.find((e) => e.channel === channel);
    if (known) known.count += g.count;
    else reason.explanations.push({ channel, explanation: g.explanation, count: g.count });
  }
  for (const reason of byStatus.values()) {
    reason.groups.sort((a, b) => b.count - a.count || time(b.latest) - time(a.latest));
    reason.explanations.sort((a, b) => CHANNEL_ORDER.indexOf(a.channel) - CHANNEL_ORDER.indexOf(b.channel));
  }
  return [...byStatus.values()].sort((a, b) => time(b.latest) - time(a.latest));
}
