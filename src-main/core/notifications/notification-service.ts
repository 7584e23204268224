/**
 * Reading notifications: one (and following it), a page of history, a letter's PDF, the ones with
 * a reference, and what the status tracker follows, with an explanation for every one that ended
 * without delivery.
 */
import { explainStatus } from '../../../src-shared/notify/explain';
import type { Notification } from '../../../src-shared/notify/resources';
import { endedWithoutDelivery } from '../../../src-shared/statuses';
import type { HistoryFilters, TrackedNotification } from '../../contract/methods';
import type { HistoryPage, HistoryPager } from '../history/history-pager';
import type { NotifyAccess } from '../notify/notify-access';
import type { StatusTracker, TrackedEntry } from '../tracking/status-tracker';

/** A followed notification as the contract carries it. */
function trackedView(entry: TrackedEntry<Notification>): TrackedNotification {
  const n = entry.notification;
  return {
    profileId: entry.profileId,
    notification: n,
    observations: entry.observations,
    final: entry.final,
    explanation: endedWithoutDelivery(n.status) ? explainStatus(n.type, n.status) : null,
  };
}

export class NotificationService {
  constructor(
    private readonly notify: NotifyAccess,
    private readonly tracker: StatusTracker<Notification>,
    private readonly pager: HistoryPager<Notification>,
  ) {}

  /** One notification, now; what it says is recorded as an observation. */
  async get(profileId: string, id: string): Promise<TrackedNotification> {
    const n = await this.notify.withClient(profileId, (c) => c.getNotification(id));
    return trackedView(this.tracker.track(profileId, n, 'poll'));
  }

  /** Starts following a notification; false when it is already final. */
  async track(profileId: string, id: string): Promise<boolean> {
    const n = await this.notify.withClient(profileId, (c) => c.getNotification(id));
    return !this.tracker.track(profileId, n, 'poll').final;
  }

  untrack(profileId: string, id: string): void {
    this.tracker.untrack(profileId, id);
  }

  tracked(): TrackedNotification[] {
    return this.tracker.all().map(trackedView);
  }

  /** A page of history: the newest, or the one after `olderThan`. */
  list(profileId: string, filters: HistoryFilters, olderThan?: string): Promise<HistoryPage<Notification>> {
    return this.notify.withClient(profileId, (c) =>
      this.pager.page(profileId, { getNotifications: (q) => c.getNotifications(q) }, filters, olderThan),
    );
  }

  /** Cancels the profile's history loads in flight; how many there were. */
  cancelList(profileId: string): number {
    return this.pager.cancel(profileId);
  }

  /** A letter's PDF, base64-encoded. */
  async pdf(profileId: string, id: string): Promise<string> {
    return Buffer.from(await this.notify.withClient(profileId, (c) => c.getLetterPdf(id))).toString('base64');
  }

  findByReference(profileId: string, reference: string): Promise<Notification[]> {
    return this.notify.withClient(profileId, (c) => c.findByReference(reference));
  }
}
