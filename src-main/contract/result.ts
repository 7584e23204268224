/**
 * The envelope every call returns, over IPC, HTTP or in tests alike.
 */
export interface RpcError {
  /** Stable machine code: `validation`, `not-found`, `locked`, `notify`, `network`, `unknown-outcome`, `internal`… */
  code: string;
  /** A sentence for the user. Never contains a secret. */
  message: string;
  details?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: RpcError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: string, message: string, details?: unknown): Result<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});
