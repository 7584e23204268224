/**
 * The bodies of Notify's service callbacks: delivery receipts, received text messages, returned letters
 * and complaints, field for field as API `app/celery/service_callback_tasks.py` and its callers build
 * them, with datetimes in Notify's format. Apart from the choice of callback (`service-callbacks.ts`)
 * and the sending (`callback-dispatcher.ts`).
 * Shared reference: notify-api-v2.md §7.6.
 */

/** A datetime as Notify writes it (`DATETIME_FORMAT`, `%Y-%m-%dT%H:%M:%S.%fZ`), in UTC. */
function notifyDatetime(date: Date): string {
  return `${date.toISOString().slice(0, 23)}000Z`;
}

/** A datetime input: a Date, or a string already in Notify's format (passed through). */
type DatetimeInput = Date | string;

function dt(value: DatetimeInput): string {
  return typeof value === 'string' ? value : notifyDatetime(value);
}

function dtOrNull(value: DatetimeInput | null | undefined): string | null {
  return value === null || value === undefined ? null : dt(value);
}

/** Inputs for {@link deliveryStatusPayload}. */
interface DeliveryStatusInput {
  id: string;
  /** The client reference, or null. */
  reference: string | null;
  /** The recipient as supplied (`notification.to`). */
  to: string;
  /** The internal status, for example `delivered` or `permanent-failure` (not the letter presentation names). */
  status: string;
  createdAt: DatetimeInput;
  /** `notification.updated_at`; null if never updated. */
  completedAt: DatetimeInput | null;
  sentAt: DatetimeInput | null;
  notificationType: 'sms' | 'email' | 'letter';
  templateId: string;
  templateVersion: number;
}

/** The delivery-status callback body (API `send_delivery_status_to_service`). */
export function deliveryStatusPayload(n: DeliveryStatusInput): Record<string, unknown> {
  return {
    id: n.id,
    reference: n.reference,
    to: n.to,
    status: n.status,
    created_at: dt(n.createdAt),
    completed_at: dtOrNull(n.completedAt),
    sent_at: dtOrNull(n.sentAt),
    notification_type: n.notificationType,
    template_id: n.templateId,
    template_version: n.templateVersion,
  };
}

/** Inputs for {@link inboundSmsPayload}. */
interface InboundSmsInput {
  id: string;
  /** The sender's number (`inbound_sms.user_number`), as received. */
  sourceNumber: string;
  /** The service's inbound number (`notify_number`). */
  destinationNumber: string;
  message: string;
  /** `provider_date`. */
  dateReceived: DatetimeInput;
}

/** The received-text-message callback body (API `send_inbound_sms_to_service`). */
export function inboundSmsPayload(sms: InboundSmsInput): Record<string, unknown> {
  return {
    id: sms.id,
    source_number: sms.sourceNumber,
    destination_number: sms.destinationNumber,
    message: sms.message,
    date_received: dt(sms.dateReceived),
  };
}

/** Inputs for {@link returnedLetterPayload}. */
interface ReturnedLetterInput {
  notificationId: string;
  /** The notification's client reference. */
  clientReference: string | null;
  /** When the letter was created; sent as `date_sent`. */
  createdAt: DatetimeInput;
  /** True when sent with an API key (`api_key_id` set): only then is `reference` filled in. */
  sentByApi: boolean;
  /** Email address of the user who sent it from the admin site; `sent_by` is "API" when absent. */
  senderEmail?: string | null;
  templateName: string | null;
  templateId: string;
  templateVersion: number | null;
  /** Precompiled letters use a hidden template, whose name, id and version are withheld. */
  templateHidden?: boolean;
}

/**
 * The returned-letter callback body (API `create_returned_letter_callback_data` and
 * `send_returned_letter_to_service`), quirks included: for a hidden (precompiled) template,
 * `template_id` is the string `"None"` (Python's `str(None)`). For a letter sent in a CSV job, Notify
 * fills in the spreadsheet's file name and the recipient's row in it (its 0-based `job_row_number`
 * plus 2, for the header row); the sandbox keeps no spreadsheet for its job rows, so both are null.
 */
export function returnedLetterPayload(letter: ReturnedLetterInput): Record<string, unknown> {
  const hidden = letter.templateHidden ?? false;
  return {
    notification_id: letter.notificationId,
    reference: letter.sentByApi ? letter.clientReference : null,
    date_sent: dt(letter.createdAt),
    sent_by: letter.senderEmail || 'API',
    template_name: hidden ? null : letter.templateName,
    template_id: hidden ? 'None' : letter.templateId,
    template_version: hidden ? null : letter.templateVersion,
    spreadsheet_file_name: null,
    spreadsheet_row_number: null,
    upload_letter_file_name: hidden && !letter.sentByApi ? letter.clientReference : null,
  };
}

/** Inputs for {@link complaintPayload}. */
interface ComplaintInput {
  notificationId: string;
  complaintId: string;
  /** The notification's client reference. */
  reference: string | null;
  /** The email address complained about. */
  to: string;
  complaintDate: DatetimeInput;
}

/** The complaint callback body (API `send_complaint_to_service`). */
export function complaintPayload(complaint: ComplaintInput): Record<string, unknown> {
  return {
    notification_id: complaint.notificationId,
    complaint_id: complaint.complaintId,
    reference: complaint.reference,
    to: complaint.to,
    complaint_date: dt(complaint.complaintDate),
  };
}
