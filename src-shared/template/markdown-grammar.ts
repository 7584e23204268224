/**
 * The grammar of Notify's Markdown (mistune 0.8 as patched by notifications-utils): the block and
 * inline rules as regular expressions, with Python's Unicode-aware `\s`, `\w`, `\d` and `\b`, and
 * the escaping and key normalisation the lexers share. See markdown.ts.
 */

import { PY_S, PY_W } from './python';

export const S = `[${PY_S}]`;
const NS = `[^${PY_S}]`;
const W = `[${PY_W}]`;
const NW_NS_AT = `[^${PY_W}${PY_S}@]`;
/** Python `\b` (Unicode word boundary). */
const B = `(?:(?<=${W})(?!${W})|(?<!${W})(?=${W}))`;
const D = '\\p{Nd}';

const INLINE_TAGS =
  'a|em|strong|small|s|cite|q|dfn|abbr|data|time|code|var|samp|kbd|sub|sup|i|b|u|mark|ruby|rt|rp|bdi|bdo|span|br|wbr|ins|del|img|font';
const VALID_END = `(?!:/|${NW_NS_AT}*@)${B}`;
const VALID_ATTR = `${S}*[a-zA-Z\\-](?:=(?:"[^"]*"|'[^']*'|[^${PY_S}'">]+))?`;
const BLOCK_TAG = `(?!(?:${INLINE_TAGS})${B})${W}+${VALID_END}`;

const DEF_LINKS = ` *\\[([^^\\]]+)\\]: *<?([^${PY_S}>]+)>?(?: +["(]([^\\n]+)[")])? *(?:\\n+|$)`;
const DEF_FOOTNOTES = `\\[\\^([^\\]]+)\\]: *([^\\n]*(?:\\n+|$)(?: {1,}[^\\n]*(?:\\n+|$))*)`;
/** The same patterns with every group non-capturing, for use inside lookaheads. */
const DEF_LINKS_NC = ` *\\[(?:[^^\\]]+)\\]: *<?(?:[^${PY_S}>]+)>?(?: +["(](?:[^\\n]+)[")])? *(?:\\n+|$)`;
const DEF_FOOTNOTES_NC = `\\[\\^(?:[^\\]]+)\\]: *(?:[^\\n]*(?:\\n+|$)(?: {1,}[^\\n]*(?:\\n+|$))*)`;

const re = (source: string): RegExp => new RegExp(`^(?:${source})`, 'u');

/**
 * mistune's paragraph rule. Built by mistune from the *original* grammar (`>` quotes, `* + -` bullets needing a space)
 * before notifications-utils patched it. Inside this negative lookahead only *whether* each
 * alternative matches counts, so three are reduced to equivalent prefixes (avoiding a scan to
 * the end of the text per line): the list one always finds its `\s*$` ending once a character
 * follows `marker `; the quote and footnote ones can repeat zero times. The list alternative's
 * `\1` had been renumbered to `\3`, a group that never participates, so it drops out. Its marker
 * is mistune's `(?=[*+-]|\d+\.)([*+-])?(?:\d+\.)?` then a space, so `-1. ` and `*2. ` also end a
 * paragraph (and then start a `-` or `*` bullet list).
 *
 * `fences: false` leaves the fenced-code alternative out: the block lexer uses that version when no
 * closing fence follows, where the alternative cannot match but would read to the end of the text at
 * each line (see BlockLexer.parse).
 */
function paragraphRule(fences: boolean): RegExp {
  return re(
    `((?:[^\\n]+\\n?(?!` +
      (fences ? ` *(\`{3,}|~{3,}) *(?:${NS}+)? *\\n(?:[\\s\\S]+?)${S}*\\2 *(?:\\n+|$)|` : '') +
      ` *(?=[*+-]|${D}+\\.)[*+-]?(?:${D}+\\.)? [\\s\\S]` +
      `| {0,3}[-*_](?: *[-*_]){2,} *(?:\\n+|$)` +
      `| *(?:#{1,6}) *(?:[^\\n]+?) *#* *(?:\\n+|$)` +
      `|(?:[^\\n]+)\\n *(?:=|-)+ *(?:\\n+|$)` +
      `| *>[^\\n]` +
      `|${DEF_LINKS_NC}|\\[\\^(?:[^\\]]+)\\]: *[^\\n]*(?:\\n|$)|<${BLOCK_TAG}))+)\\n*`,
  );
}

export const BLOCK = {
  newline: /^\n+/,
  blockCode: /^(?: {4}[^\n]+\n*)+/,
  fences: re(` *(\`{3,}|~{3,}) *(${NS}+)? *\\n([\\s\\S]+?)${S}*\\1 *(?:\\n+|$)`),
  hrule: /^ {0,3}[-*_](?: *[-*_]){2,} *(?:\n+|$)/,
  heading: /^ *(#{1,6}) *([^\n]+?) *#* *(?:\n+|$)/,
  lheading: /^([^\n]+)\n *(=|-)+ *(?:\n+|$)/,
  // notifications-utils: inset text uses `^` instead of `>`.
  blockQuote: /^(?: *\^[^\n]+(?:\n[^\n]+)*\n*)+/,
  // notifications-utils: `•`, `*`, `-` or `1.` bullets, no space required after them.
  listBlock: re(
    `( *)([•*-]|${D}+\\.)[\\s\\S]+?(?:\\n+(?=\\1?(?:[-*_] *){3,}(?:\\n+|$))|\\n+(?=${DEF_LINKS_NC})` +
      `|\\n+(?=${DEF_FOOTNOTES_NC})|\\n{2,}(?! )(?!\\1(?:[•*-]|${D}+\\.) )\\n*|${S}*$)`,
  ),
  defLinks: re(DEF_LINKS),
  defFootnotes: re(DEF_FOOTNOTES),
  paragraph: paragraphRule(true),
  blockHtml: re(
    ` *(?:<!--[\\s\\S]*?-->|<(${BLOCK_TAG})((?:${VALID_ATTR})*?)>([\\s\\S]*?)<\\/\\1>|<${BLOCK_TAG}(?:${VALID_ATTR})*?${S}*\\/?>)` +
      ` *(?:\\n{2,}|${S}*$)`,
  ),
  table: /^ *\|([^\n]+)\n *\|( *[-:]+[-| :]*)\n((?: *\|[^\n]*(?:\n|$))*)\n*/,
  // mistune's `( *\S[^\n]*\|[^\n]*)\n` as a lookahead for the `|`: the same line, read once rather
  // than once for each `|` in it.
  nptable: re(
    `( *${NS}(?=[^\\n]*\\|)[^\\n]*)\\n *([-:]+ *\\|[-| :]*)\\n((?:[^\\n]*\\|[^\\n]*(?:\\n|$))*)\\n*`,
  ),
  text: /^[^\n]+/,
};

/** The paragraph rule where no fenced code block can close (see {@link paragraphRule}). */
export const PARAGRAPH_WITHOUT_FENCES = paragraphRule(false);

/** What every closing fence ends with (mistune's `\\1 *(?:\\n+|$)` for a fence of three or more). */
export const FENCE_CLOSE_RE = /(?:```|~~~) *(?:\n|$)/g;

export const LIST_ITEM_RE = new RegExp(
  `(?<![^\\n])(( *)(?:[•*-]|${D}+\\.)[^\\n]*(?:\\n(?!\\2(?:[•*-]|${D}+\\.))[^\\n]*)*)`,
  'gu',
);
export const LIST_BULLET_RE = new RegExp(`^ *(?:[•*-]|${D}+\\.)`, 'u');
export const LOOSE_RE = new RegExp(`\\n\\n(?!${S}*$)`, 'u');
export const BLOCK_QUOTE_LEADING_RE = /(?<![^\n]) *\^ ?/g;
export const BLOCK_CODE_LEADING_RE = /(?<![^\n]) {4}/g;

const SMART_AMP_RE = new RegExp(`&(?!#?${W}+;)`, 'gu');

/**
 * mistune's `escape(text, quote=False, smart_amp=True)`.
 *
 * Escapes `<`, `>` and any `&` that does not already start an entity, so text Notify escaped
 * before Markdown is not escaped twice.
 */
export function mistuneEscape(text: string): string {
  if (!/[&<>]/.test(text)) return text;
  return text.replace(SMART_AMP_RE, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function mistuneEscapeQuote(text: string): string {
  return mistuneEscape(text).replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** mistune `_keyify`: normalised key for link and footnote definitions. */
export function keyify(key: string): string {
  return mistuneEscapeQuote(key.toLowerCase()).replace(new RegExp(`${S}+`, 'gu'), ' ');
}

export const INLINE = {
  escape: /^\\([\\`*{}[\]()#+\-.!_>~|])/,
  inlineHtml: re(
    `<!--[\\s\\S]*?-->|<(${W}+${VALID_END})((?:${VALID_ATTR})*?)${S}*>([\\s\\S]*?)<\\/\\1>|<${W}+${VALID_END}(?:${VALID_ATTR})*?${S}*\\/?>`,
  ),
  autolink: /^<([^ >]+(@|:)[^ >]+)>/,
  // notifications-utils narrows mistune's bare URL rule.
  url: re(`(https?:\\/\\/[^${PY_S}<]+[^<.,:"')\\]${PY_S}])`),
  footnote: /^\[\^([^\]]+)\]/,
  // mistune's `(<)?…(?(2)>)` conditional, written as two alternatives in the same order.
  link: re(
    `!?\\[((?:\\[[^^\\]]*\\]|[^[\\]]|\\](?=[^[]*\\]))*)\\]\\(${S}*(?:<([\\s\\S]*?)>|([\\s\\S]*?))` +
      `(?:${S}+['"]([\\s\\S]*?)['"])?${S}*\\)`,
  ),
  reflink: re(`!?\\[((?:\\[[^^\\]]*\\]|[^[\\]]|\\](?=[^[]*\\]))*)\\]${S}*\\[([^^\\]]*)\\]`),
  nolink: /^!?\[((?:\[[^\]]*\]|[^[\]])*)\]/,
  // hard_wrap=True's ` *\n(?!\s*$)`: the lexer checks the lookahead (Lookahead.onlySpaceAfter).
  linebreak: /^ *\n/,
  text: /^[\s\S]+?(?=[\\<![_*`~]|https?:\/\/| *\n|$)/,
};
