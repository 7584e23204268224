/**
 * The request schemas of POST /v2/notifications/{type}, field for field in Notify's order.
 *
 * Their own module because the order of properties decides the order of Notify's validation errors,
 * and because the phone number's format check and the recipient step must read one parse: the memo
 * here is shared by both.
 */
import { LEGACY_PHONE_MESSAGES, parsePhoneNumber } from '../../src-shared/recipients/phone-number';
import { validateEmailAddress } from '../../src-shared/recipients/email-address';
import type { TemplateType } from '../../src-shared/statuses';
import type { SandboxContext } from '../context';
import {
  datetimeWithinNextDay,
  format,
  maxLength,
  oneOf,
  typed,
  uuidField,
  withMessage,
  type ObjectSchema,
} from '../schema';

/** One schema per template type, and the precompiled letter's. */
type SendSchemas = Record<TemplateType | 'precompiled', ObjectSchema>;

/**
 * `parsePhoneNumber`, remembering the last answer: a send parses the same number in the schema and
 * again as the recipient. The result is read, never changed.
 */
let lastPhone: { raw: string; result: ReturnType<typeof parsePhoneNumber> } | null = null;
export function parsePhone(raw: string): ReturnType<typeof parsePhoneNumber> {
  if (lastPhone?.raw === raw) return lastPhone.result;
  const result = parsePhoneNumber(raw);
  lastPhone = { raw, result };
  return result;
}

function phoneFormat(value: string): string | null {
  const r = parsePhone(value);
  return r.ok ? null : LEGACY_PHONE_MESSAGES[r.code];
}

function emailFormat(value: string): string | null {
  return validateEmailAddress(value).ok ? null : 'Not a valid email address';
}

function isHttpsUri(value: unknown): boolean {
  if (typeof value !== 'string' || !/^https/.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

function buildSchemas(nowMs: () => number): SendSchemas {
  const common = {
    template_id: uuidField,
    personalisation: typed(['object']),
    reference: typed(['string'], maxLength(1000)),
    scheduled_for: typed(['string', 'null'], datetimeWithinNextDay(nowMs)),
  };
  return {
    sms: {
      properties: {
        // Notify's schema order, which decides the order of errors.
        reference: common.reference,
        phone_number: typed(['string'], format(phoneFormat)),
        template_id: common.template_id,
        personalisation: common.personalisation,
        scheduled_for: common.scheduled_for,
        sms_sender_id: uuidField,
      },
      required: ['phone_number', 'template_id'],
      additionalProperties: false,
    },
    email: {
      properties: {
        reference: common.reference,
        email_address: typed(['string'], format(emailFormat)),
        template_id: common.template_id,
        personalisation: common.personalisation,
        scheduled_for: common.scheduled_for,
        email_reply_to_id: uuidField,
        one_click_unsubscribe_url: withMessage(isHttpsUri, 'is not a valid https url'),
        sanitise_content_for: typed(['array', 'null']),
      },
      required: ['email_address', 'template_id'],
      additionalProperties: false,
    },
    letter: {
      properties: {
        reference: common.reference,
        template_id: common.template_id,
        personalisation: common.personalisation,
      },
      required: ['template_id', 'personalisation'],
      additionalProperties: false,
    },
    precompiled: {
      properties: {
        reference: typed(['string']),
        content: typed(['string']),
        postage: oneOf(
          ['first', 'second', 'economy'],
          'invalid. It must be either first, second or economy.',
        ),
      },
      required: ['reference', 'content'],
      additionalProperties: false,
    },
  };
}

const schemaCache = new WeakMap<SandboxContext, SendSchemas>();

/** The request schemas, built once per sandbox (they read its clock for `scheduled_for`). */
export function schemasFor(ctx: SandboxContext): SendSchemas {
  let s = schemaCache.get(ctx);
  if (!s) schemaCache.set(ctx, (s = buildSchemas(() => ctx.clock.nowMs())));
  return s;
}
