/**
 * The preview worker: renders one job at a time with {@link runPreviewTask} and answers with its id.
 * A thin adapter: all rendering is the shared template code's. Loaded as a module worker from the
 * console's own origin, which the renderer's `script-src 'self'` covers (workers fall back to it).
 */
import type { PreviewReply, PreviewRequest } from '../../lib/preview-scheduler';
import { runPreviewTask, type PreviewJob, type PreviewResult } from './preview-tasks';

/** The slice of a dedicated worker's global scope used here (the renderer's types are the page's). */
interface WorkerScope {
  onmessage: ((event: { data: PreviewRequest<PreviewJob> }) => void) | null;
  postMessage(message: PreviewReply<PreviewResult>): void;
}

const scope = globalThis as unknown as WorkerScope;

scope.onmessage = ({ data }) => {
  try {
    scope.postMessage({ id: data.id, ok: true, value: runPreviewTask(data.job) });
  } catch (err) {
    scope.postMessage({ id: data.id, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
};
