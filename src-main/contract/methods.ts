/**
 * The one table of methods between the renderer and the core, and the table of events.
 *
 * Each method has a strict, bounded zod input and an output schema. Transports (Electron IPC, the
 * browser-mode HTTP host, tests) carry `{ method, input }` and return a Result; the dispatcher
 * validates both directions, so the renderer can only ask what is listed here.
 */
import { z } from 'zod';
import { MAX_API_KEY_LENGTH } from '../../src-shared/notify/api-key';
import { explanation } from '../../src-shared/notify/explanation';
import { MAX_URL_LENGTH } from '../../src-shared/notify/key-destination';
import {
  base64Length,
  MAX_EMAIL_ADDRESS_LENGTH,
  MAX_PRECOMPILED_PDF_BYTES,
  MAX_REFERENCE_LENGTH,
} from '../../src-shared/notify/limits';
import { PROFILE_NAME_INPUT_MAX } from '../../src-shared/notify/profile-fields';
import { receivedText, sendResponse, templatePreview } from '../../src-shared/notify/resources';
import { BULK_UPLOAD_BODY_BYTES, bulkEvents, bulkMethods } from './bulk';
import { archiveEvents, archiveMethods } from './archive';
import { callbackMethods } from './callbacks';
import { healthEvents, healthMethods } from './health';
import { sandboxEvents, sandboxMethods } from './sandbox';

export type { CallbackReplayResult } from './callbacks';
export type { ConsoleNotice, Diagnostics } from './health';
import {
  colour,
  keyTypeLabel,
  notification,
  observation,
  personalisation,
  profileId,
  publicProfile,
  requestLogEntry,
  shortText,
  template,
  templateType,
  uuid,
} from './schemas';

const empty = z.strictObject({});

const profileName = z.string().min(1).max(PROFILE_NAME_INPUT_MAX);
const baseUrl = z.string().min(1).max(MAX_URL_LENGTH);
const apiKey = z.string().min(1).max(MAX_API_KEY_LENGTH);
const proxy = z.string().max(MAX_URL_LENGTH).nullable();
/** A client reference, as long as Notify takes one. */
const reference = z.string().max(MAX_REFERENCE_LENGTH);

const connectionVerdict = z.enum([
  'ok',
  'bad-key',
  'revoked-key',
  'clock-skew',
  'service-archived',
  'dns',
  'tls',
  'proxy',
  'refused',
  'timeout',
  'unavailable',
  'rate-limited',
  'not-notify',
]);

const sendRequest = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('sms'),
    phone_number: z.string().max(100),
    template_id: uuid,
    personalisation: personalisation.optional(),
    reference: reference.optional(),
    sms_sender_id: uuid.optional(),
  }),
  z.strictObject({
    type: z.literal('email'),
    email_address: z.string().max(MAX_EMAIL_ADDRESS_LENGTH),
    template_id: uuid,
    personalisation: personalisation.optional(),
    reference: reference.optional(),
    email_reply_to_id: uuid.optional(),
    one_click_unsubscribe_url: z.string().max(2000).optional(),
  }),
  z.strictObject({
    type: z.literal('letter'),
    template_id: uuid,
    personalisation,
    reference: reference.optional(),
  }),
  z.strictObject({
    type: z.literal('precompiled'),
    reference: reference.min(1),
    /** Base64 PDF, at most 5 MB decoded as the official clients allow. */
    content: z
      .string()
      .max(base64Length(MAX_PRECOMPILED_PDF_BYTES), 'is larger than the 5 MB PDF Notify accepts'),
    postage: z.enum(['first', 'second', 'economy']).optional(),
  }),
]);
export type SendRequest = z.infer<typeof sendRequest>;

const historyFilters = z.strictObject({
  template_type: z.array(templateType).max(3).optional(),
  status: z.array(z.string().max(40)).max(20).optional(),
  reference: reference.optional(),
  include_jobs: z.boolean().optional(),
});
export type HistoryFilters = z.infer<typeof historyFilters>;

/** A profile named in a result: which profiles saw the same notification. */
const profileRef = z.object({ profileId: z.string(), profileName: z.string() });
export type ProfileRef = z.infer<typeof profileRef>;

/** A template's name at one version, for showing names instead of ids. */
const templateNameEntry = z.object({ id: z.string(), version: z.number(), name: z.string() });
export type TemplateNameEntry = z.infer<typeof templateNameEntry>;

const trackedNotification = z.object({
  profileId: z.string(),
  notification,
  observations: z.array(observation),
  final: z.boolean(),
  explanation: explanation.nullable(),
  /** The template's name at the notification's version, when Notify could tell it. */
  templateName: z.string().nullable().default(null),
});
export type TrackedNotification = z.infer<typeof trackedNotification>;

/** The method table: name → { input, output }. */
export const methods = {
  'app.status': {
    input: empty,
    output: z.object({
      version: z.string(),
      mode: z.enum(['electron', 'browser']),
      vault: z.object({
        kind: z.enum(['os-keychain', 'passphrase']),
        locked: z.boolean(),
        needsSetup: z.boolean(),
        reason: z.string().nullable(),
      }),
      sandboxUrl: z.string().nullable(),
      activeProfileId: z.string().nullable(),
    }),
  },
  'vault.setup': {
    input: z.strictObject({ passphrase: z.string().min(8).max(1024) }),
    output: z.object({ locked: z.boolean() }),
  },
  'vault.unlock': {
    input: z.strictObject({ passphrase: z.string().min(1).max(1024) }),
    output: z.object({ locked: z.boolean() }),
  },
  'vault.lock': { input: empty, output: z.object({ locked: z.boolean() }) },
  'vault.changePassphrase': {
    input: z.strictObject({ current: z.string().min(1).max(1024), next: z.string().min(8).max(1024) }),
    output: z.object({ locked: z.boolean() }),
  },

  'profiles.list': {
    input: empty,
    output: z.object({ profiles: z.array(publicProfile), activeId: z.string().nullable() }),
  },
  'profiles.create': {
    input: z.strictObject({
      name: profileName,
      baseUrl,
      apiKey: apiKey.optional(),
      keyType: keyTypeLabel,
      colour: colour.optional(),
      proxy: proxy.optional(),
    }),
    output: publicProfile,
  },
  'profiles.update': {
    input: z.strictObject({
      id: profileId,
      name: profileName.optional(),
      baseUrl: baseUrl.optional(),
      /** A new key, or null to remove the stored one. */
      apiKey: apiKey.nullable().optional(),
      keyType: keyTypeLabel.optional(),
      colour: colour.optional(),
      proxy: proxy.optional(),
    }),
    output: z.object({ profile: publicProfile, keyCleared: z.boolean() }),
  },
  'profiles.delete': { input: z.strictObject({ id: profileId }), output: z.object({ deleted: z.boolean() }) },
  'profiles.setActive': {
    input: z.strictObject({ id: profileId }),
    output: z.object({ activeId: z.string() }),
  },
  'profiles.testConnection': {
    input: z.union([
      z.strictObject({ id: profileId }),
      z.strictObject({
        baseUrl,
        apiKey,
        proxy: proxy.optional(),
      }),
    ]),
    output: z.object({
      verdict: connectionVerdict,
      message: z.string(),
      skewSeconds: z.number().nullable(),
      durationMs: z.number(),
    }),
  },
  'profiles.export': { input: empty, output: z.object({ json: z.string() }) },
  'profiles.import': {
    input: z.strictObject({ json: z.string().max(1_000_000) }),
    output: z.object({
      imported: z.array(z.string()),
      skipped: z.array(z.object({ name: z.string(), reason: z.string() })),
      renamed: z.array(z.object({ from: z.string(), to: z.string() })),
    }),
  },

  'templates.list': {
    input: z.strictObject({ profileId, type: templateType.optional() }),
    output: z.object({ templates: z.array(template) }),
  },
  'templates.get': {
    input: z.strictObject({
      profileId,
      id: uuid,
      version: z.number().int().positive().max(100_000).optional(),
    }),
    output: template,
  },
  'templates.versions': {
    input: z.strictObject({ profileId, id: uuid }),
    output: z.object({ versions: z.array(template) }),
  },
  'templates.preview': {
    input: z.strictObject({ profileId, id: uuid, personalisation: personalisation.optional() }),
    output: templatePreview,
  },

  'notifications.send': {
    input: z.strictObject({ profileId, request: sendRequest }),
    output: z.object({ id: z.string(), response: sendResponse, tracked: z.boolean() }),
  },
  'notifications.get': { input: z.strictObject({ profileId, id: uuid }), output: trackedNotification },
  'notifications.list': {
    input: z.strictObject({ profileId, filters: historyFilters.optional(), olderThan: uuid.optional() }),
    output: z.object({
      notifications: z.array(notification),
      nextOlderThan: z.string().nullable(),
      fromCache: z.boolean(),
      /** Names of the template versions on this page (those Notify could tell). */
      templateNames: z.array(templateNameEntry).default([]),
    }),
  },
  'notifications.cancelList': {
    input: z.strictObject({ profileId }),
    output: z.object({ cancelled: z.number() }),
  },
  'notifications.pdf': {
    input: z.strictObject({ profileId, id: uuid }),
    output: z.object({ base64: z.string() }),
  },
  'notifications.lookup': {
    input: z.strictObject({ query: reference.min(1) }),
    output: z.object({
      /**
       * One result per notification of a service (base URL + service id): `profileId` is the
       * profile to open it with, `profiles` every profile that found it.
       */
      results: z.array(
        z.object({
          profileId: z.string(),
          profileName: z.string(),
          notification,
          profiles: z.array(profileRef).default([]),
          templateName: z.string().nullable().default(null),
        }),
      ),
      searched: z.array(
        z.object({ profileId: z.string(), profileName: z.string(), error: z.string().nullable() }),
      ),
    }),
  },
  'notifications.findByReference': {
    input: z.strictObject({ profileId, reference: reference.min(1) }),
    output: z.object({ notifications: z.array(notification) }),
  },
  'notifications.track': {
    input: z.strictObject({ profileId, id: uuid }),
    output: z.object({ tracking: z.boolean() }),
  },
  'notifications.untrack': {
    input: z.strictObject({ profileId, id: uuid }),
    output: z.object({ tracking: z.boolean() }),
  },
  'notifications.tracked': { input: empty, output: z.object({ tracked: z.array(trackedNotification) }) },
  'failures.summary': {
    input: z.strictObject({ profileIds: z.array(profileId).max(50).optional() }),
    output: z.object({
      groups: z.array(
        z.object({
          status: z.string(),
          templateId: z.string(),
          /** The profile to open the samples with; `profiles` is every profile that saw them. */
          profileId: z.string(),
          profileName: z.string(),
          /** Distinct notifications: the same one seen through two profiles counts once. */
          count: z.number(),
          latest: z.string(),
          explanation: explanation,
          sampleIds: z.array(z.string()),
          profiles: z.array(profileRef).default([]),
          /** The channel, so a reason can be explained per channel. */
          notificationType: templateType.optional(),
          /** The template's name at the newest version seen, when Notify could tell it. */
          templateName: z.string().nullable().default(null),
          /** The template versions the group's notifications were sent with, newest first. */
          templateVersions: z.array(z.number()).default([]),
        }),
      ),
      errors: z.array(z.object({ profileId: z.string(), error: z.string() })),
    }),
  },
  'receivedTexts.list': {
    input: z.strictObject({ profileId, olderThan: uuid.optional() }),
    output: z.object({ messages: z.array(receivedText), nextOlderThan: z.string().nullable() }),
  },
  'inspector.list': {
    input: z.strictObject({
      limit: z.number().int().positive().max(1000).optional(),
      profileId: profileId.optional(),
    }),
    output: z.object({ entries: z.array(requestLogEntry) }),
  },
  'snippets.render': {
    input: z.strictObject({ profileId, request: sendRequest, language: z.enum(['curl', 'node', 'python']) }),
    output: z.object({ code: z.string() }),
  },
  'sandbox.info': {
    input: empty,
    output: z.object({ url: z.string().nullable(), note: shortText }),
  },
  ...healthMethods,
  ...callbackMethods,
  ...bulkMethods,
  ...archiveMethods,
  ...sandboxMethods,
} as const;

export type MethodName = keyof typeof methods;
export type MethodInput<M extends MethodName> = z.input<(typeof methods)[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<(typeof methods)[M]['output']>;

/** Events the core pushes to the renderer. */
export const events = {
  'notification.updated': z.object({
    profileId: z.string(),
    id: z.string(),
    status: z.string(),
    final: z.boolean(),
    observation,
  }),
  'request.logged': requestLogEntry,
  'vault.changed': z.object({ locked: z.boolean() }),
  'profiles.changed': z.object({ activeId: z.string().nullable() }),
  ...healthEvents,
  ...bulkEvents,
  ...archiveEvents,
  ...sandboxEvents,
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;

/** Transport-level limits shared by both hosts. */
export const TRANSPORT_LIMITS = {
  /** Largest request body: a 10 MB spreadsheet base64-encoded, plus room (bulk.ts). */
  maxBodyBytes: BULK_UPLOAD_BODY_BYTES,
  maxMethodLength: 64,
} as const;
