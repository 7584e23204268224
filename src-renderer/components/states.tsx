/**
 * Loading, error and empty states: every list and screen says what is going on, never a blank
 * area. {@link LoadState} is the one block that picks between them for anything fetched.
 */
import type { ReactNode } from 'react';
import type { RpcError } from '../../src-main/contract/result';
import type { LoadStatus } from '../state/loadable';
import { ErrorPanel } from './error-panel';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

export function EmptyState({
  title,
  children,
  testId,
}: {
  title: ReactNode;
  children?: ReactNode;
  testId?: string;
}) {
  return (
    <div className="empty" data-testid={testId ?? 'empty-state'}>
      <p className="empty__title">{title}</p>
      {children ? <div className="empty__body">{children}</div> : null}
    </div>
  );
}

/**
 * What a fetched value shows: a spinner while the first load runs, the error (with "Try again")
 * when it failed, the empty state when there is nothing, else `children` with the value. A reload
 * keeps showing the last value, so nothing flashes.
 */
export function LoadState<T>({
  loadable,
  loadingLabel,
  errorTitle,
  onRetry,
  isEmpty,
  empty,
  children,
}: {
  loadable: { status: LoadStatus; value: T | null; error: RpcError | null };
  loadingLabel: string;
  errorTitle: string;
  onRetry?: () => void;
  isEmpty?: (value: T) => boolean;
  empty?: ReactNode;
  children?: (value: T) => ReactNode;
}) {
  const { status, value, error } = loadable;
  return (
    <>
      {status === 'loading' && value === null ? <Loading label={loadingLabel} /> : null}
      {error ? <ErrorPanel error={error} title={errorTitle} onRetry={onRetry} /> : null}
      {value !== null && isEmpty?.(value) ? empty : null}
      {value !== null && !(isEmpty?.(value) ?? false) ? children?.(value) : null}
    </>
  );
}
