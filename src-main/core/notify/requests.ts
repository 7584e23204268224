/**
 * The bodies and filters of Notify's endpoints, in Notify's field names
 * (docs/notify-api-reference.md §4).
 */

/** Personalisation as Notify takes it: strings, numbers, booleans, lists, file objects. */
export type Personalisation = Record<string, unknown>;

/** POST /v2/notifications/sms body, in Notify's field names (reference §4.1). */
export type SendSmsRequest = {
  phone_number: string;
  template_id: string;
  personalisation?: Personalisation;
  reference?: string;
  sms_sender_id?: string;
  scheduled_for?: string | null;
};

/** POST /v2/notifications/email body (reference §4.2). */
export type SendEmailRequest = {
  email_address: string;
  template_id: string;
  personalisation?: Personalisation;
  reference?: string;
  email_reply_to_id?: string;
  one_click_unsubscribe_url?: string;
  sanitise_content_for?: string[] | null;
  scheduled_for?: string | null;
};

/** POST /v2/notifications/letter body for a templated letter; the address is in personalisation (§4.3). */
export type SendLetterRequest = {
  template_id: string;
  personalisation: Personalisation;
  reference?: string;
};

/** POST /v2/notifications/letter body for a precompiled PDF (§4.4). */
export type SendPrecompiledLetterRequest = {
  /** Notify requires one; the client makes one when it is missing, as for other sends. */
  reference?: string;
  /** The PDF: bytes, or already base64-encoded text. */
  content: Uint8Array | string;
  postage?: 'first' | 'second' | 'economy';
};

/** Filters of GET /v2/notifications; lists are sent as repeated parameters, as Notify reads them. */
export type GetNotificationsFilters = {
  template_type?: string | readonly string[];
  status?: string | readonly string[];
  reference?: string;
  older_than?: string;
  include_jobs?: boolean;
};
