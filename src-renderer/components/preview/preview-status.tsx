/**
 * What a preview shows while a large one renders in the worker, or when it cannot be shown: the
 * page stays usable either way.
 */
import { Loading } from '../states';
import type { PreviewOutcome } from '../../lib/preview-scheduler';

/** For an outcome that is not ready: a spinner, the too-large notice or the failure; else nothing. */
export function PreviewStatus({ outcome }: { outcome: PreviewOutcome<unknown> | null }) {
  if (!outcome || outcome.status === 'ready') return null;
  if (outcome.status === 'pending') {
    return (
      <div data-testid="preview-pending">
        <Loading label="Rendering the preview…" />
      </div>
    );
  }
  if (outcome.status === 'too-large') {
    return (
      <div className="notice notice--warning" role="status" data-testid="preview-too-large">
        <p>This preview is too large to show.</p>
        <p className="muted small">
          It took too long to render here; Notify renders the message itself when it is sent.
        </p>
      </div>
    );
  }
  return (
    <div className="notice notice--error" role="status" data-testid="preview-failed">
      <p>The preview could not be rendered: {outcome.message}</p>
    </div>
  );
}
