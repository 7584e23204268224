/**
 * Python string semantics that recipient validation depends on.
 *
 * Source: UTILS `notifications_utils/formatters.py` (whitespace sets and normalisation) and the CPython
 * behaviour of `str.split()`, `str.splitlines()` and `str.strip()`, which differ from JavaScript’s `\s`.
 */

import { StringBuilder } from '../template/string-builder';

/** Python `string.whitespace`. */
const STRING_WHITESPACE = ' \t\n\r\x0b\x0c';

/** UTILS `OBSCURE_ZERO_WIDTH_WHITESPACE`, which includes the line and paragraph separators. */
const OBSCURE_ZERO_WIDTH_WHITESPACE = '\u180E\u200B\u200C\u200D\u2060\uFEFF\u2028\u2029';

/** UTILS `OBSCURE_FULL_WIDTH_WHITESPACE`: non-breaking space and narrow non-breaking space. */
const OBSCURE_FULL_WIDTH_WHITESPACE = '\u00A0\u202F';

/** UTILS `ALL_WHITESPACE`. */
export const ALL_WHITESPACE =
  STRING_WHITESPACE + OBSCURE_ZERO_WIDTH_WHITESPACE + OBSCURE_FULL_WIDTH_WHITESPACE;

/** Characters for which Python’s `str.isspace()` is true (what `str.split()` with no argument splits on). */
export const PY_WHITESPACE_CLASS =
  '\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

// eslint-disable-next-line no-control-regex -- Python treats these control characters as line breaks.
const PY_LINE_BREAK = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/;
const OBSCURE = /[\u180E\u200B\u200C\u2060\uFEFF\u2028\u2029\u00A0\u202F\u200D]/g;
const ALL_WHITESPACE_GLOBAL = /[ \t\n\r\v\f\u180E\u200B\u200C\u2060\uFEFF\u2028\u2029\u00A0\u202F\u200D]/g;
const STRING_WHITESPACE_EDGES = /^[ \t\n\r\v\f]+|[ \t\n\r\v\f]+$/g;

/**
 * Python `str.splitlines()`.
 *
 * Splits on every line boundary Python recognises (including `\r\n`, `\v`, `\f`, `\x1c`–`\x1e`, `\x85`,
 * U+2028 and U+2029) and, like Python, produces no trailing empty line.
 */
function splitLines(value: string): string[] {
  if (value === '') return [];
  const lines = value.split(PY_LINE_BREAK);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Code units `normalise_whitespace` deletes: UTILS’ zero-width characters. */
function isZeroWidth(c: number): boolean {
  return (
    c === 0x180e ||
    (c >= 0x200b && c <= 0x200d) ||
    c === 0x2060 ||
    c === 0xfeff ||
    c === 0x2028 ||
    c === 0x2029
  );
}

/** Code units that become a space: Python whitespace (`str.isspace()`) and UTILS’ full-width spaces. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
  if (c < 0x85) return false;
  return (
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** True when the value needs no change: words of anything but whitespace, one space between them. */
function isNormalised(value: string): boolean {
  let previousSpace = true;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x20) {
      if (previousSpace) return false;
      previousSpace = true;
    } else if (isSpace(c) || isZeroWidth(c)) return false;
    else previousSpace = false;
  }
  return !previousSpace || value === '';
}

/**
 * UTILS `normalise_whitespace`.
 *
 * Non-breaking spaces become spaces, zero-width characters disappear, and runs of Python whitespace
 * collapse to a single space with none at either end (`' '.join(value.split())`). One pass over the
 * code units (none of these characters is a surrogate), so megabytes of spaces cost no more than words.
 */
export function normaliseWhitespace(value: string): string {
  if (isNormalised(value)) return value;
  const out = new StringBuilder();
  let wroteWord = false;
  let spaceBefore = false;
  let wordStart = -1;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const space = isSpace(c);
    if (!space && !isZeroWidth(c)) {
      if (wordStart >= 0) continue;
      if (spaceBefore) out.pushCode(0x20);
      spaceBefore = false;
      wordStart = i;
      wroteWord = true;
      continue;
    }
    // A zero-width character is deleted (the word goes on after it); whitespace ends the word.
    if (wordStart >= 0) out.pushSlice(value, wordStart, i);
    wordStart = -1;
    if (space && wroteWord) spaceBefore = true;
  }
  if (wordStart >= 0) out.pushSlice(value, wordStart, value.length);
  return out.toString();
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
