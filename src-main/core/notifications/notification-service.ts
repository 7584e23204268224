/**
 * Reading notifications: one (and following it), a page of history, a letter's PDF, the ones with
 * a reference, and what the status tracker follows, with an explanation for every one that ended
 * without delivery and the name of the template each was sent with.
 */
import { explainStatus } from '../../../src-shared/notify/explain';
import type { Notification } from '../../../src-shared/notify/resources';
import { endedWithoutDelivery } from '../../../src-shared/statuses';
import type { HistoryFilters, MethodOutput, TrackedNotification } from '../../contract/methods';
import type { HistoryPager } from '../history/history-pager';
import type { NotifyAccess } from '../notify/notify-access';
import { templateNamesFor, type TemplateNames } from '../templates/template-names';
import type { StatusTracker, TrackedEntry } from '../tracking/status-tracker';

/** The template a followed notification was sent with. */
const ref = (entry: TrackedEntry<Notification>): [string, number] => [
  entry.notification.template.id,
  entry.notification.template.version,
];

/** A page of history as the contract carries it. */
type NotificationPage = MethodOutput<'notifications.list'>;

export class NotificationService {
  private readonly names: TemplateNames;

  constructor(
    private readonly notify: NotifyAccess,
    private readonly tracker: StatusTracker<Notification>,
    private readonly pager: HistoryPager<Notification>,
    names?: TemplateNames,
  ) {
    this.names = names ?? templateNamesFor(notify);
  }

  /** One notification, now; what it says is recorded as an observation. */
  async get(profileId: string, id: string): Promise<TrackedNotification> {
    const n = await this.notify.withClient(profileId, (c) => c.getNotification(id));
    const entry = this.tracker.track(profileId, n, 'poll');
    return this.view(entry, await this.names.name(profileId, ...ref(entry)));
  }

  /** Starts following a notification; false when it is already final. */
  async track(profileId: string, id: string): Promise<boolean> {
    const n = await this.notify.withClient(profileId, (c) => c.getNotification(id));
    return !this.tracker.track(profileId, n, 'poll').final;
  }

  untrack(profileId: string, id: string): void {
    this.tracker.untrack(profileId, id);
  }

  /** Everything followed, named from what is already known (the status screen asked before). */
  tracked(): TrackedNotification[] {
    return this.tracker
      .all()
      .map((entry) => this.view(entry, this.names.known(entry.profileId, ...ref(entry))));
  }

  /** A page of history: the newest, or the one after `olderThan`, with its templates' names. */
  async list(profileId: string, filters: HistoryFilters, olderThan?: string): Promise<NotificationPage> {
    const page = await this.notify.withClient(profileId, (c) =>
      this.pager.page(profileId, { getNotifications: (q) => c.getNotifications(q) }, filters, olderThan),
    );
    const templateNames = await this.names.names(
      profileId,
      page.notifications.map((n) => ({ id: n.template.id, version: n.template.version })),
    );
    return { ...page, templateNames };
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

  /** A followed notification as the contract carries it. */
  private view(entry: TrackedEntry<Notification>, templateName: string | null): TrackedNotification {
    const n = entry.notification;
    return {
      profileId: entry.profileId,
      notification: n,
      observations: entry.observations,
      final: entry.final,
      explanation: endedWithoutDelivery(n.status) ? explainStatus(n.type, n.status) : null,
      templateName,
    };
  }
}
