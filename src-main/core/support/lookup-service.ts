/**
 * One search box for support: an id or a reference, across every profile that has a key.
 *
 * An id is looked up directly (Notify finds it whichever key type sent it); any query is also
 * tried as a client reference. A profile that fails is reported, and does not stop the others.
 * Each notification is one result per service, with every profile that found it (./service-key.ts).
 */
import { isUuid } from '../../../src-shared/notify/ids';
import type { Notification } from '../../../src-shared/notify/resources';
import type { MethodOutput } from '../../contract/methods';
import { mapLimit } from '../map-limit';
import { NotifyApiError } from '../notify/errors';
import type { NotifyAccess } from '../notify/notify-access';
import type { ProfileDirectory } from '../profiles/profile-directory';
import { templateNamesFor, type TemplateNames } from '../templates/template-names';
import { inDirectoryOrder, serviceKeyOf } from './service-key';

type LookupResult = MethodOutput<'notifications.lookup'>;

interface Found {
  notification: Notification;
  profileIds: Set<string>;
}

export class LookupService {
  private readonly names: TemplateNames;

  constructor(
    private readonly profiles: ProfileDirectory,
    private readonly notify: NotifyAccess,
    names?: TemplateNames,
  ) {
    this.names = names ?? templateNamesFor(notify);
  }

  async lookup(query: string): Promise<LookupResult> {
    const q = query.trim();
    const profiles = this.profiles.list().filter((p) => !p.needsKey);
    const found = new Map<string, Found>();
    const add = (profile: (typeof profiles)[number], n: Notification) => {
      const key = `${serviceKeyOf(profile)}|${n.id}`;
      const entry = found.get(key);
      if (entry) entry.profileIds.add(profile.id);
      else found.set(key, { notification: n, profileIds: new Set([profile.id]) });
    };
    const searched = await mapLimit(profiles, 4, async (p) => {
      try {
        if (isUuid(q)) {
          try {
            add(p, await this.notify.withClient(p.id, (c) => c.getNotification(q)));
          } catch (err) {
            if (!(err instanceof NotifyApiError && err.status === 404)) throw err;
          }
        }
        for (const n of await this.notify.withClient(p.id, (c) => c.findByReference(q))) add(p, n);
        return { profileId: p.id, profileName: p.name, error: null };
      } catch (err) {
        return {
          profileId: p.id,
          profileName: p.name,
          error: err instanceof Error ? err.message : 'failed',
        };
      }
    });
    const results = await mapLimit([...found.values()], 4, async (f) => {
      const via = inDirectoryOrder(f.profileIds, profiles);
      const first = via[0] as { profileId: string; profileName: string };
      const n = f.notification;
      return {
        ...first,
        notification: n,
        profiles: via,
        templateName: await this.names.name(first.profileId, n.template.id, n.template.version),
      };
    });
    return { results, searched };
  }
}
