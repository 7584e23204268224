/**
 * Searching the archive as support staff do: by recipient (typed any way Notify would accept it),
 * reference, notification id, template, status, channel, profile and date range, across every
 * profile; results newest first, 50 a page.
 */
import { useState, type FormEvent } from 'react';
import type { ArchivedSummary } from '../../../src-main/contract/archive';
import { StatusTag } from '../../components/badges';
import { SelectField, TextField } from '../../components/fields';
import { Sensitive } from '../../components/sensitive';
import { EmptyState, LoadState } from '../../components/states';
import { STATUS_FILTER_OPTIONS } from '../../components/status-tone';
import { formatDateTime } from '../../lib/time';
import { useAppStore, useAppStoreApi } from '../../state/context';
import { pagedLoadable } from '../../state/loadable';
import { cleanQuery, type ArchiveQuery, type ArchiveQueryField } from './archive-route';

const CHANNELS = [
  { value: '', label: 'Any channel' },
  { value: 'sms', label: 'Text message' },
  { value: 'email', label: 'Email' },
  { value: 'letter', label: 'Letter' },
];

export function ArchiveSearchForm({
  initial,
  onSearch,
}: {
  initial: ArchiveQuery;
  onSearch: (query: ArchiveQuery) => void;
}) {
  const profiles = useAppStore((s) => s.profiles.value) ?? [];
  const [query, setQuery] = useState<ArchiveQuery>(initial);
  const field = (name: ArchiveQueryField) => ({
    value: query[name] ?? '',
    onChange: (v: string) => setQuery({ ...query, [name]: v }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch(cleanQuery(query));
  };
  return (
    <form className="form archive-search" role="search" aria-label="Search the archive" onSubmit={submit}>
      <div className="archive-search__grid">
        <TextField
          label="Recipient"
          hint="Phone number, email address or postcode, as typed in any form"
          autoComplete="off"
          spellCheck={false}
          data-sensitive=""
          data-search=""
          testId="archive-recipient"
          {...field('recipient')}
        />
        <TextField
          label="Reference"
          autoComplete="off"
          data-sensitive=""
          testId="archive-reference"
          {...field('reference')}
        />
        <TextField
          label="Notification ID"
          autoComplete="off"
          spellCheck={false}
          testId="archive-id"
          {...field('id')}
        />
        <TextField label="Template ID" autoComplete="off" spellCheck={false} {...field('templateId')} />
        <SelectField
          label="Status"
          {...field('status')}
          options={[
            { value: '', label: 'Any status' },
            ...STATUS_FILTER_OPTIONS.map((s) => ({ value: s, label: s })),
          ]}
        />
        <SelectField label="Channel" {...field('type')} options={CHANNELS} />
        <SelectField
          label="Profile"
          {...field('profileId')}
          options={[
            { value: '', label: 'All profiles' },
            ...profiles.map((p) => ({ value: p.id, label: p.name })),
          ]}
        />
        <TextField label="Sent from" type="date" {...field('from')} />
        <TextField label="Sent to (inclusive)" type="date" {...field('to')} />
      </div>
      <div className="form__actions">
        <button type="submit" className="button" data-testid="archive-search-submit">
          Search the archive
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setQuery({});
            onSearch({});
          }}
        >
          Clear
        </button>
      </div>
    </form>
  );
}

/** One page or more of archived notifications, newest first; each opens by its id. */
function ResultsTable({ items, onOpen }: { items: ArchivedSummary[]; onOpen: (id: string) => void }) {
  return (
    <table className="table" data-testid="archive-results">
      <caption className="visually-hidden">Archived notifications, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Created</th>
          <th scope="col">Status</th>
          <th scope="col">Type</th>
          <th scope="col">Recipient</th>
          <th scope="col">Reference</th>
          <th scope="col">Profile</th>
          <th scope="col">Notification</th>
        </tr>
      </thead>
      <tbody>
        {items.map((r) => (
          <tr key={r.id} data-testid="archive-result">
            <td>{formatDateTime(r.createdAt)}</td>
            <td>
              <StatusTag status={r.status} />
            </td>
            <td>{r.type}</td>
            <td className="truncate">
              <Sensitive title={r.recipient ?? ''}>{r.recipient ?? ''}</Sensitive>
            </td>
            <td className="truncate">
              <Sensitive title={r.reference ?? ''}>{r.reference ?? ''}</Sensitive>
            </td>
            <td>{r.profileName ?? r.profileId}</td>
            <td>
              <button type="button" className="link-button" onClick={() => onOpen(r.id)}>
                <code>{r.id}</code>
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ArchiveResults({ query, onOpen }: { query: ArchiveQuery; onOpen: (id: string) => void }) {
  const store = useAppStoreApi();
  const results = useAppStore((s) => s.archiveResults);
  return (
    <LoadState
      loadable={pagedLoadable(results, results.items)}
      loadingLabel="Searching the archive…"
      errorTitle="Could not search the archive"
      onRetry={() => void store.getState().searchArchive(query)}
      isEmpty={(items) => items.length === 0}
      empty={
        <EmptyState title="Nothing in the archive matches" testId="archive-no-results">
          The archive holds what the console saw for opted-in profiles, and what their sync read from Notify.
        </EmptyState>
      }
    >
      {(items) => (
        <>
          <ResultsTable items={items} onOpen={onOpen} />
          <p className="small muted" role="status">
            {items.length.toLocaleString('en-GB')} shown
            {results.nextCursor ? ', more below' : ', that is all'}.
          </p>
          {results.nextCursor ? (
            <button
              type="button"
              className="button button--secondary"
              disabled={results.status === 'loading'}
              onClick={() => void store.getState().searchArchive(query, true)}
            >
              Show 50 more
            </button>
          ) : null}
        </>
      )}
    </LoadState>
  );
}
