/**
 * Pages through `GET /v2/notifications` with `older_than`, caching pages per profile and filter.
 *
 * Notify pages by the id of the last notification seen; the pager remembers each page it fetched
 * (keyed by profile, filters and cursor) for a short time so scrolling back is free, and lets the
 * user cancel a slow load. A cancelled load rejects with `PageCancelledError` and caches nothing.
 */
import { CoreError } from '../ports';

interface HistoryQuery {
  template_type?: string[];
  status?: string[];
  reference?: string;
  include_jobs?: boolean;
}

export interface HistorySource<N extends { id: string }> {
  getNotifications(
    query: HistoryQuery & { older_than?: string },
    signal?: AbortSignal,
  ): Promise<{ notifications: N[] }>;
}

interface HistoryPage<N> {
  notifications: N[];
  nextOlderThan: string | null;
  fromCache: boolean;
}

/** Raised for a load the user cancelled; the RPC layer passes it on as `cancelled`. */
class PageCancelledError extends CoreError {
  override name = 'PageCancelledError';
  constructor() {
    super('cancelled', 'Loading was cancelled.');
  }
}

const PAGE_SIZE = 250;

export class HistoryPager<N extends { id: string }> {
  private readonly cache = new Map<string, { at: number; page: HistoryPage<N> }>();
  private readonly inflight = new Map<string, Set<AbortController>>();

  constructor(private readonly opts: { ttlMs?: number; maxEntries?: number; now?: () => number } = {}) {}

  /** One page: the newest (no cursor) or the one after `olderThan`. */
  async page(
    profileId: string,
    source: HistorySource<N>,
    query: HistoryQuery,
    olderThan?: string,
  ): Promise<HistoryPage<N>> {
    const key = `${profileId}|${canonical(query)}|${olderThan ?? ''}`;
    const now = (this.opts.now ?? Date.now)();
    const hit = this.cache.get(key);
    // The first page is always fresh: new notifications arrive at the top.
    if (hit && olderThan && now - hit.at < (this.opts.ttlMs ?? 60_000))
      return { ...hit.page, fromCache: true };
    const controller = new AbortController();
    let set = this.inflight.get(profileId);
    if (!set) this.inflight.set(profileId, (set = new Set()));
    set.add(controller);
    try {
      const res = await source.getNotifications(
        { ...query, ...(olderThan ? { older_than: olderThan } : {}) },
        controller.signal,
      );
      if (controller.signal.aborted) throw new PageCancelledError();
      const last = res.notifications[res.notifications.length - 1];
      const page: HistoryPage<N> = {
        notifications: res.notifications,
        // Notify gives `next` whenever a page is non-empty; a short page is the last one.
        nextOlderThan: last && res.notifications.length >= PAGE_SIZE ? last.id : null,
        fromCache: false,
      };
      this.cache.set(key, { at: now, page });
      this.trim();
      return page;
    } catch (err) {
      if (controller.signal.aborted) throw new PageCancelledError();
      throw err;
    } finally {
      set.delete(controller);
    }
  }

  /** Cancels every page load in progress for a profile; returns how many. */
  cancel(profileId: string): number {
    const set = this.inflight.get(profileId);
    if (!set) return 0;
    const n = set.size;
    for (const c of set) c.abort();
    set.clear();
    return n;
  }

  /** Drops a profile's cached pages (after a send, or when its key changes). */
  invalidate(profileId: string): void {
    for (const k of this.cache.keys()) if (k.startsWith(`${profileId}|`)) this.cache.delete(k);
  }

  private trim(): void {
    const max = this.opts.maxEntries ?? 400;
    while (this.cache.size > max) {
      const first = this.cache.keys().next().value;
      if (first === undefined) break;
      this.cache.delete(first);
    }
  }
}

function canonical(q: HistoryQuery): string {
  return JSON.stringify({
    t: [...(q.template_type ?? [])].sort(),
    s: [...(q.status ?? [])].sort(),
    r: q.reference ?? null,
    j: q.include_jobs ?? false,
  });
}
