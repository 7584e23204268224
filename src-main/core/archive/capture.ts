/**
 * Turning a sighting of a notification into the row the archive stores: the record (merged with
 * what is archived), its keyed hashes and its encrypted envelope.
 *
 * The expensive part (Notify's phone number rules, deflate, AES-GCM: about 0.2 ms a notification)
 * is done before the write transaction, in slices that give the event loop a turn, assuming the
 * notification is new; the transaction then only inserts. A notification already archived is
 * merged inside the transaction, where its stored record is read.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { JsonValue } from '../ports';
import { ArchiveInputError } from './errors';
import { sealRecord, searchHash, type ArchiveKeys } from './keyring';
import type { ProfileRef } from './ports';
import {
  mergeRecord,
  MAX_RECORD_BYTES,
  type ArchivableNotification,
  type ArchivedRecord,
  type Observation,
} from './record';
import { recipientTerm } from './recipient-terms';

/** Notifications encoded between two turns of the event loop. */
const SLICE = 25;

export interface CaptureOptions {
  /** When this notification JSON was read from Notify (ISO); now by default. */
  observedAt?: string;
  /** Only when this console sent it. */
  personalisation?: Record<string, JsonValue> | null;
  /** Adds a sighting of the notification's status to the timeline when it is new or changed. */
  observeAs?: Observation['source'];
}

/** A checked capture, ready to encode. */
export interface Prepared {
  profile: ProfileRef;
  notification: ArchivableNotification;
  timeline: Observation[];
  options: CaptureOptions;
}

/** The column values of one row. */
export interface EncodedRow {
  id: string;
  record: ArchivedRecord;
  json: string;
  recipientHash: Buffer | null;
  referenceHash: Buffer | null;
  sealed: Buffer;
  createdAt: number;
  templateId: string;
}

/** The record a sighting makes on its own (ids lowercased, as Notify writes them). */
export function incomingRecord(p: Prepared, now: number): ArchivedRecord {
  const nowIso = new Date(now).toISOString();
  return {
    v: 1,
    notification: { ...p.notification, id: p.notification.id.toLowerCase() },
    timeline: p.timeline,
    lastSeenAt: p.options.observedAt ?? nowIso,
    archivedAt: nowIso,
    profileName: p.profile.name ?? null,
    personalisation: p.options.personalisation ?? null,
  };
}

/** Merges the sighting into what is archived (if anything), adding the status sighting it asks for. */
export function mergedRecord(
  before: ArchivedRecord | null,
  incoming: ArchivedRecord,
  p: Prepared,
): ArchivedRecord {
  let merged = before ? mergeRecord(before, incoming) : incoming;
  const source = p.options.observeAs;
  if (source && (!before || before.notification.status !== merged.notification.status)) {
    merged = mergeRecord(merged, {
      ...merged,
      timeline: [{ status: merged.notification.status, observedAt: incoming.lastSeenAt, source }],
    });
  }
  return merged;
}

/** Hashes and seals a record; refuses one over the size limit. */
export function encodeRow(keys: ArchiveKeys, record: ArchivedRecord): EncodedRow {
  const m = record.notification;
  const json = JSON.stringify(record);
  if (json.length > MAX_RECORD_BYTES) {
    throw new ArchiveInputError(
      `Notification ${m.id} is too large to archive (over ${MAX_RECORD_BYTES / 1024 / 1024} MB).`,
      { id: m.id },
    );
  }
  const term = recipientTerm(m);
  return {
    id: m.id,
    record,
    json,
    recipientHash: term === null ? null : searchHash(keys, 'recipient', term),
    referenceHash: m.reference ? searchHash(keys, 'reference', m.reference) : null,
    sealed: sealRecord(keys, m.id, json),
    createdAt: Date.parse(m.created_at),
    templateId: m.template.id.toLowerCase(),
  };
}

/** Encodes every sighting as if new, a slice at a time, yielding to the event loop between slices. */
export async function encodeAhead(
  keys: ArchiveKeys,
  items: readonly Prepared[],
  now: number,
): Promise<EncodedRow[]> {
  const rows: EncodedRow[] = [];
  for (let i = 0; i < items.length; i++) {
    const p = items[i]!;
    rows.push(encodeRow(keys, mergedRecord(null, incomingRecord(p, now), p)));
    if ((i + 1) % SLICE === 0 && i + 1 < items.length) await yieldToEventLoop();
  }
  return rows;
}
