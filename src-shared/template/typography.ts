/**
 * Text formatters from notifications-utils `formatters.py` and `template.py`.
 *
 * Whitespace normalisation (SMS and subjects), "nice typography" (subjects and email bodies),
 * the GOV.UK anti-autolink trick and the service-name prefix. Regexes are compiled once.
 */

import { normaliseWhitespace } from '../recipients/text';
import { PY_S, pySplitlines, pyStrip } from './python';
import { smartQuotes } from './smartypants';

const WHITESPACE_BEFORE_PUNCTUATION_RE = /(?<![ \t])[ \t]+([,.])/g;
const SPACE_THEN_PUNCTUATION_RE = /[ \t][,.]/;
const HYPHENS_SURROUNDED_BY_SPACES_RE = new RegExp(
  `(?<![${PY_S}])[${PY_S}]+[-\u2013\u2014]{1,3}[${PY_S}]+`,
  'gu',
);
const MORE_THAN_TWO_NEWLINES_RE = /\n{3,}/g;
const EMAIL_WITH_SMART_QUOTES_RE = new RegExp(
  `(?:(?<![^\\n])|[${PY_S}])[^${PY_S}]+@[^${PY_S}]+(?:[${PY_S}]|(?![^\\n]))`,
  'gu',
);
const GOVUK_NOT_A_LINK_RE = new RegExp(`(^|[${PY_S}])(#|\\*|\\^)?(GOV)\\.(UK)(?!\\/|\\?|#)`, 'giu');
// eslint-disable-next-line no-control-regex -- Python's `splitlines` boundaries.
const LINE_BREAK_RE = /[\n\r\u000b\u000c\u001c\u001d\u001e\u0085\u2028\u2029]/;
const UNSUPPORTED_CHARACTERS_RE = /[\u2028\u3164]/g;

/**
 * `remove_whitespace_before_punctuation`: `a , b .` becomes `a, b.`.
 *
 * Only spaces and tabs are removed, not newlines.
 */
export function removeWhitespaceBeforePunctuation(value: string): string {
  if (!SPACE_THEN_PUNCTUATION_RE.test(value)) return value;
  return value.replace(WHITESPACE_BEFORE_PUNCTUATION_RE, '$1');
}

/**
 * `replace_hyphens_with_en_dashes`: ` - `, ` -- ` and ` — ` become ` – `.
 *
 * The dash must have whitespace on both sides.
 */
function replaceHyphensWithEnDashes(value: string): string {
  return value.replace(HYPHENS_SURROUNDED_BY_SPACES_RE, ' \u2013 ');
}

/**
 * `remove_smart_quotes_from_email_addresses`: put straight apostrophes back inside email addresses.
 *
 * Smart quotes would break an address like `o'neil@example.com`.
 */
function removeSmartQuotesFromEmailAddresses(value: string): string {
  if (!value.includes('@')) return value;
  return value.replace(EMAIL_WITH_SMART_QUOTES_RE, (match) => match.replace(/[\u2018\u2019]/g, "'"));
}

/**
 * `do_nice_typography`: the typography Notify applies to subjects and email bodies.
 *
 * Removes spaces before `,` and `.`, curls quotes (except in email addresses) and turns spaced
 * hyphens into en dashes.
 */
export function doNiceTypography(value: string): string {
  return replaceHyphensWithEnDashes(
    removeSmartQuotesFromEmailAddresses(smartQuotes(removeWhitespaceBeforePunctuation(value))),
  );
}

/** `normalise_whitespace`, one copy for recipients and templates (src-shared/recipients/text.ts). */
export { normaliseWhitespace };

/**
 * `normalise_whitespace_and_newlines`: `normalise_whitespace` on each line, lines kept.
 *
 * Splits with Python's `splitlines`, so CRLF, `\u2028` and friends all become `\n`.
 */
export function normaliseWhitespaceAndNewlines(value: string): string {
  if (!LINE_BREAK_RE.test(value)) return value === '' ? '' : normaliseWhitespace(value);
  return pySplitlines(value).map(normaliseWhitespace).join('\n');
}

/**
 * `normalise_multiple_newlines`: three or more newlines become two.
 *
 * Keeps at most one blank line between paragraphs of a text message.
 */
export function normaliseMultipleNewlines(value: string): string {
  return value.replace(MORE_THAN_TWO_NEWLINES_RE, '\n\n');
}

/**
 * `unlink_govuk_escaped`: insert a zero-width space in `GOV.UK` so mail clients do not link it.
 *
 * Not applied when `GOV.UK` is followed by `/`, `?` or `#` (a real URL).
 */
export function unlinkGovukEscaped(value: string): string {
  return value.replace(GOVUK_NOT_A_LINK_RE, '$1$2$3.\u200b$4');
}

/**
 * `strip_unsupported_characters`: delete U+2028 and U+3164 (Hangul filler).
 *
 * Notify removes these from email bodies before Markdown; mail clients render them badly.
 */
export function stripUnsupportedCharacters(value: string): string {
  return value.replace(UNSUPPORTED_CHARACTERS_RE, '');
}

/**
 * `add_prefix`: `"<prefix>: <body>"` when there is a prefix.
 *
 * The prefix is stripped of surrounding whitespace first.
 */
export function addPrefix(body: string, prefix: string | null | undefined): string {
  if (prefix) return `${pyStrip(prefix)}: ${body}`;
  return body;
}
