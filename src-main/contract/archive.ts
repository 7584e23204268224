/**
 * The notification archive's part of the contract (issue 12): its methods and events, spread into
 * the tables in ./methods.ts.
 *
 * Inputs are strict and bounded like every other method's (a recipient no longer than an email
 * address may be, a reference no longer than Notify takes). Outputs carry what support staff need to
 * answer "did it arrive?" and never a key: the archive stores none, and a key is never in Notify's
 * notification JSON.
 */
import { z } from 'zod';
import { MAX_EMAIL_ADDRESS_LENGTH, MAX_REFERENCE_LENGTH } from '../../src-shared/notify/limits';
import { profileId, templateType, uuid } from './schemas';

/** A date (`2026-11-03`) or a date-time with its zone, as the archive's search and export take them. */
const instant = z
  .string()
  .max(40)
  .regex(
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/,
    'must be a date (2026-11-03) or a date-time with its zone',
  )
  .refine((s) => Number.isFinite(Date.parse(s)), 'is not a real date');

/** A page position the archive gave: `<created_at ms>:<row>`. */
const cursor = z
  .string()
  .max(40)
  .regex(/^\d{1,16}:\d{1,16}$/, 'is not a cursor the archive gave');

/** Results one `archive.search` call returns at most. */
const ARCHIVE_MAX_PAGE = 200;

const archiveSearchInput = z.strictObject({
  /** A phone number, email address or postcode, normalised as Notify does; exact match. */
  recipient: z.string().trim().min(1).max(MAX_EMAIL_ADDRESS_LENGTH).optional(),
  /** The client reference, exactly as sent. */
  reference: z.string().min(1).max(MAX_REFERENCE_LENGTH).optional(),
  id: uuid.optional(),
  templateId: uuid.optional(),
  status: z.array(z.string().min(1).max(40)).min(1).max(20).optional(),
  type: templateType.optional(),
  profileId: profileId.optional(),
  /** Created at or after. */
  from: instant.optional(),
  /** Created before. */
  to: instant.optional(),
  limit: z.number().int().min(1).max(ARCHIVE_MAX_PAGE).optional(),
  cursor: cursor.optional(),
});
export type ArchiveSearchInput = z.infer<typeof archiveSearchInput>;

/** Where an observed status came from: the send's answer, polling, a callback, a list page, the sync. */
const archivedObservation = z.object({
  status: z.string(),
  observedAt: z.string(),
  source: z.enum(['response', 'poll', 'callback', 'list', 'sync']),
});
export type ArchivedObservation = z.infer<typeof archivedObservation>;

/** One archived notification in a result list: no body or personalisation (archive.get has them). */
const archivedSummary = z.object({
  id: z.string(),
  profileId: z.string(),
  /** The profile's name when it was archived (the profile may be gone since). */
  profileName: z.string().nullable(),
  type: z.enum(['sms', 'email', 'letter']),
  status: z.string(),
  templateId: z.string(),
  templateVersion: z.number(),
  createdAt: z.string(),
  archivedAt: z.string(),
  updatedAt: z.string(),
  recipient: z.string().nullable(),
  reference: z.string().nullable(),
  subject: z.string().nullable(),
  /** False when the record failed its integrity check: only the plain columns are known. */
  readable: z.boolean(),
});
export type ArchivedSummary = z.infer<typeof archivedSummary>;

/** Notify's notification JSON as it was archived (a send the console made may lack Notify's later fields). */
const archivedNotificationJson = z.looseObject({
  id: z.string(),
  type: z.enum(['sms', 'email', 'letter']),
  status: z.string(),
  template: z.looseObject({ id: z.string(), version: z.number() }),
  created_at: z.string(),
});

const archivedDetail = archivedSummary.extend({
  notification: archivedNotificationJson.nullable(),
  timeline: z.array(archivedObservation),
  /** When the console last read it from Notify. */
  lastSeenAt: z.string().nullable(),
  /** Only when this console sent it (file contents are not kept). */
  personalisation: z.record(z.string(), z.unknown()).nullable(),
});
export type ArchivedDetail = z.infer<typeof archivedDetail>;

const syncOutcome = z.enum(['completed', 'failed', 'rate-limited', 'cancelled']);

const archiveSyncProgress = z.object({
  profileId: z.string(),
  phase: z.enum(['paging', 'waiting-rate-limit', 'finished']),
  pages: z.number(),
  seen: z.number(),
  added: z.number(),
  /** Milliseconds until the next request while waiting out a rate limit. */
  waitMs: z.number().optional(),
  outcome: syncOutcome.optional(),
});
export type ArchiveSyncProgress = z.infer<typeof archiveSyncProgress>;

/**
 * - `off`: no archive yet (no profile has opted in);
 * - `locked`: the vault is locked (or has no passphrase yet), so nothing can be read or added;
 * - `open`: in use;
 * - `damaged`: the file could not be used and was moved aside (`movedTo`); a new one starts only
 *   when the user says so;
 * - `too-new`: written by a newer Notify Console; left as it is.
 */
const archiveState = z.enum(['off', 'locked', 'open', 'damaged', 'too-new']);
export type ArchiveState = z.infer<typeof archiveState>;

const archiveStatus = z.object({
  state: archiveState,
  /** What is wrong and what to do, for every state but `open` and `off`. */
  message: z.string().nullable(),
  movedTo: z.string().nullable(),
  /** The archive file, in the console's data folder. */
  path: z.string(),
  optedIn: z.array(z.string()),
  retentionMonths: z.number().nullable(),
  size: z.object({ bytesOnDisk: z.number(), notifications: z.number(), freeBytes: z.number() }).nullable(),
  syncIntervalMinutes: z.number(),
  nextSyncAt: z.string().nullable(),
  profiles: z.array(
    z.object({
      profileId: z.string(),
      running: z.boolean(),
      /** The run under way (or the last one's end) in this session. */
      progress: archiveSyncProgress.nullable(),
      /** A run was cut short (a crash, the vault locked, rate limits) and resumes from where it stopped. */
      interrupted: z.boolean(),
      lastRun: z
        .object({
          startedAt: z.string(),
          finishedAt: z.string(),
          outcome: syncOutcome,
          pages: z.number(),
          seen: z.number(),
          added: z.number(),
          error: z.string().nullable(),
        })
        .nullable(),
    }),
  ),
});
export type ArchiveStatus = z.infer<typeof archiveStatus>;

export const archiveMethods = {
  'archive.status': { input: z.strictObject({}), output: archiveStatus },
  'archive.setOptIn': {
    input: z.strictObject({ profileId, optedIn: z.boolean() }),
    output: z.object({ profileId: z.string(), optedIn: z.boolean() }),
  },
  'archive.search': {
    input: archiveSearchInput,
    output: z.object({ results: z.array(archivedSummary), nextCursor: z.string().nullable() }),
  },
  'archive.get': {
    input: z.strictObject({ id: uuid }),
    output: z.object({ notification: archivedDetail.nullable() }),
  },
  /** Starts a sync now (for one profile, or every opted-in one); progress comes as events. */
  'archive.sync': {
    input: z.strictObject({ profileId: profileId.optional(), full: z.boolean().optional() }),
    output: z.object({ started: z.array(z.string()) }),
  },
  'archive.setRetention': {
    input: z.strictObject({ months: z.number().int().min(1).max(120) }),
    output: z.object({ months: z.number(), purged: z.number() }),
  },
  /** `expired`: what is older than the retention period; `all`: every archived notification. */
  'archive.purge': {
    input: z.strictObject({ scope: z.enum(['expired', 'all']) }),
    output: z.object({ purged: z.number() }),
  },
  /** One page of a CSV export, oldest first; the first page starts with the header. */
  'archive.export': {
    input: z.strictObject({ from: instant, to: instant, cursor: cursor.optional() }),
    output: z.object({ csv: z.string(), count: z.number(), nextCursor: z.string().nullable() }),
  },
  /** SQLite's full check of the file, for an archive too large to check on every open. */
  'archive.check': { input: z.strictObject({}), output: z.object({ ok: z.literal(true) }) },
  /** After damage: starts a new, empty archive (the damaged file stays where it was moved). */
  'archive.startNew': { input: z.strictObject({}), output: archiveStatus },
} as const;

export const archiveEvents = {
  /** The archive's state, opt-ins or contents changed: read `archive.status` again. */
  'archive.changed': z.object({ state: archiveState }),
  'archive.syncProgress': archiveSyncProgress,
} as const;
