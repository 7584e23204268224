/**
 * What the archive keeps for one notification, and how two sightings of it merge.
 *
 * The notification is Notify's own JSON (`GET /v2/notifications/{id}`), kept whole so an archived
 * notification shows everything Notify showed; the console's observed status timeline and, when
 * this console sent it, the personalisation travel with it. All of it is encrypted as one record.
 */
import { z } from 'zod';
import type { JsonValue } from '../ports';
import { ArchiveInputError } from './errors';

/** Largest record accepted, as JSON: an email body is at most 2 MB at Notify, so this leaves room. */
export const MAX_RECORD_BYTES = 4 * 1024 * 1024;
/** Observations kept per notification: the lifecycle has a handful, this bounds a misbehaving caller. */
const MAX_TIMELINE_ENTRIES = 200;

const isoDateTime = z
  .string()
  .max(64)
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
    'not an ISO date-time with a zone',
  )
  .refine((s) => Number.isFinite(Date.parse(s)), 'not a real date');

/**
 * The fields the archive indexes, as {@link parseCapture} checks them (ids of 1 to 100 characters, a
 * status of 1 to 64, a template version that is a whole number from 0, `created_at` an ISO
 * date-time with its zone, the optional texts at most 1,000 characters); the rest of Notify's JSON
 * is kept as it came.
 */
export interface ArchivableNotification {
  id: string;
  type: 'sms' | 'email' | 'letter';
  status: string;
  template: { id: string; version: number; [field: string]: unknown };
  created_at: string;
  reference?: string | null;
  email_address?: string | null;
  phone_number?: string | null;
  postcode?: string | null;
  [field: string]: unknown;
}

/** One status the console saw, as the status tracker records it. */
const observation = z.strictObject({
  status: z.string().min(1).max(64),
  observedAt: isoDateTime,
  source: z.enum(['response', 'poll', 'callback', 'list', 'sync']),
});
export type Observation = z.infer<typeof observation>;

/** The decrypted record. `v` lets a later version read older records. */
export interface ArchivedRecord {
  v: 1;
  notification: ArchivableNotification;
  timeline: Observation[];
  /** When the console last read this notification from Notify (ISO). */
  lastSeenAt: string;
  /** When it entered the archive (ISO). */
  archivedAt: string;
  profileName: string | null;
  /** Only known when this console sent the notification. */
  personalisation: Record<string, JsonValue> | null;
}

/**
 * Where a status sits in Notify's lifecycle, so a late-arriving older sighting never rolls a
 * notification back (a list page read before a callback, say). Final statuses share a rank; among
 * equals the later sighting wins. `returned-letter` follows `received`. Unknown statuses (Notify may
 * add some) sit between in-flight and final.
 */
const STATUS_RANK: Readonly<Record<string, number>> = {
  created: 0,
  'pending-virus-check': 0,
  accepted: 1,
  sending: 1,
  pending: 2,
  sent: 3,
  delivered: 4,
  received: 4,
  failed: 4,
  'temporary-failure': 4,
  'permanent-failure': 4,
  'technical-failure': 4,
  'validation-failed': 4,
  'virus-scan-failed': 4,
  cancelled: 4,
  'returned-letter': 5,
};

export function statusRank(status: string): number {
  return STATUS_RANK[status] ?? 2;
}

/**
 * Checks one capture's input; the message names the field but never echoes its value.
 *
 * The notification is checked by hand rather than with zod: the sync checks 250 a page, and a zod
 * parse of a whole Notify record costs more than encrypting it. A test states the same rule as a
 * zod schema and checks both agree on random notifications.
 */
export function parseCapture(
  notification: unknown,
  timeline: unknown,
): { notification: ArchivableNotification; timeline: Observation[] } {
  const problem = notificationProblem(notification);
  if (problem)
    throw new ArchiveInputError(`This notification cannot be archived: ${problem[0]} ${problem[1]}.`, {
      field: problem[0],
    });
  if (timeline === undefined || (Array.isArray(timeline) && timeline.length === 0)) {
    return { notification: notification as ArchivableNotification, timeline: [] };
  }
  const t = z.array(observation).max(MAX_TIMELINE_ENTRIES).safeParse(timeline);
  if (!t.success) throw inputError('timeline', t.error);
  return { notification: notification as ArchivableNotification, timeline: t.data };
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function isText(v: unknown, max: number, min = 1): v is string {
  return typeof v === 'string' && v.length >= min && v.length <= max;
}

function optionalText(v: unknown, max: number): boolean {
  return v === undefined || v === null || isText(v, max, 0);
}

/** The first field that does not fit {@link ArchivableNotification}, as [path, problem], or null. */
function notificationProblem(n: unknown): [string, string] | null {
  if (typeof n !== 'object' || n === null || Array.isArray(n)) return ['notification', 'is not an object'];
  const o = n as Record<string, unknown>;
  if (!isText(o['id'], 100)) return ['id', 'is not a notification id'];
  if (o['type'] !== 'sms' && o['type'] !== 'email' && o['type'] !== 'letter')
    return ['type', 'is not sms, email or letter'];
  if (!isText(o['status'], 64)) return ['status', 'is not a status'];
  const t = o['template'] as Record<string, unknown> | null;
  if (typeof t !== 'object' || t === null || Array.isArray(t)) return ['template', 'is not an object'];
  if (!isText(t['id'], 100)) return ['template.id', 'is not a template id'];
  const v = t['version'];
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0)
    return ['template.version', 'is not a version number'];
  const c = o['created_at'];
  if (!isText(c, 64) || !ISO_DATE_TIME.test(c) || !Number.isFinite(Date.parse(c))) {
    return ['created_at', 'not an ISO date-time with a zone'];
  }
  for (const key of ['reference', 'email_address', 'phone_number', 'postcode']) {
    if (!optionalText(o[key], 1000)) return [key, 'is not text of at most 1000 characters'];
  }
  return null;
}

function inputError(what: string, error: z.ZodError): ArchiveInputError {
  const issue = error.issues[0];
  const path = issue?.path.join('.') || what;
  return new ArchiveInputError(
    `This ${what} cannot be archived: ${path} ${issue?.message ?? 'is not valid'}.`,
    { field: path },
  );
}

/** Merges two timelines: every distinct sighting once, oldest first, the newest kept if over the cap. */
function mergeTimelines(a: readonly Observation[], b: readonly Observation[]): Observation[] {
  const seen = new Map<string, Observation>();
  for (const o of [...a, ...b]) seen.set(`${o.observedAt}\u0000${o.status}\u0000${o.source}`, o);
  const merged = [...seen.values()].sort(
    (x, y) => Date.parse(x.observedAt) - Date.parse(y.observedAt) || x.status.localeCompare(y.status),
  );
  return merged.slice(-MAX_TIMELINE_ENTRIES);
}

/**
 * Merges a new sighting into the archived record. The notification JSON of the later lifecycle
 * status wins (the later sighting among equals); timelines are united; the first personalisation
 * and profile name seen are kept.
 */
export function mergeRecord(existing: ArchivedRecord, incoming: ArchivedRecord): ArchivedRecord {
  const rankIn = statusRank(incoming.notification.status);
  const rankOld = statusRank(existing.notification.status);
  const incomingWins =
    rankIn > rankOld ||
    (rankIn === rankOld && Date.parse(incoming.lastSeenAt) >= Date.parse(existing.lastSeenAt));
  return {
    v: 1,
    notification: incomingWins ? incoming.notification : existing.notification,
    timeline: mergeTimelines(existing.timeline, incoming.timeline),
    lastSeenAt:
      Date.parse(incoming.lastSeenAt) > Date.parse(existing.lastSeenAt)
        ? incoming.lastSeenAt
        : existing.lastSeenAt,
    archivedAt: existing.archivedAt,
    profileName: existing.profileName ?? incoming.profileName,
    personalisation: existing.personalisation ?? incoming.personalisation,
  };
}
