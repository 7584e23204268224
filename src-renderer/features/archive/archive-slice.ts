/**
 * The notification archive's state in the renderer: its status (state, opt-ins, size, sync), the
 * current search and its pages, archived notifications opened, and the sync's live progress.
 */
import type {
  ArchiveStatus,
  ArchiveSyncProgress,
  ArchivedDetail,
  ArchivedSummary,
} from '../../../src-main/contract/archive';
import type { Result, RpcError } from '../../../src-main/contract/result';
import { idle, loading, settle, type Loadable } from '../../state/loadable';
import type { SliceCreator } from '../../state/types';
import type { HistoryFilters } from '../../../src-main/contract/methods';
import { archiveSearchFor, matchesHistoryFilters } from './archive-history';
import { cleanQuery, type ArchiveQuery } from './archive-route';

export interface ArchiveResults {
  /** The search these results are for (its address form), so a stale answer is dropped. */
  key: string;
  status: 'idle' | 'loading' | 'ready' | 'error';
  items: ArchivedSummary[];
  nextCursor: string | null;
  error: RpcError | null;
}

export interface ArchiveSlice {
  archiveStatus: Loadable<ArchiveStatus>;
  archiveResults: ArchiveResults;
  /** Archived notifications by id (null value: not in the archive). */
  archived: Record<string, Loadable<ArchivedDetail | null>>;
  /** Archived notifications for History (its profile and filters), merged with Notify's list there. */
  archiveHistory: ArchiveResults;
  /** The latest sync progress per profile, from the event feed. */
  archiveProgress: Record<string, ArchiveSyncProgress>;
  loadArchiveStatus(): Promise<void>;
  /** Runs a search (or, with `more`, its next page). */
  searchArchive(query: ArchiveQuery, more?: boolean): Promise<void>;
  loadArchived(id: string): Promise<void>;
  /** Loads (or, with `more`, continues) the archived notifications for History. */
  loadArchivedHistory(profileId: string, filters: HistoryFilters, more?: boolean): Promise<void>;
  setArchiveOptIn(profileId: string, optedIn: boolean): Promise<Result<unknown>>;
  syncArchive(profileId?: string, full?: boolean): Promise<Result<unknown>>;
  setArchiveRetention(months: number): Promise<Result<{ months: number; purged: number }>>;
  purgeArchive(scope: 'expired' | 'all'): Promise<Result<{ purged: number }>>;
  checkArchive(): Promise<Result<unknown>>;
  startNewArchive(): Promise<Result<unknown>>;
  /**
   * Exports notifications created in [from, to) as CSV, page by page; `onProgress` gets the count
   * so far. Resolves with the CSV text and the count, or the failure.
   */
  exportArchive(
    from: string,
    to: string,
    onProgress?: (count: number) => void,
  ): Promise<Result<{ csv: string; count: number }>>;
  applyArchiveProgress(progress: ArchiveSyncProgress): void;
  /** Whether Notify still holds a notification: `gone` when it answers 404. */
  checkNotifyHolds(profileId: string, id: string): Promise<'gone' | 'held' | 'unknown'>;
  /** The store's clock (tests set it), for "sent 23 days ago". */
  archiveNow(): number;
}

/** The contract's search input for the form's query. */
function searchInput(query: ArchiveQuery) {
  const q = cleanQuery(query);
  return {
    ...(q.recipient ? { recipient: q.recipient } : {}),
    ...(q.reference ? { reference: q.reference } : {}),
    ...(q.id ? { id: q.id } : {}),
    ...(q.templateId ? { templateId: q.templateId } : {}),
    ...(q.status ? { status: [q.status] } : {}),
    ...(q.type ? { type: q.type as 'sms' | 'email' | 'letter' } : {}),
    ...(q.profileId ? { profileId: q.profileId } : {}),
    ...(q.from ? { from: q.from } : {}),
    // The form's "to" is a day the user means to include: search up to the start of the next.
    ...(q.to ? { to: nextDay(q.to) } : {}),
  };
}

/** The day after a `YYYY-MM-DD` date, in the same form. */
function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

const queryKey = (query: ArchiveQuery) => JSON.stringify(cleanQuery(query));
const EMPTY_RESULTS: ArchiveResults = { key: '', status: 'idle', items: [], nextCursor: null, error: null };

export const createArchiveSlice: SliceCreator<ArchiveSlice> = (set, get, { api, now }) => {
  /** After a change to the archive: its status again, and the toast for a failure. */
  async function changed<T>(result: Result<T>): Promise<Result<T>> {
    if (!result.ok) get().pushToast('error', result.error.message);
    await get().loadArchiveStatus();
    return result;
  }
  return {
    archiveStatus: idle(),
    archiveResults: EMPTY_RESULTS,
    archived: {},
    archiveHistory: EMPTY_RESULTS,
    archiveProgress: {},
    async loadArchiveStatus() {
      set({ archiveStatus: loading(get().archiveStatus) });
      const result = await api.call('archive.status', {});
      set({ archiveStatus: settle(get().archiveStatus, result, (v) => v) });
    },
    async searchArchive(query, more = false) {
      const key = queryKey(query);
      const before = get().archiveResults;
      if (more && (before.key !== key || !before.nextCursor)) return;
      set({
        archiveResults: more
          ? { ...before, status: 'loading', error: null }
          : { key, status: 'loading', items: [], nextCursor: null, error: null },
      });
      const result = await api.call('archive.search', {
        ...searchInput(query),
        limit: 50,
        ...(more && before.nextCursor ? { cursor: before.nextCursor } : {}),
      });
      if (get().archiveResults.key !== key) return;
      set({
        archiveResults: result.ok
          ? {
              key,
              status: 'ready',
              items: more ? [...before.items, ...result.value.results] : result.value.results,
              nextCursor: result.value.nextCursor,
              error: null,
            }
          : { ...get().archiveResults, status: 'error', error: result.error },
      });
    },
    async loadArchived(id) {
      set({ archived: { ...get().archived, [id]: loading(get().archived[id]) } });
      const result = await api.call('archive.get', { id });
      set({
        archived: { ...get().archived, [id]: settle(get().archived[id], result, (v) => v.notification) },
      });
    },
    async loadArchivedHistory(profileId, filters, more = false) {
      const key = JSON.stringify([profileId, filters]);
      const before = get().archiveHistory;
      if (more && (before.key !== key || !before.nextCursor)) return;
      set({
        archiveHistory: more
          ? { ...before, status: 'loading' }
          : { key, status: 'loading', items: [], nextCursor: null, error: null },
      });
      const result = await api.call('archive.search', {
        ...archiveSearchFor(profileId, filters),
        ...(more && before.nextCursor ? { cursor: before.nextCursor } : {}),
      });
      if (get().archiveHistory.key !== key) return;
      set({
        archiveHistory: result.ok
          ? {
              key,
              status: 'ready',
              items: [
                ...(more ? before.items : []),
                ...result.value.results.filter((a) => matchesHistoryFilters(a, filters)),
              ],
              nextCursor: result.value.nextCursor,
              error: null,
            }
          : { key, status: 'error', items: [], nextCursor: null, error: result.error },
      });
    },
    setArchiveOptIn: async (profileId, optedIn) =>
      changed(await api.call('archive.setOptIn', { profileId, optedIn })),
    syncArchive: async (profileId, full) =>
      changed(
        await api.call('archive.sync', {
          ...(profileId ? { profileId } : {}),
          ...(full ? { full } : {}),
        }),
      ),
    setArchiveRetention: async (months) => changed(await api.call('archive.setRetention', { months })),
    purgeArchive: async (scope) => changed(await api.call('archive.purge', { scope })),
    checkArchive: async () => changed(await api.call('archive.check', {})),
    startNewArchive: async () => changed(await api.call('archive.startNew', {})),
    async exportArchive(from, to, onProgress) {
      const parts: string[] = [];
      let count = 0;
      let cursor: string | undefined;
      do {
        const page = await api.call('archive.export', {
          from,
          to: nextDay(to),
          ...(cursor ? { cursor } : {}),
        });
        if (!page.ok) return page;
        parts.push(page.value.csv);
        count += page.value.count;
        onProgress?.(count);
        cursor = page.value.nextCursor ?? undefined;
      } while (cursor);
      return { ok: true, value: { csv: parts.join(''), count } };
    },
    async checkNotifyHolds(profileId, id) {
      const result = await api.call('notifications.get', { profileId, id });
      if (result.ok) return 'held';
      const e = result.error;
      return e.code === 'notify' && e.details.status === 404 ? 'gone' : 'unknown';
    },
    archiveNow: () => now(),
    applyArchiveProgress(progress) {
      set({ archiveProgress: { ...get().archiveProgress, [progress.profileId]: progress } });
      if (progress.phase === 'finished') void get().loadArchiveStatus();
    },
  };
};
