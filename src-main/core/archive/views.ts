/**
 * Archived notifications as the contract shows them: a summary for result lists (no body or
 * personalisation, so a page of 200 stays small) and the whole record for one notification.
 */
import type { ArchivedDetail, ArchivedSummary } from '../../contract/archive';
import { notificationRecipient } from '../../../src-shared/callback-payload';
import type { ArchivedNotification } from './rows';

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

export function toSummary(a: ArchivedNotification): ArchivedSummary {
  const n = a.record?.notification;
  return {
    id: a.id,
    profileId: a.profileId,
    profileName: a.record?.profileName ?? null,
    type: a.type,
    status: a.status,
    templateId: a.templateId,
    templateVersion: a.templateVersion,
    createdAt: a.createdAt,
    archivedAt: a.archivedAt,
    updatedAt: a.updatedAt,
    recipient: n ? notificationRecipient(n, '\n') : null,
    reference: text(n?.reference),
    subject: text(n?.['subject']),
    readable: a.record !== null,
  };
}

export function toDetail(a: ArchivedNotification): ArchivedDetail {
  return {
    ...toSummary(a),
    notification: a.record?.notification ?? null,
    timeline: a.record?.timeline ?? [],
    lastSeenAt: a.record?.lastSeenAt ?? null,
    personalisation: a.record?.personalisation ?? null,
  };
}

/** A UUID in the form Notify writes it (lowercase, hyphenated), whatever form it was typed in. */
export function canonicalId(id: string): string {
  const hex = id.trim().replaceAll('-', '').toLowerCase();
  return hex.length === 32
    ? `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
    : id.trim().toLowerCase();
}
