/**
 * Email rendering: port of notifications-utils `BaseEmailTemplate`, `PlainTextEmailTemplate` and
 * `HTMLEmailTemplate.html_body` (UTILS `template.py`).
 */

import { pyHtmlUnescape } from './html';
import { emailHtmlRenderer, emailPlainTextRenderer, renderMarkdown } from './markdown';
import { InsensitiveValues, renderField, type Personalisation } from './placeholders';
import { pyLstrip, pyStrip } from './python';
import {
  doNiceTypography,
  normaliseWhitespace,
  stripUnsupportedCharacters,
  unlinkGovukEscaped,
} from './typography';

/** Options for the rendered (HTML or plain-text) email body. */
export interface EmailRenderOptions {
  /** When set, Notify appends `---` and an "Unsubscribe from these emails" link (§9.4). */
  unsubscribeLink?: string | null;
}

function withUnsubscribeLink(content: string, options?: EmailRenderOptions): string {
  const link = options?.unsubscribeLink;
  return link ? `${content}\n\n---\n\n[Unsubscribe from these emails](${link})` : content;
}

/**
 * The email API response `body` (`content_with_placeholders_filled_in`).
 *
 * Placeholders filled, list values as Markdown bullets, Markdown not rendered, nothing escaped,
 * surrounding whitespace stripped.
 */
export function renderEmailBody(content: string, personalisation: Personalisation): string {
  const values = new InsensitiveValues(personalisation);
  return pyStrip(
    renderField(content, values, { html: 'passthrough', markdownLists: true, plainText: false }),
  );
}

/**
 * The email subject as the API returns it (`PlainTextEmailTemplate.subject`).
 *
 * Placeholders filled (lists as prose), then "nice typography" (curly quotes, en dashes, no
 * space before `,`/`.`) and whitespace collapsed to single spaces.
 */
export function renderEmailSubject(subject: string, personalisation: Personalisation): string {
  const values = new InsensitiveValues(personalisation);
  const filled = renderField(subject, values, {
    html: 'passthrough',
    markdownLists: false,
    plainText: false,
  });
  return normaliseWhitespace(doNiceTypography(filled));
}

/**
 * The HTML fragment of an email body (`HTMLEmailTemplate.html_body`; the preview's `html`).
 *
 * Content and values are HTML-escaped before Markdown runs, so no raw HTML from the template
 * or the personalisation can reach the output; the only tags are the renderer's own.
 */
export function renderEmailHtml(
  content: string,
  personalisation: Personalisation,
  options?: EmailRenderOptions,
): string {
  const values = new InsensitiveValues(personalisation);
  const filled = renderField(withUnsubscribeLink(content, options), values, {
    html: 'escape',
    markdownLists: true,
    plainText: false,
  });
  const markdown = `${stripUnsupportedCharacters(unlinkGovukEscaped(filled))}\n`;
  return doNiceTypography(renderMarkdown(markdown, emailHtmlRenderer));
}

/**
 * The text/plain part of an email (`str(PlainTextEmailTemplate)`).
 *
 * Headings are underlined, bullets become `•`, links read `text: url`, and HTML entities are
 * decoded at the end. Ends with a single newline, as Notify's does.
 */
export function renderEmailPlainText(
  content: string,
  personalisation: Personalisation,
  options?: EmailRenderOptions,
): string {
  const values = new InsensitiveValues(personalisation);
  const filled = renderField(withUnsubscribeLink(content, options), values, {
    html: 'passthrough',
    markdownLists: true,
    plainText: false,
  });
  const markdown = `${stripUnsupportedCharacters(unlinkGovukEscaped(filled))}\n`;
  const rendered = doNiceTypography(renderMarkdown(markdown, emailPlainTextRenderer));
  return `${pyLstrip(pyHtmlUnescape(rendered))}\n`;
}
