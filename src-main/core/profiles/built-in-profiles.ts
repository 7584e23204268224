/**
 * The embedded sandbox's profiles: ready on first run, with keys that never touch the console's disk.
 *
 * Their keys are read from the running sandbox at start-up and kept in memory only, so the console
 * works at once (even while a passphrase vault is locked) and a scan of the console's data finds
 * no key. They cannot be edited or deleted; they disappear with `--no-notify-sandbox`. What Notify
 * says about their keys (last used, revoked) is kept in memory too.
 */
import { describeKeyForRenderer, parseApiKey, type ApiKey } from '../../../src-shared/notify/api-key';
import type { PublicProfile } from '../../contract/schemas';
import type { SandboxService } from '../ports';
import { ProfileNotFoundError } from './profile-errors';
import { KEY_USE_WRITE_INTERVAL_MS, sameKey, type StoredKeyInfo } from './profile-model';
import {
  keyInfoOf,
  keyInUse,
  type ApiKeyInUse,
  type KeyObservation,
  type ProfileSource,
} from './profile-source';
import type { SandboxUrl } from './embedded-sandbox-url';
import { revokedKeyProblem } from './public-profile';

const LAYOUT = [
  { id: 'sandbox-test', service: 0, keyType: 'test', name: 'Local sandbox', colour: '#00703c' },
  { id: 'sandbox-live', service: 0, keyType: 'normal', name: 'Local sandbox (live key)', colour: '#d4351c' },
  { id: 'sandbox-team', service: 0, keyType: 'team', name: 'Local sandbox (team key)', colour: '#1d70b8' },
  { id: 'sandbox-trial', service: 1, keyType: 'team', name: 'Trial service (team key)', colour: '#4c2c92' },
] as const;

const LABEL = { normal: 'live', team: 'team', test: 'test' } as const;

interface BuiltIn {
  profile: PublicProfile;
  key: ApiKey;
}

export class BuiltInProfiles implements ProfileSource {
  readonly editable = false;
  private builtIns: BuiltIn[] = [];
  /** When a key's use was last recorded, per profile: the same throttle stored profiles use. */
  private readonly useSeen = new Map<string, number>();

  /**
   * The profiles for the embedded sandbox whose demo services are `services`, at wherever
   * `sandboxUrl` says it listens (it may move when it restarts); none while it does not run.
   */
  constructor(
    private readonly sandboxUrl: SandboxUrl,
    services: readonly SandboxService[],
    private readonly now: () => number = Date.now,
  ) {
    this.replaceServices(services);
  }

  /** Rebuilds the profiles from the sandbox's services (after its data was moved aside, say). */
  replaceServices(services: readonly SandboxService[]): void {
    this.builtIns = [];
    this.useSeen.clear();
    for (const l of LAYOUT) {
      const service = services[l.service];
      const raw = service?.apiKeys.find((k) => k.keyType === l.keyType && !k.revoked);
      const parsed = raw ? parseApiKey(raw.apiKey) : null;
      if (!parsed?.ok) continue;
      const described = describeKeyForRenderer(parsed.key, LABEL[l.keyType]);
      this.builtIns.push({
        key: parsed.key,
        profile: {
          id: l.id,
          name: l.name,
          // Filled in by list(): the sandbox's address when asked.
          baseUrl: '',
          keyType: described.keyType,
          keyTypeLabel: described.keyTypeLabel,
          colour: l.colour,
          proxy: null,
          createdAt: new Date(0).toISOString(),
          needsKey: false,
          keyProblem: null,
          key: {
            name: described.name,
            serviceId: described.serviceId,
            last4: described.last4,
            masked: described.masked,
            addedAt: null,
            lastUsedAt: null,
            revokedSeenAt: null,
          },
          isSandbox: true,
          builtIn: true,
        },
      });
    }
  }

  list(): PublicProfile[] {
    const baseUrl = this.sandboxUrl();
    if (baseUrl === null) return [];
    return this.builtIns.map((b) => ({ ...b.profile, baseUrl }));
  }

  async withApiKey<T>(profileId: string, fn: (key: ApiKeyInUse) => Promise<T> | T): Promise<T> {
    const b = this.find(profileId);
    const baseUrl = this.sandboxUrl();
    if (baseUrl === null) throw new ProfileNotFoundError(profileId);
    return fn(keyInUse(b.profile.id, baseUrl, null, b.key));
  }

  async observeKey(profileId: string, key: StoredKeyInfo, verdict: KeyObservation): Promise<boolean> {
    const b = this.builtIns.find((x) => x.profile.id === profileId);
    const current = b?.profile.key;
    if (!b || !current || !sameKey(keyInfoOf(b.key), key)) return false;
    const now = this.now();
    if (verdict === 'accepted') {
      const last = this.useSeen.get(profileId);
      if (last !== undefined && now >= last && now - last < KEY_USE_WRITE_INTERVAL_MS) return false;
      this.useSeen.set(profileId, now);
      b.profile = { ...b.profile, key: { ...current, lastUsedAt: new Date(now).toISOString() } };
      return true;
    }
    if (current.revokedSeenAt !== null) return false;
    const at = new Date(now).toISOString();
    b.profile = {
      ...b.profile,
      key: { ...current, revokedSeenAt: at },
      keyProblem: revokedKeyProblem(at, true),
    };
    return true;
  }

  private find(profileId: string): BuiltIn {
    const b = this.builtIns.find((x) => x.profile.id === profileId);
    if (!b) throw new ProfileNotFoundError(profileId);
    return b;
  }
}
