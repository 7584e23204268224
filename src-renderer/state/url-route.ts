/**
 * Routes as URL fragments, for deep links and Back/Forward.
 *
 * The grammar is small and only ever holds a screen name and ids, never a secret:
 *
 *   #/profiles   #/history   #/support   #/received   #/inspector
 *   #/history?type=sms,email&status=failed&reference=order%2017&jobs=1
 *   #/templates                 #/templates/<template id>
 *   #/send                      #/send/<template id>
 *   #/status                    #/status/<profile id>/<notification id>
 *   #/bulk                      #/bulk/<batch id>
 *   #/archive  #/archive?recipient=…&from=…  #/archive/<notification id>   (../features/archive/archive-route.ts)
 *   #/sandbox                   #/sandbox/<tab>   (../features/sandbox/sandbox-route.ts)
 *
 * Template and notification ids are UUIDs as the core accepts them (hex, hyphens optional, any
 * case); profile ids are 1 to 64 letters, digits, `-` or `_` (UUIDs for profiles the user made,
 * `sandbox-test` and the like for the built-in ones). Parsing is strict and total: anything else
 * (unknown screens, extra or empty segments, percent-encoding, query strings, over-long input)
 * gives `null` and never throws. Whatever `hashToRoute` accepts, `routeToHash` writes back exactly.
 *
 * History's filters ride in a query after `#/history` so a reload, Back and a shared link keep
 * them; only the canonical form is read (keys in the order above, known values in a fixed order,
 * the reference percent-encoded as encodeURIComponent writes it), so the round trip stays exact.
 */
import type { HistoryFilters } from '../../src-main/contract/methods';
import { UUID_PATTERN } from '../../src-shared/notify/ids';
import { MAX_REFERENCE_LENGTH } from '../../src-shared/notify/limits';
import { STATUS_FILTER_VALUES } from '../../src-shared/statuses';
import type { Route } from './routes';
import { archiveToHash, hashToArchive } from '../features/archive/archive-route';
import { isSandboxTab, sandboxToHash } from '../features/sandbox/sandbox-route';

/** The contract caps profile ids at 64 characters; links carry only URL-safe ones. */
const PROFILE_ID_RE = /^[A-Za-z0-9_-]{1,64}$/;
/** The longest fragment the grammar can produce is `#/status/` + 64 + `/` + 36 = 110 characters. */
const MAX_HASH_LENGTH = 128;
/** Only these characters appear in a well-formed fragment, so `%`, `?`, `&`, `=`, `.` never do. */
const HASH_RE = /^#\/[A-Za-z0-9_/-]+$/;
/** A filtered history's fragment: a 1000-character reference percent-encodes to at most 9000. */
const MAX_HISTORY_HASH_LENGTH = 10_000;
const HISTORY_QUERY_RE = /^[A-Za-z0-9_.!~*'()%,=&-]+$/;
const TYPE_ORDER = ['sms', 'email', 'letter'] as const;

/** The filters written canonically, or '' when none filter anything. Values it cannot carry are left out. */
function historyQuery(filters: HistoryFilters | undefined): string {
  if (!filters) return '';
  const parts: string[] = [];
  const types = TYPE_ORDER.filter((t) => filters.template_type?.includes(t));
  if (types.length) parts.push(`type=${types.join(',')}`);
  const statuses = STATUS_FILTER_VALUES.filter((s) => filters.status?.includes(s));
  if (statuses.length) parts.push(`status=${statuses.join(',')}`);
  const reference = filters.reference?.trim() ?? '';
  if (reference && reference.length <= MAX_REFERENCE_LENGTH)
    parts.push(`reference=${encodeURIComponent(reference)}`);
  if (filters.include_jobs) parts.push('jobs=1');
  return parts.join('&');
}

/** A list value in the canonical order with no repeats, or null. */
function orderedSubset<T extends string>(raw: string, order: readonly T[]): T[] | null {
  const items = raw.split(',');
  const picked = order.filter((o) => items.includes(o));
  return picked.length === items.length && picked.join(',') === raw ? picked : null;
}

/** The filters of a canonical query, or null when it is anything else. */
function parseHistoryQuery(query: string): HistoryFilters | null {
  if (!HISTORY_QUERY_RE.test(query)) return null;
  const filters: HistoryFilters = {};
  const keys = ['type', 'status', 'reference', 'jobs'];
  let last = -1;
  for (const part of query.split('&')) {
    const at = part.indexOf('=');
    const key = part.slice(0, at);
    const value = part.slice(at + 1);
    const index = keys.indexOf(key);
    if (at < 1 || value === '' || index <= last) return null;
    last = index;
    if (key === 'type') {
      const types = orderedSubset(value, TYPE_ORDER);
      if (!types) return null;
      filters.template_type = types;
    } else if (key === 'status') {
      const statuses = orderedSubset(value, STATUS_FILTER_VALUES);
      if (!statuses) return null;
      filters.status = statuses;
    } else if (key === 'reference') {
      let reference: string;
      try {
        reference = decodeURIComponent(value);
      } catch {
        return null;
      }
      if (reference.trim() !== reference || reference.length > MAX_REFERENCE_LENGTH) return null;
      if (encodeURIComponent(reference) !== value) return null;
      filters.reference = reference;
    } else if (value === '1') {
      filters.include_jobs = true;
    } else {
      return null;
    }
  }
  return filters;
}

const isRouteUuid = (value: unknown): value is string =>
  typeof value === 'string' && UUID_PATTERN.test(value);

const isRouteProfileId = (value: unknown): value is string =>
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
    case 'bulk':
      return isRouteUuid(route.batchId) ? `#/bulk/${route.batchId}` : '#/bulk';
    case 'archive':
      return archiveToHash(route);
    case 'sandbox':
      return sandboxToHash(route.tab);
    case 'history': {
      const query = historyQuery(route.filters);
      return query ? `#/history?${query}` : '#/history';
    }
    case 'profiles':
    case 'support':
    case 'received':
    case 'inspector':
      return `#/${route.screen}`;
  }
}

/** The route a fragment (as `location.hash` gives it, with its `#`) names, or null. */
export function hashToRoute(hash: unknown): Route | null {
  if (typeof hash === 'string' && hash.startsWith('#/history?') && hash.length <= MAX_HISTORY_HASH_LENGTH) {
    const filters = parseHistoryQuery(hash.slice('#/history?'.length));
    return filters ? { screen: 'history', filters } : null;
  }
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
    case 'bulk':
      if (first === undefined) return { screen };
      return second === undefined && isRouteUuid(first) ? { screen, batchId: first } : null;
    case 'status':
      if (first === undefined) return { screen };
      return isRouteProfileId(first) && isRouteUuid(second) ? { screen, profileId: first, id: second } : null;
    case 'sandbox':
      if (first === undefined) return { screen };
      return second === undefined && isSandboxTab(first) && first !== 'keys' ? { screen, tab: first } : null;
    default:
      return null;
  }
}
