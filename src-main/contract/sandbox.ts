/**
 * The Sandbox panel's part of the contract (issues 9.2 and 14.4): the embedded sandbox's services,
 * keys, templates, received texts, faults, clock, settings (its four callbacks among them) and
 * inbox, where an email can get a recipient's complaint, spread into the tables in ./methods.ts.
 *
 * The core calls the sandbox's control API with a secret the renderer never sees. API keys come
 * out masked (`name-<service id>-••••1234`); the one exception is `sandbox.copyKey` in browser mode,
 * which answers the key to that one call so the page can put it on the clipboard (the desktop app
 * writes the clipboard itself and answers no key). A callback's bearer token goes in and never
 * comes out: settings answer the URLs only. Inputs are strict and bounded like the sandbox's own
 * control API's: a key name of 255 characters, an inbound text of 918, a fault's latency of two
 * minutes, a clock moved by a year at most, a callback URL of 2,048 and a token of 10 to 1,024.
 */
import { z } from 'zod';
import { MAX_EMAIL_ADDRESS_LENGTH, MAX_REFERENCE_LENGTH } from '../../src-shared/notify/limits';
import { receivedText } from '../../src-shared/notify/resources';
import { STATUS_FILTER_VALUES } from '../../src-shared/statuses';
import { publicProfile, templateType, uuid } from './schemas';

/** The statuses a notification can be forced to: Notify's, without the list filters' aliases. */
const FORCED_STATUSES = STATUS_FILTER_VALUES.filter(
  (s) => s !== 'accepted' && s !== 'received' && s !== 'failed',
) as [string, ...string[]];

const sandboxKeyType = z.enum(['normal', 'team', 'test']);

const panelKey = z.object({
  id: z.string(),
  name: z.string(),
  keyType: sandboxKeyType,
  /** `name-<service id>-••••<last 4>`: never the secret. */
  masked: z.string(),
  revoked: z.boolean(),
});
export type PanelKey = z.infer<typeof panelKey>;

const panelTemplate = z.object({
  id: z.string(),
  name: z.string(),
  type: templateType,
  /** The latest version, when Notify's template list could tell it (archived ones are not listed there). */
  version: z.number().nullable(),
  archived: z.boolean(),
});

const panelService = z.object({
  id: z.string(),
  name: z.string(),
  restricted: z.boolean(),
  keys: z.array(panelKey),
  templates: z.array(panelTemplate),
});
export type PanelService = z.infer<typeof panelService>;

/** A fault the sandbox applies to requests, or a service whose daily limits the panel set to zero. */
const panelFault = z.object({
  id: z.string(),
  kind: z.enum(['latency', 'slow_network', 'error', 'drop', 'daily-limit']),
  status: z.number().nullable(),
  latencyMs: z.number().nullable(),
  /** Requests left before it ends by itself; null: until removed. */
  remaining: z.number().nullable(),
  hits: z.number(),
  pathPrefix: z.string(),
  method: z.string().nullable(),
  phase: z.enum(['before', 'after']),
  retryAfter: z.number().nullable(),
  /** The service a daily-limit fault is on. */
  serviceId: z.string().nullable(),
  /** One line for a person: "500 Internal server error on /v2/ requests, until removed". */
  summary: z.string(),
});
export type PanelFault = z.infer<typeof panelFault>;

const panelClock = z.object({
  now: z.string(),
  skewSeconds: z.number(),
  timeScale: z.number(),
  pendingEvents: z.number(),
});
export type PanelClock = z.infer<typeof panelClock>;

const panelOverview = z.object({
  state: z.enum(['off', 'running', 'restarting', 'stopped', 'damaged']),
  /** Why it is not running, for the user; null while it runs. */
  message: z.string().nullable(),
  url: z.string().nullable(),
  services: z.array(panelService),
  faults: z.array(panelFault),
  clock: panelClock.nullable(),
  /** Modelled response times (`realistic`, Notify's per route) or none, and the seed of their streams. */
  latency: z.object({ mode: z.string(), seed: z.number() }).nullable(),
  /** Notifications the sandbox holds. */
  notificationCount: z.number().nullable(),
});
export type PanelOverview = z.infer<typeof panelOverview>;

const dailyLimits = z.object({
  email: z.number(),
  sms: z.number(),
  letter: z.number(),
  international_sms: z.number(),
});

export const SANDBOX_PERMISSIONS = [
  'sms',
  'email',
  'letter',
  'international_sms',
  'international_letters',
  'inbound_sms',
  'sms_to_uk_landlines',
] as const;

const panelServiceSettings = z.object({
  id: z.string(),
  name: z.string(),
  active: z.boolean(),
  restricted: z.boolean(),
  rateLimit: z.number(),
  limits: dailyLimits,
  permissions: z.array(z.string()),
  /** Callback URLs only: their bearer tokens stay in the sandbox. */
  deliveryStatusCallbackUrl: z.string().nullable(),
  receivedTextCallbackUrl: z.string().nullable(),
  returnedLetterCallbackUrl: z.string().nullable(),
  complaintCallbackUrl: z.string().nullable(),
});
export type PanelServiceSettings = z.infer<typeof panelServiceSettings>;

const limitValue = z.number().int().nonnegative().max(100_000_000);
const callbackUrl = z.string().min(1).max(2048);
const callbackSetting = z
  .strictObject({ url: callbackUrl, bearerToken: z.string().min(10).max(1024) })
  .nullable();

/** A notification as the inbox lists it (GET /_sandbox/notifications). */
const inboxItem = z.object({
  id: z.string(),
  serviceId: z.string(),
  serviceName: z.string().nullable(),
  keyType: sandboxKeyType,
  /** The key's name, null for a send the admin site (or a job) made. */
  apiKeyName: z.string().nullable(),
  createdByName: z.string().nullable(),
  type: templateType,
  status: z.string(),
  to: z.string().nullable(),
  reference: z.string().nullable(),
  templateId: z.string(),
  templateName: z.string().nullable(),
  templateVersion: z.number(),
  subject: z.string().nullable(),
  bodyPreview: z.string(),
  createdAt: z.string(),
});
export type InboxItem = z.infer<typeof inboxItem>;

/** Notifications one `sandbox.inbox` page holds at most. */
const INBOX_PAGE_MAX = 500;

const inboxFilters = z.strictObject({
  /** A phone number or email address however written, or part of a letter's address. */
  recipient: z.string().trim().min(1).max(MAX_EMAIL_ADDRESS_LENGTH).optional(),
  templateId: uuid.optional(),
  type: templateType.optional(),
  reference: z.string().min(1).max(MAX_REFERENCE_LENGTH).optional(),
  serviceId: uuid.optional(),
});
export type InboxFilters = z.infer<typeof inboxFilters>;

/** What the recipient sees: a phone's text, an email's HTML page, a letter's PDF. */
const inboxRendered = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sms'), text: z.string() }),
  z.object({ kind: z.literal('email'), subject: z.string(), html: z.string() }),
  z.object({ kind: z.literal('letter'), pdfBase64: z.string() }),
  /** Not (yet) there: a letter's PDF is made a moment after the send; a failed letter has none. */
  z.object({ kind: z.literal('unavailable'), message: z.string() }),
]);
export type InboxRendered = z.infer<typeof inboxRendered>;

const empty = z.strictObject({});
const faults = z.object({ faults: z.array(panelFault) });

export const sandboxMethods = {
  /** Everything the panel shows first: state, services with masked keys, templates, faults, clock. */
  'sandbox.panel': { input: empty, output: panelOverview },
  'sandbox.createKey': {
    input: z.strictObject({
      serviceId: uuid,
      name: z.string().trim().min(1).max(255),
      keyType: sandboxKeyType,
    }),
    output: z.object({ key: panelKey }),
  },
  'sandbox.revokeKey': { input: z.strictObject({ keyId: uuid }), output: z.object({ key: panelKey }) },
  /**
   * The desktop app writes the key to the clipboard itself (`copied: true`, no key). Browser mode
   * has no clipboard in the console's process: the key is answered to this call only, for the page
   * to write with navigator.clipboard, and never shown. These are keys of the local sandbox only.
   */
  'sandbox.copyKey': {
    input: z.strictObject({ keyId: uuid }),
    output: z.discriminatedUnion('copied', [
      z.object({ copied: z.literal(true) }),
      z.object({ copied: z.literal(false), apiKey: z.string() }),
    ]),
  },
  /** A stored profile for a sandbox key, in one call: saved in the vault as any profile's key. */
  'sandbox.addKeyProfile': {
    input: z.strictObject({ keyId: uuid }),
    output: z.object({ profile: publicProfile }),
  },
  'sandbox.receivedTexts': {
    input: z.strictObject({ serviceId: uuid }),
    output: z.object({ messages: z.array(receivedText) }),
  },
  'sandbox.injectInbound': {
    input: z.strictObject({
      serviceId: uuid,
      userNumber: z.string().trim().min(1).max(40),
      content: z.string().min(1).max(918),
    }),
    output: z.object({ id: z.string(), createdAt: z.string() }),
  },
  'sandbox.faults': { input: empty, output: faults },
  'sandbox.addFault': {
    input: z.strictObject({
      kind: z.enum(['latency', 'slow_network', 'error', 'drop']),
      status: z.number().int().min(400).max(599).optional(),
      latencyMs: z.number().int().min(0).max(120_000).optional(),
      count: z.number().int().positive().max(1_000_000).optional(),
      pathPrefix: z.string().startsWith('/').max(200).optional(),
      method: z.enum(['GET', 'POST']).optional(),
      phase: z.enum(['before', 'after']).optional(),
      retryAfter: z.number().int().nonnegative().max(86_400).optional(),
    }),
    output: faults,
  },
  /** Sets every daily limit of a service to 0 (Notify's 429 TooManyRequestsError), or puts them back. */
  'sandbox.setDailyLimitReached': {
    input: z.strictObject({ serviceId: uuid, reached: z.boolean() }),
    output: faults,
  },
  'sandbox.removeFault': { input: z.strictObject({ id: z.string().min(1).max(100) }), output: faults },
  'sandbox.clearFaults': { input: empty, output: faults },
  'sandbox.setClock': {
    input: z.strictObject({
      advanceSeconds: z
        .number()
        .nonnegative()
        .max(366 * 86_400)
        .optional(),
      skewSeconds: z.number().min(-86_400).max(86_400).optional(),
      timeScale: z.number().positive().max(1_000_000).optional(),
    }),
    output: panelClock,
  },
  'sandbox.setLatency': {
    input: z.strictObject({
      mode: z.enum(['realistic', 'none']),
      seed: z.number().int().min(0).max(0xffffffff).optional(),
    }),
    output: z.object({ mode: z.string(), seed: z.number() }),
  },
  /** Back to the starting fixture: everything sent is forgotten (the keys stay). Needs `confirm`. */
  'sandbox.reset': {
    input: z.strictObject({ confirm: z.literal(true) }),
    output: z.object({ reset: z.literal(true) }),
  },
  'sandbox.serviceSettings': { input: z.strictObject({ serviceId: uuid }), output: panelServiceSettings },
  'sandbox.updateService': {
    input: z.strictObject({
      serviceId: uuid,
      active: z.boolean().optional(),
      restricted: z.boolean().optional(),
      rateLimit: limitValue.optional(),
      limits: z
        .strictObject({
          email: limitValue.optional(),
          sms: limitValue.optional(),
          letter: limitValue.optional(),
          international_sms: limitValue.optional(),
        })
        .optional(),
      permissions: z.array(z.enum(SANDBOX_PERMISSIONS)).max(SANDBOX_PERMISSIONS.length).optional(),
      deliveryStatusCallback: callbackSetting.optional(),
      receivedTextCallback: callbackSetting.optional(),
      /** Letters the post office sends back (a letter forced to `returned-letter`). */
      returnedLetterCallback: callbackSetting.optional(),
      /** Recipients' complaints about emails (`sandbox.complain`). */
      complaintCallback: callbackSetting.optional(),
    }),
    output: panelServiceSettings,
  },
  'sandbox.createTemplate': {
    input: z.strictObject({
      serviceId: uuid,
      /** A new version of this template, when given. */
      templateId: uuid.optional(),
      name: z.string().trim().min(1).max(255),
      type: templateType,
      subject: z.string().max(1000).optional(),
      content: z.string().min(1).max(100_000),
    }),
    output: z.object({ id: z.string(), version: z.number() }),
  },
  /** Callbacks the sandbox sent (with each attempt) and one-click unsubscribes it received. */
  'sandbox.activity': {
    input: empty,
    output: z.object({
      callbacks: z.array(
        z.object({
          id: z.string(),
          kind: z.string(),
          url: z.string(),
          state: z.string(),
          attempts: z.number(),
          lastStatus: z.number().nullable(),
          lastError: z.string().nullable(),
        }),
      ),
      unsubscribes: z.array(z.object({ notificationId: z.string(), at: z.string() })),
    }),
  },
  /** A page of the inbox, newest first. */
  'sandbox.inbox': {
    input: z.strictObject({
      filters: inboxFilters.optional(),
      olderThan: uuid.optional(),
      pageSize: z.number().int().min(1).max(INBOX_PAGE_MAX).optional(),
    }),
    output: z.object({ notifications: z.array(inboxItem), nextOlderThan: z.string().nullable() }),
  },
  'sandbox.inboxRendered': { input: z.strictObject({ id: uuid }), output: inboxRendered },
  'sandbox.forceStatus': {
    input: z.strictObject({
      id: uuid,
      status: z.enum(FORCED_STATUSES),
    }),
    output: z.object({ status: z.string() }),
  },
  /**
   * The email's recipient reports it as spam: the sandbox records a complaint and sends it to the
   * service's complaint callback, when one is set. Emails only (a text or a letter is refused).
   */
  'sandbox.complain': {
    input: z.strictObject({ id: uuid }),
    output: z.object({
      complaintId: z.string(),
      complaintDate: z.string(),
      /** Where the complaint callback was sent (its URL, never its token); null: none is set. */
      callbackUrl: z.string().nullable(),
    }),
  },
} as const;

export const sandboxEvents = {
  /** The faults changed (the panel, a script, or a counted fault used up): the header's marker follows. */
  'sandbox.faults': faults,
  /** The inbox changed: new notifications, new statuses, a reset. */
  'sandbox.inboxChanged': z.object({ cursor: z.string() }),
} as const;
