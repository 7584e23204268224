/**
 * A React hook over the preview scheduler: renders a job at once when it is small, in the preview
 * worker when it is large, and gives the latest job's outcome. Each component that previews owns
 * its scheduler (and, only once a large job comes, its worker), ended when it unmounts.
 */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import {
  createPreviewScheduler,
  PREVIEW_INLINE_CHARS,
  type PreviewOutcome,
  type PreviewScheduler,
  type PreviewWorkerLike,
} from '../../lib/preview-scheduler';
import { previewJobSize, runPreviewTask, type PreviewJob, type PreviewResult } from './preview-tasks';

type Outcome = PreviewOutcome<PreviewResult>;

function createPreviewWorker(): PreviewWorkerLike<PreviewJob, PreviewResult> {
  // Vite bundles the worker as a file of its own under the app's origin (no blob: or data: URL), so
  // the Content-Security-Policy's `script-src 'self'`, which workers fall back to, allows it unchanged.
  return new Worker(new URL('./preview-worker.ts', import.meta.url), {
    type: 'module',
    name: 'preview',
  }) as unknown as PreviewWorkerLike<PreviewJob, PreviewResult>;
}

/** One component's previews: its scheduler, and the latest late (worker) outcome for React to read. */
function createPreviewStore() {
  let scheduler: PreviewScheduler<PreviewJob, PreviewResult> | null = null;
  let lastJob: PreviewJob | null = null;
  let late: { job: PreviewJob; outcome: Outcome } | null = null;
  const listeners = new Set<() => void>();

  function active(): PreviewScheduler<PreviewJob, PreviewResult> {
    scheduler ??= createPreviewScheduler<PreviewJob, PreviewResult>({
      render: runPreviewTask,
      size: previewJobSize,
      createWorker: createPreviewWorker,
      onOutcome: (outcome) => {
        if (!lastJob) return;
        late = { job: lastJob, outcome };
        for (const l of listeners) l();
      },
    });
    return scheduler;
  }

  return {
    request(job: PreviewJob): Outcome {
      lastJob = job;
      return active().request(job);
    },
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    snapshot: () => late,
    /** Asks again for a large job a dispose cut short (React's StrictMode unmounts and remounts). */
    resume(): void {
      if (scheduler || !lastJob || late?.job === lastJob) return;
      if (previewJobSize(lastJob) >= PREVIEW_INLINE_CHARS) active().request(lastJob);
    },
    dispose(): void {
      scheduler?.dispose();
      scheduler = null;
    },
  };
}

/**
 * The outcome of the latest job; `null` when there is none. The job is compared by identity:
 * memoise it on what it is built from, or every render asks again.
 */
export function usePreview(job: PreviewJob | null): Outcome | null {
  const [store] = useState(createPreviewStore);
  // Asked while rendering, so a small job's preview is in the same paint as the keystroke.
  const immediate = useMemo(() => (job ? store.request(job) : null), [job, store]);
  const late = useSyncExternalStore(store.subscribe, store.snapshot);
  useEffect(() => {
    store.resume();
    return () => store.dispose();
  }, [store]);
  if (immediate?.status === 'pending' && late?.job === job) return late.outcome;
  return immediate;
}
