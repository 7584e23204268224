/**
 * A message body shown as Notify renders it, with a "Raw" toggle for the text as Notify returns it
 * (issue 9.8): an email's markdown as the email's HTML (in a sandboxed frame), a letter's as the
 * PDF prints it (headings, bullets, page breaks), a text message as it is. The rendering is the
 * shared template code's (src-shared/template), the same the send preview uses; a large body is
 * rendered in the preview worker (components/preview), as there.
 */
import { useMemo, useState } from 'react';
import { usePreview } from '../preview/use-preview';
import { PreviewStatus } from '../preview/preview-status';
import type { PreviewJob } from '../preview/preview-tasks';
import { emailPreviewDocument } from './email-preview';
import { SensitiveFrame } from '../sensitive';
import './message-body.css';

type BodyKind = 'sms' | 'email' | 'letter';

/** A letter body's HTML in the page: safe, since renderLetterHtml escapes all text it is given. */
export function LetterHtml({ html, testId }: { html: string; testId?: string }) {
  return (
    <div
      className="letter-body"
      data-sensitive=""
      data-testid={testId}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

/** "Rendered | Raw": which way a body is shown. */
export function RawToggle({ raw, onChange }: { raw: boolean; onChange: (raw: boolean) => void }) {
  return (
    <div className="message-body__toggle" role="group" aria-label="Show the body">
      <button type="button" className="link-button" aria-pressed={!raw} onClick={() => onChange(false)}>
        Rendered
      </button>
      <button
        type="button"
        className="link-button"
        aria-pressed={raw}
        onClick={() => onChange(true)}
        data-testid="raw-toggle"
      >
        Raw
      </button>
    </div>
  );
}

export function MessageBody({
  type,
  body,
  subject,
  testId = 'notification-body',
}: {
  type: BodyKind;
  /** The body as Notify returns it: placeholders filled, markdown not rendered. */
  body: string;
  subject: string | null;
  testId?: string;
}) {
  const [raw, setRaw] = useState(false);
  const renderable = type !== 'sms';
  // Rendered only when shown: Raw, or a text message, needs no rendering.
  const job = useMemo(
    (): PreviewJob | null =>
      !renderable || raw ? null : { kind: type === 'email' ? 'sent-email' : 'sent-letter', body },
    [renderable, raw, type, body],
  );
  const outcome = usePreview(job);
  const html = outcome?.status === 'ready' && outcome.value.kind === 'sent-body' ? outcome.value.html : null;
  return (
    <div className="message-body">
      {renderable ? <RawToggle raw={raw} onChange={setRaw} /> : null}
      {!renderable || raw ? (
        <pre className="code-block code-block--wrap" data-testid={testId} data-raw="" data-sensitive="">
          {body}
        </pre>
      ) : html === null ? (
        <PreviewStatus outcome={outcome} />
      ) : type === 'email' ? (
        <SensitiveFrame>
          <iframe
            className="email-frame"
            title="Email as sent"
            sandbox=""
            referrerPolicy="no-referrer"
            srcDoc={emailPreviewDocument(subject ?? '', html)}
            data-testid={`${testId}-rendered`}
          />
        </SensitiveFrame>
      ) : (
        <LetterHtml html={html} testId={`${testId}-rendered`} />
      )}
    </div>
  );
}
