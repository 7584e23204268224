/**
 * The Archive screen's address: `#/archive`, `#/archive?recipient=…&from=2026-11-01` (a search,
 * so a link or a reload repeats it) and `#/archive/<notification id>` (one archived notification).
 *
 * Only the search fields below may appear, each at most once and no longer than the contract takes
 * it; values are percent-encoded by URLSearchParams. Parsing is strict and total like the other
 * routes (../../state/url-route.ts): anything else gives null and never throws, and whatever parses
 * is written back exactly. While presenting, the screen leaves the recipient and reference out of
 * the address (see archive-screen.tsx), since the address bar is not masked.
 */
import { UUID_PATTERN } from '../../../src-shared/notify/ids';
import { MAX_EMAIL_ADDRESS_LENGTH, MAX_REFERENCE_LENGTH } from '../../../src-shared/notify/limits';

const ARCHIVE_QUERY_FIELDS = [
  'recipient',
  'reference',
  'id',
  'templateId',
  'status',
  'type',
  'profileId',
  'from',
  'to',
] as const;
export type ArchiveQueryField = (typeof ARCHIVE_QUERY_FIELDS)[number];
/** The search as the form and the address hold it: text, empty when unset. */
export type ArchiveQuery = Partial<Record<ArchiveQueryField, string>>;
/** The fields holding personal data, left out of the address while presenting. */
export const PERSONAL_FIELDS: readonly ArchiveQueryField[] = ['recipient', 'reference'];

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CHECKS: Record<ArchiveQueryField, (v: string) => boolean> = {
  recipient: (v) => v.length <= MAX_EMAIL_ADDRESS_LENGTH,
  reference: (v) => v.length <= MAX_REFERENCE_LENGTH,
  id: (v) => UUID_PATTERN.test(v),
  templateId: (v) => UUID_PATTERN.test(v),
  status: (v) => /^[a-z-]{1,40}$/.test(v),
  type: (v) => v === 'sms' || v === 'email' || v === 'letter',
  profileId: (v) => /^[A-Za-z0-9_-]{1,64}$/.test(v),
  from: (v) => DATE.test(v) && Number.isFinite(Date.parse(v)),
  to: (v) => DATE.test(v) && Number.isFinite(Date.parse(v)),
};
/** Every field at its longest, percent-encoded three bytes a character, fits well inside this. */
const MAX_HASH_LENGTH = 8192;

/** The query without empty fields, in a fixed order (so equal searches give equal addresses). */
export function cleanQuery(query: ArchiveQuery): ArchiveQuery {
  const out: ArchiveQuery = {};
  for (const field of ARCHIVE_QUERY_FIELDS) {
    const value = query[field]?.trim();
    if (value && CHECKS[field](value)) out[field] = value;
  }
  return out;
}

/** The fragment for the archive screen, a search on it, or one archived notification. */
export function archiveToHash(route: { query?: ArchiveQuery; id?: string }): string {
  if (route.id !== undefined && UUID_PATTERN.test(route.id)) return `#/archive/${route.id}`;
  const params = new URLSearchParams(cleanQuery(route.query ?? {}) as Record<string, string>);
  const text = params.toString();
  return text ? `#/archive?${text}` : '#/archive';
}

/** The archive route a fragment names, or null (the fragment is known to start with `#/archive`). */
export function hashToArchive(hash: string): { query?: ArchiveQuery; id?: string } | null {
  if (hash.length > MAX_HASH_LENGTH) return null;
  if (hash === '#/archive') return {};
  const one = /^#\/archive\/([0-9a-fA-F-]{32,36})$/.exec(hash);
  if (one) return UUID_PATTERN.test(one[1]!) ? { id: one[1]! } : null;
  if (!hash.startsWith('#/archive?')) return null;
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(hash.slice('#/archive?'.length));
  } catch {
    return null;
  }
  const query: ArchiveQuery = {};
  for (const [key, value] of params) {
    const field = key as ArchiveQueryField;
    if (!ARCHIVE_QUERY_FIELDS.includes(field) || field in query) return null;
    if (!value || value !== value.trim() || !CHECKS[field](value)) return null;
    query[field] = value;
  }
  if (Object.keys(query).length === 0) return null;
  // Written back exactly, or it is not one of ours (another order, another encoding).
  return archiveToHash({ query }) === hash ? { query } : null;
}
