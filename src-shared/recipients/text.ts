/**
 * Python string semantics that recipient validation depends on.
 *
 * Source: UTILS `notifications_utils/formatters.py` (whitespace sets and normalisation) and the CPython
 * behaviour of `str.split()`, `str.splitlines()` and `str.strip()`, which differ from JavaScript’s `\s`.
 */

/** Python `string.whitespace`. */
export const STRING_WHITESPACE = ' \t\n\r\x0b\x0c';

/** UTILS `OBSCURE_ZERO_WIDTH_WHITESPACE`, which includes the line and paragraph separators. */
export const OBSCURE_ZERO_WIDTH_WHITESPACE = '\u180E\u200B\u200C\u200D\u2060\uFEFF\u2028\u2029';

/** UTILS `OBSCURE_FULL_WIDTH_WHITESPACE`: non-breaking space and narrow non-breaking space. */
export const OBSCURE_FULL_WIDTH_WHITESPACE = '\u00A0\u202F';

/** UTILS `ALL_WHITESPACE`. */
export const ALL_WHITESPACE =
  STRING_WHITESPACE + OBSCURE_ZERO_WIDTH_WHITESPACE + OBSCURE_FULL_WIDTH_WHITESPACE;

/** Characters for which Python’s `str.isspace()` is true (what `str.split()` with no argument splits on). */
export const PY_WHITESPACE_CLASS =
  '\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

const PY_WHITESPACE_RUN = new RegExp(`[${PY_WHITESPACE_CLASS}]+`, 'g');
// eslint-disable-next-line no-control-regex -- Python treats these control characters as line breaks.
const PY_LINE_BREAK = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/;
// The zero-width joiner comes last so it cannot be read as joining two characters of the class.
const ZERO_WIDTH = /[\u180E\u200B\u200C\u2060\uFEFF\u2028\u2029\u200D]/g;
const FULL_WIDTH = /[\u00A0\u202F]/g;
const OBSCURE = /[\u180E\u200B\u200C\u2060\uFEFF\u2028\u2029\u00A0\u202F\u200D]/g;
const ALL_WHITESPACE_GLOBAL = /[ \t\n\r\v\f\u180E\u200B\u200C\u2060\uFEFF\u2028\u2029\u00A0\u202F\u200D]/g;
const STRING_WHITESPACE_EDGES = /^[ \t\n\r\v\f]+|[ \t\n\r\v\f]+$/g;

/**
 * Python `str.splitlines()`.
 *
 * Splits on every line boundary Python recognises (including `\r\n`, `\v`, `\f`, `\x1c`–`\x1e`, `\x85`,
 * U+2028 and U+2029) and, like Python, produces no trailing empty line.
 */
export function splitLines(value: string): string[] {
  if (value === '') return [];
  const lines = value.split(PY_LINE_BREAK);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * UTILS `normalise_whitespace`.
 *
 * Non-breaking spaces become spaces, zero-width characters disappear, and runs of Python whitespace
 * collapse to a single space with none at either end (`' '.join(value.split())`).
 */
export function normaliseWhitespace(value: string): string {
  return trimSpaces(value.replace(FULL_WIDTH, ' ').replace(ZERO_WIDTH, '').replace(PY_WHITESPACE_RUN, ' '));
}

function trimSpaces(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && value.charCodeAt(start) === 0x20) start++;
  while (end > start && value.charCodeAt(end - 1) === 0x20) end--;
  return value.slice(start, end);
}

/**
 * UTILS `get_lines_with_normalised_whitespace`.
 *
 * Splits with Python’s line rules, then normalises the whitespace of every line.
 */
export function linesWithNormalisedWhitespace(value: string): string[] {
  return splitLines(value).map(normaliseWhitespace);
}

/**
 * UTILS `strip_and_remove_obscure_whitespace`.
 *
 * Removes zero-width characters (U+2028 and U+2029 among them) and non-breaking spaces anywhere, then
 * strips Python `string.whitespace` from the ends. Shared by email addresses, spreadsheet-style cells and
 * list values.
 */
export function stripAndRemoveObscureWhitespace(value: string): string {
  if (value === '') return '';
  return value.replace(OBSCURE, '').replace(STRING_WHITESPACE_EDGES, '');
}

/**
 * UTILS `remove_whitespace`.
 *
 * Removes every character of `ALL_WHITESPACE`, wherever it is (used for postcodes).
 */
export function removeWhitespace(value: string): string {
  return value.replace(ALL_WHITESPACE_GLOBAL, '');
}
