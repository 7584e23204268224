/**
 * Every profile the console knows, whichever {@link ProfileSource} it comes from, and which one is
 * active. The services ask this for a profile's key, and never branch on built-in or stored.
 */
import type { PublicProfile } from '../../contract/schemas';
import { BuiltInProfileError } from '../errors';
import type { KeyValueStore, Logger } from '../ports';
import { ProfileNotFoundError } from './profile-errors';
import type { StoredKeyInfo } from './profile-model';
import type { ApiKeyInUse, KeyObservation, ProfileSource } from './profile-source';
import type { StoredProfiles } from './stored-profiles';

const ACTIVE_KEY = 'console.activeProfileId';

interface ProfileDirectoryOptions {
  /** The embedded sandbox's profiles first, then the user's. */
  builtIn: ProfileSource;
  stored: StoredProfiles;
  store: KeyValueStore;
  logger: Logger;
  /** Told when a profile as listed changed without a call asking (a key's last use, a revocation). */
  onChange: () => void;
}

export class ProfileDirectory {
  readonly stored: StoredProfiles;
  private readonly sources: readonly ProfileSource[];

  constructor(private readonly options: ProfileDirectoryOptions) {
    this.stored = options.stored;
    this.sources = [options.builtIn, options.stored];
  }

  list(): PublicProfile[] {
    return this.sources.flatMap((s) => s.list());
  }

  /** One profile; throws ProfileNotFoundError when there is none with that id. */
  get(id: string): PublicProfile {
    const p = this.list().find((x) => x.id === id);
    if (!p) throw new ProfileNotFoundError(id);
    return p;
  }

  /** Throws {@link BuiltInProfileError} unless the user may change or delete the profile. */
  requireEditable(id: string): void {
    if (!this.sourceOf(id).editable) throw new BuiltInProfileError();
  }

  /** Runs `fn` with the profile's key for one call (see {@link ProfileSource.withApiKey}). */
  withApiKey<T>(profileId: string, fn: (key: ApiKeyInUse) => Promise<T> | T): Promise<T> {
    return this.sourceOf(profileId).withApiKey(profileId, fn);
  }

  /** Records what Notify said about a key; never fails the request that learnt it. */
  observeKey(profileId: string, key: StoredKeyInfo, verdict: KeyObservation): void {
    const source = this.sources.find((s) => s.list().some((p) => p.id === profileId));
    if (!source) return;
    source.observeKey(profileId, key, verdict).then(
      (changed) => {
        if (changed) this.options.onChange();
      },
      (err: unknown) =>
        this.options.logger.warn('could not record key use', {
          profileId,
          error: err instanceof Error ? err.message : String(err),
        }),
    );
  }

  /** The active profile's id: the one chosen if it still exists, else the first there is. */
  activeId(): string | null {
    const id = this.options.store.get(ACTIVE_KEY);
    const all = this.list();
    if (typeof id === 'string' && all.some((p) => p.id === id)) return id;
    return all[0]?.id ?? null;
  }

  async setActiveId(id: string | null): Promise<void> {
    await this.options.store.set(ACTIVE_KEY, id);
  }

  private sourceOf(id: string): ProfileSource {
    const source = this.sources.find((s) => s.list().some((p) => p.id === id));
    if (!source) throw new ProfileNotFoundError(id);
    return source;
  }
}
