/**
 * History's CSV export: the loaded notifications, with Notify's field names as columns.
 */
import type { Notification } from '../../../src-main/contract/schemas';
import { recipientOf } from '../../components/notification-table/notification-fields';
import { NOTIFICATION_CSV_COLUMNS, toCsv } from '../../../src-shared/csv';

/** The loaded history rows as CSV. */
export function notificationsToCsv(rows: readonly Notification[]): string {
  return toCsv(
    NOTIFICATION_CSV_COLUMNS,
    rows.map((n) => [
      n.id,
      n.reference,
      n.type,
      n.status,
      recipientOf(n),
      n.template.id,
      n.template.version,
      n.created_at,
      n.sent_at,
      n.completed_at,
      n['cost_in_pounds'],
      n.subject,
      n.body,
    ]),
  );
}

/** A file name for an export: profile name and time, safe on every OS. */
export function csvFileName(profileName: string, now: Date): string {
  const safe = profileName.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'profile';
  const stamp = now.toISOString().replace(/[:.]/g, '-').slice(0, 19);
  return `notifications-${safe}-${stamp}.csv`;
}
