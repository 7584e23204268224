/**
 * What the console does with profiles: the directory's reads, the stored profiles' changes (never a
 * built-in one), "Test connection", export and import, each telling listeners what changed.
 */
import type { MethodInput, MethodOutput } from '../../contract/methods';
import type { PublicProfile } from '../../contract/schemas';
import type { Notification } from '../../../src-shared/notify/resources';
import type { CoreEvents } from '../events';
import type { HistoryPager } from '../history/history-pager';
import { testConnection, type ConnectionTestResult } from '../notify/connection-test';
import type { StatusTracker } from '../tracking/status-tracker';
import type { ProfileDirectory } from './profile-directory';
import { keyInfoOf } from './profile-source';

export class ProfileService {
  constructor(
    private readonly directory: ProfileDirectory,
    private readonly events: CoreEvents,
    private readonly tracker: Pick<StatusTracker<Notification>, 'forgetProfile'>,
    private readonly pager: Pick<HistoryPager<Notification>, 'invalidate'>,
  ) {}

  list(): MethodOutput<'profiles.list'> {
    return { profiles: this.directory.list(), activeId: this.directory.activeId() };
  }

  /** Adds a profile of the user's, and makes it the active one. */
  async create(input: MethodInput<'profiles.create'>): Promise<PublicProfile> {
    const p = await this.directory.stored.create(input);
    await this.directory.setActiveId(p.id);
    this.events.emit('profiles.changed', { activeId: p.id });
    return p;
  }

  async update(
    id: string,
    patch: Omit<MethodInput<'profiles.update'>, 'id'>,
  ): Promise<MethodOutput<'profiles.update'>> {
    this.directory.requireEditable(id);
    const r = await this.directory.stored.update(id, patch);
    this.pager.invalidate(id);
    this.changed();
    return r;
  }

  async delete(id: string): Promise<void> {
    this.directory.requireEditable(id);
    await this.directory.stored.delete(id);
    this.tracker.forgetProfile(id);
    this.pager.invalidate(id);
    this.changed();
  }

  async setActive(id: string): Promise<string> {
    this.directory.get(id);
    await this.directory.setActiveId(id);
    this.events.emit('profiles.changed', { activeId: id });
    return id;
  }

  /**
   * "Test connection", for a profile or for settings being typed in. The key goes only where the
   * key destination rule allows (the Notify client applies it); a profile's test also records what
   * Notify said about its key.
   */
  testConnection(input: MethodInput<'profiles.testConnection'>): Promise<ConnectionTestResult> {
    if ('id' in input) {
      return this.directory.withApiKey(input.id, (k) =>
        testConnection({
          baseUrl: k.baseUrl,
          apiKey: k.key.value,
          proxy: k.proxy,
          onKeyVerdict: (v) => {
            if (v === 'accepted' || v === 'revoked')
              this.directory.observeKey(k.profileId, keyInfoOf(k.key), v);
          },
        }),
      );
    }
    return testConnection({ baseUrl: input.baseUrl, apiKey: input.apiKey, proxy: input.proxy ?? null });
  }

  exportProfiles(): string {
    return this.directory.stored.exportProfiles();
  }

  /** Imports an export file (its text); all or nothing. */
  async importProfiles(json: string): Promise<MethodOutput<'profiles.import'>> {
    const r = await this.directory.stored.importProfiles(json);
    this.changed();
    return { imported: r.imported.map((p) => p.name), skipped: r.skipped, renamed: r.renamed };
  }

  private changed(): void {
    this.events.emit('profiles.changed', { activeId: this.directory.activeId() });
  }
}
