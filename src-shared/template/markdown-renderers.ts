/**
 * The renderers Notify supplies to mistune: the HTML email body with GOV.UK inline styles, the
 * plain-text email part, and the letter preview's inline behaviour used to find QR codes.
 */

import { mistuneEscape, S } from './markdown-grammar';
import type { MarkdownRenderer } from './markdown-inline';
import { renderMarkdown } from './markdown-render';
import { createSanitisedHtmlForUrl, LINK_STYLE } from './markdown-url';
import { pyStrip } from './python';

const PARAGRAPH_STYLE = 'Margin: 0 0 20px 0; font-size: 19px; line-height: 25px; color: #0B0C0C;';
const H2_STYLE =
  'Margin: 0 0 15px 0; padding: 10px 0 0 0; font-size: 27px; line-height: 35px; font-weight: bold; color: #0B0C0C;';
const H3_STYLE =
  'Margin: 0 0 15px 0; padding: 10px 0 0 0; font-size: 19px; line-height: 25px; font-weight: bold; color: #0B0C0C;';
const HR_HTML = '<hr style="border: 0; height: 1px; background: #B1B4B6; Margin: 30px 0 30px 0;">';
const LIST_TABLE_OPEN =
  '<table role="presentation" style="padding: 0 0 20px 0;"><tr><td style="font-family: Helvetica, Arial, sans-serif;">';
const OL_OPEN = '<ol style="Margin: 0 0 0 20px; padding: 0; list-style-type: decimal;">';
const UL_OPEN = '<ul style="Margin: 0 0 0 20px; padding: 0; list-style-type: disc;">';
const LI_OPEN =
  '<li style="Margin: 5px 0 5px; padding: 0 0 0 5px; font-size: 19px;line-height: 25px; color: #0B0C0C;">';
const BLOCKQUOTE_OPEN =
  '<div style="Margin: 0 0 20px 0;"><blockquote style="Margin: 0; border-left: 10px solid #B1B4B6;' +
  'padding: 15px 0 0.1px 15px; font-size: 19px; line-height: 25px;">';

function isPlaceholderSpanUrl(link: string): boolean {
  return link.startsWith("span class='placeholder") && link.endsWith('</span');
}

/** `NotifyEmailMarkdownRenderer`: the HTML email body with GOV.UK inline styles. */
export const emailHtmlRenderer: MarkdownRenderer = {
  blockCode: (code) => code,
  blockQuote: (text) => `${BLOCKQUOTE_OPEN}${text}</blockquote></div>`,
  blockHtml: (html) => html,
  header: (text, level) => {
    if (level === 1) return `<h2 style="${H2_STYLE}">${text}</h2>`;
    if (level === 2) return `<h3 style="${H3_STYLE}">${text}</h3>`;
    return emailHtmlRenderer.paragraph(text);
  },
  hrule: () => HR_HTML,
  list: (body, ordered) =>
    `${LIST_TABLE_OPEN}${ordered ? OL_OPEN : UL_OPEN}${body}${ordered ? '</ol>' : '</ul>'}</td></tr></table>`,
  listItem: (text) => `${LI_OPEN}${pyStrip(text)}</li>`,
  paragraph: (text) => (pyStrip(text) ? `<p style="${PARAGRAPH_STYLE}">${text}</p>` : ''),
  table: () => '',
  linebreak: () => '<br>',
  newline: () => '<br>',
  text: mistuneEscape,
  escape: mistuneEscape,
  autolink: (link, isEmail) => (isEmail ? link : createSanitisedHtmlForUrl(link, { style: LINK_STYLE })),
  link: (link, title, content) =>
    createSanitisedHtmlForUrl(isPlaceholderSpanUrl(link) ? `<${link}>` : link, {
      style: LINK_STYLE,
      title,
      linkText: content,
    }),
  image: () => '',
  inlineHtml: (html) => html,
  footnoteRef: () => '',
  footnoteItem: (text) => text,
  footnotes: (text) => text,
};

/** Placeholder for list markers in the plain-text renderer (notifications-utils `MAGIC_SEQUENCE`). */
export const MAGIC_SEQUENCE = '\u{1F1EC}\u{1F1E7}\u{1F426}\u2709\uFE0F';
const COLUMN_WIDTH = 65;
const PLAIN_HRULE = '=-'.repeat(33).slice(0, COLUMN_WIDTH);

function plainParagraph(text: string): string {
  return pyStrip(text) ? `\n\n${text}` : '';
}

/** `NotifyPlainTextEmailMarkdownRenderer`: the text/plain email part. */
export const emailPlainTextRenderer: MarkdownRenderer = {
  ...emailHtmlRenderer,
  header: (text, level) => {
    if (level === 1) return `\n\n\n${text}\n${'='.repeat(COLUMN_WIDTH)}`;
    if (level === 2) return `\n\n\n${text}\n${'-'.repeat(COLUMN_WIDTH)}`;
    return plainParagraph(text);
  },
  hrule: () => plainParagraph(PLAIN_HRULE),
  linebreak: () => '\n',
  newline: () => '\n',
  list: (body, ordered) => {
    let n = 0;
    return `\n${body.replaceAll(MAGIC_SEQUENCE, () => (ordered ? `${++n}.` : '•'))}`;
  },
  listItem: (text) => `\n${MAGIC_SEQUENCE} ${pyStrip(text)}`,
  paragraph: plainParagraph,
  blockQuote: (text) => text,
  link: (link, title, content) => `${content}${title ? ` (${title})` : ''}: ${link}`,
  autolink: (link) => link,
};

/**
 * `NotifyLetterMarkdownPreviewRenderer`'s inline behaviour, used to find QR codes.
 *
 * Paragraphs are collected rather than rendered, since only their text matters.
 */
function letterRenderer(onParagraph: (text: string) => void): MarkdownRenderer {
  const renderer: MarkdownRenderer = {
    ...emailHtmlRenderer,
    blockQuote: (text) => text,
    header: (text, level) => (level === 1 ? `<h2>${text}</h2>\n` : renderer.paragraph(text)),
    hrule: () => '<div class="page-break">&nbsp;</div>',
    list: (body, ordered) => (ordered ? `<ol>\n${body}</ol>\n` : `<ul>\n${body}</ul>\n`),
    listItem: (text) => `<li>${pyStrip(text)}</li>\n`,
    paragraph: (text) => {
      if (!pyStrip(text)) return '';
      onParagraph(text);
      return `<p>${text}</p>`;
    },
    autolink: (link) => {
      const match = /^(https?:\/\/)/.exec(link);
      const protocol = match ? (match[1] as string) : '';
      return `<strong data-original-protocol='${protocol}'>${link.slice(protocol.length)}</strong>`;
    },
    link: (link, title, content) => {
      const url = isPlaceholderSpanUrl(link) ? `<${link}>` : link;
      return title ? `[${content}](${url} "${title}")` : `[${content}](${url})`;
    },
  };
  return renderer;
}

const QR_PARAGRAPH_RE = new RegExp(`^qr${S}*:${S}*([^\\n]+)$`, 'iu');
const STRONG_PROTOCOL_RE = /<strong data-original-protocol='(https?:\/\/|)'>([\s\S]*?)<\/strong>/g;

/**
 * The data of every `qr: …` paragraph, as notifications-utils' QR validator sees it.
 *
 * The input must already be HTML-escaped (Notify validates the escaped body), so `&` counts as
 * `&amp;` when measuring.
 */
export function findQrCodeData(escapedBody: string): string[] {
  const found: string[] = [];
  renderMarkdown(
    `${escapedBody}\n`,
    letterRenderer((text) => {
      const match = QR_PARAGRAPH_RE.exec(text);
      if (match) found.push((match[1] as string).replace(STRONG_PROTOCOL_RE, '$1$2'));
    }),
  );
  return found;
}
