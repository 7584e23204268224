/**
 * Profiles that point at the embedded sandbox follow it (issue 9.1): a profile saved with the
 * sandbox's address is marked, and its requests go wherever the sandbox listens now, even when a
 * restart had to move it to another port. The saved base URL is kept as it was (the profile's key
 * is bound to it); only the address requests use changes.
 */
import { normaliseBaseUrl } from '../../../src-shared/notify/key-destination';
import type { Profile } from './profile-model';

/** Where the embedded sandbox listens now, or null (no sandbox, or not running). */
export type SandboxUrl = () => string | null;

/** Whether `baseUrl` is the embedded sandbox's address right now. */
export function isEmbeddedSandboxUrl(baseUrl: string, sandboxUrl: SandboxUrl): boolean {
  const current = sandboxUrl();
  return current !== null && sameOrigin(baseUrl, current);
}

/** The base URL the profile's requests use: the sandbox's current address for a marked profile. */
export function effectiveBaseUrl(
  profile: Pick<Profile, 'baseUrl' | 'embeddedSandbox'>,
  sandboxUrl: SandboxUrl,
): string {
  if (!profile.embeddedSandbox) return profile.baseUrl;
  return sandboxUrl() ?? profile.baseUrl;
}

function sameOrigin(a: string, b: string): boolean {
  const [x, y] = [normaliseBaseUrl(a), normaliseBaseUrl(b)];
  if (!x.ok || !y.ok) return false;
  try {
    return new URL(x.value).origin === new URL(y.value).origin;
  } catch {
    return false;
  }
}
