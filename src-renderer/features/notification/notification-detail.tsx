/**
 * One notification: status (live), timeline, explanation, content, letter PDF, raw JSON and the
 * callback payload Notify would send for it, which can be replayed to the developer's own endpoint.
 */
import { useEffect, useRef, useState } from 'react';
import { StatusTag } from '../../components/badges';
import { CopyButton } from '../../components/copy-button';
import { ErrorPanel } from '../../components/error-panel';
import { ExplanationView } from '../../components/explanation-view';
import { JsonView } from '../../components/json-view';
import { Loading } from '../../components/states';
import { Sensitive } from '../../components/sensitive';
import { Tabs } from '../../components/tabs';
import { buildCallbackPayload } from '../../../src-shared/callback-payload';
import {
  numberField,
  recipientOf,
  stringField,
} from '../../components/notification-table/notification-fields';
import { formatDateTime } from '../../lib/time';
import { useAppStore, useAppStoreApi } from '../../state/context';
import { selectProfile } from '../../state/slices/profiles-slice';
import { notificationKey } from '../../state/slices/tracking-slice';
import { templateLabel } from '../../components/notification-table/template-label';
import { MessageBody } from '../../components/message-body/message-body';
import { ArchivedFallback } from '../archive/archived-notification';
import { CallbackReplay } from './callback-replay';
import { LetterPdf } from './letter-pdf';
import { TimelineView } from './timeline-view';

export function NotificationDetail({ profileId, id }: { profileId: string; id: string }) {
  const store = useAppStoreApi();
  const entry = useAppStore((s) => s.notifications[notificationKey(profileId, id)]);
  const profile = useAppStore((s) => selectProfile(s, profileId));
  const [tab, setTab] = useState<'json' | 'callback'>('json');
  const watchRequested = useRef(false);

  useEffect(() => {
    void store.getState().loadNotification(profileId, id);
  }, [store, profileId, id]);

  const loaded = entry?.load === 'ready' && entry.notification !== null;
  const final = entry?.final ?? false;
  // An unfinished notification opened from history or a lookup is watched until it settles.
  useEffect(() => {
    if (loaded && !final && !watchRequested.current) {
      watchRequested.current = true;
      void store.getState().setTracking(profileId, id, true);
    }
  }, [store, profileId, id, loaded, final]);

  if (!entry || (entry.load === 'loading' && !entry.notification))
    return <Loading label="Fetching the notification…" />;
  if (entry.error && !entry.notification) {
    return (
      <>
        <ErrorPanel
          error={entry.error}
          title="Could not fetch the notification"
          onRetry={() => void store.getState().loadNotification(profileId, id)}
        >
          <p className="muted">
            Notify keeps notifications for 7 days by default, and never stores those sent to smoke-test
            recipients.
          </p>
        </ErrorPanel>
        {entry.observations.length ? (
          <TimelineView notification={null} observations={entry.observations} />
        ) : null}
        {entry.error.code === 'notify' && entry.error.details.status === 404 ? (
          <ArchivedFallback id={id} />
        ) : null}
      </>
    );
  }
  const n = entry.notification;
  if (!n) return <Loading label="Waiting for the notification…" />;
  const cost = numberField(n, 'cost_in_pounds');
  const postage = stringField(n, 'postage');
  const estimated = stringField(n, 'estimated_delivery');
  const createdBy = stringField(n, 'created_by_name');
  const unsubscribe = stringField(n, 'one_click_unsubscribe_url');
  return (
    <article className="detail" aria-labelledby="notification-heading" data-testid="notification-detail">
      <div className="detail__head">
        <h2 id="notification-heading">
          {n.type === 'sms' ? 'Text message' : n.type === 'email' ? 'Email' : 'Letter'} to{' '}
          {/* Only the recipient is masked: the heading still names the panel ("Email to hidden"). */}
          <Sensitive>{recipientOf(n) || 'unknown recipient'}</Sensitive>
        </h2>
        <span className="detail__template" data-testid="status-template">
          {templateLabel(entry.templateName, n.template.version)}
        </span>
        <StatusTag status={n.status} testId="status" />
        {final ? (
          <span className="pill pill--quiet">Final status</span>
        ) : (
          <span className="pill pill--live" role="status">
            Watching for changes
          </span>
        )}
        {entry.load === 'loading' ? <span className="muted small">refreshing…</span> : null}
      </div>
      {entry.error ? <ErrorPanel error={entry.error} title="Could not refresh" /> : null}
      <dl className="facts">
        <div>
          <dt>Notification ID</dt>
          <dd className="facts__with-action">
            <code>{n.id}</code> <CopyButton text={n.id} label="Copy ID" />
          </dd>
        </div>
        <div>
          <dt>Profile</dt>
          <dd>{profile?.name ?? profileId}</dd>
        </div>
        <div>
          <dt>Reference</dt>
          <dd data-sensitive="">{n.reference ?? <span className="muted">none</span>}</dd>
        </div>
        <div>
          <dt>Template</dt>
          <dd>
            {entry.templateName ? <>{templateLabel(entry.templateName, n.template.version)} · </> : null}
            <code>{n.template.id}</code> version {n.template.version}
          </dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>{formatDateTime(n.created_at)}</dd>
        </div>
        <div>
          <dt>Sent</dt>
          <dd>{formatDateTime(n.sent_at)}</dd>
        </div>
        <div>
          <dt>Completed</dt>
          <dd>{formatDateTime(n.completed_at)}</dd>
        </div>
        {createdBy ? (
          <div>
            <dt>Sent by</dt>
            <dd data-sensitive="">{createdBy}</dd>
          </div>
        ) : null}
        <div>
          <dt>Cost</dt>
          <dd>{cost === null ? <span className="muted">not known yet</span> : `£${cost}`}</dd>
        </div>
        {postage ? (
          <div>
            <dt>Postage</dt>
            <dd>{postage}</dd>
          </div>
        ) : null}
        {estimated ? (
          <div>
            <dt>Estimated delivery</dt>
            <dd>{formatDateTime(estimated)}</dd>
          </div>
        ) : null}
        {unsubscribe ? (
          <div>
            <dt>Unsubscribe URL</dt>
            <dd data-sensitive="">
              <code>{unsubscribe}</code>
            </dd>
          </div>
        ) : null}
      </dl>
      <section aria-labelledby="timeline-heading">
        <h3 id="timeline-heading">Timeline</h3>
        <TimelineView notification={n} observations={entry.observations} final={final} />
      </section>
      {entry.explanation ? <ExplanationView explanation={entry.explanation} /> : null}
      <section aria-labelledby="content-heading">
        <h3 id="content-heading">Content</h3>
        {n.subject ? (
          <p data-sensitive="">
            <span className="label">Subject</span> {n.subject}
          </p>
        ) : null}
        <MessageBody type={n.type} body={n.body} subject={n.subject} />
      </section>
      {n.type === 'letter' ? <LetterPdf profileId={profileId} id={n.id} /> : null}
      <Tabs
        label="Data"
        tabs={[
          { id: 'json', label: 'Raw JSON' },
          { id: 'callback', label: 'Callback payload' },
        ]}
        selected={tab}
        onSelect={(t) => setTab(t as 'json' | 'callback')}
      >
        {tab === 'json' ? (
          <JsonView value={n} label="Notification JSON" testId="notification-json" />
        ) : (
          <>
            <p className="muted small">
              The delivery-status callback Notify would POST to your callback URL for this notification (with
              your bearer token).
            </p>
            <JsonView value={buildCallbackPayload(n)} label="Callback payload" testId="callback-payload" />
            <CallbackReplay profileId={profileId} id={n.id} />
          </>
        )}
      </Tabs>
    </article>
  );
}
