/**
 * A message body shown as Notify renders it, with a "Raw" toggle for the text as Notify returns it
 * (issue 9.8): an email's markdown as the email's HTML (in a sandboxed frame), a letter's as the
 * PDF prints it (headings, bullets, page breaks), a text message as it is. The rendering is the
 * shared template code's (src-shared/template), the same the send preview uses.
 */
import { useState } from 'react';
import { renderEmailHtml } from '../../../src-shared/template';
import { renderLetterHtml } from '../../../src-shared/template/letter-html';
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
  return (
    <div className="message-body">
      {renderable ? <RawToggle raw={raw} onChange={setRaw} /> : null}
      {!renderable || raw ? (
        <pre className="code-block code-block--wrap" data-testid={testId} data-raw="" data-sensitive="">
          {body}
        </pre>
      ) : type === 'email' ? (
        <SensitiveFrame>
          <iframe
            className="email-frame"
            title="Email as sent"
            sandbox=""
            referrerPolicy="no-referrer"
            srcDoc={emailPreviewDocument(subject ?? '', renderEmailHtml(body, {}))}
            data-testid={`${testId}-rendered`}
          />
        </SensitiveFrame>
      ) : (
        <LetterHtml html={renderLetterHtml(body, {})} testId={`${testId}-rendered`} />
      )}
    </div>
  );
}
