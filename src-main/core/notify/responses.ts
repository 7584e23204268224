/**
 * The shapes of Notify's answers, checked at the edge.
 *
 * Checked loosely on purpose: the fields the console relies on must be there with the right types
 * (reference §4), and anything else Notify adds passes through untouched. An answer that fails the
 * check did not come from Notify, or came through something that mangled it; the client reports
 * that as a typed error instead of handing on a half-shaped object.
 */
import { z } from 'zod';
import type { NotifyAppError, NotifyErrorEntry } from './errors';
import type { JsonValue } from '../ports';

const nullableString = z.string().nullable();
const templateType = z.enum(['sms', 'email', 'letter']);
const templateRef = z.looseObject({ id: z.string(), version: z.number(), uri: z.string() });
const links = z.looseObject({ current: z.string(), next: z.string().optional() });

const sendCommon = {
  id: z.string(),
  reference: nullableString,
  uri: z.string(),
  template: templateRef,
  scheduled_for: nullableString.optional(),
};

/** POST /v2/notifications/sms → 201 (§4.1). */
export const sendSmsResponse = z.looseObject({
  ...sendCommon,
  content: z.looseObject({ body: z.string(), from_number: z.string() }),
});
/** The checked shape of `sendSmsResponse`. */
export type SendSmsResponse = z.infer<typeof sendSmsResponse>;

/** POST /v2/notifications/email → 201 (§4.2). */
export const sendEmailResponse = z.looseObject({
  ...sendCommon,
  content: z.looseObject({
    body: z.string(),
    subject: z.string(),
    from_email: z.string(),
    one_click_unsubscribe_url: nullableString.optional(),
  }),
});
/** The checked shape of `sendEmailResponse`. */
export type SendEmailResponse = z.infer<typeof sendEmailResponse>;

/** POST /v2/notifications/letter → 201 for a templated letter (§4.3). */
export const sendLetterResponse = z.looseObject({
  ...sendCommon,
  content: z.looseObject({ body: z.string(), subject: z.string() }),
});
/** The checked shape of `sendLetterResponse`. */
export type SendLetterResponse = z.infer<typeof sendLetterResponse>;

/** POST /v2/notifications/letter → 201 for a precompiled PDF (§4.4). */
export const sendPrecompiledLetterResponse = z.looseObject({
  id: z.string(),
  reference: nullableString,
  postage: nullableString.optional(),
});
/** The checked shape of `sendPrecompiledLetterResponse`. */
export type SendPrecompiledLetterResponse = z.infer<typeof sendPrecompiledLetterResponse>;

/** GET /v2/notifications/{id} → 200 (§4.5). */
export const notification = z.looseObject({
  id: z.string(),
  reference: nullableString,
  type: templateType,
  status: z.string(),
  template: templateRef,
  body: z.string(),
  subject: nullableString.optional(),
  created_at: z.string(),
  sent_at: nullableString.optional(),
  completed_at: nullableString.optional(),
  email_address: nullableString.optional(),
  phone_number: nullableString.optional(),
});
/** The checked shape of `notification`. */
export type Notification = z.infer<typeof notification>;

/** GET /v2/notifications → 200: a page of 250, newest first, with `links.next` (§4.6). */
export const notificationList = z.looseObject({ notifications: z.array(notification), links });
/** The checked shape of `notificationList`. */
export type NotificationList = z.infer<typeof notificationList>;

/** GET /v2/template/{id}[/version/{v}] → 200 (§4.8). */
export const template = z.looseObject({
  id: z.string(),
  name: z.string(),
  type: templateType,
  version: z.number(),
  body: z.string(),
  subject: nullableString.optional(),
  created_at: z.string(),
  updated_at: nullableString.optional(),
  created_by: z.string().optional(),
  personalisation: z.record(z.string(), z.looseObject({ required: z.boolean() })).optional(),
  postage: nullableString.optional(),
  letter_contact_block: nullableString.optional(),
});
/** The checked shape of `template`. */
export type Template = z.infer<typeof template>;

/** GET /v2/templates → 200 (§4.9). */
export const templateList = z.looseObject({ templates: z.array(template) });
/** The checked shape of `templateList`. */
export type TemplateList = z.infer<typeof templateList>;

/** POST /v2/template/{id}/preview → 200 (§4.10). */
export const templatePreview = z.looseObject({
  id: z.string(),
  type: templateType,
  version: z.number(),
  body: z.string(),
  html: nullableString.optional(),
  subject: nullableString.optional(),
  postage: nullableString.optional(),
});
/** The checked shape of `templatePreview`. */
export type TemplatePreview = z.infer<typeof templatePreview>;

/** One received text message (§4.11). */
export const receivedText = z.looseObject({
  id: z.string(),
  created_at: z.string(),
  service_id: z.string(),
  notify_number: z.string(),
  user_number: z.string(),
  content: z.string(),
});
/** The checked shape of `receivedText`. */
export type ReceivedText = z.infer<typeof receivedText>;

/** GET /v2/received-text-messages → 200 (§4.11). */
export const receivedTextList = z.looseObject({ received_text_messages: z.array(receivedText), links });
/** The checked shape of `receivedTextList`. */
export type ReceivedTextList = z.infer<typeof receivedTextList>;

/** Notify's error envelopes, once recognised. */
export type ErrorEnvelope = { kind: 'v2'; errors: NotifyErrorEntry[] } | { kind: 'app'; app: NotifyAppError };

function isRecord(v: unknown): v is Record<string, JsonValue> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Recognises Notify's v2 envelope (`{"status_code", "errors": [{error, message}]}`) or its app-level
 * one (`{"result": "error", "message"}`), reference §1. Anything else is not Notify's error.
 */
export function parseErrorEnvelope(value: unknown): ErrorEnvelope | null {
  if (!isRecord(value)) return null;
  const errors = value.errors;
  if (Array.isArray(errors) && errors.length > 0) {
    const entries: NotifyErrorEntry[] = [];
    for (const e of errors) {
      if (!isRecord(e) || typeof e.message !== 'string') return null;
      entries.push({ ...e, error: typeof e.error === 'string' ? e.error : '', message: e.message });
    }
    return { kind: 'v2', errors: entries };
  }
  if (typeof value.result === 'string' && value.message !== undefined && value.message !== null) {
    // The unsubscribe route nests its message in an object; show its text either way.
    const message = typeof value.message === 'string' ? value.message : flatten(value.message);
    return { kind: 'app', app: { result: value.result, message } };
  }
  return null;
}

function flatten(v: JsonValue): string {
  if (isRecord(v)) return Object.values(v).map(flatten).join(' ');
  if (Array.isArray(v)) return v.map(flatten).join(' ');
  return String(v);
}

/** Parses bytes as JSON, or returns undefined. */
export function parseJson(body: Uint8Array): unknown {
  if (body.byteLength === 0) return undefined;
  try {
    return JSON.parse(new TextDecoder('utf-8').decode(body)) as unknown;
  } catch {
    return undefined;
  }
}
