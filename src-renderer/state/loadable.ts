/**
 * The one shape for anything fetched: status, last value, last error.
 *
 * A reload keeps the previous value while loading, so screens do not flash empty.
 */
import type { Result, RpcError } from '../../src-main/contract/result';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface Loadable<T> {
  status: LoadStatus;
  value: T | null;
  error: RpcError | null;
}

export const idle = <T>(): Loadable<T> => ({ status: 'idle', value: null, error: null });

/** Marks as loading, keeping what was there. */
export const loading = <T>(prev: Loadable<T> | undefined): Loadable<T> => ({
  status: 'loading',
  value: prev?.value ?? null,
  error: null,
});

/** The state after a Result: ready with the value, or error keeping the old value. */
export function settle<T, R = T>(
  prev: Loadable<T> | undefined,
  result: Result<R>,
  pick: (value: R) => T,
): Loadable<T> {
  return result.ok
    ? { status: 'ready', value: pick(result.value), error: null }
    : { status: 'error', value: prev?.value ?? null, error: result.error };
}

/**
 * A paged list (its rows in an array that is `[]` until the first page comes) as a Loadable for
 * LoadState: the rows count as a value once a page has come or while some are kept, so "the first
 * page is on its way" (a spinner) is told from "there are none" (the empty state).
 */
export function pagedLoadable<T>(
  list: { status: LoadStatus; error: RpcError | null },
  rows: T[],
): Loadable<T[]> {
  return {
    status: list.status,
    value: list.status === 'ready' || rows.length > 0 ? rows : null,
    error: list.error,
  };
}
