/**
 * Loading, error and empty states: every list and screen says what is going on, never a blank
 * area. {@link LoadState} is the one block that picks between them for anything fetched.
 */
import type { ReactNode } from 'react';
import type { Loadable } from '../state/loadable';
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
 * What a fetched value shows: a spinner while the first load runs, the error (with "Try again"
 * when `onRetry` is given) when it failed, the empty state when there is nothing, else `children`
 * with the value. A reload keeps showing the last value, so nothing flashes; a failed reload shows
 * the error above it.
 *
 * - `loadable` undefined: nothing asked for this key yet, and the screen asks as it mounts, so it
 *   shows as loading (an idle loadable shows nothing: no load is coming).
 * - `reloadSpinner`: the spinner shows during a reload too, above the value kept, for a list whose
 *   Refresh has no other sign of work.
 */
export function LoadState<T>({
  loadable,
  loadingLabel,
  errorTitle,
  onRetry,
  isEmpty,
  empty,
  reloadSpinner = false,
  children,
}: {
  loadable: Loadable<T> | undefined;
  loadingLabel: string;
  errorTitle: string;
  onRetry?: () => void;
  isEmpty?: (value: T) => boolean;
  empty?: ReactNode;
  reloadSpinner?: boolean;
  children?: (value: T) => ReactNode;
}) {
  const { status, value, error } = loadable ?? { status: 'loading', value: null, error: null };
  const spinning = status === 'loading' && (value === null || reloadSpinner);
  const blank = value !== null && (isEmpty?.(value) ?? false);
  return (
    <>
      {spinning ? <Loading label={loadingLabel} /> : null}
      {error ? <ErrorPanel error={error} title={errorTitle} onRetry={onRetry} /> : null}
      {value !== null && blank ? empty : null}
      {value !== null && !blank ? children?.(value) : null}
    </>
  );
}
