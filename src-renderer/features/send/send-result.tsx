/**
 * What came of a send: the response and copy-as snippets, or the error, with "look it up by
 * reference" when the outcome is unknown (the request may or may not have reached Notify).
 */
import { useEffect, useRef, useState } from 'react';
import { CopyButton } from '../../components/copy-button';
import { ErrorPanel } from '../../components/error-panel';
import { JsonView } from '../../components/json-view';
import { Sensitive } from '../../components/sensitive';
import { createdColumn, openColumn, statusColumn } from '../../components/notification-table/columns';
import { NotificationTable } from '../../components/notification-table/notification-table';
import { Loading, LoadState } from '../../components/states';
import { Tabs } from '../../components/tabs';
import { SMOKE_TEST_WARNING } from './recipient';
import { useAppStore, useAppStoreApi } from '../../state/context';
import { selectLookupReference, type SnippetLanguage } from '../../state/slices/send-slice';

const LANGUAGES: ReadonlyArray<{ id: SnippetLanguage; label: string }> = [
  { id: 'curl', label: 'curl' },
  { id: 'node', label: 'Node' },
  { id: 'python', label: 'Python' },
];

function Snippets() {
  const store = useAppStoreApi();
  const [language, setLanguage] = useState<SnippetLanguage>('curl');
  const snippet = useAppStore((s) => s.send.snippets[language]);
  useEffect(() => {
    if (!snippet) void store.getState().loadSnippet(language);
  }, [store, language, snippet]);
  return (
    <section aria-labelledby="snippets-heading" data-testid="snippets">
      <h3 id="snippets-heading">Copy as code</h3>
      <p className="muted small">The API key is masked: the snippet reads it from NOTIFY_API_KEY.</p>
      <Tabs
        label="Snippet language"
        tabs={LANGUAGES}
        selected={language}
        onSelect={(id) => setLanguage(id as SnippetLanguage)}
      >
        <LoadState
          loadable={snippet}
          loadingLabel="Writing the snippet…"
          errorTitle="Could not write the snippet"
          onRetry={() => void store.getState().loadSnippet(language)}
        >
          {(code) => (
            <figure className="code-figure">
              <figcaption className="code-figure__caption">
                <span>{LANGUAGES.find((l) => l.id === language)?.label}</span>
                <CopyButton text={code} label="Copy snippet" testId="copy-snippet" />
              </figcaption>
              <pre className="code-block" tabIndex={0} data-testid="snippet-code">
                <code data-sensitive="">{code}</code>
              </pre>
            </figure>
          )}
        </LoadState>
      </Tabs>
    </section>
  );
}

function ReferenceLookup() {
  const store = useAppStoreApi();
  const reference = useAppStore(selectLookupReference);
  const lookup = useAppStore((s) => s.send.referenceLookup);
  const profileId = useAppStore((s) => s.activeProfileId);
  if (!reference) {
    return (
      <p className="notice notice--warning">
        This send had no reference, so it cannot be looked up. Check History for a notification created just
        now before sending again, and set a reference next time.
      </p>
    );
  }
  return (
    <div className="lookup-by-reference" data-testid="reference-lookup">
      <button
        type="button"
        className="button"
        onClick={() => void store.getState().lookUpByReference()}
        disabled={lookup.status === 'loading'}
      >
        Look it up by reference
      </button>
      {lookup.status === 'loading' ? <Loading label="Looking for the reference…" /> : null}
      {lookup.error ? <ErrorPanel error={lookup.error} title="The lookup failed" /> : null}
      {lookup.status === 'ready' && lookup.value ? (
        lookup.value.length === 0 ? (
          <p role="status">
            Notify has no notification with the reference “<Sensitive>{reference}</Sensitive>”. It was not
            sent; you can send it again.
          </p>
        ) : (
          <div role="status">
            <p>
              Notify has {lookup.value.length} notification{lookup.value.length === 1 ? '' : 's'} with the
              reference “<Sensitive>{reference}</Sensitive>”: it was sent. Do not send it again.
            </p>
            <NotificationTable
              rows={lookup.value.map((n) => ({ profileId: profileId ?? '', notification: n }))}
              caption="Notifications with this reference"
              captionHidden
              columns={[
                statusColumn,
                createdColumn,
                openColumn(
                  (r) =>
                    profileId &&
                    store.getState().navigate({ screen: 'status', profileId, id: r.notification.id }),
                  false,
                ),
              ]}
            />
          </div>
        )
      ) : null}
    </div>
  );
}

export function SendResultPanel() {
  const store = useAppStoreApi();
  const send = useAppStore((s) => s.send);
  // The heading takes focus once, when a result or an error arrives, so a screen reader announces
  // it. Not on every render: the panel re-renders as snippets load, and moving focus then would
  // pull a keyboard user (or a click in progress) away from the snippet tabs.
  const headingRef = useRef<HTMLHeadingElement>(null);
  const arrived = send.status === 'sent' ? send.result : send.status === 'error' ? send.error : null;
  useEffect(() => {
    if (arrived) headingRef.current?.focus();
  }, [arrived]);
  if (send.status === 'error' && send.error) {
    return (
      <section className="result" aria-labelledby="result-heading" data-testid="send-error">
        <h2 id="result-heading" tabIndex={-1} ref={headingRef}>
          Not sent
        </h2>
        <ErrorPanel
          error={send.error}
          title={
            send.error.code === 'unknown-outcome'
              ? 'The outcome is unknown'
              : 'Notify did not accept the request'
          }
        >
          {send.error.code === 'unknown-outcome' ? <ReferenceLookup /> : null}
        </ErrorPanel>
      </section>
    );
  }
  if (send.status !== 'sent' || !send.result) return null;
  const r = send.result;
  return (
    <section className="result" aria-labelledby="result-heading" data-testid="send-result">
      <h2 id="result-heading" tabIndex={-1} ref={headingRef}>
        Sent
      </h2>
      <p>
        Notification id <code data-testid="sent-id">{r.id}</code> <CopyButton text={r.id} label="Copy id" />
      </p>
      {r.smokeTest ? (
        <p className="notice notice--warning">{SMOKE_TEST_WARNING}</p>
      ) : (
        <button
          type="button"
          className="button"
          onClick={() => store.getState().navigate({ screen: 'status', profileId: r.profileId, id: r.id })}
        >
          Follow its status
        </button>
      )}
      <JsonView value={r.response} label="Response JSON" testId="send-response" />
      <Snippets />
    </section>
  );
}
