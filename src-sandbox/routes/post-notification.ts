/**
 * POST /v2/notifications/{sms|email|letter}: Notify's send, in Notify's processing order (reference §5).
 *
 * This module keeps the order of the steps; each step's rules live beside it: the request schemas
 * (`send-schemas.ts`), personalisation (`send-personalisation.ts`), senders (`service-senders.ts`), the
 * recipient (`send-recipient.ts`), letters (`post-letter.ts`, `post-precompiled-letter.ts`).
 */
import { randomUUID } from 'node:crypto';
import { missingPersonalisation, type Personalisation } from '../../src-shared/template';
import { isSimulatedRecipient } from '../../src-shared/recipients/format-recipient';
import type { TemplateType } from '../../src-shared/statuses';
import type { SandboxContext } from '../context';
import {
  badRequest,
  json,
  parseJsonBody,
  V2Error,
  validationError,
  type SandboxRequest,
  type SandboxResponse,
} from '../http';
import { parseUuid } from '../json';
import type { StoredNotification } from '../model';
import { validateObject } from '../schema';
import { createdResponse } from './created-response';
import { createLetter } from './post-letter';
import { postPrecompiledLetter } from './post-precompiled-letter';
import { senderFields, type Sender } from './send-origin';
import { isFileObject, isObject, sanitiseContent, stringifyFileless } from './send-personalisation';
import { checkRecipient } from './send-recipient';
import { schemasFor } from './send-schemas';
import { checkSenders, fromEmail } from './service-senders';
import { templateVersion } from './template-views';

const SMS_CHAR_COUNT_LIMIT = 918;
const EMAIL_BYTE_LIMIT = 2_000_000;
const QR_MAX_BYTES = 504;
const TYPE_WORDS: Record<TemplateType, string> = { sms: 'text messages', email: 'emails', letter: 'letters' };

/** The handler for one notification type; auth has run, the path's type is known. */
export async function postNotification(
  req: SandboxRequest,
  ctx: SandboxContext,
  auth: Sender,
  type: TemplateType,
): Promise<SandboxResponse> {
  const { service, key } = auth;
  // 2. Limits run before the body is read, so an invalid body still gets a 429.
  // (Sends from the admin site skip the API's token bucket, not the daily limits.)
  if (!auth.origin) ctx.limits.checkRateLimit(service, key.keyType);
  ctx.limits.checkDailyLimit(service, key.keyType, type);
  // 3. Body.
  const body = parseJsonBody(req.body);
  if (type === 'letter') {
    // `post_precompiled_letter_notification` owns this route: `"content" in request_json` picks the
    // precompiled path (for a list that is membership, for a string a substring; Notify's TypeError for a
    // number or `true` is answered below as the schema's message instead of a 500).
    const content = isObject(body)
      ? Object.hasOwn(body, 'content')
      : (Array.isArray(body) || typeof body === 'string') && body.includes('content');
    if (content) return postPrecompiledLetter(req, ctx, auth, body);
    // Otherwise it calls `post_notification("letter")`, which checks both limits again: a templated letter
    // takes two tokens from the bucket.
    if (!auth.origin) ctx.limits.checkRateLimit(service, key.keyType);
    ctx.limits.checkDailyLimit(service, key.keyType, type);
  }
  // 4. Schema.
  const errors = validateObject(body, schemasFor(ctx)[type]);
  if (errors.length) throw validationError(errors);
  const form = body as Record<string, unknown>;
  // 5. Permission.
  if (!service.permissions.includes(type))
    throw badRequest(`Service is not allowed to send ${TYPE_WORDS[type]}`);
  const personalisation: Personalisation = {
    ...((form.personalisation as Personalisation | undefined) ?? {}),
  };
  // 6. sanitise_content_for (email).
  const sanitised: Record<string, { sanitised: string; unsanitised: string }> = {};
  if (type === 'email' && Array.isArray(form.sanitise_content_for)) {
    sanitiseContent(personalisation, form.sanitise_content_for, sanitised);
  }
  // 7. Template.
  const templateId = parseUuid(form.template_id)!;
  const template = ctx.store.templates.get(templateId);
  if (!template || template.serviceId !== service.id || template.hidden)
    throw badRequest('Template not found');
  if (template.type !== type)
    throw badRequest(`${template.type} template is not suitable for ${type} notification`);
  if (template.archived) throw badRequest('Template has been deleted');
  const version = templateVersion(template);
  const parts = {
    type,
    subject: version.subject ?? null,
    content: version.content,
    letterContactBlock: version.letter_contact_block ?? null,
  };
  const stringValues = stringifyFileless(personalisation);
  if (type === 'letter') {
    // `has_qr_code_with_too_much_data`: the content and values escaped separately, before any typography.
    const qr = await ctx.renders.render('oversizedQrCode', version.content, stringValues, QR_MAX_BYTES);
    if (qr) {
      throw new V2Error(400, [
        {
          error: 'ValidationError',
          message: 'Cannot create a usable QR code - the link is too long',
          data: qr.data,
          num_bytes: qr.numBytes,
          max_bytes: QR_MAX_BYTES,
        },
      ]);
    }
  }
  const missing = missingPersonalisation(parts, personalisation);
  if (missing.length) throw badRequest(`Missing personalisation: ${missing.join(', ')}`);
  // SMS: the unsanitised text decides emptiness here and the counts later (same values: no files).
  const smsUnsanitised =
    type === 'sms'
      ? await ctx.renders.render('renderSmsUnsanitised', version.content, stringValues)
      : undefined;
  if (
    smsUnsanitised !== undefined
      ? smsUnsanitised === ''
      : await ctx.renders.render('isMessageEmpty', parts, stringValues)
  )
    throw badRequest('Your message is empty.');
  const fileKeys = Object.keys(personalisation).filter((k) => isFileObject(personalisation[k]));
  if (fileKeys.length && type !== 'email') throw badRequest('Can only send a file by email');
  // 8. Senders.
  const fromNumber = checkSenders(type, form, service);
  const reference = typeof form.reference === 'string' ? form.reference : null;
  if (type === 'letter') return createLetter(req, ctx, auth, template, version, personalisation, reference);

  // 10. Recipient.
  const raw = String(type === 'sms' ? form.phone_number : form.email_address);
  const { to, normalisedTo, phone } = checkRecipient(ctx, service, key.keyType, type, raw);
  // 11. Simulated recipients are validated fully but never stored.
  const simulated = isSimulatedRecipient(normalisedTo, type);
  const id = randomUUID();
  // 12. Files.
  if (fileKeys.length) {
    await ctx.documents.processUploads(service, id, personalisation, fileKeys, req.urlRoot, simulated);
  }
  const values = fileKeys.length ? stringifyFileless(personalisation) : stringValues;
  // 13. Length.
  let bodyText: string;
  let subject: string | null = null;
  let fragments = 0;
  if (type === 'sms') {
    const info = await ctx.renders.render(
      'smsMessageInfo',
      version.content,
      values,
      service.prefix_sms ? service.name : null,
      smsUnsanitised,
    );
    bodyText = info.body;
    if (info.isTooLong)
      throw badRequest(
        `Your message is too long. Text messages cannot be longer than ${SMS_CHAR_COUNT_LIMIT} characters. Your message is ${info.characterCount} characters long.`,
      );
    fragments = info.fragmentCount;
  } else {
    bodyText = await ctx.renders.render('renderEmailBody', version.content, values);
    subject = await ctx.renders.render('renderEmailSubject', version.subject ?? '', values);
    const bytes = Buffer.byteLength(bodyText, 'utf8');
    if (bytes > EMAIL_BYTE_LIMIT)
      throw badRequest(
        `Your message is too long. Emails cannot be longer than ${EMAIL_BYTE_LIMIT} bytes. Your message is ${bytes} bytes.`,
      );
  }
  const oneClick = typeof form.one_click_unsubscribe_url === 'string' ? form.one_click_unsubscribe_url : null;
  // 14. Persist (unless simulated) and answer.
  if (!simulated) {
    const n: StoredNotification = {
      id,
      serviceId: service.id,
      ...senderFields(auth),
      keyType: key.keyType,
      type,
      templateId: template.id,
      templateVersion: version.version,
      to,
      normalisedTo,
      reference,
      body: bodyText,
      subject,
      address: null,
      status: 'created',
      createdAt: ctx.clock.nowMicros(),
      sentAt: null,
      updatedAt: null,
      billableUnits: 0,
      rateMultiplier: phone?.rateMultiplier ?? 1,
      postage: null,
      international: phone ? !phone.isUk : false,
      oneClickUnsubscribeUrl: oneClick,
      precompiled: false,
      history: [],
    };
    n.history.push({ status: 'created', at: n.createdAt });
    await ctx.store.addNotification(n);
    ctx.lifecycle.start(n, { fragments, hasReceipts: phone?.hasDeliveryReceipts ?? true });
  }
  if (type === 'sms') {
    const content = { body: bodyText, from_number: fromNumber };
    return json(201, createdResponse(req, service, template.id, version.version, id, reference, content));
  }
  const content = {
    body: bodyText,
    from_email: fromEmail(service),
    one_click_unsubscribe_url: oneClick,
    subject,
  };
  const created = json(
    201,
    createdResponse(req, service, template.id, version.version, id, reference, content, sanitised),
  );
  // Notify uploads each file to Document Download before it answers.
  if (fileKeys.length) created.latencyRoute = 'post_email_with_file';
  return created;
}
