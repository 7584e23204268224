/**
 * One search box for a notification id or reference, fanned out to every profile at once. Each
 * notification is one row, however many profiles of its service found it ("via 3 profiles").
 */
import { useState } from 'react';
import { TextField } from '../../components/fields';
import {
  createdColumn,
  openColumn,
  profileColumn,
  recipientColumn,
  referenceColumn,
  statusColumn,
  templateColumn,
  typeColumn,
} from '../../components/notification-table/columns';
import { NotificationTable } from '../../components/notification-table/notification-table';
import { useProfileLookup } from '../../components/notification-table/use-profile-lookup';
import { Sensitive } from '../../components/sensitive';
import { EmptyState, LoadState } from '../../components/states';
import { useAppStore, useAppStoreApi } from '../../state/context';
import type { LookupOutput } from '../../state/slices/support-slice';

/** "Found 1 notification" / "Found 2 notifications, in 2 services". */
function foundCaption(results: LookupOutput['results']): string {
  const n = results.length;
  return `Found ${n} notification${n === 1 ? '' : 's'}`;
}

export function Lookup() {
  const store = useAppStoreApi();
  const lookup = useAppStore((s) => s.lookup);
  const [query, setQuery] = useState(lookup.query);
  const value = lookup.value;
  const names = Object.fromEntries((value?.searched ?? []).map((s) => [s.profileId, s.profileName]));
  const profiles = useProfileLookup(names);
  const open = (r: { profileId: string; notification: { id: string } }) =>
    store.getState().navigate({ screen: 'status', profileId: r.profileId, id: r.notification.id });
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
      <LoadState loadable={lookup} loadingLabel="Searching every profile…" errorTitle="The search failed" />
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
            <NotificationTable
              rows={value.results}
              caption={foundCaption(value.results)}
              rowTestId="lookup-result"
              columns={[
                profileColumn(profiles),
                statusColumn,
                typeColumn,
                templateColumn,
                recipientColumn,
                referenceColumn,
                createdColumn,
                openColumn(open),
              ]}
            />
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
