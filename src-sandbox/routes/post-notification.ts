/**
 * POST /v2/notifications/{sms|email|letter}: Notify's send, in Notify's processing order (reference §5).
 */
import { randomUUID } from 'node:crypto';
import {
  isMessageEmpty,
  letterQrCodesForTemplate,
  missingPersonalisation,
  renderEmailBody,
  renderEmailSubject,
  renderLetterBody,
  renderLetterSubject,
  renderSmsUnsanitised,
  sanitiseContentValue,
  smsMessageInfo,
  type Personalisation,
} from '../../src-shared/template';
import {
  checkPhoneNumberPermissions,
  LEGACY_PHONE_MESSAGES,
  normalisePhoneNumber,
  parsePhoneNumber,
  type PhoneNumberInfo,
} from '../../src-shared/recipients/phone-number';
import { validateEmailAddress } from '../../src-shared/recipients/email-address';
import { allowedToSendTo, isSimulatedRecipient } from '../../src-shared/recipients/format-recipient';
import { validatePostalAddress } from '../../src-shared/recipients/postal-address';
import type { TemplateType } from '../../src-shared/statuses';
import type { AuthContext } from '../auth';
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
import type { Postage, Service, StoredNotification, Template } from '../model';
import {
  datetimeWithinNextDay,
  format,
  maxLength,
  oneOf,
  typed,
  uuidField,
  validateObject,
  withMessage,
  type ObjectSchema,
} from '../schema';
import { templateVersion } from './template-views';

const NOTIFY_EMAIL_DOMAIN = 'notifications.service.gov.uk';
const SMS_CHAR_COUNT_LIMIT = 918;
const EMAIL_BYTE_LIMIT = 2_000_000;
const QR_MAX_BYTES = 504;
const TYPE_WORDS: Record<TemplateType, string> = { sms: 'text messages', email: 'emails', letter: 'letters' };

/**
 * `parsePhoneNumber`, remembering the last answer: a send parses the same number in the schema and
 * again as the recipient. The result is read, never changed.
 */
let lastPhone: { raw: string; result: ReturnType<typeof parsePhoneNumber> } | null = null;
function parsePhone(raw: string): ReturnType<typeof parsePhoneNumber> {
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

function buildSchemas(nowMs: () => number): Record<TemplateType | 'precompiled', ObjectSchema> {
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

const schemaCache = new WeakMap<SandboxContext, Record<TemplateType | 'precompiled', ObjectSchema>>();

/** The request schemas, built once per sandbox (they read its clock for `scheduled_for`). */
function schemasFor(ctx: SandboxContext): Record<TemplateType | 'precompiled', ObjectSchema> {
  let s = schemaCache.get(ctx);
  if (!s) schemaCache.set(ctx, (s = buildSchemas(() => ctx.clock.nowMs())));
  return s;
}

/** The handler for one notification type; auth has run, the path's type is known. */
/**
 * Who sent a notification that did not come through the API: a one-off send from the admin site
 * (`created_by_name` is the user's name) or a row of a CSV job (listed only with `include_jobs`).
 */
export interface SendOrigin {
  createdByName: string | null;
  fromJob: boolean;
}

type Sender = AuthContext & { origin?: SendOrigin };

/** Fields that record who sent a notification: the API key, or the admin-site origin. */
function senderFields(auth: Sender): Pick<StoredNotification, 'apiKeyId' | 'createdByName' | 'fromJob'> {
  return {
    apiKeyId: auth.origin ? null : auth.key.id,
    createdByName: auth.origin?.createdByName ?? null,
    fromJob: auth.origin?.fromJob ?? false,
  };
}

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
    const content = isObj(body)
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
    for (const qr of letterQrCodesForTemplate(version.content, stringValues)) {
      if (qr.numBytes > QR_MAX_BYTES) {
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
  }
  const missing = missingPersonalisation(parts, personalisation);
  if (missing.length) throw badRequest(`Missing personalisation: ${missing.join(', ')}`);
  // SMS: the unsanitised text decides emptiness here and the counts later (same values: no files).
  const smsUnsanitised = type === 'sms' ? renderSmsUnsanitised(version.content, stringValues) : undefined;
  if (smsUnsanitised !== undefined ? smsUnsanitised === '' : isMessageEmpty(parts, stringValues))
    throw badRequest('Your message is empty.');
  const fileKeys = Object.keys(personalisation).filter((k) => isFileObject(personalisation[k]));
  if (fileKeys.length && type !== 'email') throw badRequest('Can only send a file by email');
  // 8. Senders.
  let fromNumber: string | null = null;
  if (type === 'email' && form.email_reply_to_id !== undefined) {
    const id = parseUuid(form.email_reply_to_id)!;
    if (!service.email_reply_to.some((r) => r.id === id && !r.archived))
      throw badRequest(
        `email_reply_to_id ${String(form.email_reply_to_id)} does not exist in database for service id ${service.id}`,
      );
  }
  if (type === 'sms') {
    if (form.sms_sender_id !== undefined) {
      const id = parseUuid(form.sms_sender_id)!;
      const sender = service.sms_senders.find((s) => s.id === id && !s.archived);
      if (!sender)
        throw badRequest(
          `sms_sender_id ${String(form.sms_sender_id)} does not exist in database for service id ${service.id}`,
        );
      fromNumber = normaliseSender(sender.sms_sender);
    } else {
      fromNumber = service.sms_senders.find((s) => s.is_default && !s.archived)?.sms_sender ?? 'GOVUK';
    }
  }
  const reference = typeof form.reference === 'string' ? form.reference : null;
  if (type === 'letter') return createLetter(req, ctx, auth, template, version, personalisation, reference);

  // 10. Recipient.
  const raw = String(type === 'sms' ? form.phone_number : form.email_address);
  const to = raw.trim();
  let phone: PhoneNumberInfo | null = null;
  let normalisedTo: string;
  if (type === 'sms') {
    const parsed = parsePhone(to);
    normalisedTo = parsed.ok ? parsed.value.normalised : (normalisePhoneNumber(to) ?? to);
  } else {
    const v = validateEmailAddress(to);
    normalisedTo = v.ok ? v.normalised : to.toLowerCase();
  }
  if (key.keyType !== 'test') checkRecipientAllowed(service, key.keyType, to);
  if (type === 'sms') {
    const parsed = parsePhone(to);
    if (!parsed.ok) throw V2Error.one(400, 'InvalidPhoneError', LEGACY_PHONE_MESSAGES[parsed.code]);
    phone = parsed.value;
    const problem = checkPhoneNumberPermissions(phone, {
      internationalSms: service.permissions.includes('international_sms'),
      smsToUkLandlines: service.permissions.includes('sms_to_uk_landlines'),
    });
    if (problem === 'NOT_A_UK_MOBILE' && !phone.isUk)
      throw badRequest('Cannot send to international mobile numbers');
    if (problem) throw V2Error.one(400, 'InvalidPhoneError', LEGACY_PHONE_MESSAGES[problem]);
    normalisedTo = phone.normalised;
    if (!phone.isUk) ctx.limits.checkDailyLimit(service, key.keyType, 'international_sms');
  }
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
    const info = smsMessageInfo(
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
    bodyText = renderEmailBody(version.content, values);
    subject = renderEmailSubject(version.subject ?? '', values);
    const bytes = Buffer.byteLength(bodyText, 'utf8');
    if (bytes > EMAIL_BYTE_LIMIT)
      throw badRequest(
        `Your message is too long. Emails cannot be longer than ${EMAIL_BYTE_LIMIT} bytes. Your message is ${bytes} bytes.`,
      );
  }
  const oneClick = typeof form.one_click_unsubscribe_url === 'string' ? form.one_click_unsubscribe_url : null;
  // 14. Persist (unless simulated) and answer.
  if (!simulated) {
    const sender = senderFields(auth);
    const n: StoredNotification = {
      id,
      serviceId: service.id,
      apiKeyId: sender.apiKeyId,
      createdByName: sender.createdByName,
      fromJob: sender.fromJob,
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
    from_email: `${service.email_sender_local_part ?? emailSafe(service.name)}@${NOTIFY_EMAIL_DOMAIN}`,
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

/** The 201 body of a templated send, built with its keys already in Flask's sorted order. */
function createdResponse(
  req: SandboxRequest,
  service: Service,
  templateId: string,
  version: number,
  id: string,
  reference: string | null,
  content: Record<string, unknown>,
  sanitisedContent?: Record<string, unknown>,
) {
  return {
    content,
    id,
    reference,
    sanitised_content: sanitisedContent,
    scheduled_for: null,
    template: {
      id: templateId,
      uri: `${req.urlRoot}services/${service.id}/templates/${templateId}`,
      version,
    },
    uri: `${req.urlRoot}v2/notifications/${id}`,
  };
}

async function createLetter(
  req: SandboxRequest,
  ctx: SandboxContext,
  auth: Sender,
  template: Template,
  version: ReturnType<typeof templateVersion>,
  personalisation: Personalisation,
  reference: string | null,
): Promise<SandboxResponse> {
  const { service, key } = auth;
  // 9. Letters.
  if (key.keyType === 'team')
    throw V2Error.one(403, 'BadRequestError', 'Cannot send letters with a team api key');
  if (service.restricted && key.keyType !== 'test')
    throw V2Error.one(403, 'BadRequestError', 'Cannot send letters when service is in trial mode');
  checkAddressLineLengths(personalisation);
  const address = validatePostalAddress(personalisation, {
    allowInternational: service.permissions.includes('international_letters'),
  });
  if (!address.ok) throw validationError([address.message]);
  const values = stringifyFileless(personalisation);
  const body = renderLetterBody(version.content, values);
  const subject = renderLetterSubject(version.subject ?? '', values);
  const postage: Postage = address.postage ?? version.postage ?? 'second';
  const id = randomUUID();
  const n: StoredNotification = {
    id,
    serviceId: service.id,
    ...senderFields(auth),
    keyType: key.keyType,
    type: 'letter',
    templateId: template.id,
    templateVersion: version.version,
    to: address.lines.join('\n'),
    normalisedTo: null,
    reference,
    body,
    subject,
    address: letterAddressFields(personalisation),
    status: key.keyType === 'test' ? 'sending' : 'created',
    createdAt: ctx.clock.nowMicros(),
    sentAt: null,
    updatedAt: null,
    billableUnits: 0,
    rateMultiplier: 1,
    postage,
    international: address.international,
    oneClickUnsubscribeUrl: null,
    precompiled: false,
    history: [],
  };
  n.history.push({ status: n.status, at: n.createdAt });
  await ctx.store.addNotification(n);
  ctx.lifecycle.startLetter(n, {
    addressLines: address.lines,
    contactBlock: version.letter_contact_block
      ? renderLetterBody(version.letter_contact_block, values)
      : null,
    subject: renderLetterBody(version.subject ?? '', values),
    body,
    serviceName: service.name,
  });
  return json(
    201,
    createdResponse(req, service, template.id, version.version, id, reference, { body, subject }),
  );
}

/**
 * The Notify Sandbox's own limit on a letter's address lines (Notify has none: it prints what fits the
 * 85 mm address window, about 45 capitals). Address checks read each line whole, so an unbounded line
 * would hold up every other request while they do.
 */
export const SANDBOX_MAX_ADDRESS_LINE = 10_000;
const ADDRESS_KEYS = [1, 2, 3, 4, 5, 6, 7].map((i) => `address_line_${i}`).concat('postcode');

function checkAddressLineLengths(personalisation: Personalisation): void {
  for (const key of ADDRESS_KEYS) {
    if (!Object.hasOwn(personalisation, key)) continue;
    const value = personalisation[key];
    const length = typeof value === 'string' ? value.length : (JSON.stringify(value)?.length ?? 0);
    if (length > SANDBOX_MAX_ADDRESS_LINE)
      throw validationError([
        `${key} is longer than the ${SANDBOX_MAX_ADDRESS_LINE} characters the Notify Sandbox accepts in an address line`,
      ]);
  }
}

/** `line_1`…`line_6` and `postcode` as GET shows them: personalisation keys matched case-insensitively. */
function letterAddressFields(p: Personalisation): { lines: (string | null)[]; postcode: string | null } {
  const lower = new Map<string, unknown>();
  for (const [k, v] of Object.entries(p)) lower.set(k.toLowerCase(), v);
  const get = (k: string) => {
    const v = lower.get(k);
    return v === undefined || v === null ? null : String(v);
  };
  return { lines: [1, 2, 3, 4, 5, 6].map((i) => get(`address_line_${i}`)), postcode: get('postcode') };
}

/** Precompiled letters (reference §4.4): stored and served back byte for byte. */
async function postPrecompiledLetter(
  req: SandboxRequest,
  ctx: SandboxContext,
  auth: Sender,
  input: unknown,
): Promise<SandboxResponse> {
  const { service, key } = auth;
  const errors = validateObject(input, schemasFor(ctx).precompiled);
  if (errors.length) throw validationError(errors);
  const body = input as Record<string, unknown>;
  if (!service.permissions.includes('letter')) throw badRequest('Service is not allowed to send letters');
  if (key.keyType === 'team')
    throw V2Error.one(403, 'BadRequestError', 'Cannot send letters with a team api key');
  if (service.restricted && key.keyType !== 'test')
    throw V2Error.one(403, 'BadRequestError', 'Cannot send letters when service is in trial mode');
  const pdf = decodePythonBase64(body.content as string);
  if (!pdf) throw badRequest('Cannot decode letter content (invalid base64 encoding)');
  const postage = (body.postage as Postage | undefined) ?? 'second';
  const reference = body.reference as string;
  const id = randomUUID();
  const n: StoredNotification = {
    id,
    serviceId: service.id,
    ...senderFields(auth),
    keyType: key.keyType,
    type: 'letter',
    templateId: precompiledTemplateId(service.id),
    templateVersion: 1,
    to: 'Provided as PDF',
    normalisedTo: null,
    reference,
    body: '',
    subject: 'Pre-compiled PDF',
    address: { lines: ['Provided as PDF', null, null, null, null, null], postcode: null },
    status: 'pending-virus-check',
    createdAt: ctx.clock.nowMicros(),
    sentAt: null,
    updatedAt: null,
    billableUnits: 0,
    rateMultiplier: 1,
    postage,
    international: false,
    oneClickUnsubscribeUrl: null,
    precompiled: true,
    history: [],
  };
  n.history.push({ status: n.status, at: n.createdAt });
  // The PDF is durable before the notification is acknowledged.
  await ctx.pdfs.put(id, pdf);
  await ctx.store.addNotification(n);
  ctx.lifecycle.startPrecompiled(n, pdf);
  // Notify uploads the PDF to S3 before it answers: the slowest send there is.
  return { ...json(201, { id, postage, reference }), latencyRoute: 'post_precompiled_letter' };
}

/** The hidden "Pre-compiled PDF" template each service has: a stable id derived from the service id. */
export function precompiledTemplateId(serviceId: string): string {
  const hex = serviceId.replace(/-/g, '');
  const flipped = [...hex].map((c) => (15 - parseInt(c, 16)).toString(16)).join('');
  return `${flipped.slice(0, 8)}-${flipped.slice(8, 12)}-4${flipped.slice(13, 16)}-8${flipped.slice(17, 20)}-${flipped.slice(20)}`;
}

/**
 * Python's lenient `base64.b64decode`: non-alphabet characters dropped, padding must then be right.
 */
export function decodePythonBase64(s: string): Buffer | null {
  const cleaned = s.replace(/[^A-Za-z0-9+/=]/g, '');
  const data = cleaned.replace(/=/g, '');
  const pads = cleaned.length - data.length;
  const rem = data.length % 4;
  if (rem === 1 || (rem === 2 && pads < 2) || (rem === 3 && pads < 1)) return null;
  return Buffer.from(data, 'base64');
}

/** Team keys, and live keys on a trial service, may only message team members and the guest list. */
function checkRecipientAllowed(service: Service, keyType: 'normal' | 'team', to: string) {
  if (keyType === 'normal' && !service.restricted) return;
  const allowlist = [
    ...service.team_members.flatMap((m) =>
      m.mobile_number ? [m.email_address, m.mobile_number] : [m.email_address],
    ),
    ...service.guest_list,
  ];
  if (allowedToSendTo(to, allowlist)) return;
  if (keyType === 'team') throw badRequest('Can’t send to this recipient using a team-only API key');
  throw badRequest(
    'Can’t send to this recipient when service is in trial mode – see https://www.notifications.service.gov.uk/trial-mode',
  );
}

function sanitiseContent(
  personalisation: Personalisation,
  keys: unknown[],
  out: Record<string, { sanitised: string; unsanitised: string }>,
): void {
  const wanted = new Set(
    keys.map((k) =>
      String(k)
        .toLowerCase()
        .replace(/[\s_-]/g, ''),
    ),
  );
  for (const [k, v] of Object.entries(personalisation)) {
    if (!wanted.has(k.toLowerCase().replace(/[\s_-]/g, ''))) continue;
    // Notify calls a string method here: a non-string value is a 500 (alphagov/notifications-api #4971).
    if (typeof v !== 'string') throw V2Error.one(500, 'TypeError', 'Internal server error');
    const s = sanitiseContentValue(v);
    if (s !== v) out[k] = { sanitised: s, unsanitised: v };
    personalisation[k] = s;
  }
}

export function isFileObject(v: unknown): v is Record<string, unknown> {
  return isObj(v) && Object.hasOwn(v, 'file');
}

function isObj(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Values for rendering: file objects (not yet replaced by links) render as empty until uploaded. */
function stringifyFileless(p: Personalisation): Personalisation {
  const out: Personalisation = {};
  for (const [k, v] of Object.entries(p)) out[k] = isFileObject(v) ? '' : v;
  return out;
}

function normaliseSender(sender: string): string {
  const digits = sender.replace(/[\s()+-]/g, '');
  if (/^\d+$/.test(digits)) return normalisePhoneNumber(sender) ?? digits;
  return sender;
}

function emailSafe(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9.\s_-]/g, '')
    .trim()
    .replace(/\s+/g, '.');
}
