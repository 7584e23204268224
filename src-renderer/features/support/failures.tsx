/**
 * Recent failures across every profile, grouped by reason, then by template and service. A
 * notification seen through several profiles of one service counts once; its row says "via N
 * profiles". Each reason is explained once per channel it holds.
 */
import { useEffect } from 'react';
import { ColourDot, StatusTag } from '../../components/badges';
import { ExplanationView } from '../../components/explanation-view';
import { TYPE_LABELS } from '../../components/notification-table/columns';
import { templateLabelWithVersions } from '../../components/notification-table/template-label';
import { useProfileLookup } from '../../components/notification-table/use-profile-lookup';
import { EmptyState, LoadState } from '../../components/states';
import { formatDateTime } from '../../lib/time';
import { useAppStore, useAppStoreApi } from '../../state/context';
import { groupFailuresByReason, type FailureReason } from './failure-reasons';
import './failures.css';

const CHANNEL_WORDS = { sms: 'text messages', email: 'emails', letter: 'letters' } as const;

function ReasonExplanations({ reason }: { reason: FailureReason }) {
  const several = reason.explanations.length > 1;
  return (
    <details className="disclosure">
      <summary>What it means and what to do</summary>
      {reason.explanations.map((e) => (
        <div
          key={e.channel ?? 'any'}
          data-testid="failure-explanation-channel"
          data-channel={e.channel ?? ''}
        >
          {several && e.channel ? (
            <h4 className="explanation__channel">
              For {CHANNEL_WORDS[e.channel]} ({e.count})
            </h4>
          ) : null}
          <ExplanationView explanation={e.explanation} testId="failure-explanation" />
        </div>
      ))}
    </details>
  );
}

export function Failures() {
  const store = useAppStoreApi();
  const failures = useAppStore((s) => s.failures);
  const profiles = useProfileLookup();
  useEffect(() => {
    if (store.getState().failures.status === 'idle') void store.getState().loadFailures();
  }, [store]);
  const reload = () => void store.getState().loadFailures();
  return (
    <section className="panel" aria-labelledby="failures-heading" data-testid="failures">
      <div className="panel__head">
        <h2 id="failures-heading">Recent failures across profiles</h2>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={reload}
          disabled={failures.status === 'loading'}
        >
          Refresh
        </button>
      </div>
      <LoadState
        loadable={failures}
        loadingLabel="Collecting failures from every profile…"
        errorTitle="Could not collect failures"
        onRetry={reload}
        isEmpty={(v) => v.groups.length === 0 && v.errors.length === 0}
        empty={
          <EmptyState title="No recent failures">
            Nothing failed in the notifications Notify still holds.
          </EmptyState>
        }
      >
        {(value) => (
          <>
            {value.errors.length ? (
              <ul className="notice notice--warning">
                {value.errors.map((e) => (
                  <li key={e.profileId}>
                    {profiles.nameOf(e.profileId)}: {e.error}
                  </li>
                ))}
              </ul>
            ) : null}
            {groupFailuresByReason(value.groups).map((reason) => (
              <section
                key={reason.status}
                className="failure-reason"
                aria-label={`Failures: ${reason.status}`}
                data-testid="failure-reason"
              >
                <h3 className="failure-reason__title" data-testid="failure-reason-title">
                  <StatusTag status={reason.status} />{' '}
                  {reason.explanations.length === 1 ? `${reason.explanations[0]?.explanation.title} · ` : ''}
                  {reason.total} notification{reason.total === 1 ? '' : 's'} · latest{' '}
                  {formatDateTime(reason.latest)}
                </h3>
                <ReasonExplanations reason={reason} />
                <div className="table-scroll">
                  <table className="table">
                    <thead>
                      <tr>
                        <th scope="col">Profile</th>
                        <th scope="col">Template</th>
                        <th scope="col">Type</th>
                        <th scope="col">Count</th>
                        <th scope="col">Latest</th>
                        <th scope="col">Examples</th>
                      </tr>
                    </thead>
                    <tbody>
                      {reason.groups.map((g) => (
                        <tr key={`${g.profileId}:${g.templateId}`} data-testid="failure-group">
                          <td>
                            <ColourDot colour={profiles.colourOf(g.profileId)} /> {g.profileName}
                            {g.profiles.length > 1 ? (
                              <span
                                className="muted small nowrap"
                                data-testid="via-profiles"
                                title={g.profiles.map((p) => p.profileName).join(', ')}
                              >
                                {' '}
                                · via {g.profiles.length} profiles
                              </span>
                            ) : null}
                          </td>
                          <td>
                            <span title={g.templateId} data-testid="template-name">
                              {templateLabelWithVersions(g.templateName, g.templateVersions) || (
                                <code>{g.templateId}</code>
                              )}
                            </span>
                          </td>
                          <td>{g.notificationType ? TYPE_LABELS[g.notificationType] : '—'}</td>
                          <td data-testid="failure-count">{g.count}</td>
                          <td className="nowrap">{formatDateTime(g.latest)}</td>
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
                </div>
              </section>
            ))}
          </>
        )}
      </LoadState>
    </section>
  );
}
