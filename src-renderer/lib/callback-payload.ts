/**
 * The delivery-status callback Notify would POST for a notification (reference §7.6).
 *
 * The console cannot configure callbacks (that is the admin app's job), but a developer can copy
 * this payload to test their own endpoint. Field order follows Notify's.
 */
import type { Notification } from '../../src-main/contract/schemas';
import { letterAddressLines } from './notification-fields';

export interface CallbackPayload {
  id: string;
  reference: string | null;
  to: string | null;
  status: string;
  created_at: string;
  completed_at: string | null;
  sent_at: string | null;
  notification_type: string;
  template_id: string;
  template_version: number;
}

/** Builds the callback body from a notification as `GET /v2/notifications/{id}` returned it. */
export function buildCallbackPayload(n: Notification): CallbackPayload {
  const address = letterAddressLines(n);
  return {
    id: n.id,
    reference: n.reference,
    to: n.email_address ?? n.phone_number ?? (address.length ? address.join('\n') : null),
    status: n.status,
    created_at: n.created_at,
    completed_at: n.completed_at,
    sent_at: n.sent_at,
    notification_type: n.type,
    template_id: n.template.id,
    template_version: n.template.version,
  };
}
