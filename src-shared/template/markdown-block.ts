/**
 * mistune 0.8's block lexer with notifications-utils' rules: Markdown text to block tokens, with the
 * link and footnote definitions it finds. See markdown.ts.
 */

import {
  BLOCK,
  BLOCK_CODE_LEADING_RE,
  BLOCK_QUOTE_LEADING_RE,
  FENCE_CLOSE_RE,
  keyify,
  LIST_BULLET_RE,
  LIST_ITEM_RE,
  LOOSE_RE,
  PARAGRAPH_WITHOUT_FENCES,
  S,
} from './markdown-grammar';

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

export type Token =
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

export interface LinkDefinition {
  link: string;
  title: string | null;
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
export function preprocess(text: string): string {
  let out = text.replace(/\r\n|\r/g, '\n');
  out = expandTabs(out);
  out = out.replaceAll('\u2424', '\n');
  return out.replace(/(?<![^\n]) +(?![^\n])/g, '');
}

export function rstripNewlines(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 10) end--;
  return end === text.length ? text : text.slice(0, end);
}

/**
 * Lists, inset text and footnotes nested deeper than this are refused. Notify's mistune recurses once
 * per level and fails at Python's recursion limit a few hundred levels down (a 500); each level reads
 * the rest of the text again, so without a limit a text of one-character bullets took time growing
 * with the square of its length, then overflowed the stack.
 */
const MAX_NESTING = 50;

/** Markdown nested deeper than {@link MAX_NESTING}. */
class MarkdownNestingError extends Error {
  constructor() {
    super(`Markdown nested more than ${MAX_NESTING} levels deep`);
    this.name = 'MarkdownNestingError';
  }
}

export class BlockLexer {
  tokens: Token[] = [];
  private depth = 0;
  defLinks = new Map<string, LinkDefinition>();
  defFootnotes = new Map<string, number>();

  parse(input: string, rules: readonly BlockRule[] = DEFAULT_RULES): Token[] {
    if (this.depth >= MAX_NESTING) throw new MarkdownNestingError();
    this.depth++;
    try {
      this.lex(rstripNewlines(input), rules);
    } finally {
      this.depth--;
    }
    return this.tokens;
  }

  private lex(input: string, rules: readonly BlockRule[]): void {
    // Where the last closing fence is: a fenced block, or the paragraph rule's check for one at each
    // line, would otherwise read to the end of the text at each line when none closes.
    let lastFenceClose = -1;
    for (const close of input.matchAll(FENCE_CLOSE_RE)) lastFenceClose = close.index;
    let text = input;
    let offset = 0;
    outer: while (text) {
      const fenceMayClose = lastFenceClose > offset;
      for (const rule of rules) {
        if (rule === 'fences' && !fenceMayClose) continue;
        const pattern = rule === 'paragraph' && !fenceMayClose ? PARAGRAPH_WITHOUT_FENCES : BLOCK[rule];
        const m = pattern.exec(text);
        if (!m) continue;
        this.handle(rule, m);
        offset += m[0].length;
        text = text.slice(m[0].length);
        continue outer;
      }
      // mistune raises here; the `text` rule makes it unreachable for non-empty input.
      throw new Error(`Infinite loop at: ${text.slice(0, 40)}`);
    }
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
