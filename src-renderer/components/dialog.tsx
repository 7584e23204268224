/**
 * A modal dialog on the native `<dialog>` element: the browser traps focus, makes the page behind
 * inert and closes on Escape; this adds a title, focus return and a close button.
 */
import { useId, type ReactNode } from 'react';
import './dialog.css';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Extra class for sizing (`dialog--wide`). */
  className?: string;
  testId?: string;
  /** Text for screen readers describing the dialog, shown under the title. */
  description?: ReactNode;
}

/** Render it only while open; mounting opens it. Mark the element to focus first with `data-autofocus`. */
export function Dialog({ title, onClose, children, className, testId, description }: DialogProps) {
  const titleId = useId();
  const descriptionId = useId();
  const attach = (el: HTMLDialogElement | null) => {
    if (!el) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!el.open) el.showModal();
    // showModal focuses the first focusable element (the close button); a dialog can name a better
    // start with data-autofocus. React's autoFocus does not survive showModal, so it is not used.
    el.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (el.open) el.close();
      // Put focus back where it was, unless the opener has gone.
      if (returnTo?.isConnected) returnTo.focus();
    };
  };
  return (
    <dialog
      ref={attach}
      className={`dialog ${className ?? ''}`}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="dialog__header">
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        <button
          type="button"
          className="button button--ghost dialog__close"
          onClick={onClose}
          aria-label="Close"
        >
          ×
        </button>
      </div>
      {description ? (
        <p id={descriptionId} className="dialog__description">
          {description}
        </p>
      ) : null}
      <div className="dialog__body">{children}</div>
    </dialog>
  );
}
