/**
 * The envelope every call returns, over IPC, HTTP or in tests alike.
 */
import type { RpcError } from './errors';

export type { RpcError };

export type Result<T> = { ok: true; value: T } | { ok: false; error: RpcError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: RpcError): Result<never> => ({ ok: false, error });
