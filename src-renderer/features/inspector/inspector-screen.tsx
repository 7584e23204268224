/**
 * The request inspector: every request the console made to Notify, live, with its timing, the
 * JWT's claims (never its signature) and the clock skew measured from the response.
 */
import { useEffect } from 'react';
import type { RequestLogEntry } from '../../../src-main/contract/schemas';
import { SelectField } from '../../components/fields';
import { Sensitive } from '../../components/sensitive';
import { EmptyState, LoadState } from '../../components/states';
import { formatDateTime, formatDuration, formatSkew } from '../../lib/time';
import { useAppStore, useAppStoreApi } from '../../state/context';

/**
 * A request path with its query string masked in presentation mode: queries carry references
 * (`?reference=…`) and the like; the path itself is ids and endpoint names.
 */
function RequestPath({ path }: { path: string }) {
  const at = path.indexOf('?');
  if (at < 0) return <>{path}</>;
  return (
    <>
      {path.slice(0, at)}
      <Sensitive>{path.slice(at)}</Sensitive>
    </>
  );
}

function EntryDetail({ entry, profileName }: { entry: RequestLogEntry; profileName: string }) {
  const iatMs = entry.jwtClaims ? entry.jwtClaims.iat * 1000 : null;
  const started = Date.parse(entry.startedAt);
  return (
    <section className="panel" aria-labelledby="inspector-detail-heading" data-testid="inspector-detail">
      <h2 id="inspector-detail-heading">
        {entry.method} <RequestPath path={entry.path} />
      </h2>
      <dl className="facts">
        <div>
          <dt>Profile</dt>
          <dd>{profileName}</dd>
        </div>
        <div>
          <dt>Started</dt>
          <dd>{formatDateTime(entry.startedAt)}</dd>
        </div>
        <div>
          <dt>HTTP status</dt>
          <dd>{entry.status ?? 'no response'}</dd>
        </div>
        <div>
          <dt>Outcome</dt>
          <dd>{entry.outcome}</dd>
        </div>
        <div>
          <dt>Took</dt>
          <dd>{formatDuration(entry.durationMs)}</dd>
        </div>
        <div>
          <dt>Attempt</dt>
          <dd>{entry.attempt}</dd>
        </div>
        <div>
          <dt>Measured clock skew</dt>
          <dd data-testid="inspector-skew">{formatSkew(entry.clockSkewSeconds)}</dd>
        </div>
        {entry.error ? (
          <div>
            <dt>Error</dt>
            <dd>
              <Sensitive>{entry.error}</Sensitive>
            </dd>
          </div>
        ) : null}
      </dl>
      <h3>JWT claims</h3>
      {entry.jwtClaims ? (
        <dl className="facts" data-testid="jwt-claims">
          <div>
            <dt>iss (service id)</dt>
            <dd>
              <code>{entry.jwtClaims.iss}</code>
            </dd>
          </div>
          <div>
            <dt>iat (issued at)</dt>
            <dd>
              <code>{entry.jwtClaims.iat}</code> = {formatDateTime(iatMs)}
              {iatMs !== null && !Number.isNaN(started) ? (
                <span className="muted"> ({formatDuration(started - iatMs)} before the request started)</span>
              ) : null}
            </dd>
          </div>
        </dl>
      ) : (
        <p className="muted">No token was sent with this request.</p>
      )}
      <p className="muted small">
        The token’s signature is never recorded; Notify accepts an iat within 30 seconds of its clock.
      </p>
    </section>
  );
}

/** The requests shown, newest first; one opens beside the list. */
function RequestTable({
  entries,
  selectedId,
  nameOf,
}: {
  entries: RequestLogEntry[];
  selectedId: string | null;
  nameOf: (profileId: string) => string;
}) {
  const store = useAppStoreApi();
  return (
    <table className="table table--compact" data-testid="inspector-list">
      <caption className="visually-hidden">Requests to Notify</caption>
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Request</th>
          <th scope="col">Status</th>
          <th scope="col">Took</th>
          <th scope="col">Skew</th>
          <th scope="col">Profile</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr
            key={e.id}
            className={e.id === selectedId ? 'table__row--selected' : ''}
            data-testid="inspector-row"
            data-outcome={e.outcome}
          >
            <td className="nowrap" data-testid="inspector-time">
              {formatDateTime(e.startedAt)}
            </td>
            <td>
              <button
                type="button"
                className="link-button"
                aria-pressed={e.id === selectedId}
                onClick={() => store.getState().selectInspectorEntry(e.id)}
              >
                {e.method} <RequestPath path={e.path} />
              </button>
            </td>
            <td>
              <span
                className={`http-status http-status--${e.status === null ? 'none' : e.status < 300 ? 'ok' : e.status < 500 ? 'client' : 'server'}`}
              >
                {e.status ?? e.outcome}
              </span>
            </td>
            <td className="nowrap">{formatDuration(e.durationMs)}</td>
            <td className="nowrap">
              {e.clockSkewSeconds === null ? '—' : `${e.clockSkewSeconds.toFixed(1)} s`}
            </td>
            <td>{nameOf(e.profileId)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function InspectorScreen() {
  const store = useAppStoreApi();
  const inspector = useAppStore((s) => s.inspector);
  const profiles = useAppStore((s) => s.profiles.value);
  useEffect(() => {
    void store.getState().loadInspector();
  }, [store]);
  const nameOf = (id: string) => profiles?.find((p) => p.id === id)?.name ?? id;
  const entries = (inspector.value ?? []).filter(
    (e) => inspector.profileFilter === 'all' || e.profileId === inspector.profileFilter,
  );
  const selected = entries.find((e) => e.id === inspector.selectedId) ?? null;
  return (
    <div className="screen" data-testid="screen-inspector">
      <div className="screen__head">
        <h1 tabIndex={-1}>Request inspector</h1>
      </div>
      <div className="toolbar">
        <SelectField
          label="Profile"
          value={inspector.profileFilter}
          onChange={(v) => store.getState().setInspectorProfileFilter(v)}
          options={[
            { value: 'all', label: 'Every profile' },
            ...(profiles ?? []).map((p) => ({ value: p.id, label: p.name })),
          ]}
        />
        <p className="toolbar__status" role="status">
          {entries.length} request{entries.length === 1 ? '' : 's'}, newest first; new requests appear as they
          happen.
        </p>
        <button
          type="button"
          className="button button--ghost button--small"
          onClick={() => void store.getState().loadInspector()}
        >
          Refresh
        </button>
      </div>
      <LoadState
        loadable={inspector}
        loadingLabel="Loading requests…"
        errorTitle="Could not load the request log"
        onRetry={() => void store.getState().loadInspector()}
        isEmpty={() => entries.length === 0}
        empty={
          <EmptyState title="No requests yet">
            Requests to Notify appear here as the console makes them.
          </EmptyState>
        }
      >
        {() => (
          // The list takes the whole width until an entry is opened beside it.
          <div className={selected ? 'split split--inspector' : 'inspector-list'}>
            <RequestTable entries={entries} selectedId={inspector.selectedId} nameOf={nameOf} />
            {selected ? <EntryDetail entry={selected} profileName={nameOf(selected.profileId)} /> : null}
          </div>
        )}
      </LoadState>
    </div>
  );
}
