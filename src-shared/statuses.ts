/**
 * Notify's notification statuses and the rules around them.
 *
 * Source: API `app/constants.py` and `Notification.substitute_status` / `get_letter_status`
 * (shared/reference/notify-api-v2.md §4.6, §7).
 */

export type TemplateType = 'sms' | 'email' | 'letter';
export const TEMPLATE_TYPES: readonly TemplateType[] = ['sms', 'email', 'letter'];

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
export const NON_DEPRECATED_STATUSES: readonly InternalStatus[] = [
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

/** Statuses after which a notification will not change again: what a status tracker stops at. */
export function isFinalStatus(status: PublicStatus, type: TemplateType): boolean {
  if (type === 'letter') {
    return !['accepted', 'created', 'sending', 'pending-virus-check'].includes(status);
  }
  if (status === 'sent') return true;
  return !['created', 'sending', 'pending', 'pending-virus-check'].includes(status);
}

/** Expands the `failed`, `accepted` and `received` aliases the way the list endpoint does. */
export function expandStatusFilter(statuses: readonly PublicStatus[]): InternalStatus[] | null {
  const out = new Set<InternalStatus>();
  for (const s of statuses) {
    if (s === 'failed') {
      for (const f of [
        'technical-failure',
        'temporary-failure',
        'permanent-failure',
        'validation-failed',
        'virus-scan-failed',
        'returned-letter',
      ] as const)
        out.add(f);
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
