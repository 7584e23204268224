/**
 * Schedules template previews so that a large one never holds up typing (issue 8, "Left open").
 *
 * The shared rendering (src-shared/template) is linear, but a multi-MB personalisation value or a
 * Markdown body whose only closing bracket is at its very end still takes from hundreds of
 * milliseconds to seconds. Inputs under {@link PREVIEW_INLINE_CHARS} characters, which is every
 * ordinary send, are rendered at once on the UI thread (a worker round trip would only make the
 * preview flicker); larger ones go to a Web Worker. The latest request wins: an answer to an older
 * one is dropped, and while the worker is busy only the newest waiting request is kept. A render
 * running past the time limit ends its worker (a worker cannot be interrupted any other way) and the
 * preview says it is too large to show; the next large request starts a new worker.
 *
 * Nothing here touches the DOM: the worker comes from a factory, so tests pass a fake one.
 */

/** The same threshold as the sandbox's render pool (src-sandbox/render-pool.ts). */
export const PREVIEW_INLINE_CHARS = 4096;

/** Long enough for any preview a user could read; short enough that a stuck one is noticed. */
const PREVIEW_TIME_LIMIT_MS = 8000;

/** What the main thread sends a preview worker. */
export interface PreviewRequest<J> {
  id: number;
  job: J;
}

/** What a preview worker answers: the value, or why rendering failed. */
export type PreviewReply<R> = { id: number; ok: true; value: R } | { id: number; ok: false; message: string };

/** The slice of a `Worker` the scheduler uses (a fake in tests). */
export interface PreviewWorkerLike<J, R> {
  postMessage(message: PreviewRequest<J>): void;
  terminate(): void;
  onmessage: ((event: { data: PreviewReply<R> }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

/** Where a preview stands. */
export type PreviewOutcome<R> =
  | { status: 'ready'; value: R }
  | { status: 'pending' }
  | { status: 'too-large' }
  | { status: 'failed'; message: string };

interface SchedulerOptions<J, R> {
  /** Renders a job on this thread (small inputs). */
  render: (job: J) => R;
  /** The job's size in characters, compared with the threshold. */
  size: (job: J) => number;
  createWorker: () => PreviewWorkerLike<J, R>;
  /** Called with the outcome of the latest large request once it is known. */
  onOutcome: (outcome: PreviewOutcome<R>) => void;
  thresholdChars?: number;
  timeLimitMs?: number;
}

export interface PreviewScheduler<J, R> {
  /** Renders a small job now; sends a large one to the worker and answers `pending`. */
  request(job: J): PreviewOutcome<R>;
  /** Ends the worker; later answers are dropped. */
  dispose(): void;
}

function failure(err: unknown): PreviewOutcome<never> {
  return { status: 'failed', message: err instanceof Error ? err.message : String(err) };
}

export function createPreviewScheduler<J, R>(options: SchedulerOptions<J, R>): PreviewScheduler<J, R> {
  const threshold = options.thresholdChars ?? PREVIEW_INLINE_CHARS;
  const timeLimitMs = options.timeLimitMs ?? PREVIEW_TIME_LIMIT_MS;
  let worker: PreviewWorkerLike<J, R> | null = null;
  /** The request the worker is rendering, if any. */
  let running: number | null = null;
  /** The newest large request waiting for the worker (older waiting ones are replaced). */
  let waiting: PreviewRequest<J> | null = null;
  /** The id of the newest request of any size: only its answer is shown. */
  let latest = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  function stopTimer(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  }

  function endWorker(): void {
    stopTimer();
    if (worker) {
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
    }
    worker = null;
    running = null;
  }

  function settle(id: number, outcome: PreviewOutcome<R>): void {
    running = null;
    stopTimer();
    if (id === latest) options.onOutcome(outcome);
    sendNext();
  }

  function ensureWorker(): PreviewWorkerLike<J, R> {
    if (worker) return worker;
    const w = options.createWorker();
    w.onmessage = ({ data }) => {
      if (data.id !== running) return;
      settle(
        data.id,
        data.ok ? { status: 'ready', value: data.value } : { status: 'failed', message: data.message },
      );
    };
    // A worker that fails to load or throws outside a job: the job fails and the worker is replaced.
    w.onerror = () => {
      const id = running;
      endWorker();
      if (id !== null) settle(id, { status: 'failed', message: 'The preview could not be rendered.' });
    };
    worker = w;
    return w;
  }

  function sendNext(): void {
    if (running !== null || !waiting) return;
    const next = waiting;
    waiting = null;
    let w: PreviewWorkerLike<J, R>;
    try {
      w = ensureWorker();
    } catch (err) {
      if (next.id === latest) options.onOutcome(failure(err));
      return;
    }
    running = next.id;
    timer = setTimeout(() => {
      const id = running;
      endWorker();
      if (id === latest) options.onOutcome({ status: 'too-large' });
      sendNext();
    }, timeLimitMs);
    w.postMessage(next);
  }

  return {
    request(job) {
      latest += 1;
      if (options.size(job) < threshold) {
        // A waiting large request is now stale; a running one finishes and is dropped.
        waiting = null;
        try {
          return { status: 'ready', value: options.render(job) };
        } catch (err) {
          return failure(err);
        }
      }
      waiting = { id: latest, job };
      sendNext();
      return { status: 'pending' };
    },
    dispose() {
      waiting = null;
      latest += 1;
      endWorker();
    },
  };
}
