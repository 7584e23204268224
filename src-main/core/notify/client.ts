/**
 * The console's client for the GOV.UK Notify API v2: one method per endpoint, named as Notify does.
 *
 * Reads like notifications-node-client but does what a console needs on real networks: per-phase
 * timeouts, a response size cap, proxies, retries for reads (backoff, `Retry-After`), sends that are
 * never retried blindly (an unknown outcome carries the reference to look the send up by), clock
 * skew measured from every answer, and a request log with no secrets in it. See
 * shared/design/ARCHITECTURE.md, "Talking to Notify".
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Dispatcher } from 'undici';
import { checkKeyDestination } from '../../../src-shared/notify/key-destination';
import { CoreError } from '../ports';
import { NotifyApiError, NotifyNetworkError, UnknownOutcomeError, type NotifyClientError } from './errors';
import { MIN_API_KEY_LENGTH } from '../../../src-shared/notify/api-key';
import { explainError, explainNetworkError, explainUnknownOutcome } from '../../../src-shared/notify/explain';
import type { Explanation, NetworkErrorKind } from '../../../src-shared/notify/explanation';
import {
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_TIMEOUTS,
  TransportFailure,
  createDispatcher,
  exchange,
  headerText,
  type RawResponse,
  type Timeouts,
} from './http';
import { TokenSource, splitApiKey, type JwtClaims } from './jwt';
import {
  notification,
  notificationList,
  parseErrorEnvelope,
  parseJson,
  receivedTextList,
  sendEmailResponse,
  sendLetterResponse,
  sendPrecompiledLetterResponse,
  sendSmsResponse,
  template,
  templateList,
  templatePreview,
  type ErrorEnvelope,
  type Notification,
  type NotificationList,
  type ReceivedTextList,
  type SendEmailResponse,
  type SendLetterResponse,
  type SendPrecompiledLetterResponse,
  type SendSmsResponse,
  type Template,
  type TemplateList,
  type TemplatePreview,
} from './responses';
import { DEFAULT_RETRY, backoffDelayMs, parseRetryAfterMs, type RetryPolicy } from './retry';

/** Notify's answers, as checked by responses.ts. */
export type {
  Notification,
  NotificationList,
  ReceivedTextList,
  SendEmailResponse,
  SendLetterResponse,
  SendPrecompiledLetterResponse,
  SendSmsResponse,
  Template,
  TemplateList,
  TemplatePreview,
};

/** Personalisation as Notify takes it: strings, numbers, booleans, lists, file objects. */
export type Personalisation = Record<string, unknown>;

/** POST /v2/notifications/sms body, in Notify's field names (reference §4.1). */
export type SendSmsRequest = {
  phone_number: string;
  template_id: string;
  personalisation?: Personalisation;
  reference?: string;
  sms_sender_id?: string;
  scheduled_for?: string | null;
};

/** POST /v2/notifications/email body (reference §4.2). */
export type SendEmailRequest = {
  email_address: string;
  template_id: string;
  personalisation?: Personalisation;
  reference?: string;
  email_reply_to_id?: string;
  one_click_unsubscribe_url?: string;
  sanitise_content_for?: string[] | null;
  scheduled_for?: string | null;
};

/** POST /v2/notifications/letter body for a templated letter; the address is in personalisation (§4.3). */
export type SendLetterRequest = {
  template_id: string;
  personalisation: Personalisation;
  reference?: string;
};

/** POST /v2/notifications/letter body for a precompiled PDF (§4.4). */
export type SendPrecompiledLetterRequest = {
  /** Notify requires one; the client makes one when it is missing, as for other sends. */
  reference?: string;
  /** The PDF: bytes, or already base64-encoded text. */
  content: Uint8Array | string;
  postage?: 'first' | 'second' | 'economy';
};

/** Filters of GET /v2/notifications; lists are sent as repeated parameters, as Notify reads them. */
export type GetNotificationsFilters = {
  template_type?: string | readonly string[];
  status?: string | readonly string[];
  reference?: string;
  older_than?: string;
  include_jobs?: boolean;
};

/** One line of the request inspector, per attempt. Never a key, a secret or a signature. */
export type NotifyRequestLogEntry = {
  /** Unique per attempt. */
  id: string;
  /** Shared by the attempts of one call. */
  requestId: string;
  method: string;
  /** Path with query string, relative to the origin. */
  path: string;
  status: number | null;
  durationMs: number;
  startedAt: string;
  attempt: number;
  jwtClaims: JwtClaims | null;
  clockSkewSeconds: number | null;
  error: string | null;
  outcome: 'ok' | 'http-error' | 'network-error' | 'unknown-outcome';
  /** What this answer says about the API key; not part of the inspector's entry. */
  keyVerdict: KeyVerdict;
};

/**
 * What one answer says about the key the request was signed with.
 *
 * `accepted`: Notify answered with something other than an auth error (a success, or a v2 error
 * from after its auth check: validation, rate limit…). `revoked`: Notify said the key is revoked.
 * `rejected`: any other auth error. null: the answer says nothing about the key (no answer, not
 * Notify's v2 envelope, or a 5xx).
 */
export type KeyVerdict = 'accepted' | 'rejected' | 'revoked' | null;

/** Notify's message for a key revoked within the last 7 days. */
export const REVOKED_KEY_MESSAGE = 'Invalid token: API key revoked';

export function keyVerdictOf(result: { ok: true } | { ok: false; error: unknown }): KeyVerdict {
  if (result.ok) return 'accepted';
  const err = result.error;
  if (!(err instanceof NotifyApiError)) return null;
  if (err.status === 403 && err.notifyMessage === REVOKED_KEY_MESSAGE) return 'revoked';
  if (err.errorClass === 'AuthError' || err.status === 401 || err.status === 403) return 'rejected';
  return err.errors.length > 0 && err.status < 500 ? 'accepted' : null;
}

/** How a {@link NotifyClient} reaches Notify; everything but `baseUrl` and `apiKey` has a default. */
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

type Call<T> = {
  method: 'GET' | 'POST';
  path: string;
  query?: URLSearchParams;
  body?: unknown;
  read: (raw: RawResponse) => T | undefined;
  /** True for sends: never retried, and a lost answer makes the outcome unknown. */
  sideEffect: boolean;
  reference?: string;
};

type Attempt<T> =
  | { ok: true; value: T }
  | { ok: false; error: NotifyClientError; retryable: boolean; retryAfterMs: number | null };

/**
 * A Notify API v2 client bound to one profile: base URL, API key and proxy.
 *
 * Methods resolve with Notify's JSON (checked for shape) or reject with a {@link NotifyApiError},
 * {@link NotifyNetworkError} or {@link UnknownOutcomeError}; the only other error is a
 * `CoreError('validation')` for input that cannot be sent at all (an empty, "." or ".." id; a value
 * JSON cannot represent).
 */
export class NotifyClient {
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
  private readonly autoReference: boolean;
  private readonly sleep: (ms: number) => Promise<void>;
  readonly #secrets: string[];

  constructor(options: NotifyClientOptions) {
    // The one rule for where a key may go (src-shared/notify/key-destination.ts): whoever builds a
    // client (a send, a read, "Test connection"), a key never leaves over plain http for another host.
    const destination = checkKeyDestination(options.baseUrl, options.proxy ?? null, 'allow');
    if (!destination.ok) throw new CoreError('validation', destination.message);
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
    this.autoReference = options.autoReference ?? true;
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
  }

  /** Sends a text message. POST /v2/notifications/sms */
  async sendSms(request: SendSmsRequest): Promise<SendSmsResponse> {
    return this.send('/v2/notifications/sms', request, (raw) => json(raw, sendSmsResponse));
  }

  /** Sends an email. POST /v2/notifications/email */
  async sendEmail(request: SendEmailRequest): Promise<SendEmailResponse> {
    return this.send('/v2/notifications/email', request, (raw) => json(raw, sendEmailResponse));
  }

  /** Sends a letter from a template. POST /v2/notifications/letter */
  async sendLetter(request: SendLetterRequest): Promise<SendLetterResponse> {
    return this.send('/v2/notifications/letter', request, (raw) => json(raw, sendLetterResponse));
  }

  /** Sends a precompiled PDF letter. POST /v2/notifications/letter with `content` */
  async sendPrecompiledLetter(request: SendPrecompiledLetterRequest): Promise<SendPrecompiledLetterResponse> {
    const content =
      typeof request.content === 'string' ? request.content : Buffer.from(request.content).toString('base64');
    return this.send('/v2/notifications/letter', { ...request, content }, (raw) =>
      json(raw, sendPrecompiledLetterResponse),
    );
  }

  /** One notification by id, whichever key type sent it. GET /v2/notifications/{id} */
  async getNotification(id: string): Promise<Notification> {
    return this.get(`/v2/notifications/${segment(id)}`, undefined, (raw) => json(raw, notification));
  }

  /**
   * A page (250, newest first) of notifications sent with this key's type. GET /v2/notifications
   *
   * `template_type` and `status` may hold several values, sent as repeated parameters like
   * notifications-python-client does.
   */
  async getNotifications(filters: GetNotificationsFilters = {}): Promise<NotificationList> {
    const q = new URLSearchParams();
    for (const t of list(filters.template_type)) q.append('template_type', t);
    for (const s of list(filters.status)) q.append('status', s);
    if (filters.reference !== undefined) q.append('reference', filters.reference);
    if (filters.older_than !== undefined) q.append('older_than', filters.older_than);
    if (filters.include_jobs) q.append('include_jobs', 'true');
    return this.get('/v2/notifications', q, (raw) => json(raw, notificationList));
  }

  /** A letter's PDF. GET /v2/notifications/{id}/pdf */
  async getLetterPdf(id: string): Promise<Uint8Array> {
    // Checked like the JSON answers: bytes that are not a PDF did not come from Notify.
    return this.get(`/v2/notifications/${segment(id)}/pdf`, undefined, (raw) =>
      isPdf(raw.body) ? raw.body : undefined,
    );
  }

  /** A template, at its latest or a given version. GET /v2/template/{id}[/version/{version}] */
  async getTemplate(id: string, version?: number): Promise<Template> {
    const path =
      version === undefined
        ? `/v2/template/${segment(id)}`
        : `/v2/template/${segment(id)}/version/${segment(String(version))}`;
    return this.get(path, undefined, (raw) => json(raw, template));
  }

  /** The service's templates (latest versions, archived ones left out). GET /v2/templates */
  async getTemplates(type?: string): Promise<TemplateList> {
    const q = new URLSearchParams();
    if (type !== undefined) q.append('type', type);
    return this.get('/v2/templates', q, (raw) => json(raw, templateList));
  }

  /**
   * A template rendered with personalisation. POST /v2/template/{id}/preview
   *
   * A POST without side effects, so it is retried like a read.
   */
  async previewTemplate(id: string, personalisation?: Personalisation): Promise<TemplatePreview> {
    return this.request({
      method: 'POST',
      path: `/v2/template/${segment(id)}/preview`,
      body: personalisation === undefined ? {} : { personalisation },
      read: (raw) => json(raw, templatePreview),
      sideEffect: false,
    });
  }

  /** A page of received text messages, newest first. GET /v2/received-text-messages */
  async getReceivedTexts(olderThan?: string): Promise<ReceivedTextList> {
    const q = new URLSearchParams();
    if (olderThan !== undefined) q.append('older_than', olderThan);
    return this.get('/v2/received-text-messages', q, (raw) => json(raw, receivedTextList));
  }

  /**
   * The notifications carrying a client reference: how the console settles an unknown outcome.
   *
   * Notify scopes the list to this key's type, which is the type that sent the lost request.
   */
  async findByReference(reference: string): Promise<Notification[]> {
    return (await this.getNotifications({ reference })).notifications;
  }

  /** Closes the client's own connections (not a `fetchAgent` the caller passed in). */
  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.#dispatcher.close();
  }

  private send<T>(path: string, request: object, read: (raw: RawResponse) => T | undefined): Promise<T> {
    const given = (request as { reference?: unknown }).reference;
    let reference = typeof given === 'string' && given !== '' ? given : undefined;
    let body: object = request;
    if (reference === undefined && this.autoReference) {
      reference = `nc-${randomUUID()}`;
      body = { ...request, reference };
    }
    return this.request({ method: 'POST', path, body, read, sideEffect: true, reference: reference ?? '' });
  }

  private get<T>(
    path: string,
    query: URLSearchParams | undefined,
    read: (raw: RawResponse) => T | undefined,
  ): Promise<T> {
    return this.request({ method: 'GET', path, query, read, sideEffect: false });
  }

  private async request<T>(call: Call<T>): Promise<T> {
    const url = new URL(this.origin + this.basePath + call.path);
    if (call.query) url.search = call.query.toString();
    // Defence in depth: whatever a caller passes as an id, the key only goes to the profile's origin.
    if (url.origin !== this.origin)
      throw new CoreError('internal', 'Refused to send the API key to another origin.');
    let body: string | undefined;
    try {
      body = call.body === undefined ? undefined : JSON.stringify(call.body);
    } catch {
      throw new CoreError(
        'validation',
        'The request cannot be sent as JSON (it holds a value JSON cannot represent).',
      );
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
      result = this.interpret(call, raw, path);
    } catch (err) {
      if (!(err instanceof TransportFailure)) throw err;
      status = err.status;
      if (err.dateHeader) this.measureSkew(err.dateHeader, startedAtMs, this.clock());
      result = this.failure(call, err, path);
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

  /** What a complete answer means for this call. */
  private interpret<T>(call: Call<T>, raw: RawResponse, path: string): Attempt<T> {
    const { status } = raw;
    const target = { method: call.method, path: this.redact(path) };
    if (status >= 200 && status < 300) {
      const value = call.read(raw);
      if (value !== undefined) return { ok: true, value };
      if (call.sideEffect) {
        return this.unknown(
          call,
          target,
          'unreadable-success',
          status,
          `Notify answered ${status}, but the answer could not be read`,
        );
      }
      return this.networkFailure(
        target,
        'not-json',
        status,
        `the answer (${status}) was not the JSON Notify sends`,
        false,
      );
    }
    if (status >= 300 && status < 400) {
      const location = headerText(raw.headers.location);
      const redirectTo = location ? describeLocation(location, this.origin) : 'an unknown address';
      const error = new NotifyNetworkError(
        {
          kind: 'other',
          status,
          explanation: explainNetworkError('other', { host: this.host(), status, redirectTo }),
          ...target,
        },
        this.redact(
          `${call.method} ${target.path} was redirected (${status}) to ${redirectTo}; the console does not follow redirects`,
        ),
      );
      return { ok: false, error, retryable: false, retryAfterMs: null };
    }

    const retryAfterMs = parseRetryAfterMs(
      headerText(raw.headers['retry-after']) ?? undefined,
      this.clock(),
      dateMs(headerText(raw.headers.date)),
    );
    const retryable = !call.sideEffect && (status >= 500 || status === 429);
    const envelope = parseErrorEnvelope(parseJson(raw.body));
    if (envelope) {
      const error = this.apiError(status, envelope, target, retryAfterMs);
      if (call.sideEffect && status >= 500) {
        return this.unknown(
          call,
          target,
          'http-5xx',
          status,
          `Notify answered ${status} (${error.notifyMessage})`,
        );
      }
      return { ok: false, error, retryable, retryAfterMs: retryable ? retryAfterMs : null };
    }
    if (call.sideEffect && status >= 500) {
      return this.unknown(
        call,
        target,
        'http-5xx',
        status,
        `something in front of Notify answered ${status}`,
      );
    }
    return this.networkFailure(
      target,
      'not-json',
      status,
      `the answer (${status}) was not from the Notify API`,
      retryable,
      {
        retryAfterMs: retryable ? retryAfterMs : null,
      },
    );
  }

  /** What a transport failure means for this call. */
  private failure<T>(call: Call<T>, f: TransportFailure, path: string): Attempt<T> {
    const target = { method: call.method, path: this.redact(path) };
    if (call.sideEffect && f.sent) {
      return this.unknown(call, target, f.kind, f.status, f.detail);
    }
    return this.networkFailure(
      target,
      f.kind,
      f.status ?? f.proxyStatus,
      f.detail,
      !call.sideEffect && f.transient,
      {
        sent: f.sent,
      },
    );
  }

  private networkFailure(
    target: { method: string; path: string },
    kind: NetworkErrorKind,
    status: number | null,
    detail: string,
    retryable: boolean,
    more: { sent?: boolean; retryAfterMs?: number | null } = {},
  ): Attempt<never> {
    const explanation = explainNetworkError(kind, {
      host: this.host(),
      proxy: this.proxyLabel,
      status,
      sent: more.sent ?? status !== null,
      maxBytes: this.maxBytes,
    });
    const error = new NotifyNetworkError(
      { kind, status, explanation, ...target },
      this.redact(`${target.method} ${target.path} failed: ${detail}`),
    );
    return { ok: false, error, retryable, retryAfterMs: more.retryAfterMs ?? null };
  }

  private unknown<T>(
    call: Call<T>,
    target: { method: string; path: string },
    reason: UnknownOutcomeError['reason'],
    status: number | null,
    detail: string,
  ): Attempt<T> {
    const reference = call.reference ?? '';
    const why = `The console sent the request, but ${this.redact(detail)}.`;
    const error = new UnknownOutcomeError(
      { reference, reason, status, explanation: explainUnknownOutcome(reference, why), ...target },
      this.redact(
        `The outcome of ${target.method} ${target.path} is unknown: ${detail}. Look it up by its reference "${reference}" before sending again.`,
      ),
    );
    return { ok: false, error, retryable: false, retryAfterMs: null };
  }

  private apiError(
    status: number,
    envelope: ErrorEnvelope,
    target: { method: string; path: string },
    retryAfterMs: number | null,
  ): NotifyApiError {
    const context = { skewSeconds: this.lastSkewSeconds };
    const errors =
      envelope.kind === 'v2'
        ? envelope.errors.map((e) => ({ ...e, error: this.redact(e.error), message: this.redact(e.message) }))
        : [];
    const app =
      envelope.kind === 'app'
        ? { result: envelope.app.result, message: this.redact(envelope.app.message) }
        : null;
    const first = errors[0];
    let explanation: Explanation = first
      ? explainError(status, first.error, first.message, context)
      : explainError(status, null, app?.message ?? '', context);
    if (errors.length > 1) explanation = mergeExplanations(explanation, errors.slice(1), status, context);
    const summary = first
      ? `${first.error ? `${first.error}: ` : ''}${first.message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`
      : (app?.message ?? '');
    return new NotifyApiError(
      {
        status,
        errors,
        app,
        explanation,
        retryAfterSeconds: retryAfterMs === null ? null : Math.ceil(retryAfterMs / 1000),
        ...target,
      },
      `Notify answered ${status} ${summary}`.trim(),
    );
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

  private host(): string {
    return new URL(this.origin).host;
  }

  /** Removes the key, its secret, proxy credentials and anything shaped like a JWT. */
  private redact(text: string): string {
    let out = text;
    for (const s of this.#secrets) if (s.length >= 4) out = out.split(s).join('[redacted]');
    return out.replace(JWT_PATTERN, '[redacted token]');
  }
}

function json<T>(
  raw: RawResponse,
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
): T | undefined {
  const parsed = schema.safeParse(parseJson(raw.body));
  return parsed.success ? parsed.data : undefined;
}

function isPdf(bytes: Uint8Array): boolean {
  // "%PDF-"
  return (
    bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d
  );
}

function list(v: string | readonly string[] | undefined): readonly string[] {
  if (v === undefined) return [];
  return typeof v === 'string' ? [v] : v;
}

/** Encodes an id as one path segment, so no id can change the path (or the origin). */
function segment(value: string): string {
  const text = String(value);
  // URL parsing resolves ".", "..", and their %2E spellings away, and an empty id would name
  // another endpoint: none of these is an id Notify could have issued.
  if (text === '' || /^(?:\.|%2e){1,2}$/i.test(text)) {
    throw new CoreError(
      'validation',
      `"${text}" is not an ID: IDs look like 740e5834-3a29-46b4-9a6f-16142fde533a.`,
    );
  }
  return encodeURIComponent(text);
}

function dateMs(date: string | null): number | null {
  if (!date) return null;
  const ms = Date.parse(date);
  return Number.isNaN(ms) ? null : ms;
}

function describeLocation(location: string, origin: string): string {
  try {
    const to = new URL(location, origin);
    return to.origin === origin ? to.pathname : `${to.origin}${to.pathname}`;
  } catch {
    return 'an address that is not a URL';
  }
}

function mergeExplanations(
  first: Explanation,
  others: { error: string; message: string }[],
  status: number,
  context: { skewSeconds: number | null },
): Explanation {
  const steps = new Set(first.nextSteps);
  for (const o of others)
    for (const s of explainError(status, o.error, o.message, context).nextSteps) steps.add(s);
  return {
    ...first,
    whatHappened: `${first.whatHappened} Notify also reported: ${others.map((o) => o.message).join('; ')}.`,
    nextSteps: [...steps],
  };
}
