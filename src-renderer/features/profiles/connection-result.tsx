/**
 * The verdict of a connection test: what was wrong (or that all is well), the measured clock skew
 * and how long it took.
 */
import type { ConnectionTest } from '../../state/slices/profiles-slice';
import type { Loadable } from '../../state/loadable';
import { Loading } from '../../components/states';
import { ErrorPanel } from '../../components/error-panel';
import { formatDuration, formatSkew } from '../../lib/time';

const VERDICT_TEXT: Record<ConnectionTest['verdict'], string> = {
  ok: 'Connected',
  'bad-key': 'The key was not accepted',
  'revoked-key': 'The key has been revoked',
  'clock-skew': 'This computer’s clock is out by too much',
  'service-archived': 'The service is archived',
  dns: 'The host name does not resolve',
  tls: 'The secure connection failed',
  proxy: 'The proxy refused or failed',
  refused: 'The connection was refused',
  timeout: 'No answer in time',
  unavailable: 'Notify is not available right now',
  'rate-limited': 'The key works, but the service is over its rate limit',
  'not-notify': 'Something answered, but it is not Notify',
};

export function ConnectionResult({ test }: { test: Loadable<ConnectionTest> | undefined }) {
  if (!test || test.status === 'idle') return null;
  if (test.status === 'loading') return <Loading label="Testing the connection…" />;
  if (test.error) return <ErrorPanel error={test.error} title="Could not test the connection" />;
  const v = test.value;
  if (!v) return null;
  return (
    <div
      className={`verdict verdict--${v.verdict === 'ok' ? 'ok' : 'bad'}`}
      role="status"
      data-testid="connection-result"
      data-verdict={v.verdict}
    >
      <p className="verdict__title">{VERDICT_TEXT[v.verdict]}</p>
      <p>{v.message}</p>
      <dl className="facts facts--inline">
        <div>
          <dt>Clock skew</dt>
          <dd data-testid="connection-skew">{formatSkew(v.skewSeconds)}</dd>
        </div>
        <div>
          <dt>Took</dt>
          <dd>{formatDuration(v.durationMs)}</dd>
        </div>
      </dl>
    </div>
  );
}
