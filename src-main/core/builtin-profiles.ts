/**
 * The embedded sandbox's profiles: ready on first run, with keys that never touch the console's disk.
 *
 * Their keys are read from the running sandbox at start-up and kept in memory only, so the console
 * works at once (even while a passphrase vault is locked) and a scan of the console's data finds
 * no key. They cannot be edited or deleted; they disappear with `--no-sandbox`.
 */
import type { PublicProfile } from '../contract/schemas';
import type { Sandbox } from '../../src-sandbox/server';
import { describeKeyForRenderer, parseApiKey } from '../../src-shared/notify/api-key';

export interface BuiltInProfile {
  profile: PublicProfile;
  apiKey: string;
}

const LAYOUT = [
  { id: 'sandbox-test', service: 0, keyType: 'test', name: 'Local sandbox', colour: '#00703c' },
  { id: 'sandbox-live', service: 0, keyType: 'normal', name: 'Local sandbox (live key)', colour: '#d4351c' },
  { id: 'sandbox-team', service: 0, keyType: 'team', name: 'Local sandbox (team key)', colour: '#1d70b8' },
  { id: 'sandbox-trial', service: 1, keyType: 'team', name: 'Trial service (team key)', colour: '#4c2c92' },
] as const;

const LABEL = { normal: 'live', team: 'team', test: 'test' } as const;

export function builtInProfiles(sandbox: Sandbox): BuiltInProfile[] {
  const info = sandbox.info();
  const out: BuiltInProfile[] = [];
  for (const l of LAYOUT) {
    const service = info.services[l.service];
    const key = service?.api_keys.find((k) => k.key_type === l.keyType && !k.revoked);
    if (!service || !key) continue;
    const keyType = LABEL[l.keyType];
    const parsed = parseApiKey(key.api_key);
    if (!parsed.ok) continue;
    const described = describeKeyForRenderer(parsed.key, keyType);
    out.push({
      apiKey: key.api_key,
      profile: {
        id: l.id,
        name: l.name,
        baseUrl: info.base_url,
        keyType,
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
          // Built-in keys are never stored: their use is tracked in memory by the core (app.ts).
          addedAt: null,
          lastUsedAt: null,
          revokedSeenAt: null,
        },
        isSandbox: true,
        builtIn: true,
      },
    });
  }
  return out;
}
