/**
 * A letter's body as Notify's letter preview renders it (notifications-utils'
 * `NotifyLetterMarkdownPreviewRenderer`), for showing what the PDF prints: `# ` is a heading (the
 * only level; deeper ones are paragraphs), `*`, `-` and `•` start bullets, `---` is a page break,
 * URLs print bold without their protocol and `[text](url)` prints as "text: url", as the Notify
 * Sandbox's PDF lays them out (src-sandbox/letters/letter-markdown.ts). There is no emphasis in
 * letters, so `*word*` stays as written.
 *
 * Content and personalisation are HTML-escaped before the markdown runs, so the only tags in the
 * output are the renderer's own (h2, p, br, ul, ol, li, strong, div): safe to put in a page.
 */
import { emailHtmlRenderer, renderMarkdown, type MarkdownRenderer } from './markdown';
import { InsensitiveValues, renderField, type Personalisation } from './placeholders';
import { pyStrip } from './python';
import { doNiceTypography } from './typography';

const withoutProtocol = (link: string): string => link.replace(/^https?:\/\//, '');

const letterHtmlRenderer: MarkdownRenderer = {
  ...emailHtmlRenderer,
  blockQuote: (text) => text,
  header: (text, level) => (level === 1 ? `<h2>${text}</h2>\n` : letterHtmlRenderer.paragraph(text)),
  hrule: () => '<div class="page-break" role="separator" aria-label="Page break"></div>',
  list: (body, ordered) => (ordered ? `<ol>\n${body}</ol>\n` : `<ul>\n${body}</ul>\n`),
  listItem: (text) => `<li>${pyStrip(text)}</li>\n`,
  paragraph: (text) => (pyStrip(text) ? `<p>${text}</p>\n` : ''),
  autolink: (link) => `<strong>${withoutProtocol(link)}</strong>`,
  link: (link, _title, content) => `${content}: <strong>${withoutProtocol(link)}</strong>`,
  image: () => '',
};

/** The letter body's HTML: placeholders filled (values escaped), markdown rendered as letters print it. */
export function renderLetterHtml(content: string, personalisation: Personalisation): string {
  const values = new InsensitiveValues(personalisation);
  const filled = renderField(content, values, { html: 'escape', markdownLists: true, plainText: false });
  return doNiceTypography(renderMarkdown(`${filled}\n`, letterHtmlRenderer));
}
