/**
 * Template names for screens that only have a notification's `template: { id, version }`.
 *
 * Notify's notification resource names no template, so the console asks for each version it
 * meets once (`GET /v2/template/{id}/version/{version}`) and remembers the answer per profile: a
 * template version never changes, so a name once learnt stays true. A name that cannot be read
 * (the key cannot see templates, Notify is down) is `null` and is asked again next time; it never
 * fails the call that wanted it.
 */
import type { TemplateNameEntry } from '../../contract/methods';
import { mapLimit } from '../map-limit';
import type { NotifyAccess } from '../notify/notify-access';

/** Names remembered per profile before the oldest are forgotten. */
const MAX_PER_PROFILE = 2000;

interface TemplateRef {
  id: string;
  version: number;
}

export class TemplateNames {
  private readonly byProfile = new Map<string, Map<string, string>>();
  private readonly inflight = new Map<string, Promise<string | null>>();

  constructor(private readonly notify: Pick<NotifyAccess, 'withClient'>) {}

  /** The template's name at that version, or null when Notify could not tell. */
  async name(profileId: string, id: string, version: number): Promise<string | null> {
    const key = `${id}@${version}`;
    const known = this.byProfile.get(profileId)?.get(key);
    if (known !== undefined) return known;
    const flightKey = `${profileId}|${key}`;
    let flight = this.inflight.get(flightKey);
    if (!flight) {
      flight = this.notify
        .withClient(profileId, (c) => c.getTemplate(id, version))
        .then(
          (t) => {
            this.remember(profileId, key, t.name);
            return t.name;
          },
          () => null,
        )
        .finally(() => this.inflight.delete(flightKey));
      this.inflight.set(flightKey, flight);
    }
    return flight;
  }

  /**
   * The name if it is already known, else null, asking Notify in the background so the next
   * answer has it: for lists that must answer at once (the followed notifications).
   */
  known(profileId: string, id: string, version: number): string | null {
    const name = this.byProfile.get(profileId)?.get(`${id}@${version}`);
    if (name !== undefined) return name;
    void this.name(profileId, id, version);
    return null;
  }

  /** The names of distinct template versions, a few requests at a time; unknown ones are left out. */
  async names(profileId: string, refs: Iterable<TemplateRef>): Promise<TemplateNameEntry[]> {
    const distinct = new Map<string, TemplateRef>();
    for (const r of refs) distinct.set(`${r.id}@${r.version}`, r);
    const named = await mapLimit([...distinct.values()], 4, async (r) => ({
      ...r,
      name: await this.name(profileId, r.id, r.version),
    }));
    return named.filter((n): n is TemplateNameEntry => n.name !== null);
  }

  private remember(profileId: string, key: string, name: string): void {
    let names = this.byProfile.get(profileId);
    if (!names) this.byProfile.set(profileId, (names = new Map()));
    names.set(key, name);
    if (names.size > MAX_PER_PROFILE) {
      const oldest = names.keys().next().value;
      if (oldest !== undefined) names.delete(oldest);
    }
  }
}

const shared = new WeakMap<object, TemplateNames>();

/**
 * The one name cache of a core, shared by the services that show templates (history, status,
 * support), keyed by the core's Notify access so services built from it share what they learnt.
 */
export function templateNamesFor(notify: Pick<NotifyAccess, 'withClient'>): TemplateNames {
  let names = shared.get(notify);
  if (!names) shared.set(notify, (names = new TemplateNames(notify)));
  return names;
}
