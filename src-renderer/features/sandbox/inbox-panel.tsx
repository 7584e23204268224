/**
 * The inbox (issue 14.4): every notification the embedded sandbox received from any key, your
 * own app's included, newest first and live; each shown as its recipient sees it. Mailpit for Notify.
 *
 * A text is a phone's bubble; an email the sandbox's HTML page in a frame with no scripts, no
 * same-origin and its own Content-Security-Policy (as the email previews elsewhere); a letter its
 * PDF, as the status screen shows letters. An email can be reported as spam, as its recipient would
 * (complaint-action.tsx).
 */
import { useEffect, useState } from 'react';
import type {
  InboxFilters,
  InboxItem,
  InboxRendered,
  PanelService,
} from '../../../src-main/contract/sandbox';
import { BlobDownload, BlobFrame } from '../../components/blob-frame';
import { SelectField, TextField } from '../../components/fields';
import { FRAME_CSP } from '../../components/message-body/email-preview';
import { Sensitive, SensitiveFrame } from '../../components/sensitive';
import { EmptyState, LoadState } from '../../components/states';
import { StatusTag } from '../../components/badges';
import { formatDateTime } from '../../lib/time';
import { useAppStore, useAppStoreApi } from '../../state/context';
import { pagedLoadable } from '../../state/loadable';
import { ComplaintAction } from './complaint-action';
import { FORCE_STATUSES } from './force-statuses';
import { useAction } from './sandbox-common';

const TYPES = [
  { value: '', label: 'Any type' },
  { value: 'sms', label: 'Text messages' },
  { value: 'email', label: 'Emails' },
  { value: 'letter', label: 'Letters' },
] as const;

/** The sandbox's email page with the preview frame's CSP first in its head, as a second lock. */
function inboxEmailDocument(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${FRAME_CSP}">`;
  const head = /<head[^>]*>/i.exec(html);
  return head
    ? `${html.slice(0, head.index + head[0].length)}${meta}${html.slice(head.index + head[0].length)}`
    : `${meta}${html}`;
}

function sender(n: InboxItem): string {
  if (n.apiKeyName) return `key “${n.apiKeyName}”`;
  return n.createdByName ? `${n.createdByName} (admin site)` : 'a job';
}

/** A notification as its recipient sees it: a text's bubble, an email's page, a letter's PDF. */
function AsReceived({ item, value }: { item: InboxItem; value: InboxRendered }) {
  const store = useAppStoreApi();
  return (
    <>
      {value.kind === 'sms' ? (
        <div className="inbox-phone">
          <div className="inbox-bubble" data-testid="inbox-sms-bubble" data-sensitive="">
            {value.text}
          </div>
        </div>
      ) : null}
      {value.kind === 'email' ? (
        <SensitiveFrame>
          <iframe
            className="email-frame"
            title={`Email as the recipient sees it: ${value.subject}`}
            sandbox=""
            referrerPolicy="no-referrer"
            srcDoc={inboxEmailDocument(value.html)}
            data-testid="inbox-email-frame"
          />
        </SensitiveFrame>
      ) : null}
      {value.kind === 'letter' ? (
        <>
          <BlobFrame
            base64={value.pdfBase64}
            type="application/pdf"
            title="Letter PDF"
            testId="inbox-letter-pdf"
          />
          <BlobDownload base64={value.pdfBase64} type="application/pdf" fileName={`letter-${item.id}.pdf`}>
            Download the PDF
          </BlobDownload>
        </>
      ) : null}
      {value.kind === 'unavailable' ? (
        <p className="notice" data-testid="inbox-unavailable">
          {value.message}{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => void store.getState().loadInboxRendered(item.id)}
          >
            Try again
          </button>
        </p>
      ) : null}
    </>
  );
}

function Rendered({ item }: { item: InboxItem }) {
  const store = useAppStoreApi();
  const rendered = useAppStore((s) => s.inboxRendered[item.id]);
  const act = useAction();
  const [forced, setForced] = useState<string>('delivered');
  useEffect(() => {
    const current = store.getState().inboxRendered[item.id];
    if (!current || current.value?.kind === 'unavailable') void store.getState().loadInboxRendered(item.id);
  }, [store, item.id, item.status]);
  return (
    <section className="inbox-view" aria-labelledby="inbox-view-heading" data-testid="inbox-view">
      <h3 id="inbox-view-heading">
        {item.type === 'sms' ? 'Text message' : item.type === 'email' ? 'Email' : 'Letter'} to{' '}
        <Sensitive>{item.to ?? 'an address'}</Sensitive>
      </h3>
      <p className="muted small">
        {item.templateName ?? 'Template'} (version {item.templateVersion}) · sent with {sender(item)} ·{' '}
        {formatDateTime(item.createdAt)} · <StatusTag status={item.status} />
      </p>
      <LoadState
        loadable={rendered}
        loadingLabel="Rendering…"
        errorTitle="Could not show it"
        onRetry={() => void store.getState().loadInboxRendered(item.id)}
      >
        {(value) => <AsReceived item={item} value={value} />}
      </LoadState>
      <form
        className="form form--inline sandbox-form"
        aria-label="Force a status"
        onSubmit={(e) => {
          e.preventDefault();
          void act(
            () => store.getState().forceInboxStatus(item.id, forced),
            `The notification is now ${forced}.`,
          );
        }}
      >
        <SelectField
          label="Force a status"
          value={forced}
          onChange={setForced}
          options={FORCE_STATUSES.map((s) => ({ value: s, label: s }))}
        />
        <button type="submit" className="button button--secondary">
          Force it
        </button>
      </form>
      {item.type === 'email' ? <ComplaintAction key={item.id} notificationId={item.id} /> : null}
    </section>
  );
}

export function InboxPanel({ services }: { services: PanelService[] }) {
  const store = useAppStoreApi();
  const inbox = useAppStore((s) => s.inbox);
  const [recipient, setRecipient] = useState(inbox.filters.recipient ?? '');
  const [templateId, setTemplateId] = useState(inbox.filters.templateId ?? '');
  const [type, setType] = useState<string>(inbox.filters.type ?? '');
  const [selected, setSelected] = useState<string | null>(null);
  useEffect(() => {
    void store.getState().loadInbox(store.getState().inbox.filters);
  }, [store]);
  const templates = services.flatMap((s) => s.templates.map((t) => ({ ...t, service: s.name })));
  const apply = () => {
    const filters: InboxFilters = {
      ...(recipient.trim() ? { recipient: recipient.trim() } : {}),
      ...(templateId ? { templateId } : {}),
      ...(type ? { type: type as 'sms' | 'email' | 'letter' } : {}),
    };
    void store.getState().loadInbox(filters);
  };
  const item = inbox.items.find((n) => n.id === selected) ?? null;
  return (
    <div>
      <form
        className="filters form--inline sandbox-form"
        aria-label="Filter the inbox"
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
      >
        <TextField
          label="Recipient"
          hint="A phone number or email address, however written."
          value={recipient}
          onChange={setRecipient}
          maxLength={320}
        />
        <SelectField
          label="Template"
          value={templateId}
          onChange={setTemplateId}
          options={[
            { value: '', label: 'Any template' },
            ...templates.map((t) => ({ value: t.id, label: `${t.name} (${t.service})` })),
          ]}
        />
        <SelectField label="Type" value={type} onChange={setType} options={TYPES} />
        <button type="submit" className="button button--primary">
          Filter
        </button>
        <button
          type="button"
          className="button button--ghost"
          onClick={() => {
            setRecipient('');
            setTemplateId('');
            setType('');
            void store.getState().loadInbox({});
          }}
        >
          Clear
        </button>
      </form>
      <p className="muted small" role="status" data-testid="inbox-count">
        {inbox.items.length} notification{inbox.items.length === 1 ? '' : 's'}
        {inbox.nextOlderThan ? ', more below' : ''} · new ones appear here as the sandbox receives them
      </p>
      <LoadState
        loadable={pagedLoadable(inbox, inbox.items)}
        loadingLabel="Reading the inbox…"
        errorTitle="Could not read the inbox"
        onRetry={() => void store.getState().loadInbox()}
        isEmpty={(items) => items.length === 0}
        empty={
          <EmptyState title="Nothing received yet" testId="inbox-empty">
            Send something to the sandbox, from this console or from your own app with one of its keys.
          </EmptyState>
        }
      >
        {(items) => (
          <div className={item ? 'split' : undefined}>
            <ul className="item-list inbox-list" data-testid="inbox-list" aria-label="Inbox, newest first">
              {items.map((n) => (
                <li
                  key={n.id}
                  className={`item-list__item ${n.id === selected ? 'item-list__item--current' : ''}`}
                >
                  <button
                    type="button"
                    className="inbox-item"
                    data-testid="inbox-item"
                    data-type={n.type}
                    aria-current={n.id === selected ? 'true' : undefined}
                    onClick={() => setSelected(n.id)}
                  >
                    <span className="item-list__title">
                      <Sensitive>{n.to ?? 'Letter'}</Sensitive> · {n.templateName ?? n.type}
                    </span>
                    <span className="item-list__meta">
                      {n.subject ? (
                        <Sensitive>{n.subject}</Sensitive>
                      ) : (
                        <Sensitive>{n.bodyPreview.slice(0, 80)}</Sensitive>
                      )}
                    </span>
                    <span className="item-list__meta">
                      {formatDateTime(n.createdAt)} · {n.status} · {sender(n)}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
            {item ? <Rendered item={item} /> : null}
          </div>
        )}
      </LoadState>
      {inbox.nextOlderThan ? (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void store.getState().loadInbox(undefined, true)}
        >
          Show older
        </button>
      ) : null}
    </div>
  );
}
