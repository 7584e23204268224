/**
 * Following a batch's sent rows to their final status: one status tracker for every batch (its
 * batched list polling reads up to 400 pages a round, enough for Notify's 100,000-row limit), each
 * status recorded in the batch's deliveries and the batch told it changed.
 */
import type { Notification } from '../../../src-shared/notify/resources';
import type { NotifyAccess } from '../notify/notify-access';
import type { Logger } from '../ports';
import { StatusTracker } from '../tracking/status-tracker';
import type { BatchDeliveries } from './batch-deliveries';
import type { OpenBatch } from './batches';

/** Pages the batch tracker may read a round: 400 × 250 covers Notify's 100,000-row limit. */
const TRACKER_PAGES = 400;

/** What tracking needs of a batch. */
export interface TrackedBatch {
  open: OpenBatch;
  deliveries: BatchDeliveries;
  /** Sent notifications still followed by the tracker. */
  tracked: Set<string>;
}

interface BatchTrackingOptions<B extends TrackedBatch> {
  notify: NotifyAccess;
  logger: Logger;
  /** A batch's deliveries changed (a status recorded, tracking started or ended). */
  changed(batch: B): void;
  /** Status tracker intervals (shortened in tests). */
  intervals?: { minIntervalMs?: number; maxIntervalMs?: number };
}

export class BatchTracking<B extends TrackedBatch> {
  /** `${profileId}:${notification id}` → the batch that sent it, while tracked. */
  private readonly byNotification = new Map<string, B>();
  private readonly tracker: StatusTracker<Notification>;

  constructor(private readonly o: BatchTrackingOptions<B>) {
    this.tracker = new StatusTracker<Notification>({
      sourceFor: async (profileId) => ({
        getNotification: (id) => o.notify.withClient(profileId, (c) => c.getNotification(id)),
        getNotifications: (q) => o.notify.withClient(profileId, (c) => c.getNotifications(q)),
      }),
      onUpdate: (entry, observation) => {
        if (observation.source === 'response') return; // the console's placeholder, not Notify's word
        void this.onStatus(entry.profileId, entry.notification.id, observation.status, entry.final);
      },
      maxPagesPerRound: TRACKER_PAGES,
      ...o.intervals,
    });
  }

  /** Follows every sent row of `batch` whose final status is not known yet. */
  follow(batch: B): void {
    const { profileId } = batch.open.manifest;
    for (const row of batch.open.rows) {
      if (row.state !== 'sent' || !batch.deliveries.needsTracking(row.id)) continue;
      const key = `${profileId}:${row.id}`;
      if (this.byNotification.has(key)) continue;
      this.byNotification.set(key, batch);
      batch.tracked.add(row.id);
      this.tracker.track(
        profileId,
        {
          id: row.id,
          type: batch.open.manifest.type,
          status: batch.deliveries.statusOf(row.id) ?? 'created',
          created_at: new Date(row.at).toISOString(),
        } as Notification,
        'response',
      );
    }
    batch.deliveries.tracking = batch.tracked.size > 0;
    this.o.changed(batch);
  }

  close(): void {
    this.tracker.close();
  }

  private async onStatus(profileId: string, id: string, status: string, final: boolean): Promise<void> {
    const key = `${profileId}:${id}`;
    const batch = this.byNotification.get(key);
    if (!batch) return;
    if (final) {
      this.byNotification.delete(key);
      batch.tracked.delete(id);
      this.tracker.untrack(profileId, id);
      batch.deliveries.tracking = batch.tracked.size > 0;
    }
    try {
      await batch.deliveries.record(id, status, Date.now());
    } catch (err) {
      this.o.logger.error('a delivery status could not be recorded', {
        error: err instanceof Error ? err.message : String(err),
      });
    }
    this.o.changed(batch);
  }
}
