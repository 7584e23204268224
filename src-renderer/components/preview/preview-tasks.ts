/**
 * The previews the console renders, as plain data in and out, so one job can run on the UI thread
 * or in the preview worker alike. Each task only calls the shared template code (src-shared/template)
 * and the send screen's text-message figures; the worker is a thin adapter around {@link runPreviewTask}.
 */
import {
  renderEmailBody,
  renderEmailHtml,
  renderEmailSubject,
  renderLetterBody,
  renderSmsBody,
  type Personalisation,
} from '../../../src-shared/template';
import { renderLetterHtml } from '../../../src-shared/template/letter-html';
import { smsPreview, type SmsPreview } from '../../features/send/sms-preview';

/** A preview to render: the send screen's three panels, and a sent body shown as Notify renders it. */
export type PreviewJob =
  | {
      kind: 'sms';
      body: string;
      /** Personalisation as shown (missing values as `((name))`). */
      shown: Personalisation;
      /** Personalisation as sent, for the comparison with Notify's own preview. */
      actual: Personalisation;
      /** Personalisation for the length and cost figures. */
      sent: Personalisation;
      rateMultiplier: number;
    }
  | {
      kind: 'email';
      subject: string;
      body: string;
      shown: Personalisation;
      actual: Personalisation;
      unsubscribeLink: string | null;
    }
  | { kind: 'letter'; subject: string; body: string; shown: Personalisation; raw: boolean }
  | { kind: 'sent-email'; body: string }
  | { kind: 'sent-letter'; body: string };

interface SmsPreviewResult {
  kind: 'sms';
  text: string;
  stats: SmsPreview;
  localBody: string;
}
interface EmailPreviewResult {
  kind: 'email';
  subject: string;
  html: string;
  localBody: string;
}
interface LetterPreviewResult {
  kind: 'letter';
  subject: string;
  /** The body as text (Raw) or as the PDF's HTML (Rendered). */
  body: string;
}
interface SentBodyResult {
  kind: 'sent-body';
  html: string;
}
export type PreviewResult = SmsPreviewResult | EmailPreviewResult | LetterPreviewResult | SentBodyResult;

/** Renders one job with the shared template code. */
export function runPreviewTask(job: PreviewJob): PreviewResult {
  switch (job.kind) {
    case 'sms':
      return {
        kind: 'sms',
        text: renderSmsBody(job.body, job.shown),
        stats: smsPreview(job.body, job.sent, job.rateMultiplier),
        localBody: renderSmsBody(job.body, job.actual),
      };
    case 'email':
      return {
        kind: 'email',
        subject: renderEmailSubject(job.subject, job.shown),
        html: renderEmailHtml(job.body, job.shown, { unsubscribeLink: job.unsubscribeLink }),
        localBody: renderEmailBody(job.body, job.actual),
      };
    case 'letter':
      return {
        kind: 'letter',
        subject: renderEmailSubject(job.subject, job.shown),
        body: job.raw ? renderLetterBody(job.body, job.shown) : renderLetterHtml(job.body, job.shown),
      };
    case 'sent-email':
      return { kind: 'sent-body', html: renderEmailHtml(job.body, {}) };
    case 'sent-letter':
      return { kind: 'sent-body', html: renderLetterHtml(job.body, {}) };
  }
}

/** Characters of text in a value: strings, and strings inside lists and records. */
function textLength(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + textLength(v), 0);
  if (value !== null && typeof value === 'object') {
    let n = 0;
    for (const v of Object.values(value)) n += textLength(v);
    return n;
  }
  return 0;
}

/** A job's size: every character of template and personalisation it renders. */
export function previewJobSize(job: PreviewJob): number {
  return textLength(job);
}
