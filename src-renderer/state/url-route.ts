/**
 * Routes as URL fragments, for deep links and Back/Forward.
 *
 * The grammar is small and only ever holds a screen name and ids, never a secret:
 *
 *   #/profiles   #/history   #/support   #/received   #/inspector
 *   #/templates                 #/templates/<template id>
 *   #/send                      #/send/<template id>
 *   #/status                    #/status/<profile id>/<notification id>
 *   #/archive  #/archive?recipient=…&from=…  #/archive/<notification id>   (../features/archive/archive-route.ts)
 *
 * Template and notification ids are UUIDs as the core accepts them (hex, hyphens optional, any
 * case); profile ids are 1 to 64 letters, digits, `-` or `_` (UUIDs for profiles the user made,
 * `sandbox-test` and the like for the built-in ones). Parsing is strict and total: anything else
 * (unknown screens, extra or empty segments, percent-encoding, query strings, over-long input)
 * gives `null` and never throws. Whatever `hashToRoute` accepts, `routeToHash` writes back exactly.
 */
import type { Route } from './routes';
import { UUID_PATTERN } from '../../src-shared/notify/ids';
import { archiveToHash, hashToArchive } from '../features/archive/archive-route';

/** The contract caps profile ids at 64 characters; links carry only URL-safe ones. */
const PROFILE_ID_RE = /^[A-Za-z0-9_-]{1,64}$/;
/** The longest fragment the grammar can produce is `#/status/` + 64 + `/` + 36 = 110 characters. */
const MAX_HASH_LENGTH = 128;
/** Only these characters appear in a well-formed fragment, so `%`, `?`, `&`, `=`, `.` never do. */
const HASH_RE = /^#\/[A-Za-z0-9_/-]+$/;

export const isRouteUuid = (value: unknown): value is string =>
  typeof value === 'string' && UUID_PATTERN.test(value);

export const isRouteProfileId = (value: unknown): value is string =>
  typeof value === 'string' && PROFILE_ID_RE.test(value);

/**
 * The fragment for a route, with its leading `#`. Ids that the grammar cannot carry are left out
 * (the link then opens the screen without them), so the result always parses.
 */
export function routeToHash(route: Route): string {
  switch (route.screen) {
    case 'templates':
    case 'send':
      return isRouteUuid(route.templateId) ? `#/${route.screen}/${route.templateId}` : `#/${route.screen}`;
    case 'status':
      return isRouteProfileId(route.profileId) && isRouteUuid(route.id)
        ? `#/status/${route.profileId}/${route.id}`
        : '#/status';
    case 'archive':
      return archiveToHash(route);
    case 'profiles':
    case 'history':
    case 'support':
    case 'received':
    case 'inspector':
      return `#/${route.screen}`;
  }
}

/** The route a fragment (as `location.hash` gives it, with its `#`) names, or null. */
export function hashToRoute(hash: unknown): Route | null {
  if (typeof hash === 'string' && (hash === '#/archive' || /^#\/archive[/?]/.test(hash))) {
    const archive = hashToArchive(hash);
    return archive ? { screen: 'archive', ...archive } : null;
  }
  if (typeof hash !== 'string' || hash.length > MAX_HASH_LENGTH || !HASH_RE.test(hash)) return null;
  const segments = hash.slice(2).split('/');
  if (segments.some((s) => s === '')) return null;
  const [screen, first, second, ...rest] = segments;
  if (rest.length) return null;
  switch (screen) {
    case 'profiles':
    case 'history':
    case 'support':
    case 'received':
    case 'inspector':
      return first === undefined ? { screen } : null;
    case 'templates':
    case 'send':
      if (first === undefined) return { screen };
      return second === undefined && isRouteUuid(first) ? { screen, templateId: first } : null;
    case 'status':
      if (first === undefined) return { screen };
      return isRouteProfileId(first) && isRouteUuid(second) ? { screen, profileId: first, id: second } : null;
    default:
      return null;
  }
}
