/**
 * JSON shown as code, with a copy button. The JSON the console shows (notifications, callback
 * payloads, API responses) holds personal data, so it is masked in presentation mode unless
 * `sensitive={false}`; the caption stays readable.
 */
import { CopyButton } from './copy-button';

export function JsonView({
  value,
  label,
  testId,
  sensitive = true,
}: {
  value: unknown;
  label: string;
  testId?: string;
  sensitive?: boolean;
}) {
  const text = JSON.stringify(value, null, 2) ?? 'undefined';
  return (
    <figure className="code-figure" data-testid={testId}>
      <figcaption className="code-figure__caption">
        <span>{label}</span>
        <CopyButton text={text} label={`Copy ${label.toLowerCase()}`} />
      </figcaption>
      <pre className="code-block" tabIndex={0} aria-label={label}>
        <code data-sensitive={sensitive ? '' : undefined}>{text}</code>
      </pre>
    </figure>
  );
}
