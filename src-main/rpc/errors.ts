/**
 * The one place a failure becomes the contract's {@link RpcError}.
 *
 * The core raises typed errors (Notify's answers, network failures, unknown outcomes, refused
 * input, the vault's and the profiles' own); each is checked here against the contract's union, so
 * what reaches the renderer always has the details its `code` promises. Anything else, including a
 * core error this table does not know, is an internal error: logged, and reported to the user
 * without its text.
 */
import { rpcError, type RpcError } from '../contract/errors';
import { CoreError, NotifyApiError, NotifyNetworkError, UnknownOutcomeError } from '../core';

/** The contract's error for something the core raised on purpose, or null for anything else. */
export function toRpcError(err: unknown): RpcError | null {
  if (err instanceof NotifyApiError) {
    return {
      code: 'notify',
      message: err.message,
      details: {
        status: err.status,
        errors: err.errors,
        app: err.app,
        explanation: err.explanation,
        method: err.method,
        path: err.path,
        retryAfterSeconds: err.retryAfterSeconds,
        skewSeconds: err.skewSeconds,
      },
    };
  }
  if (err instanceof NotifyNetworkError) {
    return {
      code: 'network',
      message: err.message,
      details: {
        kind: err.kind,
        status: err.status,
        explanation: err.explanation,
        method: err.method,
        path: err.path,
      },
    };
  }
  if (err instanceof UnknownOutcomeError) {
    return {
      code: 'unknown-outcome',
      message: err.message,
      details: {
        reference: err.reference,
        reason: err.reason,
        status: err.status,
        explanation: err.explanation,
        method: err.method,
        path: err.path,
      },
    };
  }
  if (err instanceof CoreError) {
    const parsed = rpcError.safeParse(
      err.details === undefined
        ? { code: err.code, message: err.message }
        : { code: err.code, message: err.message, details: err.details },
    );
    return parsed.success ? parsed.data : null;
  }
  return null;
}

/** What the user sees for a failure the console did not mean: no internal text, nothing sent twice claimed. */
export const INTERNAL_ERROR: RpcError = {
  code: 'internal',
  message: 'Something went wrong inside the console. Please try again; if it keeps happening, report it.',
};
