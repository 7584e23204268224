/**
 * Which of a service's callbacks an event goes to, and with which body, as Notify decides: a status
 * change goes to the delivery-status callback, a returned letter to the returned-letter callback (and
 * to no other), a complaint to the complaint callback, a received text to the received-text callback.
 * An event whose callback the service has not set up sends nothing. The bodies are built in
 * `callback-payloads.ts`, and `callback-dispatcher.ts` sends them.
 *
 * Sources (notifications-api): `check_and_queue_callback_task` (status changes),
 * `process_returned_letters_list`, which updates the letters' status without a delivery-status callback
 * and queues `send_returned_letter_to_service` for a service with a `returned_letter` callback;
 * `_check_and_queue_complaint_callback_task`, which looks up the service's `complaint` callback (not the
 * delivery-status one); `send_inbound_sms_to_service`. Shared reference: notify-api-v2.md §7.6.
 */
import { COMPLETED_STATUSES, publicStatus } from '../src-shared/statuses';
import type { CallbackDispatcher } from './callback-dispatcher';
import {
  complaintPayload,
  deliveryStatusPayload,
  inboundSmsPayload,
  returnedLetterPayload,
} from './callback-payloads';
import { formatDatetime } from './json';
import type { Complaint, ReceivedText, StoredNotification } from './model';
import type { SandboxStore } from './store';

/** A notification's status change, to the delivery-status callback. */
export function sendDeliveryStatus(
  store: SandboxStore,
  dispatcher: CallbackDispatcher,
  n: StoredNotification,
): void {
  const cb = store.services.get(n.serviceId)?.callbacks.delivery_status;
  if (!cb) return;
  dispatcher.enqueue(
    'delivery-status',
    n.serviceId,
    cb.url,
    cb.bearer_token,
    deliveryStatusPayload({
      id: n.id,
      reference: n.reference,
      to: n.to ?? '',
      status: publicStatus(n.status, n.type),
      createdAt: formatDatetime(n.createdAt),
      completedAt: COMPLETED_STATUSES.has(n.status) && n.updatedAt ? formatDatetime(n.updatedAt) : null,
      sentAt: n.sentAt ? formatDatetime(n.sentAt) : null,
      notificationType: n.type,
      templateId: n.templateId,
      templateVersion: n.templateVersion,
    }),
  );
}

/**
 * A letter the post office sent back, to the returned-letter callback. Notify fills the body from the
 * letter's template and its sender: `sent_by` is the email address of the team member who sent a
 * one-off letter from the admin site (the control API's `send`, matched by `created_by_name`), and
 * "API" otherwise, CSV job rows included (Notify saves those with no user). The sandbox keeps no
 * spreadsheet for its job rows, so `spreadsheet_file_name` and `spreadsheet_row_number` are null.
 */
export function sendReturnedLetter(
  store: SandboxStore,
  dispatcher: CallbackDispatcher,
  n: StoredNotification,
): void {
  const service = store.services.get(n.serviceId);
  const cb = service?.callbacks.returned_letter;
  if (!service || !cb) return;
  const oneOffSender =
    n.apiKeyId === null && !n.fromJob
      ? service.team_members.find((m) => m.name === n.createdByName)?.email_address
      : undefined;
  dispatcher.enqueue(
    'returned-letter',
    n.serviceId,
    cb.url,
    cb.bearer_token,
    returnedLetterPayload({
      notificationId: n.id,
      clientReference: n.reference,
      createdAt: formatDatetime(n.createdAt),
      sentByApi: n.apiKeyId !== null,
      senderEmail: oneOffSender ?? null,
      templateName: store.templates.get(n.templateId)?.name ?? null,
      templateId: n.templateId,
      templateVersion: n.templateVersion,
      templateHidden: n.precompiled,
    }),
  );
}

/** A recipient's complaint about an email, to the complaint callback. */
export function sendComplaint(
  store: SandboxStore,
  dispatcher: CallbackDispatcher,
  n: StoredNotification,
  complaint: Complaint,
): void {
  const cb = store.services.get(n.serviceId)?.callbacks.complaint;
  if (!cb) return;
  dispatcher.enqueue(
    'complaint',
    n.serviceId,
    cb.url,
    cb.bearer_token,
    complaintPayload({
      notificationId: n.id,
      complaintId: complaint.id,
      reference: n.reference,
      to: complaint.emailAddress,
      complaintDate: formatDatetime(complaint.at),
    }),
  );
}

/** A text message the service received, to the received-text callback. */
export function sendReceivedText(store: SandboxStore, dispatcher: CallbackDispatcher, r: ReceivedText): void {
  const cb = store.services.get(r.serviceId)?.callbacks.received_text;
  if (!cb) return;
  dispatcher.enqueue(
    'inbound-sms',
    r.serviceId,
    cb.url,
    cb.bearer_token,
    inboundSmsPayload({
      id: r.id,
      sourceNumber: r.userNumber,
      destinationNumber: r.notifyNumber,
      message: r.content,
      dateReceived: new Date(r.createdAt / 1000),
    }),
  );
}
