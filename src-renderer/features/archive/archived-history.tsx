/**
 * The archive's part of the History screen: loading the profile's archived notifications for the
 * filters shown, the Source column's tag, and a line saying how many rows came from the archive
 * (or why none could).
 */
import { useEffect } from 'react';
import type { HistoryFilters } from '../../../src-main/contract/methods';
import type { NotificationColumn, NotificationRow } from '../../components/notification-table/columns';
import { useAppStore, useAppStoreApi } from '../../state/context';
import type { ArchiveResults } from './archive-slice';
import type { HistorySource } from './archive-history';

/** The profile's archived notifications for these filters, loaded when either changes. */
export function useArchivedHistory(profileId: string, filters: HistoryFilters): ArchiveResults {
  const store = useAppStoreApi();
  const results = useAppStore((s) => s.archiveHistory);
  const key = JSON.stringify([profileId, filters]);
  useEffect(() => {
    void store.getState().loadArchivedHistory(profileId, JSON.parse(key)[1] as HistoryFilters);
  }, [store, profileId, key]);
  return results.key === key ? results : { ...results, items: [] };
}

/** A row of History's table: a notification and where it came from. */
export type HistoryTableRow = NotificationRow & { source: HistorySource };

function SourceTag({ source }: { source: HistorySource }) {
  return source === 'archive' ? (
    <span className="pill pill--quiet" title="Only in the local archive: Notify no longer lists it">
      Archive
    </span>
  ) : (
    <span className="muted small">Notify</span>
  );
}

/** History's Source column: Notify's list, or only the local archive. */
export const sourceColumn: NotificationColumn<HistoryTableRow> = {
  id: 'source',
  header: 'Source',
  width: '100px',
  cell: (r) => <SourceTag source={r.source} />,
};

/** " · 12 from the archive", with a button for more; or why the archive added none. */
export function ArchivedHistoryStatus({ count }: { count: number }) {
  const store = useAppStoreApi();
  const results = useAppStore((s) => s.archiveHistory);
  if (results.error) {
    return (
      <span data-testid="history-archive-status">
        {' '}
        · archive: {results.error.code === 'archive_locked' ? 'locked with the key vault' : 'unavailable'}
      </span>
    );
  }
  if (count === 0 && !results.nextCursor) return null;
  return (
    <span data-testid="history-archive-status">
      {' '}
      · {count.toLocaleString('en-GB')} from the archive
      {results.nextCursor ? (
        <>
          {' '}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              const [profileId, filters] = JSON.parse(results.key) as [string, HistoryFilters];
              void store.getState().loadArchivedHistory(profileId, filters, true);
            }}
          >
            more from the archive
          </button>
        </>
      ) : null}
    </span>
  );
}
