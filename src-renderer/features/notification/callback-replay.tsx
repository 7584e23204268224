/**
 * "Send to my endpoint": replays the notification's delivery-status callback to a URL the developer
 * gives (Notify cannot reach their localhost), with an optional bearer token, and keeps a delivery
 * log with a Resend button per entry.
 */
import type { FormEvent } from 'react';
import { ErrorPanel } from '../../components/error-panel';
import { TextField } from '../../components/fields';
import { fieldErrors } from '../../lib/errors';
import { formatDuration, formatTimeOfDay } from '../../lib/time';
import { useAppStore, useAppStoreApi } from '../../state/context';
import type { ReplayLogEntry } from '../../state/slices/replay-slice';
import './callback-replay.css';

export function CallbackReplay({ profileId, id }: { profileId: string; id: string }) {
  const store = useAppStoreApi();
  const replay = useAppStore((s) => s.replay);
  const entries = replay.log.filter((e) => e.profileId === profileId && e.notificationId === id);
  const sending = replay.sendingFor === id;
  const fields = fieldErrors(replay.error);
  const fieldError = fields['url'] ?? fields['bearerToken'];
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void store.getState().sendReplay(profileId, id);
  };
  return (
    <section aria-labelledby="replay-heading" className="replay" data-testid="callback-replay">
      <h4 id="replay-heading">Send to my endpoint</h4>
      <p className="muted small">
        Notify cannot reach your computer, so the console POSTs this payload for it, as Notify would:{' '}
        <code>Content-Type: application/json</code> and, with a token, <code>Authorization: Bearer</code>. Use
        https://, or http:// for localhost, 127.0.0.1 or [::1]. The token is kept only until the console
        closes.
      </p>
      <form onSubmit={onSubmit} noValidate>
        <TextField
          label="Endpoint URL"
          type="url"
          inputMode="url"
          value={replay.url}
          onChange={(v) => store.getState().setReplayUrl(v)}
          error={fields['url'] ?? null}
          placeholder="http://localhost:3000/notify/callback"
          autoComplete="off"
          spellCheck={false}
          maxLength={2048}
          testId="replay-url"
        />
        <TextField
          label="Bearer token (optional)"
          type="password"
          value={replay.token}
          onChange={(v) => store.getState().setReplayToken(v)}
          error={fields['bearerToken'] ?? null}
          autoComplete="off"
          spellCheck={false}
          maxLength={1024}
          testId="replay-token"
        />
        <button
          type="submit"
          className="button button--secondary"
          disabled={sending}
          data-testid="replay-send"
        >
          {sending ? 'Sending…' : 'Send to my endpoint'}
        </button>
      </form>
      {replay.error && !fieldError ? (
        <ErrorPanel error={replay.error} title="Could not send the callback" />
      ) : null}
      <h4 id="replay-log-heading">Delivery log</h4>
      {entries.length === 0 ? (
        <p className="muted small">Nothing sent yet.</p>
      ) : (
        <ol className="replay-log" aria-labelledby="replay-log-heading" data-testid="replay-log">
          {entries.map((entry) => (
            <ReplayEntry
              key={entry.id}
              entry={entry}
              disabled={sending}
              onResend={() => void store.getState().resendReplay(entry.id)}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

function ReplayEntry({
  entry,
  disabled,
  onResend,
}: {
  entry: ReplayLogEntry;
  disabled: boolean;
  onResend: () => void;
}) {
  const r = entry.result;
  const outcome = r.status !== null ? `HTTP ${r.status}` : (r.error?.title ?? 'No answer');
  return (
    <li
      className={`replay-log__entry ${r.ok ? 'replay-log__entry--ok' : 'replay-log__entry--failed'}`}
      data-testid="replay-entry"
      data-ok={r.ok}
    >
      <div className="replay-log__line">
        <time dateTime={r.sentAt}>{formatTimeOfDay(r.sentAt)}</time>
        <code className="replay-log__url">{entry.url}</code>
        <strong data-testid="replay-outcome">{outcome}</strong>
        <span className="muted">{formatDuration(r.durationMs)}</span>
        {entry.withToken ? <span className="muted small">with token</span> : null}
        <button
          type="button"
          className="button button--ghost button--small"
          onClick={onResend}
          disabled={disabled}
          aria-label={`Resend to ${entry.url}`}
        >
          Resend
        </button>
      </div>
      {r.error ? (
        <p className="small" data-testid="replay-error">
          {r.status !== null ? `${r.error.title}. ` : ''}
          {r.error.whatHappened}
        </p>
      ) : null}
      {r.status !== null ? (
        <details className="disclosure">
          <summary>Response body{r.responseTruncated ? ' (first 2 KB)' : ''}</summary>
          <pre className="code-block code-block--wrap" data-testid="replay-response" data-sensitive="">
            {r.responseBody || '(empty)'}
          </pre>
        </details>
      ) : null}
    </li>
  );
}
