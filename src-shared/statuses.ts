/**
 * Notify's notification statuses and the rules around them.
 *
 * Source: API `app/constants.py` and `Notification.substitute_status` / `get_letter_status`
 * (docs/notify-api-reference.md §4.6, §7).
 */

export type TemplateType = 'sms' | 'email' | 'letter';

/** Statuses Notify stores internally. `failed` is deprecated but still accepted as a filter. */
export type InternalStatus =
  | 'cancelled'
  | 'created'
  | 'sending'
  | 'sent'
  | 'delivered'
  | 'pending'
  | 'failed'
  | 'technical-failure'
  | 'temporary-failure'
  | 'permanent-failure'
  | 'pending-virus-check'
  | 'validation-failed'
  | 'virus-scan-failed'
  | 'returned-letter';

/** Statuses as the API shows them: internal ones plus the letter presentation names. */
export type PublicStatus = InternalStatus | 'accepted' | 'received';

/** The `status` filter's enum, in the order Notify's schema lists it (used in error messages). */
export const STATUS_FILTER_VALUES: readonly PublicStatus[] = [
  'cancelled',
  'created',
  'sending',
  'sent',
  'delivered',
  'pending',
  'failed',
  'technical-failure',
  'temporary-failure',
  'permanent-failure',
  'pending-virus-check',
  'validation-failed',
  'virus-scan-failed',
  'returned-letter',
  'accepted',
  'received',
];

/** Every non-deprecated internal status: a filter that covers all of them filters nothing. */
const NON_DEPRECATED_STATUSES: readonly InternalStatus[] = [
  'cancelled',
  'created',
  'sending',
  'sent',
  'delivered',
  'pending',
  'technical-failure',
  'temporary-failure',
  'permanent-failure',
  'pending-virus-check',
  'validation-failed',
  'virus-scan-failed',
  'returned-letter',
];

/** The "completed" set: `completed_at` is only shown for these. `virus-scan-failed` is not in it. */
export const COMPLETED_STATUSES: ReadonlySet<InternalStatus> = new Set<InternalStatus>([
  'sent',
  'delivered',
  'failed',
  'technical-failure',
  'temporary-failure',
  'permanent-failure',
  'returned-letter',
  'cancelled',
  'validation-failed',
]);

/** Provider updates are ignored once a notification has left these statuses. */
export const UPDATABLE_STATUSES: ReadonlySet<InternalStatus> = new Set<InternalStatus>([
  'created',
  'sending',
  'pending',
  'sent',
  'pending-virus-check',
]);

/** What the `failed` filter covers (API `NOTIFICATION_STATUS_TYPES_FAILED`). `cancelled` is not a failure. */
const FAILED_STATUSES: readonly InternalStatus[] = [
  'technical-failure',
  'temporary-failure',
  'permanent-failure',
  'validation-failed',
  'virus-scan-failed',
  'returned-letter',
];

/**
 * Where a notification stands, from its status alone: the one classification the core (which
 * statuses get an explanation), the status tracker (when to stop) and the renderer (a status's
 * colour) share.
 *
 * `delivered` includes `sent` (an international text with no delivery receipts stops there) and the
 * letter presentation name `received`; `failed` is the `failed` filter plus the deprecated `failed`
 * itself; `cancelled` (a letter stopped before printing) ended without delivery but is not a failure;
 * `in-progress` will change again; `unknown` is a status this version does not know, treated as final
 * so nothing polls it for ever.
 */
export type StatusOutcome = 'delivered' | 'failed' | 'cancelled' | 'in-progress' | 'unknown';

const DELIVERED = new Set<string>(['delivered', 'sent', 'received']);
/** Every status that counts as a failure: the `failed` filter plus the deprecated `failed` itself. */
export const FAILURE_STATUSES: ReadonlySet<string> = new Set<string>([...FAILED_STATUSES, 'failed']);
const IN_PROGRESS = new Set<string>(['created', 'sending', 'pending', 'accepted', 'pending-virus-check']);

export function statusOutcome(status: string): StatusOutcome {
  if (DELIVERED.has(status)) return 'delivered';
  if (FAILURE_STATUSES.has(status)) return 'failed';
  if (status === 'cancelled') return 'cancelled';
  if (IN_PROGRESS.has(status)) return 'in-progress';
  return 'unknown';
}

/** Statuses after which a notification will not change again: what a status tracker stops at. */
export function isFinalStatus(status: string): boolean {
  return statusOutcome(status) !== 'in-progress';
}

/** Whether a status ended without delivery, so the console explains it (failures and cancellations). */
export function endedWithoutDelivery(status: string): boolean {
  const outcome = statusOutcome(status);
  return outcome === 'failed' || outcome === 'cancelled';
}

/** Expands the `failed`, `accepted` and `received` aliases the way the list endpoint does. */
export function expandStatusFilter(statuses: readonly PublicStatus[]): InternalStatus[] | null {
  const out = new Set<InternalStatus>();
  for (const s of statuses) {
    if (s === 'failed') {
      for (const f of FAILED_STATUSES) out.add(f);
    } else if (s === 'accepted') {
      out.add('created');
      out.add('sending');
    } else if (s === 'received') {
      out.add('delivered');
    } else {
      out.add(s);
    }
  }
  if (NON_DEPRECATED_STATUSES.every((s) => out.has(s))) return null;
  return [...out];
}

/** The status the API shows: letters present `created`/`sending` as `accepted`, `delivered`/`returned-letter` as `received`. */
export function publicStatus(status: InternalStatus, type: TemplateType): PublicStatus {
  if (type !== 'letter') return status;
  if (status === 'created' || status === 'sending') return 'accepted';
  if (status === 'delivered' || status === 'returned-letter') return 'received';
  return status;
}
