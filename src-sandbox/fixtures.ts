/**
 * The fixture file: services, keys, templates and received texts the sandbox starts with.
 *
 * Field names follow Notify's own (snake_case, `restricted` for trial mode, `normal` for live keys) so
 * a fixture reads like the admin site's settings. Parsed with zod so a bad file gets a precise error.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { faultSchema } from './faults';
import { latencySettingSchema } from './latency';

const uuid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'must be a lower-case UUID');
const isoTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 date-time');

export const PERMISSIONS = [
  'sms',
  'email',
  'letter',
  'international_sms',
  'international_letters',
  'inbound_sms',
  'sms_to_uk_landlines',
] as const;

const KEY_TYPES = ['normal', 'team', 'test'] as const;
export type KeyType = (typeof KEY_TYPES)[number];

const callback = z.strictObject({
  url: z.string().url(),
  bearer_token: z.string().min(10, 'bearer_token must be at least 10 characters, as Notify requires'),
});

const templateVersion = z.strictObject({
  version: z.number().int().positive(),
  name: z.string().min(1).optional(),
  subject: z.string().nullable().optional(),
  content: z.string(),
  letter_contact_block: z.string().nullable().optional(),
  postage: z.enum(['first', 'second', 'economy']).nullable().optional(),
  created_at: isoTime.optional(),
  created_by: z.string().email().optional(),
});

const template = z.strictObject({
  id: uuid,
  name: z.string().min(1),
  type: z.enum(['sms', 'email', 'letter']),
  archived: z.boolean().default(false),
  hidden: z.boolean().default(false),
  has_unsubscribe_link: z.boolean().default(false),
  versions: z.array(templateVersion).min(1),
});

const apiKey = z.strictObject({
  id: uuid.optional(),
  name: z.string().min(1),
  key_type: z.enum(KEY_TYPES),
  secret: uuid.optional(),
  revoked_at: isoTime.nullable().optional(),
});

const outcome = z.strictObject({
  recipient: z.string().min(1),
  status: z.enum([
    'delivered',
    'permanent-failure',
    'temporary-failure',
    'technical-failure',
    'sent',
    'pending',
  ]),
  delay_seconds: z.number().nonnegative().optional(),
});

const service = z.strictObject({
  id: uuid,
  name: z.string().min(1),
  active: z.boolean().default(true),
  restricted: z.boolean().default(false),
  permissions: z.array(z.enum(PERMISSIONS)).default(['sms', 'email', 'letter']),
  prefix_sms: z.boolean().default(true),
  email_sender_local_part: z.string().min(1).optional(),
  contact_link: z.string().nullable().default(null),
  rate_limit: z.number().int().nonnegative().default(3000),
  limits: z
    .strictObject({
      email: z.number().int().nonnegative().default(250_000),
      sms: z.number().int().nonnegative().default(250_000),
      letter: z.number().int().nonnegative().default(20_000),
      international_sms: z.number().int().nonnegative().default(100),
    })
    .default({ email: 250_000, sms: 250_000, letter: 20_000, international_sms: 100 }),
  data_retention_days: z.number().int().positive().default(7),
  email_reply_to: z
    .array(
      z.strictObject({
        id: uuid,
        email_address: z.string(),
        is_default: z.boolean().default(false),
        archived: z.boolean().default(false),
      }),
    )
    .default([]),
  sms_senders: z
    .array(
      z.strictObject({
        id: uuid,
        sms_sender: z.string().min(1),
        is_default: z.boolean().default(false),
        archived: z.boolean().default(false),
        /**
         * This sender is the service's inbound number (Notify links the two with `inbound_number_id`):
         * texts sent from it can be replied to, and replies arrive at its number.
         */
        is_inbound_number: z.boolean().default(false),
      }),
    )
    .default([]),
  inbound_number: z.string().nullable().default(null),
  team_members: z
    .array(
      z.strictObject({
        name: z.string(),
        email_address: z.string(),
        mobile_number: z.string().nullable().optional(),
      }),
    )
    .default([]),
  guest_list: z.array(z.string()).default([]),
  /**
   * The service's callback APIs, as Notify's `service_callback_api` types: delivery receipts, received
   * texts, returned letters and complaints (a separate callback in Notify, which its admin site does
   * not offer to set up).
   */
  callbacks: z
    .strictObject({
      delivery_status: callback.optional(),
      received_text: callback.optional(),
      returned_letter: callback.optional(),
      complaint: callback.optional(),
    })
    .default({}),
  outcomes: z.array(outcome).default([]),
  api_keys: z.array(apiKey).default([]),
  templates: z.array(template).default([]),
  received_texts: z
    .array(
      z.strictObject({
        id: uuid.optional(),
        user_number: z.string().min(1),
        notify_number: z.string().optional(),
        content: z.string(),
        created_at: isoTime.optional(),
      }),
    )
    .default([]),
});

const fixtureSchema = z.strictObject({
  services: z.array(service).min(1, 'a fixture needs at least one service'),
  /** Response times: `realistic` (the default) or `none`, optionally with a seed (`latency.ts`). */
  latency: latencySettingSchema.optional(),
  /** Faults in force from the start, and again after each reset (`faults.ts`). */
  faults: z.array(faultSchema).max(100).optional(),
});

export type Fixture = z.output<typeof fixtureSchema>;
/** A fixture as written (defaults left out): what {@link parseFixture} accepts. */
export type FixtureInput = z.input<typeof fixtureSchema>;
export type FixtureService = Fixture['services'][number];
export type FixtureTemplate = FixtureService['templates'][number];

/** A fixture error that says which field is wrong and why. */
export class FixtureError extends Error {
  override name = 'FixtureError';
}

/**
 * Validates a fixture object: schema, then the cross-references zod cannot see.
 *
 * Duplicate ids, several default senders, or versions out of order are refused with the path to fix.
 */
export function parseFixture(input: unknown, source = 'fixture'): Fixture {
  const parsed = fixtureSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 10)
      .map((i) => `  - ${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
      .join('\n');
    throw new FixtureError(`${source} is not a valid sandbox fixture:\n${issues}`);
  }
  const fixture = parsed.data;
  const ids = new Set<string>();
  const claim = (id: string, where: string) => {
    if (ids.has(id))
      throw new FixtureError(
        `${source}: ${where} uses id ${id}, which is already used elsewhere in the fixture`,
      );
    ids.add(id);
  };
  fixture.services.forEach((s, si) => {
    claim(s.id, `services.${si}.id`);
    s.templates.forEach((t, ti) => {
      claim(t.id, `services.${si}.templates.${ti}.id`);
      t.versions.forEach((v, vi) => {
        if (v.version !== vi + 1)
          throw new FixtureError(
            `${source}: services.${si}.templates.${ti}.versions.${vi} must be version ${vi + 1}`,
          );
        if (t.type !== 'sms' && (v.subject === undefined || v.subject === null))
          throw new FixtureError(
            `${source}: services.${si}.templates.${ti}.versions.${vi} needs a subject (${t.type} template)`,
          );
        const previous = t.versions[vi - 1]?.created_at;
        if (v.created_at && previous && Date.parse(v.created_at) < Date.parse(previous))
          throw new FixtureError(
            `${source}: services.${si}.templates.${ti}.versions.${vi}.created_at is before version ${vi}'s`,
          );
      });
    });
    for (const [list, label] of [
      [s.email_reply_to, 'email_reply_to'],
      [s.sms_senders, 'sms_senders'],
    ] as const) {
      if (list.filter((x) => x.is_default).length > 1)
        throw new FixtureError(`${source}: services.${si}.${label} has more than one default`);
      list.forEach((x, xi) => claim(x.id, `services.${si}.${label}.${xi}.id`));
    }
    s.api_keys.forEach((k, ki) => {
      if (k.id) claim(k.id, `services.${si}.api_keys.${ki}.id`);
    });
    checkInboundSender(s, `${source}: services.${si}`);
  });
  return fixture;
}

/**
 * At most one SMS sender is the inbound number; it must be a phone number, the service must be
 * allowed to receive texts, and a service-level `inbound_number` must be the same number.
 */
function checkInboundSender(s: FixtureService, where: string): void {
  const flagged = s.sms_senders.map((x, i) => ({ x, i })).filter(({ x }) => x.is_inbound_number);
  if (flagged.length === 0) return;
  if (flagged.length > 1)
    throw new FixtureError(`${where}.sms_senders: only one sender can be the inbound number`);
  const { x, i } = flagged[0]!;
  const at = `${where}.sms_senders.${i}`;
  if (!/^\+?[\d\s()-]+$/.test(x.sms_sender))
    throw new FixtureError(
      `${at}: the inbound number's sender must be a phone number, not "${x.sms_sender}"`,
    );
  if (!s.permissions.includes('inbound_sms'))
    throw new FixtureError(
      `${at}: an inbound number needs the inbound_sms permission in the service's permissions`,
    );
  const digits = (v: string) => v.replace(/\D/g, '').replace(/^(?:44|0)/, '');
  if (s.inbound_number !== null && digits(s.inbound_number) !== digits(x.sms_sender))
    throw new FixtureError(
      `${at}: is the inbound number, but the service's inbound_number is ${s.inbound_number}, not ${x.sms_sender}`,
    );
}

/** Reads and validates a fixture file, with the file name in every error. */
export async function loadFixtureFile(path: string): Promise<Fixture> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new FixtureError(
      `Cannot read fixture file ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new FixtureError(`Fixture file ${path} is not valid JSON: ${(err as Error).message}`);
  }
  return parseFixture(json, path);
}

/**
 * Fills in what a fixture may leave out: generated ids and secrets (so fixtures, and the default demo,
 * need carry no key), template versions' `created_at` (the sandbox's start, `startedAt`), and the
 * service's `inbound_number` from the sender marked as it.
 */
export function completeFixture(fixture: Fixture, startedAt: Date = new Date()): Fixture {
  const copy = structuredClone(fixture);
  const start = startedAt.toISOString();
  for (const s of copy.services) {
    for (const k of s.api_keys) {
      k.id ??= randomUUID();
      k.secret ??= randomUUID();
    }
    for (const r of s.received_texts) r.id ??= randomUUID();
    for (const t of s.templates) {
      // A version without a date was made no earlier than the one before it.
      let floor = start;
      for (const v of t.versions) {
        if (!v.created_at) v.created_at = floor > start ? floor : start;
        floor = v.created_at;
      }
    }
    const inbound = s.sms_senders.find((x) => x.is_inbound_number);
    if (inbound && s.inbound_number === null) s.inbound_number = inbound.sms_sender;
  }
  return copy;
}
