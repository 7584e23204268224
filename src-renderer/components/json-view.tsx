/**
 * JSON shown as code, with a copy button.
 */
import { CopyButton } from './copy-button';

export function JsonView({ value, label, testId }: { value: unknown; label: string; testId?: string }) {
  const text = JSON.stringify(value, null, 2) ?? 'undefined';
  return (
    <figure className="code-figure" data-testid={testId}>
      <figcaption className="code-figure__caption">
        <span>{label}</span>
        <CopyButton text={text} label={`Copy ${label.toLowerCase()}`} />
      </figcaption>
      <pre className="code-block" tabIndex={0} aria-label={label}>
        <code>{text}</code>
      </pre>
    </figure>
  );
}
