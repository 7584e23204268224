/**
 * A small pool of worker threads for the shared Notify rules on large inputs, so that no accepted
 * request holds up the sandbox's event loop while a template is rendered or an address checked.
 *
 * The rules are linear, but a single pass over a 12 MB personalisation value still takes from a few
 * hundred milliseconds (an SMS, an email's HTML) to seconds (thousands of paragraphs of Markdown, or
 * of QR codes); Markdown nested too deep reads the text once per level. Inputs of
 * fewer than {@link LARGE_INPUT_CHARS} characters, which is every ordinary send, are rendered in the
 * sandbox's own thread as before (a worker round trip would only add latency); larger ones go to a
 * worker. A worker that takes longer than the time limit is ended and the request fails with a 500
 * (Notify's own workers are killed by their timeout); one that runs out of memory likewise. Idle
 * workers end after a few seconds and never keep the process alive.
 *
 * From TypeScript sources (tests, `npm run sandbox`) a worker loads through tsx; a build must ship
 * `render-worker.js` beside the module that contains this one, or large inputs are rendered in
 * the sandbox's thread (with a warning).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  runRenderTask,
  type RenderJob,
  type RenderReply,
  type RenderTaskName,
  type RenderTasks,
} from './render-tasks';

/**
 * Inputs of at least this many characters (template and values together) are rendered in a worker.
 * The slowest linear case, an email of one-character Markdown paragraphs, costs about 1–2 µs a
 * character, so anything smaller takes at most ~10 ms in the sandbox's thread.
 */
const LARGE_INPUT_CHARS = 4096;

interface RenderPoolOptions {
  /** Most workers at once (default: 2, or 1 on a single core). */
  maxWorkers?: number;
  /** A job running longer than this ends its worker and fails (default 30 s). */
  timeLimitMs?: number;
  /** An idle worker ends after this long (default 5 s). */
  idleMs?: number;
  /** Heap limit of each worker in MB (default 1024: a 12 MB value renders to a few hundred MB). */
  maxMemoryMb?: number;
  /** The worker script (default: render-worker next to this module). */
  workerUrl?: URL;
}

/** A render that took longer than the pool's time limit. */
class RenderTimeoutError extends Error {
  override name = 'RenderTimeoutError';
}

interface Pending {
  job: RenderJob;
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Loaded: a job's time runs from when its worker is ready (tsx takes seconds to load one). */
  ready: boolean;
  current: Pending | null;
  timer: NodeJS.Timeout | null;
}

function defaultWorkerUrl(): URL {
  const here = import.meta.url;
  return new URL(here.endsWith('.ts') ? './render-worker.ts' : './render-worker.js', here);
}

/** Source for a worker that registers tsx, then imports a TypeScript worker module. */
function tsxBootstrap(script: URL): string {
  const pkg = createRequire(import.meta.url).resolve('tsx/package.json');
  const api = pathToFileURL(pkg.replace(/package\.json$/, 'dist/esm/api/index.mjs')).href;
  return `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(script.href)}); });`;
}

/**
 * Characters in the strings of some JSON-like arguments (object keys included), counted up to
 * `limit`: what a render's cost grows with.
 */
function inputChars(values: readonly unknown[], limit = LARGE_INPUT_CHARS): number {
  let total = 0;
  const stack: unknown[] = [...values];
  while (stack.length > 0 && total < limit) {
    const value = stack.pop();
    if (typeof value === 'string') total += value.length;
    else if (Array.isArray(value)) for (const item of value) stack.push(item);
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        total += key.length;
        stack.push(item);
      }
    }
  }
  return total;
}

/**
 * One sandbox's render workers: started when a large input first needs one, ended when idle and when
 * the sandbox closes.
 */
export class RenderPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private readonly maxWorkers: number;
  private readonly timeLimitMs: number;
  private readonly idleMs: number;
  private readonly maxMemoryMb: number;
  private readonly workerUrl: URL;
  private nextId = 0;
  private missingWorkerWarned = false;

  constructor(options: RenderPoolOptions = {}) {
    this.maxWorkers = options.maxWorkers ?? Math.min(2, availableParallelism());
    this.timeLimitMs = options.timeLimitMs ?? 30_000;
    this.idleMs = options.idleMs ?? 5_000;
    this.maxMemoryMb = options.maxMemoryMb ?? 1024;
    this.workerUrl = options.workerUrl ?? defaultWorkerUrl();
  }

  /**
   * Runs a shared rule: in the sandbox's own thread for an ordinary input, in a worker for one of
   * {@link LARGE_INPUT_CHARS} characters or more.
   */
  render<K extends RenderTaskName>(
    name: K,
    ...args: Parameters<RenderTasks[K]>
  ): Promise<ReturnType<RenderTasks[K]>> {
    if (inputChars(args) < LARGE_INPUT_CHARS)
      return Promise.resolve(runRenderTask(name, args) as ReturnType<RenderTasks[K]>);
    return this.run(name, args);
  }

  /** Runs a task in a worker, whatever the size of its input. */
  run<K extends RenderTaskName>(
    name: K,
    args: Parameters<RenderTasks[K]>,
  ): Promise<ReturnType<RenderTasks[K]>> {
    if (!existsSync(fileURLToPath(this.workerUrl))) {
      if (!this.missingWorkerWarned)
        process.emitWarning(`${this.workerUrl.href} is missing: large inputs are rendered on the event loop`);
      this.missingWorkerWarned = true;
      return Promise.resolve(runRenderTask(name, args) as ReturnType<RenderTasks[K]>);
    }
    return new Promise((resolve, reject) => {
      this.queue.push({
        job: { id: this.nextId++, name, args },
        resolve: resolve as (value: unknown) => void,
        reject,
      });
      this.dispatch();
    });
  }

  /** Ends every worker; jobs still queued or running fail. */
  async close(): Promise<void> {
    for (const pending of this.queue.splice(0)) pending.reject(new Error('render pool closed'));
    await Promise.all([...this.slots].map((slot) => this.end(slot, new Error('render pool closed'))));
  }

  /** Workers alive now (for tests). */
  get workerCount(): number {
    return this.slots.length;
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.current === null);
      if (!slot) {
        if (this.slots.length >= this.maxWorkers) return;
        slot = this.spawn();
      }
      const pending = this.queue.shift() as Pending;
      if (slot.timer) clearTimeout(slot.timer);
      slot.timer = null;
      slot.current = pending;
      if (slot.ready) this.startClock(slot);
      slot.worker.postMessage(pending.job);
    }
  }

  /** Starts the time limit of a worker's current job. */
  private startClock(slot: Slot): void {
    const pending = slot.current;
    if (!pending) return;
    slot.timer = setTimeout(
      () =>
        void this.end(slot, new RenderTimeoutError(`${pending.job.name} took over ${this.timeLimitMs} ms`)),
      this.timeLimitMs,
    );
    slot.timer.unref();
  }

  private spawn(): Slot {
    const resourceLimits = { maxOldGenerationSizeMb: this.maxMemoryMb };
    const worker = this.workerUrl.pathname.endsWith('.ts')
      ? new Worker(tsxBootstrap(this.workerUrl), { eval: true, resourceLimits })
      : new Worker(this.workerUrl, { resourceLimits });
    worker.unref();
    const slot: Slot = { worker, ready: false, current: null, timer: null };
    worker.on('message', (reply: RenderReply | { ready: true }) => {
      if ('ready' in reply) {
        slot.ready = true;
        this.startClock(slot);
        return;
      }
      const pending = slot.current;
      if (!pending || pending.job.id !== reply.id) return;
      slot.current = null;
      if (slot.timer) clearTimeout(slot.timer);
      slot.timer = setTimeout(() => void this.end(slot, null), this.idleMs);
      slot.timer.unref();
      if (reply.ok) pending.resolve(reply.value);
      else pending.reject(new Error(reply.message));
      this.dispatch();
    });
    // Out of memory, or a crash: the job fails and the worker is replaced on the next job.
    worker.on('error', (err) => void this.end(slot, err));
    worker.on('exit', () => void this.end(slot, new Error('render worker exited')));
    this.slots.push(slot);
    return slot;
  }

  /** Removes a worker from the pool and ends it; its job, if any, fails with `reason`. */
  private async end(slot: Slot, reason: Error | null): Promise<void> {
    const index = this.slots.indexOf(slot);
    if (index === -1) return;
    this.slots.splice(index, 1);
    if (slot.timer) clearTimeout(slot.timer);
    const pending = slot.current;
    slot.current = null;
    if (pending) pending.reject(reason ?? new Error('render worker ended'));
    await slot.worker.terminate();
    this.dispatch();
  }
}
