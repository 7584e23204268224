/**
 * Notify's resources as the API v2 returns them, defined once: the core parses Notify's answers
 * with these schemas, the contract carries them to the renderer with the same schemas, and every
 * layer types them from here (docs/notify-api-reference.md §4).
 *
 * Checked loosely on purpose: the fields the console relies on must be there with the right types,
 * and anything else Notify adds passes through untouched. A nullable field Notify may leave out is
 * filled with null, so what the renderer gets always has it. An answer that fails the check did
 * not come from Notify, or came through something that mangled it.
 */
import { z } from 'zod';

const nullableString = z.string().nullable();
/** A nullable field that may be absent: absent reads as null. */
const optionalNullableString = nullableString.default(null);
export const templateType = z.enum(['sms', 'email', 'letter']);
const templateRef = z.looseObject({ id: z.string(), version: z.number(), uri: z.string() });
const links = z.looseObject({ current: z.string(), next: z.string().optional() });

const sendCommon = {
  id: z.string(),
  reference: nullableString,
  uri: z.string(),
  template: templateRef,
  scheduled_for: optionalNullableString,
};

/** POST /v2/notifications/sms → 201 (§4.1). */
export const sendSmsResponse = z.looseObject({
  ...sendCommon,
  content: z.looseObject({ body: z.string(), from_number: z.string() }),
});
export type SendSmsResponse = z.infer<typeof sendSmsResponse>;

/** POST /v2/notifications/email → 201 (§4.2). */
export const sendEmailResponse = z.looseObject({
  ...sendCommon,
  content: z.looseObject({
    body: z.string(),
    subject: z.string(),
    from_email: z.string(),
    one_click_unsubscribe_url: optionalNullableString,
  }),
});
export type SendEmailResponse = z.infer<typeof sendEmailResponse>;

/** POST /v2/notifications/letter → 201 for a templated letter (§4.3). */
export const sendLetterResponse = z.looseObject({
  ...sendCommon,
  content: z.looseObject({ body: z.string(), subject: z.string() }),
});
export type SendLetterResponse = z.infer<typeof sendLetterResponse>;

/** POST /v2/notifications/letter → 201 for a precompiled PDF (§4.4). */
export const sendPrecompiledLetterResponse = z.looseObject({
  id: z.string(),
  reference: nullableString,
  postage: optionalNullableString,
});
export type SendPrecompiledLetterResponse = z.infer<typeof sendPrecompiledLetterResponse>;

/** Any send's answer, as the console hands it on. */
export const sendResponse = z.union([
  sendSmsResponse,
  sendEmailResponse,
  sendLetterResponse,
  sendPrecompiledLetterResponse,
]);
export type SendResponse = z.infer<typeof sendResponse>;

/** GET /v2/notifications/{id} → 200 (§4.5). */
export const notification = z.looseObject({
  id: z.string(),
  reference: nullableString,
  type: templateType,
  status: z.string(),
  template: templateRef,
  body: z.string(),
  subject: optionalNullableString,
  created_at: z.string(),
  sent_at: optionalNullableString,
  completed_at: optionalNullableString,
  email_address: optionalNullableString,
  phone_number: optionalNullableString,
});
export type Notification = z.infer<typeof notification>;

/** GET /v2/notifications → 200: a page of 250, newest first, with `links.next` (§4.6). */
export const notificationList = z.looseObject({ notifications: z.array(notification), links });
export type NotificationList = z.infer<typeof notificationList>;

/** GET /v2/template/{id}[/version/{v}] → 200 (§4.8). */
export const template = z.looseObject({
  id: z.string(),
  name: z.string(),
  type: templateType,
  version: z.number(),
  body: z.string(),
  subject: optionalNullableString,
  created_at: z.string(),
  updated_at: optionalNullableString,
  created_by: z.string().optional(),
  personalisation: z.record(z.string(), z.looseObject({ required: z.boolean() })).optional(),
  postage: optionalNullableString,
  letter_contact_block: optionalNullableString,
});
export type Template = z.infer<typeof template>;

/** GET /v2/templates → 200 (§4.9). */
export const templateList = z.looseObject({ templates: z.array(template) });
export type TemplateList = z.infer<typeof templateList>;

/** POST /v2/template/{id}/preview → 200 (§4.10). */
export const templatePreview = z.looseObject({
  id: z.string(),
  type: templateType,
  version: z.number(),
  body: z.string(),
  html: optionalNullableString,
  subject: optionalNullableString,
  postage: optionalNullableString,
});
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
export type ReceivedText = z.infer<typeof receivedText>;

/** GET /v2/received-text-messages → 200 (§4.11). */
export const receivedTextList = z.looseObject({ received_text_messages: z.array(receivedText), links });
export type ReceivedTextList = z.infer<typeof receivedTextList>;
