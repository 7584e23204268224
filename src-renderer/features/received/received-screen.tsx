/**
 * Text messages people sent to the service's number, newest first.
 */
import { useEffect } from 'react';
import type { PublicProfile } from '../../../src-main/contract/schemas';
import { ErrorPanel } from '../../components/error-panel';
import { Sensitive } from '../../components/sensitive';
import { EmptyState, Loading } from '../../components/states';
import { formatDateTime } from '../../lib/time';
import { useAppStore, useAppStoreApi } from '../../state/context';
import { emptyReceived } from '../../state/slices/received-slice';
import { RequireProfile } from '../shell/require-profile';

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
      {received.status === 'loading' ? <Loading label="Loading received text messages…" /> : null}
      {received.error ? (
        <ErrorPanel
          error={received.error}
          title="Could not load received text messages"
          onRetry={() => void store.getState().loadReceived(profile.id)}
        />
      ) : null}
      {received.status === 'ready' && received.messages.length === 0 ? (
        <EmptyState title="No received text messages">
          Messages sent to your service’s number in the last 7 days show here.
        </EmptyState>
      ) : null}
      {received.messages.length ? (
        <table className="table" data-testid="received-list">
          <caption className="visually-hidden">Received text messages</caption>
          <thead>
            <tr>
              <th scope="col">Received</th>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">Message</th>
            </tr>
          </thead>
          <tbody>
            {received.messages.map((m) => (
              <tr key={m.id} data-testid="received-row">
                <td>{formatDateTime(m.created_at)}</td>
                <td>
                  <Sensitive>{m.user_number}</Sensitive>
                </td>
                <td>{m.notify_number}</td>
                <td className="pre-wrap">
                  <Sensitive>{m.content}</Sensitive>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
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
