/**
 * mistune 0.8's `Markdown.output`: block tokens to text through a renderer, inline text through the
 * inline lexer, footnotes at the end. See markdown.ts.
 */

import { BlockLexer, preprocess, type Token } from './markdown-block';
import { InlineLexer, type MarkdownRenderer } from './markdown-inline';

/**
 * Render Markdown the way `mistune.Markdown(renderer=..., hard_wrap=True)` 0.8 does.
 *
 * The caller supplies one of the Notify renderers (markdown-renderers.ts).
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
