/**
 * What Notify says of a batch's sent rows after sending (issue 11.5): each notification's latest
 * status as the status tracker observed it, kept in the batch's folder (`statuses.jsonl`, the same
 * fsync'd journal as the rows) so the results survive a restart, and tallied for the view:
 * delivered, pending, failed by Notify's status (each explained), cancelled.
 */
import { join } from 'node:path';
import { explainStatus } from '../../../src-shared/notify/explain';
import type { Explanation } from '../../../src-shared/notify/explanation';
import { statusOutcome, type TemplateType } from '../../../src-shared/statuses';
import { Journal } from './journal';
import type { RowState } from './row-states';

/** One observed status: the notification's id, its status, when it was seen. */
interface StatusEntry {
  id: string;
  s: string;
  at: number;
}

interface DeliveryTally {
  tracking: boolean;
  delivered: number;
  pending: number;
  failed: number;
  cancelled: number;
  failures: Array<{ status: string; count: number; explanation: Explanation }>;
}

/** How a row reads after sending: the outcome of its tracked status, or of its send. */
type RowOutcome = 'delivered' | 'pending' | 'failed' | 'cancelled' | 'not sent' | 'unknown';

export class BatchDeliveries {
  /** Tracking is on while some sent rows have no final status and the batch was sent. */
  tracking = false;

  private constructor(
    private readonly journal: Journal<StatusEntry>,
    private readonly statuses: Map<string, string>,
    private readonly type: TemplateType,
  ) {}

  /** Opens (or starts) the batch's statuses file and replays it. */
  static async open(dir: string, type: TemplateType): Promise<BatchDeliveries> {
    const { journal, records } = await Journal.open<StatusEntry>(join(dir, 'statuses.jsonl'));
    const statuses = new Map<string, string>();
    for (const r of records) statuses.set(r.id, r.s);
    return new BatchDeliveries(journal, statuses, type);
  }

  /** The latest status seen of a notification, or undefined. */
  statusOf(id: string): string | undefined {
    return this.statuses.get(id);
  }

  /** Records a status (written durably); false when it was already the one known. */
  async record(id: string, status: string, at: number): Promise<boolean> {
    if (this.statuses.get(id) === status) return false;
    this.statuses.set(id, status);
    await this.journal.append({ id, s: status, at });
    return true;
  }

  /** Whether a sent notification still needs following. */
  needsTracking(id: string): boolean {
    const status = this.statuses.get(id);
    return status === undefined || statusOutcome(status) === 'in-progress';
  }

  /** How one row reads now. */
  outcomeOf(row: RowState): RowOutcome {
    if (row.state === 'failed') return 'failed';
    if (row.state === 'queued') return 'not sent';
    if (row.state !== 'sent') return 'unknown';
    const status = this.statuses.get(row.id);
    if (status === undefined) return 'pending';
    const outcome = statusOutcome(status);
    if (outcome === 'delivered' || outcome === 'failed' || outcome === 'cancelled') return outcome;
    return outcome === 'in-progress' ? 'pending' : 'unknown';
  }

  /** The reason a row did not reach its recipient, in Notify's words or the console's explanation. */
  reasonOf(row: RowState): string | null {
    if (row.state === 'failed') return `${row.status} ${row.error ?? ''}: ${row.message}`.replace(' :', ':');
    if (row.state !== 'sent') return null;
    const status = this.statuses.get(row.id);
    if (status === undefined) return null;
    const outcome = statusOutcome(status);
    return outcome === 'failed' || outcome === 'cancelled' ? explainStatus(this.type, status).title : null;
  }

  /** The tally over every sent row. */
  tally(rows: readonly RowState[]): DeliveryTally {
    const out: DeliveryTally = {
      tracking: this.tracking,
      delivered: 0,
      pending: 0,
      failed: 0,
      cancelled: 0,
      failures: [],
    };
    const failures = new Map<string, number>();
    for (const row of rows) {
      if (row.state !== 'sent') continue;
      const status = this.statuses.get(row.id);
      const outcome = status === undefined ? 'in-progress' : statusOutcome(status);
      if (outcome === 'delivered') out.delivered++;
      else if (outcome === 'failed') {
        out.failed++;
        failures.set(status!, (failures.get(status!) ?? 0) + 1);
      } else if (outcome === 'cancelled') out.cancelled++;
      else out.pending++;
    }
    out.failures = [...failures]
      .sort((a, b) => b[1] - a[1])
      .map(([status, count]) => ({ status, count, explanation: explainStatus(this.type, status) }));
    return out;
  }

  close(): Promise<void> {
    return this.journal.close();
  }
}
