/**
 * One archived notification: its record as Notify last returned it, the statuses the console saw
 * (the timeline), the personalisation when this console sent it, and, once Notify has answered
 * 404 for it, the label "Notify no longer holds this notification (sent 23 days ago)".
 *
 * Also the status screen's fallback: when Notify answers 404 for a notification, the archive is
 * asked for it ({@link ArchivedFallback}).
 */
import { useEffect, useState } from 'react';
import type { ArchivedDetail } from '../../../src-main/contract/archive';
import { StatusTag } from '../../components/badges';
import { CopyButton } from '../../components/copy-button';
import { JsonView } from '../../components/json-view';
import { Sensitive } from '../../components/sensitive';
import { Loading, LoadState } from '../../components/states';
import { formatDateTime, formatDuration } from '../../lib/time';
import { useAppStore, useAppStoreApi } from '../../state/context';
import { goneFromNotifyLabel } from './archive-format';
import { archivedTimeline } from './archive-timeline';

const CHANNEL = { sms: 'Text message', email: 'Email', letter: 'Letter' } as const;

function ArchivedTimelineView({ archived }: { archived: ArchivedDetail }) {
  const steps = archivedTimeline(archived);
  if (steps.length === 0) return <p className="muted">No status was recorded.</p>;
  return (
    <ol className="timeline" data-testid="archived-timeline" aria-label="Status timeline">
      {steps.map((s, i) => (
        <li key={s.key} className="timeline__item" data-testid="timeline-entry" data-status={s.status ?? ''}>
          <span className="timeline__dot" aria-hidden="true" />
          <div className="timeline__body">
            <p className="timeline__label">
              {s.status ? <StatusTag status={s.status} /> : null} {s.label}
            </p>
            <p className="timeline__time">
              <time dateTime={s.at}>{formatDateTime(s.at)}</time>
              {i > 0 ? (
                <span className="muted">
                  {' '}
                  · {formatDuration(s.atMs - steps[i - 1]!.atMs)} after the previous step
                </span>
              ) : null}
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}

/** The record itself; `gone` adds the label saying Notify has forgotten it. */
function ArchivedRecord({ archived, gone }: { archived: ArchivedDetail; gone: boolean }) {
  const now = useAppStoreApi().getState().archiveNow();
  const n = archived.notification as Record<string, unknown> | null;
  const body = typeof n?.['body'] === 'string' ? n['body'] : null;
  return (
    <article className="detail" aria-labelledby="archived-heading" data-testid="archived-notification">
      <div className="detail__head">
        <h2 id="archived-heading">
          {CHANNEL[archived.type]} to <Sensitive>{archived.recipient ?? 'unknown recipient'}</Sensitive>
        </h2>
        <StatusTag status={archived.status} testId="archived-status" />
        <span className="pill pill--quiet">From the archive</span>
      </div>
      {gone ? (
        <p className="notice notice--warning" role="note" data-testid="archived-label">
          {goneFromNotifyLabel(archived.createdAt, now)}
        </p>
      ) : null}
      {!archived.readable ? (
        <p className="notice notice--error" role="note">
          This record failed its integrity check, so only its id, status, template and times are shown.
        </p>
      ) : null}
      <dl className="facts">
        <div>
          <dt>Notification ID</dt>
          <dd className="facts__with-action">
            <code>{archived.id}</code> <CopyButton text={archived.id} label="Copy ID" />
          </dd>
        </div>
        <div>
          <dt>Profile</dt>
          <dd>{archived.profileName ?? archived.profileId}</dd>
        </div>
        <div>
          <dt>Reference</dt>
          <dd>
            {archived.reference ? (
              <Sensitive>{archived.reference}</Sensitive>
            ) : (
              <span className="muted">none</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Template</dt>
          <dd>
            <code>{archived.templateId}</code> version {archived.templateVersion}
          </dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>{formatDateTime(archived.createdAt)}</dd>
        </div>
        <div>
          <dt>Archived</dt>
          <dd>{formatDateTime(archived.archivedAt)}</dd>
        </div>
        <div>
          <dt>Last read from Notify</dt>
          <dd>{formatDateTime(archived.lastSeenAt)}</dd>
        </div>
      </dl>
      <section aria-labelledby="archived-timeline-heading">
        <h3 id="archived-timeline-heading">Timeline</h3>
        <ArchivedTimelineView archived={archived} />
      </section>
      <section aria-labelledby="archived-content-heading">
        <h3 id="archived-content-heading">Content</h3>
        {archived.subject ? (
          <p>
            <span className="label">Subject</span> <Sensitive>{archived.subject}</Sensitive>
          </p>
        ) : null}
        {body !== null ? (
          <pre className="code-block code-block--wrap" data-testid="archived-body" data-sensitive="">
            {body}
          </pre>
        ) : (
          <p className="muted">Not kept.</p>
        )}
      </section>
      {archived.personalisation ? (
        <section aria-labelledby="archived-personalisation-heading">
          <h3 id="archived-personalisation-heading">Personalisation sent</h3>
          <Sensitive block>
            <JsonView
              value={archived.personalisation}
              label="Personalisation"
              testId="archived-personalisation"
            />
          </Sensitive>
        </section>
      ) : null}
      {n ? (
        <section aria-labelledby="archived-json-heading">
          <h3 id="archived-json-heading">As Notify last returned it</h3>
          <Sensitive block>
            <JsonView value={n} label="Archived notification JSON" testId="archived-json" />
          </Sensitive>
        </section>
      ) : null}
    </article>
  );
}

type LiveCheck = 'checking' | 'gone' | 'held' | 'unknown';

/**
 * An archived notification opened on the Archive screen: the console asks Notify whether it still
 * holds it, to label it (or link to its live status).
 */
export function ArchivedNotificationView({ id }: { id: string }) {
  const store = useAppStoreApi();
  const entry = useAppStore((s) => s.archived[id]);
  const [live, setLive] = useState<LiveCheck>('checking');
  const archived = entry?.value ?? null;
  useEffect(() => {
    void store.getState().loadArchived(id);
  }, [store, id]);
  const profileId = archived?.profileId ?? null;
  useEffect(() => {
    if (!profileId) return;
    let cancelled = false;
    void store
      .getState()
      .checkNotifyHolds(profileId, id)
      .then((answer) => {
        if (!cancelled) setLive(answer);
      });
    return () => {
      cancelled = true;
    };
  }, [store, profileId, id]);
  // The archive answers null for an id it does not hold: wrapped, so that answer is a value too.
  const outcome = entry && {
    ...entry,
    value: archived !== null || entry.status === 'ready' ? { found: archived } : null,
  };
  return (
    <LoadState
      loadable={outcome}
      loadingLabel="Opening the archived notification…"
      errorTitle="Could not open the archived notification"
      onRetry={() => void store.getState().loadArchived(id)}
    >
      {({ found }) =>
        found ? (
          <>
            {live === 'held' ? (
              <div className="form__actions" data-testid="archived-still-held">
                <p className="notice notice--ok" role="note">
                  Notify still holds this notification.
                </p>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() =>
                    store.getState().navigate({ screen: 'status', profileId: found.profileId, id })
                  }
                >
                  Open its live status
                </button>
              </div>
            ) : null}
            <ArchivedRecord archived={found} gone={live === 'gone'} />
          </>
        ) : (
          <p className="notice">The archive holds no notification with this id.</p>
        )
      }
    </LoadState>
  );
}

/** The status screen's fallback once Notify has answered 404: the archived record, if there is one. */
export function ArchivedFallback({ id }: { id: string }) {
  const store = useAppStoreApi();
  const entry = useAppStore((s) => s.archived[id]);
  useEffect(() => {
    void store.getState().loadArchived(id);
  }, [store, id]);
  if (!entry || entry.status === 'loading') return <Loading label="Looking in the archive…" />;
  if (entry.error) {
    return (
      <p className="notice" role="note" data-testid="archive-fallback-unavailable">
        The archive could not be searched: {entry.error.message}
      </p>
    );
  }
  if (!entry.value) return null;
  return <ArchivedRecord archived={entry.value} gone />;
}
