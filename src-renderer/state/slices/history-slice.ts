/**
 * History: the active profile's notifications, page by page (`older_than`), with filters.
 *
 * Each load carries a request id; a page that arrives for an older request (filters changed,
 * profile switched, load cancelled) is dropped, so rows never mix between queries.
 */
import type { HistoryFilters, MethodOutput } from '../../../src-main/contract/methods';
import type { RpcError } from '../../../src-main/contract/result';
import type { Notification } from '../../../src-main/contract/schemas';
import { templateNameKey } from '../../components/notification-table/template-label';
import type { LoadStatus } from '../loadable';
import type { SliceCreator } from '../types';

type HistoryPage = MethodOutput<'notifications.list'>;

interface HistoryState {
  profileId: string | null;
  filters: HistoryFilters;
  rows: Notification[];
  nextOlderThan: string | null;
  status: LoadStatus;
  loadingMore: boolean;
  error: RpcError | null;
  fromCache: boolean;
  requestId: number;
  pagesLoaded: number;
  /** Where the list was scrolled, restored when coming back to the screen. */
  scrollTop: number;
  /** Notifications newer than the list's top, found by {@link HistorySlice.checkForNewHistory}, not shown yet. */
  pendingNew: Notification[];
  /** Template names by `id@version` (see templateNameKey), from every page loaded. */
  templateNames: Readonly<Record<string, string>>;
}

export interface HistorySlice {
  history: HistoryState;
  loadHistory(profileId: string, filters?: HistoryFilters): Promise<void>;
  loadMoreHistory(): Promise<void>;
  cancelHistory(): Promise<void>;
  setHistoryScroll(scrollTop: number): void;
  resetHistory(): void;
  /** Asks for the newest page and holds what is new, without moving the list (announced as "3 new"). */
  checkForNewHistory(): Promise<void>;
  /** Puts the held new notifications at the top. */
  showNewHistory(): void;
}

/** What the newest page holds that the list does not: new notifications, newest first. */
function newSinceLoaded(state: HistoryState, page: HistoryPage): Notification[] {
  const shown = new Set(state.rows.map((n) => n.id));
  return page.notifications.filter((n) => !shown.has(n.id));
}

const initialHistoryState: HistoryState = {
  profileId: null,
  filters: {},
  rows: [],
  nextOlderThan: null,
  status: 'idle',
  loadingMore: false,
  error: null,
  fromCache: false,
  requestId: 0,
  pagesLoaded: 0,
  scrollTop: 0,
  pendingNew: [],
  templateNames: {},
};

/** Starts a fresh query: rows cleared, the first page on its way. */
function beginHistory(
  state: HistoryState,
  profileId: string,
  filters: HistoryFilters,
  requestId: number,
): HistoryState {
  // Names stay: a template version's name never changes, so a new query can use them at once.
  return {
    ...initialHistoryState,
    profileId,
    filters,
    status: 'loading',
    requestId,
    templateNames: state.profileId === profileId ? state.templateNames : {},
  };
}

/** Starts loading the next page of the current query. */
function beginMore(state: HistoryState, requestId: number): HistoryState {
  return { ...state, loadingMore: true, error: null, requestId };
}

/** Adds a page, unless it belongs to an older request. Rows already shown are not repeated. */
function applyHistoryPage(state: HistoryState, requestId: number, page: HistoryPage): HistoryState {
  if (requestId !== state.requestId) return state;
  // Pages follow each other strictly by created_at, so a repeat can only sit at the boundary.
  const recent = new Set(state.rows.slice(-page.notifications.length - 1).map((n) => n.id));
  const fresh = recent.size ? page.notifications.filter((n) => !recent.has(n.id)) : page.notifications;
  const named = page.templateNames ?? [];
  return {
    ...state,
    templateNames: named.length
      ? {
          ...state.templateNames,
          ...Object.fromEntries(named.map((t) => [templateNameKey(t.id, t.version), t.name])),
        }
      : state.templateNames,
    rows: state.rows.length ? state.rows.concat(fresh) : fresh,
    nextOlderThan: page.nextOlderThan,
    status: 'ready',
    loadingMore: false,
    error: null,
    fromCache: page.fromCache,
    pagesLoaded: state.pagesLoaded + 1,
  };
}

/** Records a failure of the current request; loaded rows stay. */
function applyHistoryError(state: HistoryState, requestId: number, error: RpcError): HistoryState {
  if (requestId !== state.requestId) return state;
  return { ...state, status: state.rows.length ? 'ready' : 'error', loadingMore: false, error };
}

export const createHistorySlice: SliceCreator<HistorySlice> = (set, get, { api }) => {
  let nextRequestId = 1;
  const setHistory = (history: HistoryState): void => set({ history });

  async function fetchPage(
    requestId: number,
    profileId: string,
    filters: HistoryFilters,
    olderThan?: string,
  ): Promise<void> {
    const hasFilters = Object.keys(filters).length > 0;
    const result = await api.call('notifications.list', {
      profileId,
      ...(hasFilters ? { filters } : {}),
      ...(olderThan ? { olderThan } : {}),
    });
    const current = get().history;
    setHistory(
      result.ok
        ? applyHistoryPage(current, requestId, result.value)
        : applyHistoryError(current, requestId, result.error),
    );
  }

  return {
    history: initialHistoryState,
    async loadHistory(profileId, filters) {
      const requestId = nextRequestId++;
      const f = filters ?? (get().history.profileId === profileId ? get().history.filters : {});
      setHistory(beginHistory(get().history, profileId, f, requestId));
      await fetchPage(requestId, profileId, f);
    },
    async loadMoreHistory() {
      const h = get().history;
      if (!h.profileId || !h.nextOlderThan || h.loadingMore || h.status === 'loading') return;
      const requestId = nextRequestId++;
      setHistory(beginMore(h, requestId));
      await fetchPage(requestId, h.profileId, h.filters, h.nextOlderThan);
    },
    async cancelHistory() {
      const h = get().history;
      if (!h.profileId) return;
      // A new request id orphans the page in flight; the core stops fetching it.
      setHistory({
        ...h,
        requestId: nextRequestId++,
        loadingMore: false,
        status: h.status === 'loading' ? 'idle' : h.status,
      });
      await api.call('notifications.cancelList', { profileId: h.profileId });
    },
    setHistoryScroll: (scrollTop) => set({ history: { ...get().history, scrollTop } }),
    async checkForNewHistory() {
      const h = get().history;
      if (!h.profileId || h.status !== 'ready' || h.loadingMore) return;
      const { requestId, profileId, filters } = h;
      const hasFilters = Object.keys(filters).length > 0;
      const result = await api.call('notifications.list', {
        profileId,
        ...(hasFilters ? { filters } : {}),
      });
      const now = get().history;
      // Another query started meanwhile: this answer is not about the list on screen.
      if (!result.ok || now.requestId !== requestId || now.profileId !== profileId) return;
      const pendingNew = newSinceLoaded(now, result.value);
      const named = result.value.templateNames ?? [];
      setHistory({
        ...now,
        pendingNew,
        templateNames: named.length
          ? {
              ...now.templateNames,
              ...Object.fromEntries(named.map((t) => [templateNameKey(t.id, t.version), t.name])),
            }
          : now.templateNames,
      });
    },
    showNewHistory() {
      const h = get().history;
      if (!h.pendingNew.length) return;
      const pending = new Set(h.pendingNew.map((n) => n.id));
      setHistory({
        ...h,
        rows: [...h.pendingNew, ...h.rows.filter((n) => !pending.has(n.id))],
        pendingNew: [],
        scrollTop: 0,
      });
    },
    resetHistory: () => setHistory({ ...initialHistoryState, requestId: nextRequestId++ }),
  };
};
