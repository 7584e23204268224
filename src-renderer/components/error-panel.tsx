/**
 * A failed call, explained: the console's message, Notify's status, error class and message, the
 * console's explanation, the measured clock skew and any field problems, plus the raw details.
 */
import type { ReactNode } from 'react';
import type { RpcError } from '../../src-main/contract/result';
import { describeRpcError } from '../lib/errors';
import { formatSkew } from '../lib/time';
import { ExplanationView } from './explanation-view';

interface ErrorPanelProps {
  error: RpcError;
  /** What was being done: "Could not load templates". */
  title?: string;
  onRetry?: () => void;
  children?: ReactNode;
}

export function ErrorPanel({ error, title, onRetry, children }: ErrorPanelProps) {
  const view = describeRpcError(error);
  const hasNotify = view.httpStatus !== null || view.errorClass !== null || view.request !== null;
  return (
    <div className="error-panel" role="alert" data-testid="error-panel" data-error-code={view.code}>
      <p className="error-panel__title">{title ?? 'Something went wrong'}</p>
      <p className="error-panel__message" data-testid="error-message">
        {view.message}
      </p>
      {hasNotify ? (
        <dl className="facts facts--inline" data-testid="notify-error">
          {view.request ? (
            <div>
              <dt>Request</dt>
              <dd>
                <code>{view.request}</code>
              </dd>
            </div>
          ) : null}
          {view.httpStatus !== null ? (
            <div>
              <dt>HTTP status</dt>
              <dd data-testid="error-http-status">{view.httpStatus}</dd>
            </div>
          ) : null}
          {view.networkKind ? (
            <div>
              <dt>Network problem</dt>
              <dd>{view.networkKind}</dd>
            </div>
          ) : null}
          {view.errorClass ? (
            <div>
              <dt>Error class</dt>
              <dd>
                <code data-testid="error-class">{view.errorClass}</code>
              </dd>
            </div>
          ) : null}
          {view.notifyMessage && view.notifyMessage !== view.message ? (
            <div>
              <dt>Notify said</dt>
              <dd>{view.notifyMessage}</dd>
            </div>
          ) : null}
        </dl>
      ) : null}
      {view.notifyErrors.length > 1 ? (
        <ul className="error-panel__list">
          {view.notifyErrors.map((e, i) => (
            <li key={i}>
              <code>{e.error}</code> {e.message}
            </li>
          ))}
        </ul>
      ) : null}
      {view.skewSeconds !== null ? (
        <p>
          Measured clock skew: <strong data-testid="error-skew">{formatSkew(view.skewSeconds)}</strong>
        </p>
      ) : null}
      {view.fieldIssues.length ? (
        <ul className="error-panel__list">
          {view.fieldIssues.map((issue, i) => (
            <li key={i}>
              {issue.field ? <code>{issue.field}</code> : null} {issue.message}
            </li>
          ))}
        </ul>
      ) : null}
      {view.explanation ? (
        <ExplanationView explanation={view.explanation} testId="error-explanation" />
      ) : null}
      {children}
      <div className="error-panel__footer">
        <span className="muted">
          Code <code>{view.code}</code>
        </span>
        {view.details !== undefined ? (
          <details>
            <summary>Details</summary>
            <pre className="code-block">{JSON.stringify(view.details, null, 2)}</pre>
          </details>
        ) : null}
        {onRetry ? (
          <button type="button" className="button button--secondary" onClick={onRetry}>
            Try again
          </button>
        ) : null}
      </div>
    </div>
  );
}
