/**
 * The three ways a call to Notify can fail, as typed errors the RPC layer can carry.
 *
 * Each extends {@link CoreError} with the code the contract names (`notify`, `network`,
 * `unknown-outcome`) and JSON-safe details, so the renderer gets Notify's status, error class and
 * message plus the console's explanation. Messages are built by the client from redacted text:
 * none of these ever holds the API key, its secret or a token.
 */
import { CoreError, type JsonValue } from '../ports';
import type { Explanation, NetworkErrorKind } from '../../../src-shared/notify/explanation';

/** One entry of Notify's v2 error envelope; extra keys (the QR-code error's `data`…) are kept. */
export type NotifyErrorEntry = { error: string; message: string; [extra: string]: JsonValue };

/** The app-level envelope Notify uses for routing errors: `{"result": "error", "message": …}`. */
export type NotifyAppError = { result: string; message: string };

/** Where a request went, for messages and the inspector. */
type RequestTarget = { method: string; path: string };

/**
 * Notify answered, with one of its error envelopes.
 *
 * `errors` holds the v2 envelope's entries (empty for the app-level envelope, which is in `app`);
 * `explanation` explains the first entry and mentions the others.
 */
export class NotifyApiError extends CoreError {
  override name = 'NotifyApiError';
  readonly status: number;
  readonly errors: NotifyErrorEntry[];
  readonly app: NotifyAppError | null;
  readonly explanation: Explanation;
  readonly method: string;
  readonly path: string;
  /** From `Retry-After`, when Notify (or a gateway) sent one. */
  readonly retryAfterSeconds: number | null;
  /** Notify's clock minus this computer's, in seconds, from the answer's `Date`; null if unmeasured. */
  readonly skewSeconds: number | null;

  constructor(
    init: {
      status: number;
      errors: NotifyErrorEntry[];
      app: NotifyAppError | null;
      explanation: Explanation;
      retryAfterSeconds?: number | null;
      skewSeconds?: number | null;
    } & RequestTarget,
    message: string,
  ) {
    super('notify', message, {
      status: init.status,
      errors: init.errors,
      app: init.app,
      explanation: init.explanation,
      method: init.method,
      path: init.path,
      retryAfterSeconds: init.retryAfterSeconds ?? null,
      skewSeconds: init.skewSeconds ?? null,
    });
    this.status = init.status;
    this.errors = init.errors;
    this.app = init.app;
    this.explanation = init.explanation;
    this.method = init.method;
    this.path = init.path;
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
    this.skewSeconds = init.skewSeconds ?? null;
  }

  /** Notify's error class of the first entry (`AuthError`, `BadRequestError`…), or null for app-level errors. */
  get errorClass(): string | null {
    return this.errors[0]?.error ?? null;
  }

  /** Notify's first message, whichever envelope carried it. */
  get notifyMessage(): string {
    return this.errors[0]?.message ?? this.app?.message ?? '';
  }
}

/**
 * Notify did not answer, or what answered was not Notify.
 *
 * `kind` says which layer failed; `status` is set when something other than Notify answered
 * (an HTML gateway page, a redirect) or when the answer could not be read.
 */
export class NotifyNetworkError extends CoreError {
  override name = 'NotifyNetworkError';
  readonly kind: NetworkErrorKind;
  readonly status: number | null;
  readonly explanation: Explanation;
  readonly method: string;
  readonly path: string;

  constructor(
    init: { kind: NetworkErrorKind; status: number | null; explanation: Explanation } & RequestTarget,
    message: string,
  ) {
    super('network', message, {
      kind: init.kind,
      status: init.status,
      explanation: init.explanation,
      method: init.method,
      path: init.path,
    });
    this.kind = init.kind;
    this.status = init.status;
    this.explanation = init.explanation;
    this.method = init.method;
    this.path = init.path;
  }
}

/**
 * A send that may or may not have reached Notify: never retried, to be looked up by reference.
 *
 * Raised when the connection broke after the request was written, a timeout hit while waiting
 * for the answer, a gateway answered 5xx, or a success answer could not be read. `reference` is
 * the client reference the request carried (the console makes one when the caller gave none).
 */
export class UnknownOutcomeError extends CoreError {
  override name = 'UnknownOutcomeError';
  readonly reference: string;
  readonly explanation: Explanation;
  readonly method: string;
  readonly path: string;
  /** What went wrong: a network kind, or the HTTP status that left the outcome open. */
  readonly reason: NetworkErrorKind | 'http-5xx' | 'unreadable-success';
  readonly status: number | null;

  constructor(
    init: {
      reference: string;
      explanation: Explanation;
      reason: UnknownOutcomeError['reason'];
      status: number | null;
    } & RequestTarget,
    message: string,
  ) {
    super('unknown-outcome', message, {
      reference: init.reference,
      explanation: init.explanation,
      reason: init.reason,
      status: init.status,
      method: init.method,
      path: init.path,
    });
    this.reference = init.reference;
    this.explanation = init.explanation;
    this.reason = init.reason;
    this.status = init.status;
    this.method = init.method;
    this.path = init.path;
  }
}

/** Any error the Notify client throws on purpose. */
export type NotifyClientError = NotifyApiError | NotifyNetworkError | UnknownOutcomeError;
