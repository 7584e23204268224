/**
 * A batch's results as a CSV file: one line per row with its reference, recipient, the
 * notification's id, its status and the reason, in the sheet's row order.
 *
 * The status is the row's outcome in the batch (`sent`, `failed`, `not sent`, `unknown`) unless
 * the caller passes Notify's latest status for the notification (from status tracking), which then
 * wins; the reason is Notify's error for a failed row, or what the caller knows of a failure.
 */
import { toCsv } from '../../../src-shared/csv';
import type { NotificationRequest } from '../../../src-shared/spreadsheet/index';
import type { RowState } from './row-states';

/** Notify's status of a sent notification, as tracked after the batch (optional). */
export interface TrackedStatus {
  status: string;
  reason?: string | null;
}

const RESULTS_COLUMNS = ['row', 'reference', 'recipient', 'notification_id', 'status', 'reason'] as const;

/** The row's recipient: a phone number, an email address or a letter's first address line. */
export function recipientOf(request: NotificationRequest): unknown {
  if (request.type === 'sms') return request.body['phone_number'];
  if (request.type === 'email') return request.body['email_address'];
  const p = request.body['personalisation'] as Record<string, unknown> | undefined;
  return p?.['address_line_1'] ?? null;
}

function outcome(row: RowState, tracked: TrackedStatus | undefined): [string | null, string, string | null] {
  switch (row.state) {
    case 'sent':
      return [row.id, tracked?.status ?? 'sent', tracked?.reason ?? null];
    case 'failed':
      return [null, 'failed', `${row.status} ${row.error ?? ''}: ${row.message}`.replace(' :', ':')];
    case 'queued':
      return [null, 'not sent', null];
    case 'in-flight':
    case 'unknown':
      return [
        null,
        'unknown',
        'The request was sent but no answer came back; it will be looked up by reference',
      ];
  }
}

/** The results file of a batch. */
export function batchResultsCsv(
  requests: readonly NotificationRequest[],
  rows: readonly RowState[],
  tracked: ReadonlyMap<string, TrackedStatus> = new Map(),
): string {
  return toCsv(
    RESULTS_COLUMNS,
    requests.map((request, i) => {
      const row = rows[i]!;
      const [id, status, reason] = outcome(row, row.state === 'sent' ? tracked.get(row.id) : undefined);
      return [
        request.sheetRow ?? request.rowNumber,
        request.reference,
        recipientOf(request),
        id,
        status,
        reason,
      ];
    }),
  );
}
