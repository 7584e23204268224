/**
 * Sending service callbacks: the Notify Sandbox POSTs each callback body (`callback-payloads.ts` builds
 * them) to the service's own endpoint and keeps a log of every attempt.
 *
 * Mirrors API `app/celery/service_callback_tasks.py`: `Content-Type: application/json`,
 * `Authorization: Bearer <token>`, a 5 s timeout, and up to 5 retries 300 s apart
 * (`max_retries=5, default_retry_delay=300`). As there, a retry follows a connection error, a timeout,
 * a 5xx or a 429; any other 4xx ends the callback at once ("callback is not being retried"). The body is
 * serialised like Python's `json.dumps` (`", "` and `": "` separators, non-ASCII escaped).
 * Shared reference: notify-api-v2.md §7.6.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import { pythonJsonDumps } from '../src-shared/callback-payload';

/** Which callback a record is. */
type CallbackKind = 'delivery-status' | 'inbound-sms' | 'returned-letter' | 'complaint';

/** One HTTP attempt. */
interface CallbackAttempt {
  /** 1 for the first try; up to maxRetries + 1. */
  attempt: number;
  /** When the attempt started (ISO 8601). */
  at: string;
  url: string;
  /** The response status, or null if there was no response. */
  status: number | null;
  /** Why the attempt failed, or null on success. */
  error: string | null;
  durationMs: number;
}

/** A callback and everything that happened to it. The bearer token is never stored here. */
export interface CallbackRecord {
  id: string;
  kind: CallbackKind;
  serviceId: string;
  url: string;
  payload: Record<string, unknown>;
  attempts: CallbackAttempt[];
  state: 'pending' | 'delivered' | 'failed';
}

/** Schedules work; the server may pass a time-scaled one. */
export interface Scheduler {
  setTimeout(fn: () => void, ms: number): { cancel(): void };
}

/** Options for {@link CallbackDispatcher}. */
export interface CallbackDispatcherOptions {
  /** Defaults to real (unref'd) timers. Receives delays already divided by `timeScale`. */
  scheduler?: Scheduler;
  /**
   * Divides the retry gap and the request timeout (default 1). Pass it only when the scheduler does not
   * already scale time, or time is scaled twice.
   */
  timeScale?: number;
  /** Retries after the first attempt (default 5, as Notify). */
  maxRetries?: number;
  /** Gap between attempts before scaling (default 300 000 ms, as Notify). */
  retryDelayMs?: number;
  /** Request timeout before scaling (default 5000 ms, as Notify). */
  timeoutMs?: number;
  /**
   * The scaled timeout never drops below this (default 1000 ms): a real endpoint on localhost still needs
   * time to answer when simulated time runs fast. Set it lower in tests.
   */
  minTimeoutMs?: number;
  /** Clock for attempt timestamps. */
  now?: () => Date;
  /** Records kept for {@link CallbackDispatcher.list}, newest kept (default 1000). */
  logLimit?: number;
  /** Called with a snapshot whenever a record changes (enqueued, attempt made, finished). */
  onUpdate?: (record: CallbackRecord) => void;
}

/** Real timers that don't keep the process alive on their own. */
const realScheduler: Scheduler = {
  setTimeout(fn, ms) {
    const timer = setTimeout(fn, ms);
    timer.unref();
    return { cancel: () => clearTimeout(timer) };
  },
};

interface Delivery {
  record: CallbackRecord;
  token: string;
}

/**
 * Sends service callbacks with Notify's retry policy and keeps a log of every attempt.
 *
 * Only ever contacts the URL it is given, and does not follow redirects (a 3xx ends the callback).
 */
export class CallbackDispatcher {
  private readonly scheduler: Scheduler;
  private readonly maxRetries: number;
  private readonly retryDelayMs: number;
  private readonly timeoutMs: number;
  private readonly now: () => Date;
  private readonly logLimit: number;
  private readonly onUpdate: ((record: CallbackRecord) => void) | undefined;
  private readonly agent: Agent;
  private readonly records: CallbackRecord[] = [];
  private readonly scheduled = new Map<string, { cancel(): void }>();
  private readonly waiting = new Map<string, Delivery>();
  private inFlight = 0;
  private idleWaiters: (() => void)[] = [];
  private closed = false;

  constructor(opts: CallbackDispatcherOptions = {}) {
    const timeScale = opts.timeScale && opts.timeScale > 0 ? opts.timeScale : 1;
    this.scheduler = opts.scheduler ?? realScheduler;
    this.maxRetries = Math.max(0, Math.floor(opts.maxRetries ?? 5));
    this.retryDelayMs = Math.max(0, (opts.retryDelayMs ?? 300_000) / timeScale);
    this.timeoutMs = Math.max(opts.minTimeoutMs ?? 1000, (opts.timeoutMs ?? 5000) / timeScale, 1);
    this.now = opts.now ?? (() => new Date());
    this.logLimit = Math.max(1, Math.floor(opts.logLimit ?? 1000));
    this.onUpdate = opts.onUpdate;
    this.agent = new Agent({
      connect: { timeout: this.timeoutMs },
      headersTimeout: this.timeoutMs,
      bodyTimeout: this.timeoutMs,
      keepAliveTimeout: 4000,
    });
  }

  /**
   * Queues a callback and starts the first attempt straight away. POSTs the payload as JSON with
   * `Content-Type: application/json` and `Authorization: Bearer <bearerToken>`; a 2xx delivers it.
   * Returns a snapshot; {@link list} shows progress. After {@link close}, the record is logged as failed
   * without being sent.
   */
  enqueue(
    kind: CallbackKind,
    serviceId: string,
    url: string,
    bearerToken: string,
    payload: Record<string, unknown>,
  ): CallbackRecord {
    const record: CallbackRecord = {
      id: randomUUID(),
      kind,
      serviceId,
      url,
      payload,
      attempts: [],
      state: this.closed ? 'failed' : 'pending',
    };
    this.records.push(record);
    if (this.records.length > this.logLimit) this.records.splice(0, this.records.length - this.logLimit);
    this.changed(record);
    if (!this.closed) void this.attempt({ record, token: bearerToken });
    return snapshot(record);
  }

  /** Logged callbacks, oldest first, optionally for one service. Snapshots: later changes don't show. */
  list(filter: { serviceId?: string } = {}): CallbackRecord[] {
    return this.records
      .filter((record) => filter.serviceId === undefined || record.serviceId === filter.serviceId)
      .map(snapshot);
  }

  /** Resolves when no delivery is in flight or scheduled (for tests and shutdown). */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Cancels scheduled retries (their records end as failed) and stops further sending. Requests already
   * in flight finish and are logged, then the connection pool closes.
   */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const [id, handle] of this.scheduled) {
      handle.cancel();
      const delivery = this.waiting.get(id);
      if (delivery) {
        delivery.record.state = 'failed';
        this.changed(delivery.record);
      }
    }
    this.scheduled.clear();
    this.waiting.clear();
    void this.agent.close().catch(() => undefined);
    this.settle();
  }

  private isIdle(): boolean {
    return this.inFlight === 0 && this.scheduled.size === 0;
  }

  private settle(): void {
    if (!this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private changed(record: CallbackRecord): void {
    if (!this.onUpdate) return;
    try {
      this.onUpdate(snapshot(record));
    } catch {
      // A listener's failure must not break delivery.
    }
  }

  private async attempt(delivery: Delivery): Promise<void> {
    const { record } = delivery;
    this.inFlight++;
    try {
      const number = record.attempts.length + 1;
      const at = this.now().toISOString();
      const started = performance.now();
      const outcome = await this.post(record.url, delivery.token, record.payload);
      const durationMs = Math.round((performance.now() - started) * 1000) / 1000;
      record.attempts.push({ attempt: number, at, url: record.url, ...outcome.result, durationMs });
      if (outcome.result.error === null) record.state = 'delivered';
      else if (!outcome.retryable || number > this.maxRetries || this.closed) record.state = 'failed';
      else this.scheduleRetry(delivery);
    } catch {
      // Only a throwing `now` gets here; the request itself never throws out of `post`.
      record.state = 'failed';
    } finally {
      this.changed(record);
      this.inFlight--;
      this.settle();
    }
  }

  /** One POST. Never throws. */
  private async post(
    url: string,
    token: string,
    payload: Record<string, unknown>,
  ): Promise<{ result: { status: number | null; error: string | null }; retryable: boolean }> {
    let target: URL;
    try {
      target = new URL(url);
      if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new Error('not http(s)');
    } catch {
      return { result: { status: null, error: `Invalid callback URL: ${url}` }, retryable: false };
    }
    // undici's own timeouts run on a coarse (about 1 s) clock, so a precise timer aborts the request too:
    // first while waiting for the response headers, then again while reading the body.
    const controller = new AbortController();
    let timedOut = false;
    const arm = (): NodeJS.Timeout => {
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, this.timeoutMs);
      timer.unref();
      return timer;
    };
    let timer = arm();
    try {
      const response = await request(target, {
        method: 'POST',
        dispatcher: this.agent,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: pythonJsonDumps(payload),
        headersTimeout: this.timeoutMs,
        bodyTimeout: this.timeoutMs,
        signal: controller.signal,
      });
      const status = response.statusCode;
      clearTimeout(timer);
      timer = arm();
      await response.body.dump({ limit: 64 * 1024, signal: controller.signal }).catch(() => undefined);
      if (status >= 200 && status < 300) return { result: { status, error: null }, retryable: false };
      if (status >= 500 || status === 429)
        return { result: { status, error: `HTTP ${status}` }, retryable: true };
      const why = status >= 300 && status < 400 ? 'redirects are not followed; not retried' : 'not retried';
      return { result: { status, error: `HTTP ${status}: ${why}` }, retryable: false };
    } catch (err) {
      const error = timedOut
        ? `Timeout: no response within ${this.timeoutMs} ms`
        : describeRequestError(err, this.timeoutMs);
      return { result: { status: null, error }, retryable: true };
    } finally {
      clearTimeout(timer);
    }
  }

  private scheduleRetry(delivery: Delivery): void {
    const { id } = delivery.record;
    this.waiting.set(id, delivery);
    const handle = this.scheduler.setTimeout(() => {
      if (!this.scheduled.delete(id)) return;
      this.waiting.delete(id);
      if (this.closed) return;
      void this.attempt(delivery);
    }, this.retryDelayMs);
    this.scheduled.set(id, handle);
  }
}

function snapshot(record: CallbackRecord): CallbackRecord {
  return { ...record, attempts: record.attempts.map((attempt) => ({ ...attempt })) };
}

function describeRequestError(err: unknown, timeoutMs: number): string {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
  const message = err instanceof Error ? err.message : String(err);
  if (
    code === 'UND_ERR_HEADERS_TIMEOUT' ||
    code === 'UND_ERR_BODY_TIMEOUT' ||
    code === 'UND_ERR_CONNECT_TIMEOUT'
  ) {
    return `Timeout: no response within ${timeoutMs} ms (${code})`;
  }
  return code ? `${code}: ${message}` : message;
}

/** Notify's callback body serialisation (Python's `json.dumps`), shared with the console's replay. */
export { pythonJsonDumps };
