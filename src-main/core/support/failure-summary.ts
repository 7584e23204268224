/**
 * Failures grouped by reason and template across profiles: the latest page of each profile's
 * failed notifications, counted per status and template, most frequent first, each explained.
 */
import { explainStatus } from '../../../src-shared/notify/explain';
import type { MethodOutput } from '../../contract/methods';
import { mapLimit } from '../map-limit';
import type { NotifyAccess } from '../notify/notify-access';
import type { ProfileDirectory } from '../profiles/profile-directory';

type Summary = MethodOutput<'failures.summary'>;
type Group = Omit<Summary['groups'][number], 'explanation'> & { type: 'sms' | 'email' | 'letter' };

/** How many example ids a group keeps. */
const SAMPLES = 5;

export class FailureSummary {
  constructor(
    private readonly profiles: ProfileDirectory,
    private readonly notify: NotifyAccess,
  ) {}

  async summary(profileIds?: readonly string[]): Promise<Summary> {
    const profiles = this.profiles
      .list()
      .filter((p) => !p.needsKey && (!profileIds || profileIds.includes(p.id)));
    const groups = new Map<string, Group>();
    const errors: Summary['errors'] = [];
    await mapLimit(profiles, 4, async (p) => {
      try {
        const list = await this.notify.withClient(p.id, (c) => c.getNotifications({ status: ['failed'] }));
        for (const n of list.notifications) {
          const key = `${p.id}|${n.status}|${n.template.id}`;
          let g = groups.get(key);
          if (!g) {
            g = {
              status: n.status,
              templateId: n.template.id,
              profileId: p.id,
              profileName: p.name,
              count: 0,
              latest: n.created_at,
              type: n.type,
              sampleIds: [],
            };
            groups.set(key, g);
          }
          g.count++;
          if (n.created_at > g.latest) g.latest = n.created_at;
          if (g.sampleIds.length < SAMPLES) g.sampleIds.push(n.id);
        }
      } catch (err) {
        errors.push({ profileId: p.id, error: err instanceof Error ? err.message : 'failed' });
      }
    });
    return {
      groups: [...groups.values()]
        .sort((a, b) => b.count - a.count || b.latest.localeCompare(a.latest))
        .map(({ type, ...g }) => ({ ...g, explanation: explainStatus(type, g.status) })),
      errors,
    };
  }
}
