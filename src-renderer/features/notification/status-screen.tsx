/**
 * Status: one notification in detail, or the notifications being followed and a way to open any
 * notification by id.
 */
import { useEffect, useRef, useState } from 'react';
import { TextField } from '../../components/fields';
import {
  createdColumn,
  openColumn,
  recipientColumn,
  statusColumn,
  templateColumn,
  typeColumn,
} from '../../components/notification-table/columns';
import { NotificationTable } from '../../components/notification-table/notification-table';
import { Sensitive } from '../../components/sensitive';
import { EmptyState, LoadState } from '../../components/states';
import { useAppStore, useAppStoreApi } from '../../state/context';
import { describeMalformedId, NOTIFY_MESSAGE, type MalformedId } from './malformed-id';
import { NotificationDetail } from './notification-detail';

/** What was wrong with the pasted id, next to the field; focus moves here so it is read out. */
function MalformedIdHelp({ problem, onUse }: { problem: MalformedId; onUse: (id: string) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [problem]);
  return (
    <div className="notice notice--error" role="alert" tabIndex={-1} ref={ref} data-testid="malformed-id">
      <p>
        <strong>
          “<Sensitive>{problem.pasted}</Sensitive>” is not a notification id.
        </strong>{' '}
        {problem.problem}
      </p>
      <p>{problem.expected}</p>
      {problem.suggestion ? (
        <p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => onUse(problem.suggestion!)}
          >
            Open {problem.suggestion}
          </button>
        </p>
      ) : null}
      <p className="muted small">
        Notify says: <code>{NOTIFY_MESSAGE}</code>
      </p>
    </div>
  );
}

function OpenById() {
  const store = useAppStoreApi();
  const profileId = useAppStore((s) => s.activeProfileId);
  const [id, setId] = useState('');
  const [malformed, setMalformed] = useState<MalformedId | null>(null);
  const [error, setError] = useState<string | null>(null);
  const open = (value: string) => {
    if (!profileId) return setError('Choose a profile first.');
    setError(null);
    setMalformed(null);
    store.getState().navigate({ screen: 'status', profileId, id: value });
  };
  return (
    <form
      className="form form--inline"
      aria-label="Open a notification by id"
      onSubmit={(e) => {
        e.preventDefault();
        const problem = describeMalformedId(id);
        setMalformed(problem);
        if (problem) return setError('This is not a notification id: see below.');
        open(id.trim());
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
      {malformed ? <MalformedIdHelp problem={malformed} onUse={open} /> : null}
    </form>
  );
}

function TrackedList() {
  const store = useAppStoreApi();
  const tracked = useAppStore((s) => s.trackedList);
  useEffect(() => {
    void store.getState().loadTrackedList();
  }, [store]);
  const open = (r: { profileId: string; notification: { id: string } }) =>
    store.getState().navigate({ screen: 'status', profileId: r.profileId, id: r.notification.id });
  return (
    <LoadState
      loadable={tracked}
      loadingLabel="Loading followed notifications…"
      errorTitle="Could not list followed notifications"
      onRetry={() => void store.getState().loadTrackedList()}
      isEmpty={(list) => list.length === 0}
      empty={
        <EmptyState title="No notification is being followed">
          Send a message, or open one from History.
        </EmptyState>
      }
    >
      {(list) => (
        <NotificationTable
          rows={list}
          caption="Followed notifications"
          captionHidden
          testId="tracked-list"
          columns={[
            statusColumn,
            recipientColumn,
            typeColumn,
            templateColumn,
            createdColumn,
            openColumn(open, false),
          ]}
        />
      )}
    </LoadState>
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
