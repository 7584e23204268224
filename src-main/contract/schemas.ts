/**
 * Building blocks of the contract: bounded strings, ids, and the shapes Notify returns.
 *
 * Every input is a strict object with bounded strings and arrays, so a compromised renderer cannot
 * send anything the core did not expect. Outputs are JSON-safe (ISO strings for times). Notify's own
 * resources (notifications, templates…) are src-shared/notify/resources.ts, re-exported here.
 */
import { z } from 'zod';
import { UUID_PATTERN } from '../../src-shared/notify/ids';
import {
  base64Length,
  MAX_EMAIL_BODY_BYTES,
  MAX_FILE_BYTES,
  MAX_FILENAME_LENGTH,
} from '../../src-shared/notify/limits';

export const uuid = z.string().max(64).regex(UUID_PATTERN, 'must be a UUID');
export const profileId = z.string().min(1).max(64);
export const shortText = z.string().max(200);
export const keyTypeLabel = z.enum(['live', 'team', 'test']);
export const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1d70b8');

/** A file sent by email: at most what Notify's document download service accepts, base64-encoded. */
const personalisationFile = z.strictObject({
  file: z.string().max(base64Length(MAX_FILE_BYTES), 'is larger than the 2 MB Notify accepts for a file'),
  filename: z.string().max(MAX_FILENAME_LENGTH).nullable().optional(),
  confirm_email_before_download: z.boolean().nullable().optional(),
  retention_period: z.string().max(20).nullable().optional(),
});

/** Personalisation values: what Notify accepts (strings, numbers, booleans, lists, file objects). */
const personalisationValue: z.ZodType<unknown> = z.union([
  z.string().max(MAX_EMAIL_BODY_BYTES),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.union([z.string().max(10_000), z.number(), z.null()])).max(1000),
  personalisationFile,
]);

/** Characters of text a personalisation holds (strings and list items; files are bounded on their own). */
function textLength(values: Iterable<unknown>): number {
  let n = 0;
  for (const v of values) {
    if (typeof v === 'string') n += v.length;
    else if (Array.isArray(v)) for (const item of v) if (typeof item === 'string') n += item.length;
  }
  return n;
}

/**
 * At most 200 placeholders, whose text together is no longer than the longest email Notify sends
 * (2,000,000 bytes): more could never be sent, whatever the template.
 */
export const personalisation = z
  .record(z.string().max(500), personalisationValue)
  .refine((o) => Object.keys(o).length <= 200, {
    message: 'at most 200 placeholders',
  })
  .refine((o) => textLength(Object.values(o)) <= MAX_EMAIL_BODY_BYTES, {
    message: `the values add up to more than ${MAX_EMAIL_BODY_BYTES.toLocaleString('en-GB')} characters, more than Notify accepts in a message`,
  });

/** A profile as the renderer sees it: never the key, only its name, service id and last four. */
export const publicProfile = z.object({
  id: z.string(),
  name: z.string(),
  baseUrl: z.string(),
  keyType: keyTypeLabel,
  keyTypeLabel: z.string(),
  colour: z.string(),
  proxy: z.string().nullable(),
  createdAt: z.string(),
  needsKey: z.boolean(),
  /** Why a stored key cannot be used, for the user; null when it can. */
  keyProblem: z.string().nullable(),
  key: z
    .object({
      name: z.string(),
      serviceId: z.string(),
      last4: z.string().length(4),
      masked: z.string(),
      /** When the key was set or replaced (ISO); null when stored before the console recorded it. */
      addedAt: z.string().nullable(),
      /** The last request Notify answered with anything but an auth error (ISO); null: never seen. */
      lastUsedAt: z.string().nullable(),
      /** When Notify said the key is revoked (ISO); null when it has not. */
      revokedSeenAt: z.string().nullable(),
    })
    .nullable(),
  /** The base URL is on this computer (a Notify Sandbox). */
  isSandbox: z.boolean(),
  /** Built in: the embedded sandbox's profiles, whose keys are never stored. */
  builtIn: z.boolean().default(false),
});
export type PublicProfile = z.infer<typeof publicProfile>;

/** Notify's resources are defined once, in src-shared (the core parses Notify's answers with them). */
export {
  notification,
  template,
  templateType,
  type Notification,
  type Template,
} from '../../src-shared/notify/resources';

/** One status the console observed, with when it saw it. */
export const observation = z.object({
  status: z.string(),
  observedAt: z.string(),
  source: z.enum(['response', 'poll', 'callback']),
});
export type Observation = z.infer<typeof observation>;

/** One entry of the request inspector: no secret, no signature. */
export const requestLogEntry = z.object({
  id: z.string(),
  profileId: z.string(),
  method: z.string(),
  path: z.string(),
  status: z.number().nullable(),
  durationMs: z.number(),
  startedAt: z.string(),
  attempt: z.number(),
  jwtClaims: z.object({ iss: z.string(), iat: z.number() }).nullable(),
  clockSkewSeconds: z.number().nullable(),
  error: z.string().nullable(),
  outcome: z.enum(['ok', 'http-error', 'network-error', 'unknown-outcome']),
});
export type RequestLogEntry = z.infer<typeof requestLogEntry>;
