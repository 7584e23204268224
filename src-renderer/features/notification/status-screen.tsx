/**
 * Status: one notification in detail, or the notifications being followed and a way to open any
 * notification by id.
 */
import { useEffect, useState } from 'react';
import { StatusTag } from '../../components/badges';
import { ErrorPanel } from '../../components/error-panel';
import { TextField } from '../../components/fields';
import { Sensitive } from '../../components/sensitive';
import { EmptyState, Loading } from '../../components/states';
import { recipientOf } from '../../lib/notification-fields';
import { formatDateTime } from '../../lib/time';
import { useAppStore, useAppStoreApi } from '../../state/context';
import { NotificationDetail } from './notification-detail';
import { UUID_PATTERN } from '../../../src-shared/notify/ids';

function OpenById() {
  const store = useAppStoreApi();
  const profileId = useAppStore((s) => s.activeProfileId);
  const [id, setId] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="form form--inline"
      aria-label="Open a notification by id"
      onSubmit={(e) => {
        e.preventDefault();
        const trimmed = id.trim();
        if (!UUID_PATTERN.test(trimmed)) return setError('notification_id is not a valid UUID');
        if (!profileId) return setError('Choose a profile first.');
        setError(null);
        store.getState().navigate({ screen: 'status', profileId, id: trimmed });
      }}
    >
      <TextField
        label="Notification ID"
        value={id}
        onChange={setId}
        error={error}
        data-search=""
        autoComplete="off"
        spellCheck={false}
      />
      <button type="submit" className="button">
        Open
      </button>
    </form>
  );
}

function TrackedList() {
  const store = useAppStoreApi();
  const tracked = useAppStore((s) => s.trackedList);
  useEffect(() => {
    void store.getState().loadTrackedList();
  }, [store]);
  if (tracked.status === 'loading' && !tracked.value)
    return <Loading label="Loading followed notifications…" />;
  if (tracked.error)
    return (
      <ErrorPanel
        error={tracked.error}
        title="Could not list followed notifications"
        onRetry={() => void store.getState().loadTrackedList()}
      />
    );
  const list = tracked.value ?? [];
  if (list.length === 0)
    return (
      <EmptyState title="No notification is being followed">
        Send a message, or open one from History.
      </EmptyState>
    );
  return (
    <table className="table" data-testid="tracked-list">
      <caption className="visually-hidden">Followed notifications</caption>
      <thead>
        <tr>
          <th scope="col">Status</th>
          <th scope="col">Recipient</th>
          <th scope="col">Type</th>
          <th scope="col">Created</th>
          <th scope="col">Notification</th>
        </tr>
      </thead>
      <tbody>
        {list.map((t) => (
          <tr key={`${t.profileId}:${t.notification.id}`}>
            <td>
              <StatusTag status={t.notification.status} />
            </td>
            <td>
              <Sensitive>{recipientOf(t.notification)}</Sensitive>
            </td>
            <td>{t.notification.type}</td>
            <td>{formatDateTime(t.notification.created_at)}</td>
            <td>
              <button
                type="button"
                className="link-button"
                onClick={() =>
                  store
                    .getState()
                    .navigate({ screen: 'status', profileId: t.profileId, id: t.notification.id })
                }
              >
                {t.notification.id}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function StatusScreen() {
  const store = useAppStoreApi();
  const route = useAppStore((s) => s.route);
  const target =
    route.screen === 'status' && route.id && route.profileId
      ? { profileId: route.profileId, id: route.id }
      : null;
  return (
    <div className="screen" data-testid="screen-status">
      <div className="screen__head">
        <h1 tabIndex={-1}>Notification status</h1>
        {target ? (
          <button
            type="button"
            className="button button--ghost"
            onClick={() => store.getState().navigate({ screen: 'status' })}
          >
            All followed notifications
          </button>
        ) : null}
      </div>
      {target ? (
        <NotificationDetail
          key={`${target.profileId}:${target.id}`}
          profileId={target.profileId}
          id={target.id}
        />
      ) : (
        <>
          <OpenById />
          <h2>Followed notifications</h2>
          <TrackedList />
        </>
      )}
    </div>
  );
}
