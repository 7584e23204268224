/**
 * The archive store's options and the shapes its capture methods take and return.
 */
import type { CaptureOptions } from './capture';
import type { ArchiveDamagedError } from './errors';
import type { ArchiveClock, ArchiveVault } from './ports';

export interface ArchiveStoreOptions {
  /** The database file; its -wal and -shm live beside it. */
  path: string;
  vault: ArchiveVault;
  clock?: ArchiveClock;
  /** Files up to this size get SQLite's full quick_check on open (see database.ts). */
  quickCheckOnOpenMaxBytes?: number;
  /** Told when damage found in use has moved the file aside, whoever was using it. */
  onDamaged?: (err: ArchiveDamagedError) => void;
}

export type UpsertOutcome = 'added' | 'updated' | 'unchanged' | 'not-opted-in';

export interface CaptureItem extends CaptureOptions {
  notification: unknown;
  timeline?: unknown;
}

export interface UpsertCounts {
  added: number;
  updated: number;
  unchanged: number;
}
