/**
 * One search box for support: an id or a reference, across every profile that has a key.
 *
 * An id is looked up directly (Notify finds it whichever key type sent it); any query is also
 * tried as a client reference. A profile that fails is reported, and does not stop the others.
 */
import { isUuid } from '../../../src-shared/notify/ids';
import type { Notification } from '../../../src-shared/notify/resources';
import type { MethodOutput } from '../../contract/methods';
import { mapLimit } from '../map-limit';
import { NotifyApiError } from '../notify/errors';
import type { NotifyAccess } from '../notify/notify-access';
import type { ProfileDirectory } from '../profiles/profile-directory';

type LookupResult = MethodOutput<'notifications.lookup'>;

export class LookupService {
  constructor(
    private readonly profiles: ProfileDirectory,
    private readonly notify: NotifyAccess,
  ) {}

  async lookup(query: string): Promise<LookupResult> {
    const q = query.trim();
    const results: LookupResult['results'] = [];
    const found = (profileId: string, profileName: string, n: Notification) => {
      if (!results.some((r) => r.profileId === profileId && r.notification.id === n.id))
        results.push({ profileId, profileName, notification: n });
    };
    const searched = await mapLimit(
      this.profiles.list().filter((p) => !p.needsKey),
      4,
      async (p) => {
        try {
          if (isUuid(q)) {
            try {
              found(p.id, p.name, await this.notify.withClient(p.id, (c) => c.getNotification(q)));
            } catch (err) {
              if (!(err instanceof NotifyApiError && err.status === 404)) throw err;
            }
          }
          for (const n of await this.notify.withClient(p.id, (c) => c.findByReference(q)))
            found(p.id, p.name, n);
          return { profileId: p.id, profileName: p.name, error: null };
        } catch (err) {
          return {
            profileId: p.id,
            profileName: p.name,
            error: err instanceof Error ? err.message : 'failed',
          };
        }
      },
    );
    return { results, searched };
  }
}
