/**
 * Recent failures across every profile, grouped by reason, then by template and profile.
 */
import { useEffect } from 'react';
import { ColourDot, StatusTag } from '../../components/badges';
import { ErrorPanel } from '../../components/error-panel';
import { ExplanationView } from '../../components/explanation-view';
import { EmptyState, Loading } from '../../components/states';
import { groupFailuresByReason } from '../../lib/failures';
import { formatDateTime } from '../../lib/time';
import { useAppStore, useAppStoreApi } from '../../state/context';

export function Failures() {
  const store = useAppStoreApi();
  const failures = useAppStore((s) => s.failures);
  const profiles = useAppStore((s) => s.profiles.value);
  useEffect(() => {
    if (store.getState().failures.status === 'idle') void store.getState().loadFailures();
  }, [store]);
  const colourOf = (id: string) => profiles?.find((p) => p.id === id)?.colour ?? '#505a5f';
  const reasons = groupFailuresByReason(failures.value?.groups ?? []);
  return (
    <section className="panel" aria-labelledby="failures-heading" data-testid="failures">
      <div className="panel__head">
        <h2 id="failures-heading">Recent failures across profiles</h2>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => void store.getState().loadFailures()}
          disabled={failures.status === 'loading'}
        >
          Refresh
        </button>
      </div>
      {failures.status === 'loading' ? <Loading label="Collecting failures from every profile…" /> : null}
      {failures.error ? (
        <ErrorPanel
          error={failures.error}
          title="Could not collect failures"
          onRetry={() => void store.getState().loadFailures()}
        />
      ) : null}
      {failures.value?.errors.length ? (
        <ul className="notice notice--warning">
          {failures.value.errors.map((e) => (
            <li key={e.profileId}>
              {profiles?.find((p) => p.id === e.profileId)?.name ?? e.profileId}: {e.error}
            </li>
          ))}
        </ul>
      ) : null}
      {failures.status === 'ready' && reasons.length === 0 ? (
        <EmptyState title="No recent failures">
          Nothing failed in the notifications Notify still holds.
        </EmptyState>
      ) : null}
      {reasons.map((reason) => (
        <section
          key={reason.status}
          className="failure-reason"
          aria-label={`Failures: ${reason.status}`}
          data-testid="failure-reason"
        >
          <h3 className="failure-reason__title">
            <StatusTag status={reason.status} /> {reason.explanation.title} · {reason.total} notification
            {reason.total === 1 ? '' : 's'} · latest {formatDateTime(reason.latest)}
          </h3>
          <details className="disclosure">
            <summary>What it means and what to do</summary>
            <ExplanationView explanation={reason.explanation} testId="failure-explanation" />
          </details>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Profile</th>
                <th scope="col">Template</th>
                <th scope="col">Count</th>
                <th scope="col">Latest</th>
                <th scope="col">Examples</th>
              </tr>
            </thead>
            <tbody>
              {reason.groups.map((g) => (
                <tr key={`${g.profileId}:${g.templateId}`}>
                  <td>
                    <ColourDot colour={colourOf(g.profileId)} /> {g.profileName}
                  </td>
                  <td>
                    <code>{g.templateId}</code>
                  </td>
                  <td>{g.count}</td>
                  <td>{formatDateTime(g.latest)}</td>
                  <td>
                    {g.sampleIds.slice(0, 3).map((id) => (
                      <button
                        key={id}
                        type="button"
                        className="link-button"
                        onClick={() =>
                          store.getState().navigate({ screen: 'status', profileId: g.profileId, id })
                        }
                      >
                        {id.slice(0, 8)}…
                      </button>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </section>
  );
}
