/**
 * mistune 0.8's inline lexer with notifications-utils' rules (no emphasis, code or strikethrough; a
 * narrower bare-URL rule): a paragraph's text to output through a renderer. See markdown.ts.
 */

import { rstripNewlines, type LinkDefinition } from './markdown-block';
import { INLINE, keyify } from './markdown-grammar';
import { Lookahead, type InlineMatch } from './markdown-lookahead';

export type InlineRule =
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

export class InlineLexer {
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
    const ahead = new Lookahead(text);
    let offset = 0;
    let output = '';
    outer: while (text) {
      for (const rule of INLINE_RULES) {
        if (rule === 'footnote' && this.inFootnote) continue;
        if (!ahead.mayMatch(rule, offset)) continue;
        const m = rule === 'text' ? ahead.text(text, offset) : INLINE[rule].exec(text);
        if (!m) continue;
        if (rule === 'linebreak' && ahead.onlySpaceAfter(offset + m[0].length)) continue;
        const out = this.handle(rule, m);
        if (out === null) continue;
        output += out;
        offset += m[0].length;
        text = text.slice(m[0].length);
        continue outer;
      }
      throw new Error(`Infinite loop at: ${text.slice(0, 40)}`);
    }
    return output;
  }

  private handle(rule: InlineRule, m: InlineMatch | RegExpExecArray): string | null {
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
