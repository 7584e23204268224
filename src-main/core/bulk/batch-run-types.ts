/** What a batch run is given and what it reports (batch-runner.ts). */
import type { NotificationRequest } from '../../../src-shared/spreadsheet/index';
import type { Journal } from './journal';
import type { BulkNotifyPort } from './notify-port';
import type { BatchProgressCounts, BatchState, JournalEntry, RowState } from './row-states';

export interface RunOptions {
  port: BulkNotifyPort;
  /** Notify's rate limit for the key type, sends a minute (default 3,000); null for none. */
  ratePerMinute?: number | null;
  /** Sends in flight at once (default 8). */
  concurrency?: number;
  /**
   * How long after an unanswered POST to look its row up (default 30 s): long enough for a request
   * still being processed by Notify to have finished, so "not found" means "not created".
   */
  settleMs?: number;
  /** Notify's `created_at` may trail the local clock by the tolerated skew (30 s): allowance, default 60 s. */
  skewMarginMs?: number;
  /** Called on every change, at most every `progressIntervalMs` (default 200). */
  onProgress?: (progress: BatchProgress) => void;
  progressIntervalMs?: number;
  /** Wall clock (for the journal and matching Notify's `created_at`). */
  now?: () => number;
}

export interface BatchProgress extends BatchProgressCounts {
  state: BatchState;
  /** The reason the batch stopped (Notify's message), when it did. */
  message: string | null;
  /** Sends a minute over the last 10 seconds. */
  ratePerMinute: number;
  /** The pace the pacer allows now (null: no limit). */
  pacePerMinute: number | null;
  /** Seconds to go at the current rate, or null when unknown. */
  etaSeconds: number | null;
}

export interface BatchSource {
  templateId: string;
  requests: NotificationRequest[];
  rows: RowState[];
  state: BatchState;
  message: string | null;
  journal: Journal<JournalEntry>;
}
