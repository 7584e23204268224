/**
 * A stand-in for `GET /v2/notifications` as the sync engine sees it: notifications newest first,
 * pages of 250 strictly older than `older_than`, an empty page for an unknown id (as Notify
 * answers), and scripted 429s with a Retry-After.
 */
import type { NotificationPage, NotificationSource } from '../../../../src-main/core/archive/ports';
import { fakeNotification } from './archive-fixtures';

export const PAGE_SIZE = 250;

export class FakeNotify implements NotificationSource {
  /** Newest first. */
  notifications: Record<string, unknown>[] = [];
  requests: (string | null)[] = [];
  /** Answers to give before the real ones, e.g. `{ kind: 'rate-limited', retryAfterMs: 3000 }`. */
  script: (NotificationPage | Error)[] = [];

  /** Notifications 0..count-1 (higher numbers are newer). */
  constructor(count = 0) {
    this.add(0, count);
  }

  /** Adds notifications `from`..`from+count-1` as the newest. */
  add(from: number, count: number): void {
    const added = Array.from({ length: count }, (_, k) => fakeNotification(from + k)).reverse();
    this.notifications = [...added, ...this.notifications];
  }

  async fetchPage(olderThan: string | null): Promise<NotificationPage> {
    this.requests.push(olderThan);
    const scripted = this.script.shift();
    if (scripted instanceof Error) throw scripted;
    if (scripted) return scripted;
    const start = olderThan === null ? 0 : this.notifications.findIndex((n) => n['id'] === olderThan) + 1;
    if (olderThan !== null && start === 0) return { kind: 'page', notifications: [] };
    return { kind: 'page', notifications: this.notifications.slice(start, start + PAGE_SIZE) };
  }
}
