/**
 * History: the active profile's notifications, newest first, loaded page by page as you scroll,
 * in a windowed list that stays smooth at 100,000 rows; export what is loaded as CSV.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { HistoryFilters } from '../../../src-main/contract/methods';
import type { PublicProfile } from '../../../src-main/contract/schemas';
import { downloadText } from '../../components/download';
import { Sensitive } from '../../components/sensitive';
import { EmptyState, Loading, LoadState } from '../../components/states';
import {
  createdColumn,
  recipientColumn,
  referenceColumn,
  statusColumn,
  templateColumn,
  typeColumn,
} from '../../components/notification-table/columns';
import { VirtualNotificationTable } from '../../components/notification-table/notification-table';
import { templateNameKey } from '../../components/notification-table/template-label';
import { csvFileName, notificationsToCsv } from './notifications-csv';
import { describeHistoryFilters, filtersKey } from './history-filters';
import { useAppStore, useAppStoreApi } from '../../state/context';
import { pagedLoadable } from '../../state/loadable';
import { RequireProfile } from '../shell/require-profile';
import { mergeHistory } from '../archive/archive-history';
import {
  ArchivedHistoryStatus,
  sourceColumn,
  useArchivedHistory,
  type HistoryTableRow,
} from '../archive/archived-history';
import { HistoryFiltersForm } from './history-filters-form';

const ROW_HEIGHT = 36;
/** How often History asks Notify whether anything new arrived at the top. */
const NEW_CHECK_MS = 5000;

const COLUMNS = [
  createdColumn,
  statusColumn,
  typeColumn,
  recipientColumn,
  referenceColumn,
  templateColumn,
  sourceColumn,
];

/** The filters in words, with a reference filter masked in presentation mode. */
function FiltersDescription({ filters }: { filters: HistoryFilters }) {
  const text = describeHistoryFilters(filters);
  const reference = filters.reference;
  const lead = 'reference “';
  const at = reference ? text.indexOf(`${lead}${reference}”`) : -1;
  if (!reference || at < 0) return <>{text}</>;
  const start = at + lead.length;
  return (
    <>
      {text.slice(0, start)}
      <Sensitive>{reference}</Sensitive>
      {text.slice(start + reference.length)}
    </>
  );
}

function History({ profile }: { profile: PublicProfile }) {
  const store = useAppStoreApi();
  const history = useAppStore((s) => s.history);
  const belongs = history.profileId === profile.id;

  // The address holds the filters (reload, Back, a shared link): load whenever they change.
  const routeFilters = useAppStore((s) => (s.route.screen === 'history' ? s.route.filters : undefined));
  const routeKey = routeFilters ? filtersKey(routeFilters) : null;
  useEffect(() => {
    const h = store.getState().history;
    const wanted = routeFilters ?? h.filters;
    if (h.profileId !== profile.id || h.status === 'idle' || filtersKey(h.filters) !== filtersKey(wanted))
      void store.getState().loadHistory(profile.id, wanted);
    // routeKey stands for routeFilters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, profile.id, routeKey]);

  // New notifications are looked for, and announced, without touching the list.
  useEffect(() => {
    const timer = window.setInterval(() => void store.getState().checkForNewHistory(), NEW_CHECK_MS);
    return () => window.clearInterval(timer);
  }, [store]);
  const scroller = useRef<HTMLDivElement | null>(null);
  const setScroller = useCallback((el: HTMLDivElement | null) => {
    scroller.current = el;
  }, []);
  const applyFilters = (filters: HistoryFilters) => store.getState().navigate({ screen: 'history', filters });

  const loadMore = useCallback(() => void store.getState().loadMoreHistory(), [store]);
  const onScrollPosition = useCallback((top: number) => store.getState().setHistoryScroll(top), [store]);
  const open = useCallback(
    (r: HistoryTableRow) =>
      store
        .getState()
        .navigate(
          r.source === 'archive'
            ? { screen: 'archive', id: r.notification.id }
            : { screen: 'status', profileId: profile.id, id: r.notification.id },
        ),
    [store, profile.id],
  );

  const names = history.templateNames;
  // Notify's rows and, merged in by creation time, those only the archive still holds.
  const liveComplete = belongs && history.status === 'ready' && history.nextOlderThan === null;
  const archived = useArchivedHistory(profile.id, history.filters);
  const live = useMemo(() => (belongs ? history.rows : []), [belongs, history.rows]);
  const merged = useMemo(
    () =>
      mergeHistory(live, archived.items, liveComplete).map((n): HistoryTableRow => ({
        profileId: profile.id,
        notification: n,
        templateName: names[templateNameKey(n.template.id, n.template.version)] ?? null,
        source: n.source,
      })),
    [live, archived.items, liveComplete, names, profile.id],
  );
  const rows = useMemo(() => merged.filter((r) => r.source === 'notify'), [merged]);
  const busy = history.status === 'loading' || history.loadingMore;
  return (
    <>
      <HistoryFiltersForm
        key={`${profile.id}:${filtersKey(history.filters)}`}
        applied={history.filters}
        onApply={applyFilters}
      />
      <div className="toolbar" role="toolbar" aria-label="History actions">
        <p className="toolbar__status" role="status" data-testid="history-count">
          {rows.length.toLocaleString('en-GB')} notification{rows.length === 1 ? '' : 's'} loaded
          {history.nextOlderThan
            ? ', more available'
            : history.status === 'ready'
              ? ', that is all'
              : ''} · <FiltersDescription filters={history.filters} />
          {history.fromCache ? ' · last page from cache' : ''}
          <ArchivedHistoryStatus count={merged.length - rows.length} />
        </p>
        <span role="status" aria-live="polite" className="history-new">
          {history.pendingNew.length ? (
            <button
              type="button"
              className="button button--small"
              data-testid="history-new"
              onClick={() => {
                store.getState().showNewHistory();
                if (scroller.current) scroller.current.scrollTop = 0;
              }}
            >
              {history.pendingNew.length} new — show
            </button>
          ) : null}
        </span>
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={!history.nextOlderThan || busy}
          onClick={loadMore}
        >
          Load more
        </button>
        {busy ? (
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => void store.getState().cancelHistory()}
          >
            Cancel loading
          </button>
        ) : null}
        <button
          type="button"
          className="button button--ghost button--small"
          onClick={() => void store.getState().loadHistory(profile.id)}
        >
          Refresh
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          data-testid="csv-export"
          disabled={rows.length === 0}
          onClick={() => {
            downloadText(
              csvFileName(profile.name, new Date()),
              notificationsToCsv(rows.map((r) => r.notification)),
              'text/csv;charset=utf-8',
            );
            store
              .getState()
              .pushToast('success', `Exported ${rows.length} row${rows.length === 1 ? '' : 's'} to CSV.`);
          }}
        >
          Export CSV
        </button>
      </div>
      <LoadState
        loadable={pagedLoadable(history, merged)}
        loadingLabel="Loading notifications…"
        errorTitle="Could not load notifications"
        onRetry={() => void store.getState().loadHistory(profile.id)}
        isEmpty={(list) => list.length === 0}
        empty={
          <EmptyState title="No notifications">
            Notify lists API notifications of the last 7 days sent with this key type
            {Object.keys(history.filters).length ? ' that match these filters' : ''}.
          </EmptyState>
        }
      >
        {(list) => (
          <VirtualNotificationTable
            rows={list}
            rowHeight={ROW_HEIGHT}
            label="Notifications"
            columns={COLUMNS}
            onOpen={open}
            onEndReached={loadMore}
            hasMore={history.nextOlderThan !== null}
            loading={busy}
            initialScrollTop={history.scrollTop}
            onScrollPosition={onScrollPosition}
            rowTestId="history-row"
            scrollRef={setScroller}
            testId="history-list"
          />
        )}
      </LoadState>
      {history.loadingMore ? <Loading label="Loading older notifications…" /> : null}
    </>
  );
}

export function HistoryScreen() {
  return (
    <div className="screen screen--fill" data-testid="screen-history">
      <div className="screen__head">
        <h1 tabIndex={-1}>History</h1>
      </div>
      <RequireProfile>{(profile) => <History profile={profile} />}</RequireProfile>
    </div>
  );
}
