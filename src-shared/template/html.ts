/**
 * HTML escaping and unescaping exactly as notifications-utils (and the Python stdlib) do it.
 *
 * Notify escapes template content and personalisation with its own `escape_html`, which first
 * *unescapes* real entities (so `&lt;` in a template is not double-escaped) and keeps `&amp;` and
 * `&nbsp;` as written. The plain-text email part later runs Python's lenient `html.unescape`.
 */

import { HTML5_ENTITIES, HTML5_LEGACY_NAMES } from './unicode-data';

let entityTable: Map<string, string> | undefined;

function entities(): Map<string, string> {
  if (entityTable) return entityTable;
  const table = new Map<string, string>();
  for (const item of HTML5_ENTITIES.split(',')) {
    const eq = item.indexOf('=');
    const name = item.slice(0, eq);
    const value = String.fromCodePoint(
      ...item
        .slice(eq + 1)
        .split('.')
        .map((hex) => parseInt(hex, 16)),
    );
    table.set(`${name};`, value);
  }
  for (const name of HTML5_LEGACY_NAMES.split(',')) {
    const value = table.get(`${name};`);
    if (value !== undefined) table.set(name, value);
  }
  entityTable = table;
  return table;
}

/** Python's `html._invalid_charrefs`: numeric references remapped as browsers do (Windows-1252). */
const INVALID_CHARREFS = new Map<number, string>([
  [0x00, '\ufffd'],
  [0x0d, '\r'],
  [0x80, '\u20ac'],
  [0x81, '\u0081'],
  [0x82, '\u201a'],
  [0x83, '\u0192'],
  [0x84, '\u201e'],
  [0x85, '\u2026'],
  [0x86, '\u2020'],
  [0x87, '\u2021'],
  [0x88, '\u02c6'],
  [0x89, '\u2030'],
  [0x8a, '\u0160'],
  [0x8b, '\u2039'],
  [0x8c, '\u0152'],
  [0x8d, '\u008d'],
  [0x8e, '\u017d'],
  [0x8f, '\u008f'],
  [0x90, '\u0090'],
  [0x91, '\u2018'],
  [0x92, '\u2019'],
  [0x93, '\u201c'],
  [0x94, '\u201d'],
  [0x95, '\u2022'],
  [0x96, '\u2013'],
  [0x97, '\u2014'],
  [0x98, '\u02dc'],
  [0x99, '\u2122'],
  [0x9a, '\u0161'],
  [0x9b, '\u203a'],
  [0x9c, '\u0153'],
  [0x9d, '\u009d'],
  [0x9e, '\u017e'],
  [0x9f, '\u0178'],
]);

/** Python's `html._invalid_codepoints`: numeric references that unescape to nothing. */
function isInvalidCodepoint(num: number): boolean {
  if ((num >= 0x1 && num <= 0x8) || num === 0xb || (num >= 0xe && num <= 0x1f)) return true;
  if ((num >= 0x7f && num <= 0x9f) || (num >= 0xfdd0 && num <= 0xfdef)) return true;
  const low = num & 0xffff;
  return low === 0xfffe || low === 0xffff;
}

/** Python's `html._replace_charref`, given the text after `&`. */
function replaceCharref(s: string): string {
  if (s[0] === '#') {
    const hex = s[1] === 'x' || s[1] === 'X';
    const digits = (hex ? s.slice(2) : s.slice(1)).replace(/;+$/, '');
    const num = parseInt(digits, hex ? 16 : 10);
    const remapped = INVALID_CHARREFS.get(num);
    if (remapped !== undefined) return remapped;
    if ((num >= 0xd800 && num <= 0xdfff) || num > 0x10ffff) return '\ufffd';
    if (isInvalidCodepoint(num)) return '';
    return String.fromCodePoint(num);
  }
  const table = entities();
  const exact = table.get(s);
  if (exact !== undefined) return exact;
  const chars = Array.from(s);
  for (let x = chars.length - 1; x > 1; x--) {
    const prefix = chars.slice(0, x).join('');
    const value = table.get(prefix);
    if (value !== undefined) return value + chars.slice(x).join('');
  }
  return `&${s}`;
}

const STRICT_CHARREF_RE = /&(#[0-9]+;|#[xX][0-9a-fA-F]+;|[^\t\n\f <&#;]{1,32};)/gu;
const LENIENT_CHARREF_RE = /&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)/gu;

/**
 * notifications-utils `unescape_strict`: `html.unescape` that insists on the trailing `;`.
 *
 * Used inside `escapeHtml` so that a template author's `&lt;` stays `&lt;` rather than becoming
 * `&amp;lt;`.
 */
export function unescapeStrict(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(STRICT_CHARREF_RE, (_m, ref: string) => replaceCharref(ref));
}

/**
 * Python's `html.unescape`: every named and numeric reference, semicolon optional.
 *
 * The plain-text email part is run through this after Markdown rendering.
 */
export function pyHtmlUnescape(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(LENIENT_CHARREF_RE, (_m, ref: string) => replaceCharref(ref));
}

/**
 * Python's `html.escape(value, quote=False)`.
 *
 * Quotes are left alone because Notify never escapes them in text.
 */
function pyHtmlEscapeNoQuote(value: string): string {
  if (!/[&<>]/.test(value)) return value;
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const NBSP_TEMP = '\u{1F47E}\u{1F426}\u{1F974}';
const AMP_TEMP = '\u2795\u{1F426}\u{1F974}';

/**
 * notifications-utils `escape_html`.
 *
 * Keeps `&nbsp;` and `&amp;` as written, decodes other well-formed entities, then escapes `&`,
 * `<` and `>` (quotes are left alone). This is what makes template content and personalisation
 * safe to feed to the Markdown renderer: no literal `<` survives.
 */
export function escapeHtml(value: string): string {
  if (!value) return value;
  if (!/[&<>]/.test(value)) return value;
  let out = value.replaceAll('&nbsp;', NBSP_TEMP).replaceAll('&amp;', AMP_TEMP);
  out = pyHtmlEscapeNoQuote(unescapeStrict(out));
  return out.replaceAll(NBSP_TEMP, '&nbsp;').replaceAll(AMP_TEMP, '&amp;');
}
