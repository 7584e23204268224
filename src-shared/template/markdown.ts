/**
 * Notify's Markdown: a port of mistune 0.8.x as patched and rendered by notifications-utils.
 *
 * notifications-utils (`markdown.py`) monkey-patches mistune's grammar (`^` for inset text,
 * `•`/`*`/`-` bullets with no space needed, `1.` numbers, emphasis/code/strikethrough switched off,
 * a narrower bare-URL rule) and supplies renderers with inline styles. This module reproduces the
 * block lexer, inline lexer and token output of mistune 0.8 with those patches, plus the email
 * HTML, plain-text and letter (QR code) renderers.
 *
 * Python regex semantics are kept where JS differs: `\s`, `\w`, `\d` and `\b` are Unicode-aware,
 * `.` excludes only `\n`, multiline `^`/`$` only see `\n`, and a backreference to a group that
 * did not participate fails (mistune's paragraph rule depends on that).
 */

export { mistuneEscape } from './markdown-grammar';
export type { MarkdownRenderer } from './markdown-inline';
export { renderMarkdown } from './markdown-render';
export { createSanitisedHtmlForUrl, LINK_STYLE, pyQuote } from './markdown-url';
export {
  emailHtmlRenderer,
  emailPlainTextRenderer,
  findQrCodeData,
  MAGIC_SEQUENCE,
} from './markdown-renderers';
