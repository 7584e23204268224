/**
 * History: the active profile's notifications, newest first, loaded page by page as you scroll,
 * in a windowed list that stays smooth at 100,000 rows; export what is loaded as CSV.
 */
import { useCallback, useEffect, useMemo } from 'react';
import type { HistoryFilters } from '../../../src-main/contract/methods';
import type { PublicProfile } from '../../../src-main/contract/schemas';
import { StatusTag } from '../../components/badges';
import { downloadText } from '../../components/download';
import { ErrorPanel } from '../../components/error-panel';
import { Sensitive } from '../../components/sensitive';
import { EmptyState, Loading } from '../../components/states';
import { VirtualList } from '../../components/virtual-list';
import { csvFileName, notificationsToCsv } from '../../lib/csv';
import { describeHistoryFilters } from '../../lib/history-filters';
import { recipientOf } from '../../lib/notification-fields';
import { formatDateTime } from '../../lib/time';
import { useAppStore, useAppStoreApi } from '../../state/context';
import { RequireProfile } from '../shell/require-profile';
import { mergeHistory, type HistoryRow } from '../archive/archive-history';
import { ArchivedHistoryStatus, SourceTag, useArchivedHistory } from '../archive/archived-history';
import { HistoryFiltersForm } from './history-filters-form';

const ROW_HEIGHT = 36;
const COLUMNS =
  'minmax(150px, 1.1fr) minmax(140px, 1fr) 90px minmax(160px, 1.6fr) minmax(120px, 1.2fr) minmax(90px, 0.7fr) 90px';

const header = (
  <>
    <div role="columnheader">Created</div>
    <div role="columnheader">Status</div>
    <div role="columnheader">Type</div>
    <div role="columnheader">Recipient</div>
    <div role="columnheader">Reference</div>
    <div role="columnheader">Template</div>
    <div role="columnheader">Source</div>
  </>
);

function renderRow(n: HistoryRow) {
  return (
    <>
      <div role="gridcell">{formatDateTime(n.created_at)}</div>
      <div role="gridcell">
        <StatusTag status={n.status} />
      </div>
      <div role="gridcell">{n.type}</div>
      <div role="gridcell" className="truncate">
        <Sensitive title={recipientOf(n)}>{recipientOf(n)}</Sensitive>
      </div>
      <div role="gridcell" className="truncate">
        <Sensitive title={n.reference ?? ''}>{n.reference ?? ''}</Sensitive>
      </div>
      <div role="gridcell">v{n.template.version}</div>
      <div role="gridcell">
        <SourceTag source={n.source} />
      </div>
    </>
  );
}

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

  useEffect(() => {
    const h = store.getState().history;
    if (h.profileId !== profile.id || h.status === 'idle') void store.getState().loadHistory(profile.id);
  }, [store, profile.id]);

  const loadMore = useCallback(() => void store.getState().loadMoreHistory(), [store]);
  const onScrollPosition = useCallback((top: number) => store.getState().setHistoryScroll(top), [store]);
  const open = useCallback(
    (n: HistoryRow) =>
      store
        .getState()
        .navigate(
          n.source === 'archive'
            ? { screen: 'archive', id: n.id }
            : { screen: 'status', profileId: profile.id, id: n.id },
        ),
    [store, profile.id],
  );

  const rows = useMemo(() => (belongs ? history.rows : []), [belongs, history.rows]);
  const liveComplete = belongs && history.status === 'ready' && history.nextOlderThan === null;
  const archived = useArchivedHistory(profile.id, history.filters);
  const merged = useMemo(
    () => mergeHistory(rows, archived.items, liveComplete),
    [rows, archived.items, liveComplete],
  );
  const busy = history.status === 'loading' || history.loadingMore;
  return (
    <>
      <HistoryFiltersForm
        key={profile.id}
        applied={history.filters}
        onApply={(filters) => void store.getState().loadHistory(profile.id, filters)}
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
              notificationsToCsv(rows),
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
      {history.error ? (
        <ErrorPanel
          error={history.error}
          title="Could not load notifications"
          onRetry={() => void store.getState().loadHistory(profile.id)}
        />
      ) : null}
      {history.status === 'loading' && rows.length === 0 ? <Loading label="Loading notifications…" /> : null}
      {history.status === 'ready' && merged.length === 0 ? (
        <EmptyState title="No notifications">
          Notify lists API notifications of the last 7 days sent with this key type
          {Object.keys(history.filters).length ? ' that match these filters' : ''}.
        </EmptyState>
      ) : null}
      {merged.length ? (
        <VirtualList
          items={merged}
          rowHeight={ROW_HEIGHT}
          label="Notifications"
          columns={COLUMNS}
          header={header}
          getKey={(n) => n.id}
          renderRow={renderRow}
          onOpen={open}
          onEndReached={loadMore}
          hasMore={history.nextOlderThan !== null}
          loading={busy}
          initialScrollTop={history.scrollTop}
          onScrollPosition={onScrollPosition}
          rowTestId="history-row"
          testId="history-list"
        />
      ) : null}
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
