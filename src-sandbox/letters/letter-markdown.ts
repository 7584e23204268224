/**
 * Notify's letter markdown, parsed into blocks that the PDF renderer lays out.
 *
 * Follows UTILS `markdown.py` (`NotifyLetterMarkdownPreviewRenderer` on mistune 0.8.4 with Notify's grammar
 * overrides), line by line rather than by regex over the whole text:
 * - `# heading` renders as a heading (Notify turns level 1 into `<h2>`); `##` and deeper render as paragraphs.
 * - A line underlined with `===` is a heading; underlined with `---` it is a paragraph (setext level 2), and
 *   the `---` is consumed rather than becoming a page break.
 * - `---`, `***`, `___` (and spaced variants) on their own line are page breaks.
 * - Lists use `•`, `*`, `-` or `1.` markers; no space is needed after the marker. Numbered lists always count
 *   from 1, as an HTML `<ol>` does.
 * - `^` starts an inset block, which letters render as plain content.
 * - A paragraph that is exactly `qr: <data>` becomes a QR code.
 * - URLs print bold without their protocol; `[text](url)` prints as `text: url`; images print nothing.
 * - Single newlines are line breaks (mistune `hard_wrap`).
 */

/** A piece of text in one weight. */
export interface TextRun {
  text: string;
  bold: boolean;
}

/** One line as written (between hard line breaks); the renderer word-wraps it. */
export type HardLine = TextRun[];

/** A block of letter content. */
export type LetterBlock =
  | { type: 'paragraph'; lines: HardLine[] }
  | { type: 'heading'; lines: HardLine[] }
  | { type: 'list'; ordered: boolean; items: LetterBlock[][] }
  | { type: 'qr'; data: string }
  | { type: 'page-break' };

const HRULE = /^ {0,3}[-*_](?: *[-*_]){2,} *$/;
const HEADING = /^ *(#{1,6}) *(.+?) *#* *$/;
const SETEXT_UNDERLINE = /^ *(=|-)+ *$/;
const BLOCK_QUOTE = /^ *\^./;
const LIST_START = /^( *)([•*-]|\d+\.)/;
/** mistune 0.8.4's own list pattern, which is what interrupts a paragraph (Notify's override doesn't reach it). */
const LIST_INTERRUPTS_PARAGRAPH = /^ *(?:[*+-]|\d+\.) ./;
const QR_PARAGRAPH = /^qr\s*:\s*(.+)$/i;

const ESCAPE = /^\\([\\`*{}[\]()#+\-.!_>~|])/;
const URL = /^(https?:\/\/[^\s<]+[^<.,:"')\]\s])/;
const LINK =
  /^(!?)\[((?:\[[^\]]*\]|[^[\]]|\](?=[^[]*\]))*)\]\(\s*<?([^\s)]*?)>?(?:\s+['"][\s\S]*?['"])?\s*\)/;
const TEXT = /^[\s\S]+?(?=[\\<![_*`~\n]|https?:\/\/|$)/;

/** Parses a letter body (placeholders already filled) into blocks. */
export function parseLetterMarkdown(source: string): LetterBlock[] {
  const text = source
    .replace(/\r\n|\r/g, '\n')
    .replace(/\u2424/g, '\n')
    .replace(/\t/g, '    ');
  const lines = text.split('\n').map((line) => (/^\s*$/.test(line) ? '' : line));
  return parseBlocks(lines, false);
}

function parseBlocks(lines: string[], inListItem: boolean): LetterBlock[] {
  const blocks: LetterBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (line === '') {
      i++;
      continue;
    }
    if (HRULE.test(line)) {
      blocks.push({ type: 'page-break' });
      i++;
      continue;
    }
    const heading = inListItem ? null : HEADING.exec(line);
    if (heading) {
      const content = heading[2] ?? '';
      blocks.push(
        heading[1] === '#' ? { type: 'heading', lines: parseInline(content) } : paragraphOrQr(content),
      );
      i++;
      continue;
    }
    const next = lines[i + 1];
    if (next !== undefined && SETEXT_UNDERLINE.test(next)) {
      blocks.push(
        next.trim().startsWith('=') ? { type: 'heading', lines: parseInline(line) } : paragraphOrQr(line),
      );
      i += 2;
      continue;
    }
    if (BLOCK_QUOTE.test(line)) {
      const end = blockQuoteEnd(lines, i);
      const inner = lines.slice(i, end).map((l) => l.replace(/^ *\^ ?/, ''));
      blocks.push(...parseBlocks(inner, inListItem));
      i = end;
      continue;
    }
    if (LIST_START.test(line)) {
      const end = listEnd(lines, i);
      blocks.push(parseList(lines.slice(i, end)));
      i = end;
      continue;
    }
    const end = inListItem ? textEnd(lines, i) : paragraphEnd(lines, i);
    blocks.push(paragraphOrQr(lines.slice(i, end).join('\n')));
    i = end;
  }
  return blocks;
}

function paragraphOrQr(raw: string): LetterBlock {
  const trimmed = raw.trim();
  const qr = trimmed.includes('\n') ? null : QR_PARAGRAPH.exec(trimmed);
  if (qr?.[1]) return { type: 'qr', data: qr[1].trim() };
  return { type: 'paragraph', lines: parseInline(raw) };
}

function paragraphEnd(lines: string[], start: number): number {
  let j = start + 1;
  while (j < lines.length) {
    const line = lines[j] ?? '';
    if (line === '') break;
    if (
      HRULE.test(line) ||
      HEADING.test(line) ||
      BLOCK_QUOTE.test(line) ||
      LIST_INTERRUPTS_PARAGRAPH.test(line) ||
      SETEXT_UNDERLINE.test(lines[j + 1] ?? 'x')
    ) {
      break;
    }
    j++;
  }
  return j;
}

/** Inside a list item, text runs until a blank line or a nested list. */
function textEnd(lines: string[], start: number): number {
  let j = start + 1;
  while (j < lines.length) {
    const line = lines[j] ?? '';
    if (line === '' || HRULE.test(line) || LIST_START.test(line) || BLOCK_QUOTE.test(line)) break;
    if (SETEXT_UNDERLINE.test(lines[j + 1] ?? 'x')) break;
    j++;
  }
  return j;
}

function blockQuoteEnd(lines: string[], start: number): number {
  let j = start;
  for (;;) {
    j++;
    while (j < lines.length && lines[j] !== '') j++;
    let k = j;
    while (k < lines.length && lines[k] === '') k++;
    if (k < lines.length && BLOCK_QUOTE.test(lines[k] ?? '')) {
      j = k;
      continue;
    }
    return j;
  }
}

function listEnd(lines: string[], start: number): number {
  const indent = LIST_START.exec(lines[start] ?? '')?.[1] ?? '';
  const sameLevelItem = new RegExp(`^${indent}(?:[•*-]|\\d+\\.) `);
  const hrule = new RegExp(`^(?:${indent})?(?:[-*_] *){3,}$`);
  let j = start + 1;
  while (j < lines.length) {
    const line = lines[j] ?? '';
    if (line !== '') {
      if (hrule.test(line)) return j;
      j++;
      continue;
    }
    let k = j;
    while (k < lines.length && lines[k] === '') k++;
    if (k >= lines.length) return j;
    const after = lines[k] ?? '';
    if (hrule.test(after)) return j;
    // Two or more blank lines always end the list; one ends it unless an item or indented text follows.
    if (k - j >= 2 || !(after.startsWith(' ') || sameLevelItem.test(after))) return j;
    j = k;
  }
  return j;
}

function parseList(lines: string[]): LetterBlock {
  const first = LIST_START.exec(lines[0] ?? '');
  const ordered = (first?.[2] ?? '').endsWith('.');
  const rawItems: string[][] = [];
  let itemIndent = '';
  for (const line of lines) {
    const m = LIST_START.exec(line);
    const startsItem = rawItems.length === 0 || (m !== null && m[1] === itemIndent);
    if (startsItem && m) {
      itemIndent = m[1] ?? '';
      rawItems.push([line]);
    } else {
      rawItems[rawItems.length - 1]?.push(line);
    }
  }
  const items = rawItems.map((itemLines) => {
    const raw = itemLines.join('\n');
    let item = raw.replace(/^ *(?:[•*-]|\d+\.)/, '');
    if (item.includes('\n ')) {
      const space = raw.length - item.length;
      item = item.replace(new RegExp(`^ {1,${space}}`, 'gm'), '');
    }
    return parseBlocks(item.replace(/^ +/, '').split('\n'), true);
  });
  return { type: 'list', ordered, items };
}

/** Parses inline markdown into hard lines of runs. Whitespace is collapsed as HTML would. */
export function parseInline(source: string): HardLine[] {
  const lines: HardLine[] = [[]];
  const push = (text: string, bold: boolean): void => {
    const line = lines[lines.length - 1];
    if (!line || text === '') return;
    const last = line[line.length - 1];
    if (last && last.bold === bold) last.text += text;
    else line.push({ text, bold });
  };
  const trimmed = source.replace(/^\n+|\s+$/g, '');
  let i = 0;
  while (i < trimmed.length) {
    const rest = trimmed.slice(i);
    let m: RegExpExecArray | null;
    if ((m = ESCAPE.exec(rest))) {
      push(m[1] ?? '', false);
    } else if ((m = URL.exec(rest))) {
      push(withoutProtocol(m[1] ?? ''), true);
    } else if ((m = LINK.exec(rest))) {
      if (m[1] !== '!') {
        for (const run of parseInline(m[2] ?? '').flat()) push(run.text, run.bold);
        push(': ', false);
        push(withoutProtocol(m[3] ?? ''), true);
      }
    } else if (rest.startsWith('\n')) {
      lines.push([]);
      m = /^\n/.exec(rest);
    } else {
      m = TEXT.exec(rest) ?? /^[\s\S]/.exec(rest);
      push(m?.[0] ?? '', false);
    }
    i += m?.[0].length || 1;
  }
  return lines.map((line) => collapseWhitespace(line));
}

function withoutProtocol(url: string): string {
  return url.replace('http://', '').replace('https://', '');
}

function collapseWhitespace(line: HardLine): HardLine {
  const out: HardLine = [];
  for (const run of line) {
    const text = run.text.replace(/[ \t\n\r\f\v]+/g, ' ');
    if (text !== '') out.push({ text, bold: run.bold });
  }
  const first = out[0];
  if (first) first.text = first.text.replace(/^ +/, '');
  const last = out[out.length - 1];
  if (last) last.text = last.text.replace(/ +$/, '');
  return out.filter((run) => run.text !== '');
}
