/**
 * What an answer (or the lack of one) means for a call to Notify: the value, or a typed error with
 * the console's explanation, and whether trying again makes sense.
 *
 * Reads are retried on network errors, 5xx and 429; a send is never retried, and a send that may
 * have reached Notify is an {@link UnknownOutcomeError} carrying the reference to look it up by.
 * Every text that reaches an error goes through `redact` first.
 */
import { explainError, explainNetworkError, explainUnknownOutcome } from '../../../src-shared/notify/explain';
import type { Explanation, NetworkErrorKind } from '../../../src-shared/notify/explanation';
import { NotifyApiError, NotifyNetworkError, UnknownOutcomeError, type NotifyClientError } from './errors';
import { headerText, type RawResponse, type TransportFailure } from './http';
import { parseErrorEnvelope, parseJson, type ErrorEnvelope } from './responses';
import { parseRetryAfterMs } from './retry';

/** One call as the engine makes it. */
export type Call<T> = {
  method: 'GET' | 'POST';
  path: string;
  query?: URLSearchParams;
  body?: unknown;
  read: (raw: RawResponse) => T | undefined;
  /** True for sends: never retried, and a lost answer makes the outcome unknown. */
  sideEffect: boolean;
  reference?: string;
};

/** One attempt's result. */
export type Attempt<T> =
  | { ok: true; value: T }
  | { ok: false; error: NotifyClientError; retryable: boolean; retryAfterMs: number | null };

/** What the classifier knows about the client it works for. */
interface ClassifierContext {
  origin: string;
  /** host[:port] of the origin, for messages. */
  host: string;
  proxyLabel: string | null;
  maxBytes: number;
  clock: () => number;
  redact: (text: string) => string;
  /** The clock skew measured so far, carried into Notify's errors. */
  skewSeconds: () => number | null;
}

export class AnswerClassifier {
  constructor(private readonly ctx: ClassifierContext) {}

  /** What a complete answer means for this call. */
  interpret<T>(call: Call<T>, raw: RawResponse, path: string): Attempt<T> {
    const { status } = raw;
    const target = { method: call.method, path: this.ctx.redact(path) };
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
      const redirectTo = location ? describeLocation(location, this.ctx.origin) : 'an unknown address';
      const error = new NotifyNetworkError(
        {
          kind: 'other',
          status,
          explanation: explainNetworkError('other', { host: this.ctx.host, status, redirectTo }),
          ...target,
        },
        this.ctx.redact(
          `${call.method} ${target.path} was redirected (${status}) to ${redirectTo}; the console does not follow redirects`,
        ),
      );
      return { ok: false, error, retryable: false, retryAfterMs: null };
    }

    const retryAfterMs = parseRetryAfterMs(
      headerText(raw.headers['retry-after']) ?? undefined,
      this.ctx.clock(),
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
  failure<T>(call: Call<T>, f: TransportFailure, path: string): Attempt<T> {
    const target = { method: call.method, path: this.ctx.redact(path) };
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
      host: this.ctx.host,
      proxy: this.ctx.proxyLabel,
      status,
      sent: more.sent ?? status !== null,
      maxBytes: this.ctx.maxBytes,
    });
    const error = new NotifyNetworkError(
      { kind, status, explanation, ...target },
      this.ctx.redact(`${target.method} ${target.path} failed: ${detail}`),
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
    const why = `The console sent the request, but ${this.ctx.redact(detail)}.`;
    const error = new UnknownOutcomeError(
      { reference, reason, status, explanation: explainUnknownOutcome(reference, why), ...target },
      this.ctx.redact(
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
    const context = { skewSeconds: this.ctx.skewSeconds() };
    const errors =
      envelope.kind === 'v2'
        ? envelope.errors.map((e) => ({
            ...e,
            error: this.ctx.redact(e.error),
            message: this.ctx.redact(e.message),
          }))
        : [];
    const app =
      envelope.kind === 'app'
        ? { result: envelope.app.result, message: this.ctx.redact(envelope.app.message) }
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
        skewSeconds: this.ctx.skewSeconds(),
        ...target,
      },
      `Notify answered ${status} ${summary}`.trim(),
    );
  }
}

export function dateMs(date: string | null): number | null {
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
