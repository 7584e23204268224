/**
 * The sync engine's {@link NotificationSource} over the console's Notify client: the one place
 * that knows the client's method and error names, so a rename in core is a change here only.
 *
 * Give it a client made for the sync with a single attempt (`retry: { attempts: 1 }`), so 429s
 * come back here and the engine waits them out between pages rather than inside one request.
 */
import { NotifyApiError } from '../notify/errors';
import type { NotificationSource } from './ports';

/** The part of `NotifyClient` the sync uses. */
interface ListingClient {
  getNotifications(filters: { older_than?: string; include_jobs?: boolean }): Promise<{
    notifications: readonly unknown[];
  }>;
}

export function notifyClientSource(client: ListingClient): NotificationSource {
  return {
    async fetchPage(olderThan) {
      try {
        const page = await client.getNotifications({
          include_jobs: true,
          ...(olderThan === null ? {} : { older_than: olderThan }),
        });
        return { kind: 'page', notifications: page.notifications };
      } catch (err) {
        if (err instanceof NotifyApiError && err.status === 429) {
          return {
            kind: 'rate-limited',
            retryAfterMs: err.retryAfterSeconds === null ? null : err.retryAfterSeconds * 1000,
          };
        }
        throw err;
      }
    },
  };
}
