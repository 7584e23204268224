/**
 * A batch's rows as a function of its journal: what each row's last durable record says.
 *
 * A row starts queued. Before its POST it is `in-flight` (on disk first); after it, `sent` (with
 * Notify's id), `failed` (Notify refused it, with Notify's error), `unknown` (the request went out
 * and no answer came back), or back to `queued` with the evidence that nothing was created (Notify
 * answered 429, the request never left, or a lookup by reference found nothing). A row still
 * `in-flight` when the journal ends was cut off by a crash: it is `unknown`, and is looked up by
 * its reference before anything else happens to it.
 */

/** Why a row went back to the queue: each one is evidence that no notification was created. */
type RequeueReason = 'rate-limited' | 'not-sent' | 'not-found' | 'stopped';

/** One line of a batch's journal. `r` is the row's number in the sheet (2 for the first data row). */
export type JournalEntry =
  | { k: 'flight'; r: number; at: number }
  | { k: 'sent'; r: number; at: number; id: string; via: 'answer' | 'lookup' }
  | { k: 'failed'; r: number; at: number; status: number; error: string | null; message: string }
  | { k: 'unknown'; r: number; at: number; reason: string }
  | { k: 'requeue'; r: number; at: number; why: RequeueReason }
  | { k: 'batch'; at: number; state: BatchState; message?: string };

/** A batch as a whole. `stopped` needs the user (a daily limit, a revoked key); `done` is final. */
export type BatchState = 'ready' | 'running' | 'paused' | 'stopped' | 'cancelled' | 'done';

export type RowState =
  | { state: 'queued'; attempts: number }
  | { state: 'in-flight'; attempts: number; since: number }
  | { state: 'unknown'; attempts: number; since: number; reason: string }
  | { state: 'sent'; attempts: number; id: string; via: 'answer' | 'lookup'; at: number }
  | { state: 'failed'; attempts: number; status: number; error: string | null; message: string };

export interface BatchProgressCounts {
  total: number;
  queued: number;
  inFlight: number;
  unknown: number;
  sent: number;
  failed: number;
}

/** Applies one journal entry to the row states (indexed by row number − 2). */
export function applyEntry(rows: RowState[], entry: JournalEntry): void {
  if (entry.k === 'batch') return;
  const i = entry.r - 2;
  const row = rows[i];
  if (row === undefined) return;
  switch (entry.k) {
    case 'flight':
      rows[i] = { state: 'in-flight', attempts: row.attempts + 1, since: entry.at };
      return;
    case 'sent':
      rows[i] = { state: 'sent', attempts: row.attempts, id: entry.id, via: entry.via, at: entry.at };
      return;
    case 'failed':
      rows[i] = {
        state: 'failed',
        attempts: row.attempts,
        status: entry.status,
        error: entry.error,
        message: entry.message,
      };
      return;
    case 'unknown':
      rows[i] = {
        state: 'unknown',
        attempts: row.attempts,
        since: row.state === 'in-flight' ? row.since : entry.at,
        reason: entry.reason,
      };
      return;
    case 'requeue':
      rows[i] = { state: 'queued', attempts: row.attempts };
  }
}

/**
 * Replays a journal over `rowCount` rows. Rows left in flight become `unknown` (reason `crash`);
 * the batch state is the last one recorded.
 */
export function replay(
  rowCount: number,
  entries: readonly JournalEntry[],
): { rows: RowState[]; state: BatchState; message: string | null } {
  const rows: RowState[] = Array.from({ length: rowCount }, () => ({ state: 'queued', attempts: 0 }));
  let state: BatchState = 'ready';
  let message: string | null = null;
  for (const entry of entries) {
    if (entry.k === 'batch') {
      state = entry.state;
      message = entry.message ?? null;
    } else applyEntry(rows, entry);
  }
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.state === 'in-flight') rows[i] = { ...row, state: 'unknown', reason: 'crash' };
  }
  return { rows, state, message };
}

/** Counts rows by state. */
export function countStates(rows: readonly RowState[]): BatchProgressCounts {
  const counts: BatchProgressCounts = {
    total: rows.length,
    queued: 0,
    inFlight: 0,
    unknown: 0,
    sent: 0,
    failed: 0,
  };
  for (const row of rows) {
    if (row.state === 'queued') counts.queued++;
    else if (row.state === 'in-flight') counts.inFlight++;
    else if (row.state === 'unknown') counts.unknown++;
    else if (row.state === 'sent') counts.sent++;
    else counts.failed++;
  }
  return counts;
}
