/**
 * Archive rows as the API returns them: the plain metadata columns, and the record decrypted.
 * Only the rows of a page being returned are ever decrypted.
 */
import { openRecord, type ArchiveKeys } from './keyring';
import type { ArchivedRecord } from './record';

/** One archived notification: plain metadata, and its decrypted record (null if it failed its check). */
export interface ArchivedNotification {
  id: string;
  profileId: string;
  type: 'sms' | 'email' | 'letter';
  status: string;
  templateId: string;
  templateVersion: number;
  createdAt: string;
  archivedAt: string;
  updatedAt: string;
  record: ArchivedRecord | null;
}

export interface DbRow {
  seq: number;
  id: string;
  profile_id: string;
  type: 'sms' | 'email' | 'letter';
  status: string;
  template_id: string;
  template_version: number;
  created_at: number;
  archived_at: number;
  updated_at: number;
  record: Buffer;
}

/** Decrypts a stored record; null when it fails its integrity check. */
export function decodeRecord(keys: ArchiveKeys, id: string, envelope: Buffer): ArchivedRecord | null {
  const json = openRecord(keys, id, envelope);
  return json === null ? null : (JSON.parse(json) as ArchivedRecord);
}

/** A database row as the API shows it, its record decrypted. */
export function toArchivedNotification(keys: ArchiveKeys, row: DbRow): ArchivedNotification {
  return {
    id: row.id,
    profileId: row.profile_id,
    type: row.type,
    status: row.status,
    templateId: row.template_id,
    templateVersion: row.template_version,
    createdAt: new Date(row.created_at).toISOString(),
    archivedAt: new Date(row.archived_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    record: decodeRecord(keys, row.id, row.record),
  };
}
