/**
 * Text messages people sent to the service's number, newest first.
 */
import { useEffect } from 'react';
import type { PublicProfile } from '../../../src-main/contract/schemas';
import { EmptyState, LoadState } from '../../components/states';
import { useAppStore, useAppStoreApi } from '../../state/context';
import { pagedLoadable } from '../../state/loadable';
import { emptyReceived } from '../../state/slices/received-slice';
import { RequireProfile } from '../shell/require-profile';
import { ReceivedTextsTable } from './received-texts-table';

function Received({ profile }: { profile: PublicProfile }) {
  const store = useAppStoreApi();
  const received = useAppStore((s) => s.received[profile.id] ?? emptyReceived);
  useEffect(() => {
    if ((store.getState().received[profile.id]?.status ?? 'idle') === 'idle')
      void store.getState().loadReceived(profile.id);
  }, [store, profile.id]);
  return (
    <>
      <div className="toolbar">
        <p className="toolbar__status" role="status">
          {received.messages.length} message{received.messages.length === 1 ? '' : 's'} loaded
          {received.nextOlderThan ? ', more available' : ''}
        </p>
        <button
          type="button"
          className="button button--ghost button--small"
          onClick={() => void store.getState().loadReceived(profile.id)}
        >
          Refresh
        </button>
      </div>
      <LoadState
        loadable={pagedLoadable(received, received.messages)}
        loadingLabel="Loading received text messages…"
        errorTitle="Could not load received text messages"
        onRetry={() => void store.getState().loadReceived(profile.id)}
        isEmpty={(messages) => messages.length === 0}
        empty={
          <EmptyState title="No received text messages">
            Messages sent to your service’s number in the last 7 days show here.
          </EmptyState>
        }
        reloadSpinner
      >
        {(messages) => (
          <ReceivedTextsTable
            messages={messages}
            caption="Received text messages"
            testId="received-list"
            rowTestId="received-row"
          />
        )}
      </LoadState>
      {received.nextOlderThan ? (
        <button
          type="button"
          className="button button--secondary"
          disabled={received.loadingMore}
          onClick={() => void store.getState().loadMoreReceived(profile.id)}
        >
          {received.loadingMore ? 'Loading…' : 'Load older messages'}
        </button>
      ) : null}
    </>
  );
}

export function ReceivedScreen() {
  return (
    <div className="screen" data-testid="screen-received">
      <div className="screen__head">
        <h1 tabIndex={-1}>Received text messages</h1>
      </div>
      <RequireProfile>{(profile) => <Received profile={profile} />}</RequireProfile>
    </div>
  );
}
