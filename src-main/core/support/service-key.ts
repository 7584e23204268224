/**
 * Which Notify service a profile reaches: its base URL and its key's service id.
 *
 * Two profiles of one service (the built-in test profile and one the user added with the same kind
 * of key, or a live and a team key, which list the same notifications) see the same notifications.
 * Support's lookup and failure summary count and list each notification once per service, naming
 * every profile it was seen through, instead of once per profile.
 */
import type { ProfileRef } from '../../contract/methods';
import type { PublicProfile } from '../../contract/schemas';

/** A base URL compared as Notify would route it: scheme and host in lower case, no trailing slash. */
function normaliseBaseUrl(baseUrl: string): string {
  try {
    const url = new URL(baseUrl.trim());
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`.toLowerCase();
  } catch {
    return baseUrl.trim().toLowerCase();
  }
}

/** The service a profile's key belongs to; a profile without a key is a service of its own. */
export function serviceKeyOf(profile: Pick<PublicProfile, 'id' | 'baseUrl' | 'key'>): string {
  if (!profile.key) return `profile:${profile.id}`;
  return `${normaliseBaseUrl(profile.baseUrl)}|${profile.key.serviceId.toLowerCase()}`;
}

/** The profiles in the directory's order (built-in first, then the user's), whatever order they answered in. */
export function inDirectoryOrder(
  ids: Iterable<string>,
  profiles: readonly Pick<PublicProfile, 'id' | 'name'>[],
): ProfileRef[] {
  const wanted = new Set(ids);
  return profiles.filter((p) => wanted.has(p.id)).map((p) => ({ profileId: p.id, profileName: p.name }));
}
