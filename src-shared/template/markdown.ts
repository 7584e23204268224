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

import { PY_S, PY_W, pyStrip } from './python';

// ---------------------------------------------------------------------------------------------
// Shared pieces of grammar
// ---------------------------------------------------------------------------------------------

const S = `[${PY_S}]`;
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

const BLOCK = {
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
  // Built by mistune from the *original* grammar (`>` quotes, `* + -` bullets needing a space)
  // before notifications-utils patched it. Inside this negative lookahead only *whether* each
  // alternative matches counts, so three are reduced to equivalent prefixes (avoiding a scan to
  // the end of the text per line): the list one always finds its `\s*$` ending once a character
  // follows `marker `; the quote and footnote ones can repeat zero times. The list alternative's
  // `\1` had been renumbered to `\3`, a group that never participates, so it drops out. Its marker
  // is mistune's `(?=[*+-]|\d+\.)([*+-])?(?:\d+\.)?` then a space, so `-1. ` and `*2. ` also end a
  // paragraph (and then start a `-` or `*` bullet list).
  paragraph: re(
    `((?:[^\\n]+\\n?(?!` +
      ` *(\`{3,}|~{3,}) *(?:${NS}+)? *\\n(?:[\\s\\S]+?)${S}*\\2 *(?:\\n+|$)` +
      `| *(?=[*+-]|${D}+\\.)[*+-]?(?:${D}+\\.)? [\\s\\S]` +
      `| {0,3}[-*_](?: *[-*_]){2,} *(?:\\n+|$)` +
      `| *(?:#{1,6}) *(?:[^\\n]+?) *#* *(?:\\n+|$)` +
      `|(?:[^\\n]+)\\n *(?:=|-)+ *(?:\\n+|$)` +
      `| *>[^\\n]` +
      `|${DEF_LINKS_NC}|\\[\\^(?:[^\\]]+)\\]: *[^\\n]*(?:\\n|$)|<${BLOCK_TAG}))+)\\n*`,
  ),
  blockHtml: re(
    ` *(?:<!--[\\s\\S]*?-->|<(${BLOCK_TAG})((?:${VALID_ATTR})*?)>([\\s\\S]*?)<\\/\\1>|<${BLOCK_TAG}(?:${VALID_ATTR})*?${S}*\\/?>)` +
      ` *(?:\\n{2,}|${S}*$)`,
  ),
  table: /^ *\|([^\n]+)\n *\|( *[-:]+[-| :]*)\n((?: *\|[^\n]*(?:\n|$))*)\n*/,
  nptable: re(`( *${NS}[^\\n]*\\|[^\\n]*)\\n *([-:]+ *\\|[-| :]*)\\n((?:[^\\n]*\\|[^\\n]*(?:\\n|$))*)\\n*`),
  text: /^[^\n]+/,
};

const LIST_ITEM_RE = new RegExp(
  `(?<![^\\n])(( *)(?:[•*-]|${D}+\\.)[^\\n]*(?:\\n(?!\\2(?:[•*-]|${D}+\\.))[^\\n]*)*)`,
  'gu',
);
const LIST_BULLET_RE = new RegExp(`^ *(?:[•*-]|${D}+\\.)`, 'u');
const LOOSE_RE = new RegExp(`\\n\\n(?!${S}*$)`, 'u');
const BLOCK_QUOTE_LEADING_RE = /(?<![^\n]) *\^ ?/g;
const BLOCK_CODE_LEADING_RE = /(?<![^\n]) {4}/g;

type BlockRule =
  | 'newline'
  | 'hrule'
  | 'blockCode'
  | 'fences'
  | 'heading'
  | 'nptable'
  | 'lheading'
  | 'blockQuote'
  | 'listBlock'
  | 'blockHtml'
  | 'defLinks'
  | 'defFootnotes'
  | 'table'
  | 'paragraph'
  | 'text';

const DEFAULT_RULES: readonly BlockRule[] = [
  'newline',
  'hrule',
  'blockCode',
  'fences',
  'heading',
  'nptable',
  'lheading',
  'blockQuote',
  'listBlock',
  'blockHtml',
  'defLinks',
  'defFootnotes',
  'table',
  'paragraph',
  'text',
];
const LIST_RULES: readonly BlockRule[] = [
  'newline',
  'blockCode',
  'fences',
  'lheading',
  'hrule',
  'blockQuote',
  'listBlock',
  'blockHtml',
  'text',
];
const FOOTNOTE_RULES: readonly BlockRule[] = [
  'newline',
  'blockCode',
  'fences',
  'heading',
  'nptable',
  'lheading',
  'hrule',
  'blockQuote',
  'listBlock',
  'blockHtml',
  'table',
  'paragraph',
  'text',
];

type Token =
  | {
      type:
        'newline' | 'hrule' | 'table' | 'list_end' | 'list_item_end' | 'loose_item_start' | 'list_item_start';
    }
  | { type: 'block_quote_start' | 'block_quote_end' }
  | { type: 'code'; text: string }
  | { type: 'heading'; level: number; text: string }
  | { type: 'list_start'; ordered: boolean }
  | { type: 'footnote_start' | 'footnote_end'; key: string }
  | { type: 'close_html'; text: string }
  | { type: 'open_html'; tag: string; extra: string; text: string }
  | { type: 'paragraph' | 'text'; text: string };

interface LinkDefinition {
  link: string;
  title: string | null;
}

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
function keyify(key: string): string {
  return mistuneEscapeQuote(key.toLowerCase()).replace(new RegExp(`${S}+`, 'gu'), ' ');
}

/** Python `str.expandtabs(4)`. */
function expandTabs(text: string, tab = 4): string {
  if (!text.includes('\t')) return text;
  let out = '';
  let column = 0;
  for (const ch of text) {
    if (ch === '\t') {
      const spaces = tab - (column % tab);
      out += ' '.repeat(spaces);
      column += spaces;
    } else if (ch === '\n' || ch === '\r') {
      out += ch;
      column = 0;
    } else {
      out += ch;
      column++;
    }
  }
  return out;
}

/** mistune `preprocessing`: newlines, tabs, `\u2424` and whitespace-only lines. */
function preprocess(text: string): string {
  let out = text.replace(/\r\n|\r/g, '\n');
  out = expandTabs(out);
  out = out.replaceAll('\u2424', '\n');
  return out.replace(/(?<![^\n]) +(?![^\n])/g, '');
}

function rstripNewlines(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 10) end--;
  return end === text.length ? text : text.slice(0, end);
}

class BlockLexer {
  tokens: Token[] = [];
  defLinks = new Map<string, LinkDefinition>();
  defFootnotes = new Map<string, number>();

  parse(input: string, rules: readonly BlockRule[] = DEFAULT_RULES): Token[] {
    let text = rstripNewlines(input);
    outer: while (text) {
      for (const rule of rules) {
        const m = BLOCK[rule].exec(text);
        if (!m) continue;
        this.handle(rule, m);
        text = text.slice(m[0].length);
        continue outer;
      }
      // mistune raises here; the `text` rule makes it unreachable for non-empty input.
      throw new Error(`Infinite loop at: ${text.slice(0, 40)}`);
    }
    return this.tokens;
  }

  private handle(rule: BlockRule, m: RegExpExecArray): void {
    const g = (i: number): string | undefined => m[i];
    switch (rule) {
      case 'newline':
        if (m[0].length > 1) this.tokens.push({ type: 'newline' });
        return;
      case 'blockCode':
        this.tokens.push({ type: 'code', text: m[0].replace(BLOCK_CODE_LEADING_RE, '') });
        return;
      case 'fences':
        this.tokens.push({ type: 'code', text: g(3) ?? '' });
        return;
      case 'heading':
        this.tokens.push({ type: 'heading', level: (g(1) ?? '#').length, text: g(2) ?? '' });
        return;
      case 'lheading':
        this.tokens.push({ type: 'heading', level: g(2) === '=' ? 1 : 2, text: g(1) ?? '' });
        return;
      case 'hrule':
        this.tokens.push({ type: 'hrule' });
        return;
      case 'listBlock':
        this.tokens.push({ type: 'list_start', ordered: (g(2) ?? '').includes('.') });
        this.processListItems(m[0]);
        this.tokens.push({ type: 'list_end' });
        return;
      case 'blockQuote':
        this.tokens.push({ type: 'block_quote_start' });
        this.parse(m[0].replace(BLOCK_QUOTE_LEADING_RE, ''));
        this.tokens.push({ type: 'block_quote_end' });
        return;
      case 'defLinks':
        this.defLinks.set(keyify(g(1) ?? ''), { link: g(2) ?? '', title: g(3) ?? null });
        return;
      case 'defFootnotes':
        this.parseDefFootnotes(g(1) ?? '', g(2) ?? '');
        return;
      case 'table':
      case 'nptable':
        this.tokens.push({ type: 'table' });
        return;
      case 'blockHtml': {
        const tag = g(1);
        if (!tag) this.tokens.push({ type: 'close_html', text: m[0] });
        else this.tokens.push({ type: 'open_html', tag, extra: g(2) ?? '', text: g(3) ?? '' });
        return;
      }
      case 'paragraph':
        this.tokens.push({ type: 'paragraph', text: rstripNewlines(g(1) ?? '') });
        return;
      case 'text':
        this.tokens.push({ type: 'text', text: m[0] });
        return;
    }
  }

  private processListItems(block: string): void {
    const items = Array.from(block.matchAll(LIST_ITEM_RE), (match) => match[1] as string);
    let next = false;
    const length = items.length;
    for (let i = 0; i < length; i++) {
      let item = items[i] as string;
      let space = item.length;
      item = item.replace(LIST_BULLET_RE, '');
      if (item.includes('\n ')) {
        space -= item.length;
        item = item.replace(new RegExp(`(?<![^\\n]) {1,${space}}`, 'g'), '');
      }
      let loose = next;
      if (!loose && LOOSE_RE.test(item)) loose = true;
      const rest = item.length;
      if (i !== length - 1 && rest) {
        next = item[rest - 1] === '\n';
        if (!loose) loose = next;
      }
      this.tokens.push({ type: loose ? 'loose_item_start' : 'list_item_start' });
      this.parse(item, LIST_RULES);
      this.tokens.push({ type: 'list_item_end' });
    }
  }

  private parseDefFootnotes(rawKey: string, body: string): void {
    const key = keyify(rawKey);
    if (this.defFootnotes.has(key)) return;
    this.defFootnotes.set(key, 0);
    this.tokens.push({ type: 'footnote_start', key });
    let text = body;
    if (text.includes('\n')) {
      const lines = text.split('\n');
      let whitespace: number | null = null;
      for (const line of lines.slice(1)) {
        const space = line.length - line.replace(new RegExp(`^${S}+`, 'u'), '').length;
        if (space && (!whitespace || space < whitespace)) whitespace = space;
      }
      text = [lines[0] ?? '', ...lines.slice(1).map((line) => line.slice(whitespace ?? 0))].join('\n');
    }
    this.parse(text, FOOTNOTE_RULES);
    this.tokens.push({ type: 'footnote_end', key });
  }
}

// ---------------------------------------------------------------------------------------------
// Inline lexer
// ---------------------------------------------------------------------------------------------

const INLINE = {
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
  // hard_wrap=True versions.
  linebreak: re(` *\\n(?!${S}*$)`),
  text: /^[\s\S]+?(?=[\\<![_*`~]|https?:\/\/| *\n|$)/,
};

type InlineRule =
  | 'escape'
  | 'inlineHtml'
  | 'autolink'
  | 'url'
  | 'footnote'
  | 'link'
  | 'reflink'
  | 'nolink'
  | 'linebreak'
  | 'text';

/** mistune's default inline rules minus emphasis, double emphasis, strikethrough and code. */
const INLINE_RULES: readonly InlineRule[] = [
  'escape',
  'inlineHtml',
  'autolink',
  'url',
  'footnote',
  'link',
  'reflink',
  'nolink',
  'linebreak',
  'text',
];

/** The renderer hooks Notify overrides on `mistune.Renderer`. */
export interface MarkdownRenderer {
  blockCode(code: string): string;
  blockQuote(text: string): string;
  blockHtml(html: string): string;
  header(text: string, level: number): string;
  hrule(): string;
  list(body: string, ordered: boolean): string;
  listItem(text: string): string;
  paragraph(text: string): string;
  table(): string;
  linebreak(): string;
  newline(): string;
  text(text: string): string;
  escape(text: string): string;
  autolink(link: string, isEmail: boolean): string;
  link(link: string, title: string | null, content: string): string;
  image(): string;
  inlineHtml(html: string): string;
  footnoteRef(): string;
  footnoteItem(text: string): string;
  footnotes(text: string): string;
}

class InlineLexer {
  private inLink = false;
  private inFootnote = false;
  private footnoteIndex = 0;

  constructor(
    private readonly renderer: MarkdownRenderer,
    private readonly links: Map<string, LinkDefinition>,
    private readonly footnotes: Map<string, number>,
  ) {}

  setInFootnote(value: boolean): void {
    this.inFootnote = value;
  }

  output(input: string): string {
    let text = rstripNewlines(input);
    let output = '';
    outer: while (text) {
      for (const rule of INLINE_RULES) {
        if (rule === 'footnote' && this.inFootnote) continue;
        const m = INLINE[rule].exec(text);
        if (!m) continue;
        const out = this.handle(rule, m);
        if (out === null) continue;
        output += out;
        text = text.slice(m[0].length);
        continue outer;
      }
      throw new Error(`Infinite loop at: ${text.slice(0, 40)}`);
    }
    return output;
  }

  private handle(rule: InlineRule, m: RegExpExecArray): string | null {
    const r = this.renderer;
    switch (rule) {
      case 'escape':
        return r.escape(m[1] ?? '');
      case 'inlineHtml':
        // parse_inline_html is off, so the HTML is passed through whole.
        return r.inlineHtml(m[0]);
      case 'autolink':
        return r.autolink(m[1] ?? '', m[2] === '@');
      case 'url': {
        const link = m[1] ?? '';
        return this.inLink ? r.text(link) : r.autolink(link, false);
      }
      case 'footnote': {
        const key = keyify(m[1] ?? '');
        const current = this.footnotes.get(key);
        if (current === undefined || current) return null;
        this.footnoteIndex += 1;
        this.footnotes.set(key, this.footnoteIndex);
        return r.footnoteRef();
      }
      case 'link':
        return this.processLink(m[0], m[1] ?? '', m[2] ?? m[3] ?? '', m[4] ?? null);
      case 'reflink':
      case 'nolink': {
        const key = keyify((rule === 'reflink' ? m[2] || m[1] : m[1]) ?? '');
        const def = this.links.get(key);
        if (!def) return null;
        return this.processLink(m[0], m[1] ?? '', def.link, def.title);
      }
      case 'linebreak':
        return r.linebreak();
      case 'text':
        return r.text(m[0]);
    }
  }

  private processLink(line: string, text: string, link: string, title: string | null): string {
    if (line[0] === '!') return this.renderer.image();
    this.inLink = true;
    const content = this.output(text);
    this.inLink = false;
    return this.renderer.link(link, title, content);
  }
}

/**
 * Render Markdown the way `mistune.Markdown(renderer=..., hard_wrap=True)` 0.8 does.
 *
 * The caller supplies one of the Notify renderers below.
 */
export function renderMarkdown(source: string, renderer: MarkdownRenderer): string {
  const block = new BlockLexer();
  const tokens = block.parse(preprocess(source));
  const inline = new InlineLexer(renderer, block.defLinks, block.defFootnotes);
  const footnoteBodies: Array<{ key: string; text: string }> = [];
  let pos = 0;

  const next = (): Token | undefined => tokens[pos++];
  const peekType = (): string | undefined => tokens[pos]?.type;

  const tokText = (first: string): string => {
    let text = first;
    while (peekType() === 'text') text += `\n${(next() as { text: string }).text}`;
    return inline.output(text);
  };

  const tok = (token: Token): string => {
    switch (token.type) {
      case 'newline':
        return renderer.newline();
      case 'hrule':
        return renderer.hrule();
      case 'heading':
        return renderer.header(inline.output(token.text), token.level);
      case 'code':
        return renderer.blockCode(token.text);
      case 'table':
        return renderer.table();
      case 'block_quote_start': {
        let body = '';
        for (let t = next(); t && t.type !== 'block_quote_end'; t = next()) body += tok(t);
        return renderer.blockQuote(body);
      }
      case 'list_start': {
        let body = '';
        for (let t = next(); t && t.type !== 'list_end'; t = next()) body += tok(t);
        return renderer.list(body, token.ordered);
      }
      case 'list_item_start': {
        let body = '';
        for (let t = next(); t && t.type !== 'list_item_end'; t = next()) {
          body += t.type === 'text' ? tokText(t.text) : tok(t);
        }
        return renderer.listItem(body);
      }
      case 'loose_item_start': {
        let body = '';
        for (let t = next(); t && t.type !== 'list_item_end'; t = next()) body += tok(t);
        return renderer.listItem(body);
      }
      case 'footnote_start': {
        inline.setInFootnote(true);
        let body = '';
        for (let t = next(); t && t.type !== 'footnote_end'; t = next()) body += tok(t);
        footnoteBodies.push({ key: token.key, text: body });
        inline.setInFootnote(false);
        return '';
      }
      case 'close_html':
        return renderer.blockHtml(token.text);
      case 'open_html':
        return renderer.blockHtml(`<${token.tag}${token.extra}>${token.text}</${token.tag}>`);
      case 'paragraph':
        return renderer.paragraph(inline.output(token.text));
      case 'text':
        return renderer.paragraph(tokText(token.text));
      default:
        return '';
    }
  };

  let out = '';
  for (let t = next(); t; t = next()) out += tok(t);

  const referenced = footnoteBodies
    .filter((note) => block.defFootnotes.get(note.key))
    .sort((a, b) => (block.defFootnotes.get(a.key) ?? 0) - (block.defFootnotes.get(b.key) ?? 0));
  if (referenced.length === 0) return out;
  let body = '';
  for (const note of referenced) body += renderer.footnoteItem(note.text);
  return out + renderer.footnotes(body);
}

// ---------------------------------------------------------------------------------------------
// URL quoting (urllib.parse.quote)
// ---------------------------------------------------------------------------------------------

const ALWAYS_SAFE = new Set('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~');

/** UTF-8 bytes of a string (lone surrogates as U+FFFD), without relying on `TextEncoder`. */
function utf8Bytes(value: string): number[] {
  const bytes: number[] = [];
  for (const ch of value) {
    let cp = ch.codePointAt(0) ?? 0xfffd;
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else
      bytes.push(
        0xf0 | (cp >> 18),
        0x80 | ((cp >> 12) & 0x3f),
        0x80 | ((cp >> 6) & 0x3f),
        0x80 | (cp & 0x3f),
      );
  }
  return bytes;
}

/**
 * Python `urllib.parse.quote(value, safe=...)`: percent-encode UTF-8 bytes outside the safe set.
 *
 * Used for every `href` Notify writes, which is what stops a `"` in a URL breaking out of the
 * attribute.
 */
export function pyQuote(value: string, safe: string): string {
  const safeSet = new Set(safe);
  let out = '';
  for (const byte of utf8Bytes(value)) {
    const ch = String.fromCharCode(byte);
    if (byte < 0x80 && (ALWAYS_SAFE.has(ch) || safeSet.has(ch))) out += ch;
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

const RECOGNISED_URL_PROTOCOLS = ['ftp:', 'file:', 'http:', 'https:', 'mailto:', 'tel:'];

/** The inline style Notify puts on every link. */
export const LINK_STYLE = 'word-wrap: break-word; color: #1D70B8;';

/**
 * notifications-utils `create_sanitised_html_for_url`.
 *
 * Adds `http://` to links without a recognised protocol and percent-encodes the href. Titles are
 * additionally attribute-escaped here (Notify writes them raw), so a `"` cannot inject attributes.
 */
export function createSanitisedHtmlForUrl(
  link: string,
  options: { style?: string; title?: string | null; linkText?: string } = {},
): string {
  const linkText = options.linkText || link;
  const lower = link.toLowerCase();
  const href = RECOGNISED_URL_PROTOCOLS.some((p) => lower.startsWith(p)) ? link : `http://${link}`;
  const style = options.style ? `style="${options.style}" ` : '';
  const safeLink = pyQuote(href, ':/?#=&;%');
  if (options.title) {
    const title = options.title.replace(/"/g, '&quot;');
    return `<a ${style}href="${safeLink}" title="${title}">${linkText}</a>`;
  }
  return `<a ${style}href="${safeLink}">${linkText}</a>`;
}

// ---------------------------------------------------------------------------------------------
// Renderers
// ---------------------------------------------------------------------------------------------

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
