/**
 * A checked row rendered as it will be sent: the text message, the email's subject and body, or the
 * letter's address and heading, filled in with the row's values by the shared template code.
 *
 * Notify's admin shows the sheet's cells and a preview of one row; the console shows each row on
 * show with its own message, so a wrong column is seen before anything is sent. Long messages are
 * cut to {@link PREVIEW_MAX_CHARACTERS} for the view (the request itself is never cut).
 */
import {
  renderEmailBody,
  renderEmailSubject,
  renderLetterBody,
  renderLetterSubject,
  renderSmsBody,
  type TemplateParts,
} from '../template/index';
import type { ColumnMatch } from './columns';
import { addressPersonalisation } from './row-check';
import { renderValues, type RowValues } from './row-values';

/** The most of a message a preview carries. */
export const PREVIEW_MAX_CHARACTERS = 1_000;

export interface RowPreview {
  /** An email's subject or a letter's heading; null for a text message. */
  subject: string | null;
  /** The message (a letter: the address, a blank line, then the body). */
  body: string;
  /** True when the body was cut for the preview. */
  cut: boolean;
}

function cut(text: string): { text: string; cut: boolean } {
  return text.length > PREVIEW_MAX_CHARACTERS
    ? { text: `${text.slice(0, PREVIEW_MAX_CHARACTERS)}…`, cut: true }
    : { text, cut: false };
}

/** The row's message as it will be sent. */
export function previewRow(template: TemplateParts, values: RowValues, match: ColumnMatch): RowPreview {
  const p = renderValues(values);
  let subject: string | null = null;
  let body: string;
  if (template.type === 'sms') {
    body = renderSmsBody(template.content, p);
  } else if (template.type === 'email') {
    subject = renderEmailSubject(template.subject ?? '', p);
    body = renderEmailBody(template.content, p);
  } else {
    const address = Object.values(addressPersonalisation(values, match))
      .map((line) => line.trim())
      .filter((line) => line !== '');
    subject = renderLetterSubject(template.subject ?? '', p);
    body = `${address.join('\n')}\n\n${renderLetterBody(template.content, p)}`;
  }
  const shown = cut(body);
  return { subject, body: shown.text, cut: shown.cut };
}
