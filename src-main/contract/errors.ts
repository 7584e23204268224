/**
 * The error half of the contract: every failure a call can return, as a union keyed on `code`.
 *
 * The core raises typed errors; the dispatcher (src-main/rpc/errors.ts) turns each into one of
 * these, in one place, and the transports add their own (`forbidden`, `payload-too-large`…). The
 * renderer reads `details` by `code` instead of guessing field names. Messages are written for the
 * user and never contain a secret.
 */
import { z } from 'zod';
import { explanation, networkErrorKind } from '../../src-shared/notify/explanation';

/** One problem with one input field; `field` is a dotted path (`request.phone_number`, `profiles[2].name`). */
const fieldIssue = z.object({ field: z.string(), message: z.string() });
export type FieldIssue = z.infer<typeof fieldIssue>;

/** One entry of Notify's v2 error envelope; extra keys (the QR-code error's `max_bytes`…) are kept. */
const notifyErrorEntry = z.looseObject({ error: z.string(), message: z.string() });

const request = {
  /** The request that failed, for the error panel: `POST`. */
  method: z.string(),
  /** Its path and query, redacted: `/v2/notifications/sms`. */
  path: z.string(),
};

/** Notify answered with one of its error envelopes. */
const notifyErrorDetails = z.object({
  status: z.number(),
  /** The v2 envelope's entries; empty for the app-level envelope, which is in `app`. */
  errors: z.array(notifyErrorEntry),
  app: z.object({ result: z.string(), message: z.string() }).nullable(),
  explanation,
  ...request,
  /** From `Retry-After`, when Notify (or a gateway) sent one. */
  retryAfterSeconds: z.number().nullable(),
  /** Notify's clock minus this computer's, in seconds, from the answer's `Date` header; null if none. */
  skewSeconds: z.number().nullable(),
});

/** Notify did not answer, or what answered was not Notify. */
const networkErrorDetails = z.object({
  kind: networkErrorKind,
  /** Set when something other than Notify answered (an HTML gateway page, a redirect). */
  status: z.number().nullable(),
  explanation,
  ...request,
});

/** A send that may or may not have reached Notify: look it up by `reference` before sending again. */
const unknownOutcomeDetails = z.object({
  reference: z.string(),
  reason: z.union([networkErrorKind, z.enum(['http-5xx', 'unreadable-success'])]),
  status: z.number().nullable(),
  explanation,
  ...request,
});
export type UnknownOutcomeDetails = z.infer<typeof unknownOutcomeDetails>;

/** Input the core refused, field by field. */
const ISSUE_CODES = ['validation', 'invalid_profile', 'invalid_import'] as const;

/** Failures whose message is all there is to say. */
const PLAIN_CODES = [
  // The dispatcher and the transports.
  'unknown-method',
  'internal',
  'bad-request',
  'forbidden',
  'misdirected',
  'unauthorized',
  'method-not-allowed',
  'unsupported-media-type',
  'payload-too-large',
  'not-found',
  'busy',
  // The console's own rules.
  'cancelled',
  'built-in',
  'not-applicable',
  'bad-key',
  // Profiles.
  'profile_not_found',
  'no_api_key',
  'key_binding_mismatch',
  'profiles_unreadable',
  'profiles_newer_version',
  // The key vault.
  'not_passphrase_vault',
  'wrong_passphrase',
  'passphrase_too_long',
  'vault_locked',
  'vault_not_initialised',
  'vault_already_initialised',
  'vault_header_invalid',
  'envelope_malformed',
  'envelope_tampered',
  'envelope_other_passphrase',
  'keychain_encrypt_failed',
  'keychain_decrypt_failed',
  // The notification archive.
  'archive_locked',
  'archive_closed',
  // The Sandbox panel: the embedded sandbox is off or not running; its control API said no.
  'sandbox_unavailable',
  'sandbox_refused',
  // The renderer's own, before anything is sent.
  'no-profile',
] as const;

const message = z.string();

export const rpcError = z.discriminatedUnion('code', [
  z.object({ code: z.literal('notify'), message, details: notifyErrorDetails }),
  z.object({ code: z.literal('network'), message, details: networkErrorDetails }),
  z.object({ code: z.literal('unknown-outcome'), message, details: unknownOutcomeDetails }),
  z.object({ code: z.enum(ISSUE_CODES), message, details: z.object({ issues: z.array(fieldIssue) }) }),
  z.object({
    code: z.literal('passphrase_too_short'),
    message,
    details: z.object({ minLength: z.number(), length: z.number() }),
  }),
  /** Wrong passphrases slow the next unlock down: it is allowed again after `retryAfterSeconds`. */
  z.object({
    code: z.literal('vault_throttled'),
    message,
    details: z.object({ retryAfterSeconds: z.number() }),
  }),
  /** The archive file could not be used: moved aside to `movedTo` (null if it could not be moved). */
  z.object({
    code: z.literal('archive_damaged'),
    message,
    details: z.object({ reason: z.string(), movedTo: z.string().nullable() }),
  }),
  /** The archive was written by a newer console: schema `found`, this one knows up to `known`. */
  z.object({
    code: z.literal('archive_too_new'),
    message,
    details: z.object({ found: z.number(), known: z.number() }),
  }),
  /** A request the archive refused (a field that does not fit, a date range the wrong way round). */
  z.object({
    code: z.literal('archive_input'),
    message,
    details: z
      .object({
        field: z.string().optional(),
        index: z.number().optional(),
        id: z.string().optional(),
        profileId: z.string().optional(),
      })
      .optional(),
  }),
  /** The renderer's own: the host could not be reached or answered no Result (`status`: its HTTP status). */
  z.object({ code: z.literal('transport'), message, details: z.object({ status: z.number() }).optional() }),
  z.object({
    code: z.enum(PLAIN_CODES),
    message,
    /** For a stored key that stopped a passphrase change: the profile it belongs to. */
    details: z.object({ id: z.string() }).optional(),
  }),
]);
/** A failed call, as every transport returns it. */
export type RpcError = z.infer<typeof rpcError>;
