/**
 * Short confirmations and errors, announced politely and dismissed after a few seconds.
 */
import { useEffect } from 'react';
import { useAppStore, useAppStoreApi } from '../state/context';
import type { Toast } from '../state/slices/ui-slice';
import './toasts.css';

const TOAST_MS = 6000;

function ToastItem({ toast }: { toast: Toast }) {
  const store = useAppStoreApi();
  useEffect(() => {
    const timer = window.setTimeout(() => store.getState().dismissToast(toast.id), TOAST_MS);
    return () => window.clearTimeout(timer);
  }, [store, toast.id]);
  return (
    <li className={`toast toast--${toast.kind}`} data-testid="toast">
      <span>{toast.message}</span>
      <button
        type="button"
        className="button button--ghost button--small"
        aria-label="Dismiss"
        onClick={() => store.getState().dismissToast(toast.id)}
      >
        ×
      </button>
    </li>
  );
}

export function Toasts() {
  const toasts = useAppStore((s) => s.toasts);
  return (
    <div className="toasts" role="status" aria-live="polite">
      <ul className="toasts__list">
        {toasts.map((t) => (
          <ToastItem key={t.id} toast={t} />
        ))}
      </ul>
    </div>
  );
}
