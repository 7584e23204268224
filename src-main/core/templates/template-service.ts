/**
 * A profile's templates: the list, one at a version, every version, and Notify's preview.
 */
import type { Template, TemplatePreview } from '../../../src-shared/notify/resources';
import type { NotifyAccess } from '../notify/notify-access';
import { mapLimit } from '../map-limit';

/** Versions read for a template's history, newest first: more is not useful in a console. */
const MAX_VERSIONS = 100;

export class TemplateService {
  constructor(private readonly notify: NotifyAccess) {}

  list(profileId: string, type?: 'sms' | 'email' | 'letter'): Promise<Template[]> {
    return this.notify.withClient(profileId, async (c) => (await c.getTemplates(type)).templates);
  }

  get(profileId: string, id: string, version?: number): Promise<Template> {
    return this.notify.withClient(profileId, (c) => c.getTemplate(id, version));
  }

  /** The latest version and the ones before it, newest first, at most {@link MAX_VERSIONS}. */
  versions(profileId: string, id: string): Promise<Template[]> {
    return this.notify.withClient(profileId, async (c) => {
      const latest = await c.getTemplate(id);
      const numbers = Array.from(
        { length: Math.min(latest.version, MAX_VERSIONS) },
        (_, k) => latest.version - k,
      );
      return mapLimit(numbers, 4, (v) =>
        v === latest.version ? Promise.resolve(latest) : c.getTemplate(id, v),
      );
    });
  }

  preview(
    profileId: string,
    id: string,
    personalisation?: Record<string, unknown>,
  ): Promise<TemplatePreview> {
    return this.notify.withClient(profileId, (c) => c.previewTemplate(id, personalisation));
  }
}
