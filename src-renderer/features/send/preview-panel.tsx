/**
 * The live preview: rendered locally as you type (Notify's own rules, src-shared/template), then
 * confirmed by Notify's preview endpoint a moment after typing stops. A large template or value is
 * rendered in the preview worker (components/preview) so typing never waits for it.
 */
import type { Template } from '../../../src-main/contract/schemas';
import { ErrorPanel } from '../../components/error-panel';
import { Sensitive, SensitiveFrame } from '../../components/sensitive';
import { Loading } from '../../components/states';
import { emailPreviewDocument } from '../../components/message-body/email-preview';
import {
  buildPersonalisation,
  placeholderFields,
  previewPersonalisation,
  type FieldValue,
} from './placeholder-fields';
import { useMemo, useState } from 'react';
import { LetterHtml, RawToggle } from '../../components/message-body/message-body';
import { usePreview } from '../../components/preview/use-preview';
import { PreviewStatus } from '../../components/preview/preview-status';
import type { PreviewJob } from '../../components/preview/preview-tasks';
import { useAppStore } from '../../state/context';
import { previewKey, selectSendTemplate } from '../../state/slices/send-slice';
import { emptyPlaceholderMessage, type EmptyPlaceholder } from './empty-placeholders';
import { SmsStats } from './sms-stats';
import './preview.css';

interface PreviewProps {
  template: Template;
  /** Placeholders left empty, said in the preview too. */
  empties?: readonly EmptyPlaceholder[];
  values: Readonly<Record<string, FieldValue>>;
  address: Readonly<Record<string, string>>;
  unsubscribeUrl: string;
  rateMultiplier: number;
}

function ServerConfirmation({ localBody }: { localBody: string | null }) {
  const preview = useAppStore((s) => s.send.preview);
  const currentKey = useAppStore((s) => {
    const t = selectSendTemplate(s);
    return t ? previewKey(t, s.send.form) : null;
  });
  if (preview.status === 'idle') return null;
  // Typing has moved on since the last answer: a new check is about to start.
  if (preview.status === 'loading' || preview.key !== currentKey) {
    return <Loading label="Checking with Notify’s preview…" />;
  }
  if (preview.error) return <ErrorPanel error={preview.error} title="Notify’s preview did not accept this" />;
  const value = preview.value;
  if (!value) return null;
  const matches = localBody === null || value.body === localBody;
  return (
    <div
      className={`notice ${matches ? 'notice--ok' : 'notice--warning'}`}
      data-testid="server-preview"
      data-matches={matches}
    >
      {matches ? (
        <p>Confirmed by Notify’s preview (template version {value.version}).</p>
      ) : (
        <>
          <p>
            Notify’s preview (version {value.version}) differs from the local rendering. Notify’s is what will
            be sent:
          </p>
          <pre className="code-block code-block--wrap" data-sensitive="">
            {value.body}
          </pre>
        </>
      )}
    </div>
  );
}

/** Empty placeholders, as the message will read them. */
function EmptyNotice({ empties }: { empties: readonly EmptyPlaceholder[] }) {
  if (empties.length === 0) return null;
  return (
    <div className="notice notice--warning" data-testid="preview-empty-placeholders">
      <p>
        {empties.length === 1 ? 'A placeholder is' : `${empties.length} placeholders are`} empty. Notify sends
        an empty value as it is:
      </p>
      <ul>
        {empties.map((e) => (
          <li key={e.name} data-sensitive="">
            {emptyPlaceholderMessage(e)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The job for this template and these values, rebuilt only when one of them changes. */
function usePreviewJob(
  template: Template,
  values: Readonly<Record<string, FieldValue>>,
  address: Readonly<Record<string, string>>,
  unsubscribeUrl: string,
  rateMultiplier: number,
  raw: boolean,
): PreviewJob {
  const fields = useMemo(() => placeholderFields(template), [template]);
  return useMemo((): PreviewJob => {
    const shown = previewPersonalisation(fields, values, address, { showMissing: true });
    const subject = template.subject ?? '';
    if (template.type === 'sms') {
      const actual = previewPersonalisation(fields, values, address);
      const sent = buildPersonalisation(fields, values);
      return { kind: 'sms', body: template.body, shown, actual, sent, rateMultiplier };
    }
    if (template.type === 'email') {
      const actual = previewPersonalisation(fields, values, address);
      const unsubscribeLink = unsubscribeUrl.trim() || null;
      return { kind: 'email', subject, body: template.body, shown, actual, unsubscribeLink };
    }
    return { kind: 'letter', subject, body: template.body, shown, raw };
  }, [fields, template, values, address, unsubscribeUrl, rateMultiplier, raw]);
}

export function PreviewPanel({
  template,
  values,
  address,
  unsubscribeUrl,
  rateMultiplier,
  empties = [],
}: PreviewProps) {
  const [raw, setRaw] = useState(false);
  const job = usePreviewJob(template, values, address, unsubscribeUrl, rateMultiplier, raw);
  const outcome = usePreview(job);
  const rendered = outcome?.status === 'ready' ? outcome.value : null;
  const serverHtml = useAppStore((s) =>
    s.send.preview.status === 'ready' ? (s.send.preview.value?.html ?? null) : null,
  );

  if (template.type === 'sms') {
    const sms = rendered?.kind === 'sms' ? rendered : null;
    return (
      <section className="preview" aria-labelledby="preview-heading" data-testid="preview">
        <h2 id="preview-heading">Preview</h2>
        <EmptyNotice empties={empties} />
        <PreviewStatus outcome={outcome} />
        {sms ? (
          <>
            <div className="sms-bubble" data-testid="sms-preview" data-sensitive="">
              {sms.text || <span className="muted">(empty message)</span>}
            </div>
            <SmsStats stats={sms.stats} rateMultiplier={rateMultiplier} />
          </>
        ) : null}
        {sms ? <ServerConfirmation localBody={sms.localBody} /> : null}
      </section>
    );
  }
  if (template.type === 'email') {
    const email = rendered?.kind === 'email' ? rendered : null;
    return (
      <section className="preview" aria-labelledby="preview-heading" data-testid="preview">
        <h2 id="preview-heading">Preview</h2>
        <EmptyNotice empties={empties} />
        <PreviewStatus outcome={outcome} />
        {email ? (
          <>
            <p className="preview__subject">
              <span className="label">Subject</span>{' '}
              <Sensitive testId="email-subject">{email.subject}</Sensitive>
            </p>
            <SensitiveFrame>
              <iframe
                className="email-frame"
                title="Email preview"
                sandbox=""
                referrerPolicy="no-referrer"
                srcDoc={emailPreviewDocument(email.subject, email.html)}
                data-testid="email-preview"
              />
            </SensitiveFrame>
            {serverHtml ? (
              <details className="disclosure">
                <summary>Notify’s rendering</summary>
                <SensitiveFrame>
                  <iframe
                    className="email-frame"
                    title="Email preview from Notify"
                    sandbox=""
                    srcDoc={emailPreviewDocument(email.subject, serverHtml)}
                  />
                </SensitiveFrame>
              </details>
            ) : null}
          </>
        ) : null}
        <p className="muted small">Emails are free to send.</p>
        {email ? <ServerConfirmation localBody={email.localBody} /> : null}
      </section>
    );
  }
  const letter = rendered?.kind === 'letter' ? rendered : null;
  const lines = Object.entries(address)
    .filter(([, v]) => v.trim())
    .map(([, v]) => v);
  return (
    <section className="preview" aria-labelledby="preview-heading" data-testid="preview">
      <h2 id="preview-heading">Preview</h2>
      <EmptyNotice empties={empties} />
      <RawToggle raw={raw} onChange={setRaw} />
      <PreviewStatus outcome={outcome} />
      {letter ? (
        <div className="letter-preview" data-testid="letter-preview">
          <address className="letter-preview__address" data-sensitive="">
            {lines.length ? (
              lines.map((l, i) => <div key={i}>{l}</div>)
            ) : (
              <span className="muted">(address)</span>
            )}
          </address>
          <h3 className="letter-preview__subject" data-sensitive="">
            {letter.subject}
          </h3>
          {raw ? (
            <pre
              className="letter-preview__body letter-preview__body--raw"
              data-sensitive=""
              data-testid="letter-body-raw"
            >
              {letter.body}
            </pre>
          ) : (
            <LetterHtml html={letter.body} testId="letter-body-rendered" />
          )}
        </div>
      ) : null}
      <p className="muted small">
        After sending, the PDF Notify generates is shown on the status screen. Letters are charged by sheets
        and postage.
      </p>
      <ServerConfirmation localBody={null} />
    </section>
  );
}
