/**
 * The request engine under the Notify client: how one call reaches Notify on a real network.
 *
 * A JWT per request (./jwt.ts), undici with per-phase timeouts, a response size cap and proxies
 * (./http.ts), retries for reads with backoff and `Retry-After` (./retry.ts), sends never retried,
 * clock skew measured from every answer's `Date`, the answer classified (./answer-classifier.ts),
 * every attempt logged for the inspector, and every text redacted of the key, its secret, proxy
 * credentials and anything shaped like a JWT. The endpoints themselves are ./client.ts.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Dispatcher } from 'undici';
import { MIN_API_KEY_LENGTH, splitApiKey } from '../../../src-shared/notify/api-key';
import { checkKeyDestination } from '../../../src-shared/notify/key-destination';
import { FieldValidationError } from '../errors';
import { CoreError } from '../ports';
import { AnswerClassifier, dateMs, type Attempt, type Call } from './answer-classifier';
import { UnknownOutcomeError } from './errors';
import {
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_TIMEOUTS,
  TransportFailure,
  createDispatcher,
  exchange,
  headerText,
  type Timeouts,
} from './http';
import { TokenSource } from './jwt';
import { keyVerdictOf, type NotifyRequestLogEntry } from './request-log';
import { DEFAULT_RETRY, backoffDelayMs, type RetryPolicy } from './retry';

/** How a NotifyClient reaches Notify; everything but `baseUrl` and `apiKey` has a default. */
export type NotifyClientOptions = {
  /** The profile's base URL, for example https://api.notifications.service.gov.uk. */
  baseUrl: string;
  apiKey: string;
  /** A proxy URL (http://user:pass@host:port). Unset or null: HTTP(S)_PROXY / NO_PROXY apply. */
  proxy?: string | null;
  timeouts?: Partial<Timeouts>;
  maxResponseBytes?: number;
  retry?: Partial<RetryPolicy>;
  /** Local wall clock in ms, for `iat` and skew; injectable for tests. */
  clock?: () => number;
  log?: (entry: NotifyRequestLogEntry) => void;
  /**
   * A dispatcher to share instead of the client's own (for example one per proxy, made with
   * `createDispatcher`). Its connect/headers/body timeouts then apply; pass `proxy` too when it
   * goes through one, so failures are blamed on the proxy.
   */
  fetchAgent?: Dispatcher;
  /** Give sends without a reference one (`nc-<uuid>`), so an unknown outcome can be looked up. Default true. */
  autoReference?: boolean;
  /** How the client waits between retries; injectable so tests can observe waits. */
  sleep?: (ms: number) => Promise<void>;
  /** How long a token may be reused. */
  tokenMaxAgeMs?: number;
};

const JWT_PATTERN = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/g;
const USER_AGENT = 'notify-console/0.1.0';

export class RequestEngine {
  /** The base URL without a trailing slash. */
  readonly baseUrl: string;
  readonly serviceId: string;
  /** Server time minus local time, in seconds, from the last answer's `Date` header; null until measured. */
  lastSkewSeconds: number | null = null;

  private readonly origin: string;
  private readonly basePath: string;
  // #private, not TS-private: util.inspect and console.log never show these.
  readonly #tokens: TokenSource;
  /** Holds the proxy URL with its credentials. */
  readonly #dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;
  private readonly explicitProxy: boolean;
  private readonly proxyLabel: string | null;
  private readonly timeouts: Timeouts;
  private readonly maxBytes: number;
  private readonly retry: Required<RetryPolicy>;
  private readonly clock: () => number;
  private readonly log: ((entry: NotifyRequestLogEntry) => void) | undefined;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly classifier: AnswerClassifier;
  readonly #secrets: string[];

  constructor(options: NotifyClientOptions) {
    // The one rule for where a key may go (src-shared/notify/key-destination.ts): whoever builds a
    // client (a send, a read, "Test connection"), a key never leaves over plain http for another host.
    const destination = checkKeyDestination(options.baseUrl, options.proxy ?? null, 'allow');
    if (!destination.ok)
      throw new FieldValidationError([{ field: destination.field, message: destination.message }]);
    const base = new URL(destination.baseUrl);
    this.origin = base.origin;
    this.basePath = base.pathname.replace(/\/+$/, '');
    this.baseUrl = this.origin + this.basePath;
    if (typeof options.apiKey !== 'string' || options.apiKey.length < MIN_API_KEY_LENGTH) {
      throw new CoreError(
        'bad-key',
        'This is not a Notify API key: a key ends with the service ID and the secret, two 36-character IDs joined by "-".',
      );
    }
    const { serviceId, secret } = splitApiKey(options.apiKey);
    this.serviceId = serviceId;
    this.clock = options.clock ?? Date.now;
    this.#tokens = new TokenSource(serviceId, secret, this.clock, options.tokenMaxAgeMs);
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
    this.maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.retry.attempts = Math.max(1, Math.floor(this.retry.attempts));
    this.log = options.log;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));

    const proxy = options.proxy ? new URL(options.proxy.trim()) : null;
    // With a caller's `fetchAgent`, `proxy` says which proxy that agent goes through.
    this.explicitProxy = proxy !== null;
    this.proxyLabel = proxy ? `${proxy.protocol}//${proxy.host}` : null;
    this.#secrets = [options.apiKey, secret];
    if (proxy?.password) this.#secrets.push(decodeURIComponent(proxy.password), proxy.password);
    if (options.fetchAgent) {
      this.#dispatcher = options.fetchAgent;
      this.ownsDispatcher = false;
    } else {
      this.#dispatcher = createDispatcher(options.proxy || null, this.timeouts);
      this.ownsDispatcher = true;
    }
    this.classifier = new AnswerClassifier({
      origin: this.origin,
      host: base.host,
      proxyLabel: this.proxyLabel,
      maxBytes: this.maxBytes,
      clock: this.clock,
      redact: (text) => this.redact(text),
      skewSeconds: () => this.lastSkewSeconds,
    });
  }

  /** Closes the engine's own connections (not a `fetchAgent` the caller passed in). */
  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.#dispatcher.close();
  }

  /** Makes one call: every attempt logged, reads retried, sends never. */
  async request<T>(call: Call<T>): Promise<T> {
    const url = new URL(this.origin + this.basePath + call.path);
    if (call.query) url.search = call.query.toString();
    // Defence in depth: whatever a caller passes as an id, the key only goes to the profile's origin.
    if (url.origin !== this.origin)
      throw new CoreError('internal', 'Refused to send the API key to another origin.');
    let body: string | undefined;
    try {
      body = call.body === undefined ? undefined : JSON.stringify(call.body);
    } catch {
      throw new FieldValidationError([
        {
          field: '',
          message: 'The request cannot be sent as JSON (it holds a value JSON cannot represent).',
        },
      ]);
    }
    const requestId = randomUUID();
    const attempts = call.sideEffect ? 1 : this.retry.attempts;
    for (let attempt = 1; ; attempt++) {
      const result = await this.attempt(call, url, body, requestId, attempt);
      if (result.ok) return result.value;
      if (!result.retryable || attempt >= attempts) throw result.error;
      const wait = result.retryAfterMs ?? backoffDelayMs(attempt, this.retry);
      if (wait > this.retry.maxRetryAfterMs) throw result.error;
      await this.sleep(wait);
    }
  }

  private async attempt<T>(
    call: Call<T>,
    url: URL,
    body: string | undefined,
    requestId: string,
    attempt: number,
  ): Promise<Attempt<T>> {
    const path = url.pathname + url.search;
    const { jwt, claims } = await this.#tokens.token();
    const startedAtMs = this.clock();
    const t0 = performance.now();
    let status: number | null = null;
    let result: Attempt<T>;
    let outcome: NotifyRequestLogEntry['outcome'];
    try {
      const raw = await exchange(this.#dispatcher, {
        url,
        method: call.method,
        headers: {
          authorization: `Bearer ${jwt}`,
          accept: 'application/json',
          'user-agent': USER_AGENT,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        body,
        maxBytes: this.maxBytes,
        totalMs: this.timeouts.totalMs,
        clock: this.clock,
        explicitProxy: this.explicitProxy,
      });
      status = raw.status;
      this.measureSkew(headerText(raw.headers.date), startedAtMs, raw.headersAtMs);
      result = this.classifier.interpret(call, raw, path);
    } catch (err) {
      if (!(err instanceof TransportFailure)) throw err;
      status = err.status;
      if (err.dateHeader) this.measureSkew(err.dateHeader, startedAtMs, this.clock());
      result = this.classifier.failure(call, err, path);
    }
    if (result.ok) outcome = 'ok';
    else if (result.error instanceof UnknownOutcomeError) outcome = 'unknown-outcome';
    else outcome = status !== null ? 'http-error' : 'network-error';
    this.emit({
      id: randomUUID(),
      requestId,
      method: call.method,
      path: this.redact(path),
      status,
      durationMs: Math.round(performance.now() - t0),
      startedAt: new Date(startedAtMs).toISOString(),
      attempt,
      jwtClaims: { iss: claims.iss, iat: claims.iat },
      clockSkewSeconds: this.lastSkewSeconds,
      error: result.ok ? null : result.error.message,
      outcome,
      keyVerdict: keyVerdictOf(result),
    });
    return result;
  }

  /** Skew = server time − local time, taking the middle of the round trip as "now". */
  private measureSkew(date: string | null, startedAtMs: number, headersAtMs: number): void {
    const serverMs = dateMs(date);
    if (serverMs === null) return;
    // Date has whole seconds, truncated: the server's real time was, on average, half a second later.
    const skewMs = serverMs + 500 - (startedAtMs + headersAtMs) / 2;
    // `|| 0` turns -0 into 0, which reads oddly in the inspector.
    this.lastSkewSeconds = Math.round(skewMs / 1000) || 0;
  }

  private emit(entry: NotifyRequestLogEntry): void {
    if (!this.log) return;
    try {
      this.log({ ...entry, error: entry.error === null ? null : this.redact(entry.error) });
    } catch {
      // A broken inspector must never break a send.
    }
  }

  /** Removes the key, its secret, proxy credentials and anything shaped like a JWT. */
  private redact(text: string): string {
    let out = text;
    for (const s of this.#secrets) if (s.length >= 4) out = out.split(s).join('[redacted]');
    return out.replace(JWT_PATTERN, '[redacted token]');
  }
}
