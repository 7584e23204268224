/**
 * Curly quotes: port of `smartypants.smartypants(text, Attr.q | Attr.u)` (smartypants 2.0.x).
 *
 * Notify's "nice typography" uses SmartyPants for quotes only, outputting Unicode characters.
 * HTML tags are left untouched, and text inside `pre`, `code`, `a` (and a few more) is skipped,
 * as notifications-utils adds `a` to `smartypants.tags_to_skip`.
 */

import { PY_S, PY_W } from './python';

const TAGS_TO_SKIP_RE = /^<(\/)?(pre|samp|code|tt|kbd|script|style|math|a)[^>]*>/i;
const TAG_SOUP_RE = new RegExp(`([^<]*)(<!--[\\s\\S]*?--[${PY_S}]*>|<[^>]*>)`, 'gu');

interface Token {
  tag: boolean;
  text: string;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  TAG_SOUP_RE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = TAG_SOUP_RE.exec(text)) !== null) {
    const before = match[1] as string;
    const tag = match[2] as string;
    if (before) tokens.push({ tag: false, text: before });
    let isTag = true;
    if (tag.startsWith('<!--')) {
      const inner = tag
        .slice(4)
        .replace(/>+$/, '')
        .replace(new RegExp(`[${PY_S}]+$`, 'u'), '')
        .replace(/-+$/, '');
      if (inner.includes('--')) isTag = false;
    }
    tokens.push({ tag: isTag, text: tag });
    previousEnd = TAG_SOUP_RE.lastIndex;
    if (match[0] === '') TAG_SOUP_RE.lastIndex++;
  }
  if (previousEnd < text.length) tokens.push({ tag: false, text: text.slice(previousEnd) });
  return tokens;
}

function processEscapes(text: string): string {
  if (!text.includes('\\')) return text;
  return text
    .replace(/\\\\/g, '&#92;')
    .replace(/\\"/g, '&#34;')
    .replace(/\\'/g, '&#39;')
    .replace(/\\\./g, '&#46;')
    .replace(/\\-/g, '&#45;')
    .replace(/\\`/g, '&#96;');
}

const W = `[${PY_W}]`;
/** Python `\b`, Unicode-aware (JS `\b` is ASCII-only). */
const B = `(?:(?<=${W})(?!${W})|(?<!${W})(?=${W}))`;
const S = `[${PY_S}]`;
const PUNCT = `[!"#$%'()*+,\\-./:;<=>?@\\[\\\\\\]^_\`{|}~]`;
const CLOSE_CLASS = '[^ \\t\\r\\n\\[{(\\-]';
const OPENERS = `(${S}|&nbsp;|--|&[mn]dash;|&#8211;|&#8212;|&#x201[34];)`;

const QUOTE_RULES: Array<[RegExp, string]> = [
  // SmartyPants writes `\\B` in a raw string: a literal backslash then `B`, not a non-boundary.
  [new RegExp(`^'(?=${PUNCT}\\\\B)`, 'u'), '&#8217;'],
  [new RegExp(`^"(?=${PUNCT}\\\\B)`, 'u'), '&#8221;'],
  [new RegExp(`"'(?=${W})`, 'gu'), '&#8220;&#8216;'],
  [new RegExp(`'"(?=${W})`, 'gu'), '&#8216;&#8220;'],
  [new RegExp(`${B}'(?=\\p{Nd}{2}s)`, 'gu'), '&#8217;'],
  [new RegExp(`${OPENERS}'(?=${W})`, 'gu'), '$1&#8216;'],
  [new RegExp(`(${CLOSE_CLASS})'(?!${S}|s${B}|\\p{Nd})`, 'gu'), '$1&#8217;'],
  [new RegExp(`(${CLOSE_CLASS})'(${S}|s${B})`, 'gu'), '$1&#8217;$2'],
  [/'/g, '&#8216;'],
  [new RegExp(`${OPENERS}"(?=${W})`, 'gu'), '$1&#8220;'],
  [new RegExp(`"(?=${S})`, 'gu'), '&#8221;'],
  [new RegExp(`(${CLOSE_CLASS})"`, 'gu'), '$1&#8221;'],
  [/"/g, '&#8220;'],
];

/** Every quote rule needs a quote: text without one (most of a rendered email) skips all thirteen. */
const HAS_QUOTE_RE = /['"]/;

function convertQuotes(text: string): string {
  let out = text;
  for (const [pattern, replacement] of QUOTE_RULES) out = out.replace(pattern, replacement);
  return out;
}

const ENTITY_TO_UNICODE: Array<[string, string]> = [
  ['&#8211;', '\u2013'],
  ['&#8212;', '\u2014'],
  ['&#8216;', '\u2018'],
  ['&#8217;', '\u2019'],
  ['&#8220;', '\u201c'],
  ['&#8221;', '\u201d'],
  ['&#8230;', '\u2026'],
];

function convertEntities(text: string): string {
  if (!text.includes('&#82')) return text;
  let out = text;
  for (const [entity, char] of ENTITY_TO_UNICODE) out = out.replaceAll(entity, char);
  return out;
}

const NON_SPACE_RE = new RegExp(`^[^${PY_S}]`, 'u');

/**
 * `smartypants.smartypants(text, Attr.q | Attr.u)`: straight quotes to curly ones.
 *
 * Also applies SmartyPants' backslash escapes (`\"` becomes `&#34;`), which Notify inherits.
 */
export function smartQuotes(text: string): string {
  if (!/["'\\]/.test(text)) return text;
  const tokens = tokenize(text);
  const skipped: string[] = [];
  let inPre = false;
  let prevLastChar = '';
  let result = '';
  for (const token of tokens) {
    if (token.tag) {
      result += token.text;
      const skip = TAGS_TO_SKIP_RE.exec(token.text);
      if (skip) {
        const name = (skip[2] as string).toLowerCase();
        if (!skip[1]) {
          skipped.push(name);
          inPre = true;
        } else {
          if (skipped.length > 0 && skipped[skipped.length - 1] === name) skipped.pop();
          if (skipped.length === 0) inPre = false;
        }
      }
      continue;
    }
    let t = token.text;
    const lastChar = t.slice(-1);
    if (!inPre) {
      t = processEscapes(t);
      if (t === "'") t = NON_SPACE_RE.test(prevLastChar) ? '&#8217;' : '&#8216;';
      else if (t === '"') t = NON_SPACE_RE.test(prevLastChar) ? '&#8221;' : '&#8220;';
      else if (HAS_QUOTE_RE.test(t)) t = convertQuotes(t);
      t = convertEntities(t);
    }
    prevLastChar = lastChar;
    result += t;
  }
  return result;
}
