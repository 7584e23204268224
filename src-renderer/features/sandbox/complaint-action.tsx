/**
 * "Report as spam (complaint)" on an email in the inbox: the sandbox records the complaint as Notify
 * records one its email provider passes on, and sends it to the service's complaint callback when
 * one is set. What happened is said in place (sent to which callback, or recorded with none set);
 * a failure, such as the sandbox being down, shows the console's error, and the button stays to try
 * again.
 *
 * Only an email can get a complaint: the inbox shows this for emails alone.
 */
import { useId, useState } from 'react';
import type { MethodOutput } from '../../../src-main/contract/methods';
import type { RpcError } from '../../../src-main/contract/result';
import { ErrorPanel } from '../../components/error-panel';
import { useAppStoreApi } from '../../state/context';
import { sandboxToHash } from './sandbox-route';

type Complaint =
  | { state: 'idle' }
  | { state: 'filing' }
  | { state: 'filed'; answer: MethodOutput<'sandbox.complain'> }
  | { state: 'failed'; error: RpcError };

export function ComplaintAction({ notificationId }: { notificationId: string }) {
  const store = useAppStoreApi();
  const hintId = useId();
  const [complaint, setComplaint] = useState<Complaint>({ state: 'idle' });
  const file = async () => {
    setComplaint({ state: 'filing' });
    const r = await store.getState().complainAboutEmail(notificationId);
    setComplaint(r.ok ? { state: 'filed', answer: r.value } : { state: 'failed', error: r.error });
  };
  return (
    <div className="sandbox-complaint" data-testid="inbox-complaint">
      <button
        type="button"
        className="button button--secondary"
        aria-describedby={hintId}
        disabled={complaint.state === 'filing'}
        onClick={() => void file()}
      >
        Report as spam (complaint)
      </button>
      <p id={hintId} className="muted small">
        As the recipient’s email provider tells Notify: recorded, and sent to the service’s complaint callback
        if it has one.
      </p>
      {/* Always there, so a screen reader announces what it comes to say. */}
      <div role="status" data-testid="complaint-result">
        {complaint.state === 'filing' ? <p className="muted">Reporting it…</p> : null}
        {complaint.state === 'filed' ? <Filed answer={complaint.answer} /> : null}
      </div>
      {complaint.state === 'failed' ? (
        <ErrorPanel error={complaint.error} title="Could not report the email as spam" />
      ) : null}
    </div>
  );
}

function Filed({ answer }: { answer: MethodOutput<'sandbox.complain'> }) {
  return answer.callbackUrl ? (
    <p className="notice notice--ok">
      Complaint sent to your complaint callback, <code>{answer.callbackUrl}</code>. Its delivery is listed
      under Service settings.
    </p>
  ) : (
    <p className="notice notice--ok">
      Complaint recorded; no complaint callback is set. Set one in{' '}
      <a href={sandboxToHash('settings')}>Service settings</a> to receive the next.
    </p>
  );
}
