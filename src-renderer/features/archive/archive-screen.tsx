/**
 * The Archive screen (issue 12): the local, encrypted archive of notifications kept past Notify's
 * 7 days. Its state comes first, with the action to take when it cannot be used (unlock the vault,
 * start a new archive after damage); then search, profiles and sync, retention and export.
 *
 * The address holds the search (`#/archive?recipient=…`, ./archive-route.ts) so it can be linked
 * and reloaded; while presenting, the recipient and reference are left out of it.
 */
import { useEffect, useRef, useState } from 'react';
import type { ArchiveStatus } from '../../../src-main/contract/archive';
import { Dialog } from '../../components/dialog';
import { EmptyState, LoadState } from '../../components/states';
import { Tabs } from '../../components/tabs';
import { useAppStore, useAppStoreApi } from '../../state/context';
import { formatBytes, retentionLabel } from './archive-format';
import { ArchiveRetentionPanel } from './archive-retention';
import { archiveToHash, cleanQuery, PERSONAL_FIELDS, type ArchiveQuery } from './archive-route';
import { ArchiveResults, ArchiveSearchForm } from './archive-search';
import { ArchiveSyncPanel } from './archive-sync';
import { ArchivedNotificationView } from './archived-notification';
import './archive.css';

function StartNewDialog({ onClose }: { onClose: () => void }) {
  const store = useAppStoreApi();
  return (
    <Dialog title="Start a new archive" onClose={onClose} testId="archive-start-new-dialog">
      <p>
        A new, empty archive is created. The damaged file stays where it was moved, so it can still be
        inspected or restored; profiles must be opted in again.
      </p>
      <div className="form__actions">
        <button
          type="button"
          className="button"
          data-autofocus=""
          onClick={async () => {
            const r = await store.getState().startNewArchive();
            if (r.ok) onClose();
          }}
        >
          Start a new archive
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}

/** What the archive's state means, and the one thing to do about it. */
function StatePanel({ status }: { status: ArchiveStatus }) {
  const store = useAppStoreApi();
  const [startingNew, setStartingNew] = useState(false);
  switch (status.state) {
    case 'locked':
      return (
        <div className="notice notice--warning" role="alert" data-testid="archive-locked">
          <p>
            <strong>The archive is locked.</strong> {status.message}
          </p>
          <button
            type="button"
            className="button"
            onClick={() => store.getState().navigate({ screen: 'profiles' })}
          >
            Go to the key vault
          </button>
        </div>
      );
    case 'damaged':
      return (
        <div className="notice notice--error" role="alert" data-testid="archive-damaged">
          <p>
            <strong>The archive is damaged.</strong> {status.message}
          </p>
          {status.movedTo ? (
            <p>
              Moved to <code data-testid="archive-moved-to">{status.movedTo}</code>
            </p>
          ) : null}
          <button type="button" className="button" onClick={() => setStartingNew(true)}>
            Start a new archive…
          </button>
          {startingNew ? <StartNewDialog onClose={() => setStartingNew(false)} /> : null}
        </div>
      );
    case 'too-new':
      return (
        <div className="notice notice--error" role="alert" data-testid="archive-too-new">
          <p>{status.message}</p>
        </div>
      );
    case 'off':
      return (
        <EmptyState title="No archive yet" testId="archive-off">
          Opt a profile in below: from then on the console keeps its notifications on this computer, encrypted
          with your key vault, for as long as you choose (12 months unless you change it).
        </EmptyState>
      );
    case 'open':
      return (
        <p className="archive-summary" data-testid="archive-summary">
          {status.size
            ? `${status.size.notifications.toLocaleString('en-GB')} notification${status.size.notifications === 1 ? '' : 's'} · `
            : ''}
          {status.size ? `${formatBytes(status.size.bytesOnDisk)} · ` : ''}
          kept for {retentionLabel(status.retentionMonths ?? 12)} · {status.optedIn.length} profile
          {status.optedIn.length === 1 ? '' : 's'} archived · encrypted with your key vault
        </p>
      );
  }
}

function ArchiveSearchTab({ query }: { query: ArchiveQuery }) {
  const store = useAppStoreApi();
  const presenting = useAppStore((s) => s.presenting);
  // The last search this screen put in the address, so its own navigation does not search again.
  const own = useRef<string | null>(null);
  const [current, setCurrent] = useState<ArchiveQuery>(query);
  const [formKey, setFormKey] = useState(0);
  const routeKey = archiveToHash({ query });
  useEffect(() => {
    if (own.current === routeKey) return;
    own.current = null;
    setCurrent(query);
    setFormKey((k) => k + 1);
    if (Object.keys(cleanQuery(query)).length) void store.getState().searchArchive(query);
    // The route's query is what the address says; its key changes exactly when it does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, routeKey]);
  const search = (q: ArchiveQuery) => {
    setCurrent(q);
    void store.getState().searchArchive(q);
    const shown = presenting
      ? Object.fromEntries(Object.entries(q).filter(([k]) => !PERSONAL_FIELDS.includes(k as never)))
      : q;
    own.current = archiveToHash({ query: shown });
    store.getState().navigate({ screen: 'archive', query: shown });
  };
  return (
    <>
      <ArchiveSearchForm key={formKey} initial={current} onSearch={search} />
      <ArchiveResults query={current} onOpen={(id) => store.getState().navigate({ screen: 'archive', id })} />
    </>
  );
}

export function ArchiveScreen() {
  const store = useAppStoreApi();
  const route = useAppStore((s) => s.route);
  const status = useAppStore((s) => s.archiveStatus);
  const [tab, setTab] = useState<'search' | 'sync' | 'retention'>('search');
  useEffect(() => {
    void store.getState().loadArchiveStatus();
  }, [store]);
  const target = route.screen === 'archive' ? route : { screen: 'archive' as const };
  return (
    <div className="screen" data-testid="screen-archive">
      <div className="screen__head">
        <h1 tabIndex={-1}>Notification archive</h1>
        {target.id ? (
          <button
            type="button"
            className="button button--ghost"
            onClick={() => store.getState().navigate({ screen: 'archive' })}
          >
            Back to the search
          </button>
        ) : null}
      </div>
      <LoadState
        loadable={status}
        loadingLabel="Opening the archive…"
        errorTitle="Could not read the archive's state"
        onRetry={() => void store.getState().loadArchiveStatus()}
      >
        {(value) => <StatePanel status={value} />}
      </LoadState>
      {target.id ? (
        <ArchivedNotificationView key={target.id} id={target.id} />
      ) : status.value?.state === 'off' ? (
        <ArchiveSyncPanel status={status.value} />
      ) : status.value?.state === 'open' ? (
        <Tabs
          label="Archive"
          tabs={[
            { id: 'search', label: 'Search' },
            { id: 'sync', label: 'Profiles and sync' },
            { id: 'retention', label: 'Retention and export' },
          ]}
          selected={tab}
          onSelect={(t) => setTab(t as typeof tab)}
        >
          {tab === 'sync' ? (
            <ArchiveSyncPanel status={status.value} />
          ) : tab === 'search' ? (
            <ArchiveSearchTab query={target.query ?? {}} />
          ) : (
            <ArchiveRetentionPanel status={status.value} />
          )}
        </Tabs>
      ) : null}
    </div>
  );
}
