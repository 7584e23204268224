/**
 * One search box for a notification id or reference, fanned out to every profile at once.
 */
import { useState } from 'react';
import { ColourDot, StatusTag } from '../../components/badges';
import { ErrorPanel } from '../../components/error-panel';
import { TextField } from '../../components/fields';
import { Sensitive } from '../../components/sensitive';
import { EmptyState, Loading } from '../../components/states';
import { recipientOf } from '../../lib/notification-fields';
import { formatDateTime } from '../../lib/time';
import { useAppStore, useAppStoreApi } from '../../state/context';

export function Lookup() {
  const store = useAppStoreApi();
  const lookup = useAppStore((s) => s.lookup);
  const profiles = useAppStore((s) => s.profiles.value);
  const [query, setQuery] = useState(lookup.query);
  const colourOf = (id: string) => profiles?.find((p) => p.id === id)?.colour ?? '#505a5f';
  const value = lookup.value;
  return (
    <section className="panel" aria-labelledby="lookup-heading">
      <h2 id="lookup-heading">Find a notification</h2>
      <form
        className="form form--inline"
        aria-label="Find a notification in every profile"
        onSubmit={(e) => {
          e.preventDefault();
          void store.getState().runLookup(query);
        }}
      >
        <TextField
          label="Notification id or reference"
          type="search"
          value={query}
          onChange={setQuery}
          data-search=""
          data-sensitive=""
          autoComplete="off"
          spellCheck={false}
          hint="Searches every profile at once."
          className="field--grow"
        />
        <button
          type="submit"
          className="button"
          disabled={query.trim() === '' || lookup.status === 'loading'}
        >
          Search all profiles
        </button>
      </form>
      {lookup.status === 'loading' ? <Loading label="Searching every profile…" /> : null}
      {lookup.error ? <ErrorPanel error={lookup.error} title="The search failed" /> : null}
      {value && lookup.status === 'ready' ? (
        <div data-testid="lookup-results">
          {value.results.length === 0 ? (
            <EmptyState
              title={
                <>
                  Nothing found for “<Sensitive>{lookup.query}</Sensitive>”
                </>
              }
            >
              Notify keeps notifications for 7 days by default.
            </EmptyState>
          ) : (
            <table className="table">
              <caption>{profileCount(value.results.map((r) => r.profileId))}</caption>
              <thead>
                <tr>
                  <th scope="col">Profile</th>
                  <th scope="col">Status</th>
                  <th scope="col">Type</th>
                  <th scope="col">Recipient</th>
                  <th scope="col">Reference</th>
                  <th scope="col">Created</th>
                  <th scope="col">Notification</th>
                </tr>
              </thead>
              <tbody>
                {value.results.map((r) => (
                  <tr key={`${r.profileId}:${r.notification.id}`} data-testid="lookup-result">
                    <td>
                      <ColourDot colour={colourOf(r.profileId)} /> {r.profileName}
                    </td>
                    <td>
                      <StatusTag status={r.notification.status} />
                    </td>
                    <td>{r.notification.type}</td>
                    <td>
                      <Sensitive>{recipientOf(r.notification)}</Sensitive>
                    </td>
                    <td>
                      <Sensitive>{r.notification.reference ?? ''}</Sensitive>
                    </td>
                    <td>{formatDateTime(r.notification.created_at)}</td>
                    <td>
                      <button
                        type="button"
                        className="link-button"
                        onClick={() =>
                          store
                            .getState()
                            .navigate({ screen: 'status', profileId: r.profileId, id: r.notification.id })
                        }
                      >
                        Open {r.notification.id.slice(0, 8)}…
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <details className="disclosure">
            <summary>Searched {value.searched.length} profiles</summary>
            <ul data-testid="lookup-searched">
              {value.searched.map((s) => (
                <li key={s.profileId}>
                  {s.profileName}: {s.error ? <span className="field__error">{s.error}</span> : 'searched'}
                </li>
              ))}
            </ul>
          </details>
        </div>
      ) : null}
    </section>
  );
}

/** "Found in 1 profile" / "Found in 3 profiles": distinct profiles among the results. */
function profileCount(profileIds: readonly string[]): string {
  const n = new Set(profileIds).size;
  return `Found in ${n} profile${n === 1 ? '' : 's'}`;
}
