/**
 * Failures grouped by reason and template across profiles: the latest page of each profile's
 * failed notifications, counted per service, status and template, most frequent first, each
 * explained for its channel and named by its template.
 *
 * Profiles of one service list the same notifications (./service-key.ts), so a notification is
 * counted once per service however many profiles saw it, and the group names every profile.
 */
import { explainStatus } from '../../../src-shared/notify/explain';
import type { Notification } from '../../../src-shared/notify/resources';
import type { MethodOutput } from '../../contract/methods';
import { mapLimit } from '../map-limit';
import type { NotifyAccess } from '../notify/notify-access';
import type { ProfileDirectory } from '../profiles/profile-directory';
import { templateNamesFor, type TemplateNames } from '../templates/template-names';
import { inDirectoryOrder, serviceKeyOf } from './service-key';

type Summary = MethodOutput<'failures.summary'>;
type Group = Summary['groups'][number];

/** How many example ids a group keeps. */
const SAMPLES = 5;

interface Seen {
  notification: Notification;
  service: string;
  profileIds: Set<string>;
}

interface Building {
  status: string;
  type: Notification['type'];
  templateId: string;
  versions: Set<number>;
  latest: string;
  notifications: Notification[];
  profileIds: Set<string>;
}

export class FailureSummary {
  private readonly names: TemplateNames;

  constructor(
    private readonly profiles: ProfileDirectory,
    private readonly notify: NotifyAccess,
    names?: TemplateNames,
  ) {
    this.names = names ?? templateNamesFor(notify);
  }

  async summary(profileIds?: readonly string[]): Promise<Summary> {
    const profiles = this.profiles
      .list()
      .filter((p) => !p.needsKey && (!profileIds || profileIds.includes(p.id)));
    const seen = new Map<string, Seen>();
    const errors: Summary['errors'] = [];
    await mapLimit(profiles, 4, async (p) => {
      try {
        const list = await this.notify.withClient(p.id, (c) => c.getNotifications({ status: ['failed'] }));
        const service = serviceKeyOf(p);
        for (const n of list.notifications) {
          const key = `${service}|${n.id}`;
          const entry = seen.get(key);
          if (entry) entry.profileIds.add(p.id);
          else seen.set(key, { notification: n, service, profileIds: new Set([p.id]) });
        }
      } catch (err) {
        errors.push({ profileId: p.id, error: err instanceof Error ? err.message : 'failed' });
      }
    });

    const groups = new Map<string, Building>();
    for (const { notification: n, service, profileIds: via } of seen.values()) {
      const key = `${service}|${n.status}|${n.template.id}`;
      let g = groups.get(key);
      if (!g) {
        g = {
          status: n.status,
          type: n.type,
          templateId: n.template.id,
          versions: new Set(),
          latest: n.created_at,
          notifications: [],
          profileIds: new Set(),
        };
        groups.set(key, g);
      }
      g.notifications.push(n);
      g.versions.add(n.template.version);
      for (const id of via) g.profileIds.add(id);
      if (n.created_at > g.latest) g.latest = n.created_at;
    }

    const built = await mapLimit([...groups.values()], 4, async (g): Promise<Group> => {
      const via = inDirectoryOrder(g.profileIds, profiles);
      const first = via[0] as { profileId: string; profileName: string };
      const versions = [...g.versions].sort((a, b) => b - a);
      const newest = [...g.notifications].sort((a, b) => b.created_at.localeCompare(a.created_at));
      return {
        status: g.status,
        templateId: g.templateId,
        ...first,
        count: g.notifications.length,
        latest: g.latest,
        explanation: explainStatus(g.type, g.status),
        sampleIds: newest.slice(0, SAMPLES).map((n) => n.id),
        profiles: via,
        notificationType: g.type,
        templateName: await this.names.name(first.profileId, g.templateId, versions[0] as number),
        templateVersions: versions,
      };
    });
    return {
      groups: built.sort((a, b) => b.count - a.count || b.latest.localeCompare(a.latest)),
      errors,
    };
  }
}
