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
 *
 * `letterBlocks` yields the blocks one at a time, so a renderer that stops at Notify's page limit never
 * parses the rest of a huge letter; every step is linear in the text it reads.
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

/** Sticky: tried at one position of the whole text, never on a copy of the rest of it. */
const URL = /(https?:\/\/[^\s<]+[^<.,:"')\]\s])/y;
const LINK =
  /^(!?)\[((?:\[[^\]]*\]|[^[\]]|\](?=[^[]*\]))*)\]\(\s*<?([^\s)]*?)>?(?:\s+['"][\s\S]*?['"])?\s*\)/;
/**
 * Where plain text stops: where an escape, a link, a line break or a URL may start. (Mistune also
 * stops at `<`, `_`, `*`, `` ` `` and `~`, but Notify's letters print those as text, so the runs are
 * the same.)
 */
const TEXT_STOP = /\\[\\`*{}[\]()#+\-.!_>~|]|!?\[|\n|https?:\/\//g;
const BLANK = /^\s*$/;

/** Parses a letter body (placeholders already filled) into blocks. */
export function parseLetterMarkdown(source: string): LetterBlock[] {
  return [...letterBlocks(source)];
}

/** The blocks of a letter body, parsed as they are taken. */
export function letterBlocks(source: string): Generator<LetterBlock> {
  // (Each replacement copies the whole text: only done when there is something to replace.)
  let text = source;
  if (text.includes('\r')) text = text.replace(/\r\n|\r/g, '\n');
  if (text.includes('\u2424')) text = text.replace(/\u2424/g, '\n');
  if (text.includes('\t')) text = text.replace(/\t/g, '    ');
  return parseBlocks(new LazyLines(text), false);
}

/** The lines of a text, or of part of one: an array, or {@link LazyLines}. */
type Lines = Pick<string[], 'at' | 'slice'>;

/**
 * A text's lines, split as they are read: layout stops at Notify's page limit, so splitting a 12 MB
 * body into millions of lines up front (a second of the event loop) is work no letter needs.
 * Whitespace-only lines count as blank (are empty).
 */
class LazyLines implements Lines {
  private readonly lines: string[] = [];
  /** Where the next line starts in the text; -1 once the last line is read. */
  private next = 0;

  constructor(private readonly text: string) {}

  at(index: number): string | undefined {
    while (this.lines.length <= index && this.next !== -1) {
      const end = this.text.indexOf('\n', this.next);
      const line = this.text.slice(this.next, end === -1 ? undefined : end);
      this.lines.push(line === '' || !BLANK.test(line) ? line : '');
      this.next = end === -1 ? -1 : end + 1;
    }
    return this.lines[index];
  }

  slice(start?: number, end?: number): string[] {
    this.at(end === undefined ? Infinity : end - 1);
    return this.lines.slice(start, end);
  }
}

function* parseBlocks(lines: Lines, inListItem: boolean): Generator<LetterBlock> {
  let i = 0;
  for (let line = lines.at(i); line !== undefined; line = lines.at(i)) {
    if (line === '') {
      i++;
      continue;
    }
    if (HRULE.test(line)) {
      yield { type: 'page-break' };
      i++;
      continue;
    }
    const heading = inListItem ? null : HEADING.exec(line);
    if (heading) {
      const content = heading[2] ?? '';
      yield heading[1] === '#' ? { type: 'heading', lines: parseInline(content) } : paragraphOrQr(content);
      i++;
      continue;
    }
    const next = lines.at(i + 1);
    if (next !== undefined && SETEXT_UNDERLINE.test(next)) {
      yield next.trim().startsWith('=') ? { type: 'heading', lines: parseInline(line) } : paragraphOrQr(line);
      i += 2;
      continue;
    }
    if (BLOCK_QUOTE.test(line)) {
      const end = blockQuoteEnd(lines, i);
      const inner = lines.slice(i, end).map((l) => l.replace(/^ *\^ ?/, ''));
      yield* parseBlocks(inner, inListItem);
      i = end;
      continue;
    }
    if (LIST_START.test(line)) {
      const end = listEnd(lines, i);
      yield parseList(lines.slice(i, end));
      i = end;
      continue;
    }
    const end = inListItem ? textEnd(lines, i) : paragraphEnd(lines, i);
    yield paragraphOrQr(lines.slice(i, end).join('\n'));
    i = end;
  }
}

function paragraphOrQr(raw: string): LetterBlock {
  const trimmed = raw.trim();
  const qr = trimmed.includes('\n') ? null : QR_PARAGRAPH.exec(trimmed);
  if (qr?.[1]) return { type: 'qr', data: qr[1].trim() };
  return { type: 'paragraph', lines: parseInline(raw) };
}

/**
 * The most lines one block (a paragraph, a list, a quote) is read to: each line takes a line of the
 * page, so a block this long is far past Notify's 10 pages, and what follows it is laid out no more.
 * Reading stops there, and the rest starts a new block.
 */
const BLOCK_LINE_LIMIT = 20_000;

function paragraphEnd(lines: Lines, start: number): number {
  let j = start + 1;
  const limit = start + BLOCK_LINE_LIMIT;
  for (let line = lines.at(j); line !== undefined && j < limit; line = lines.at(++j)) {
    if (line === '') break;
    if (
      HRULE.test(line) ||
      HEADING.test(line) ||
      BLOCK_QUOTE.test(line) ||
      LIST_INTERRUPTS_PARAGRAPH.test(line) ||
      SETEXT_UNDERLINE.test(lines.at(j + 1) ?? 'x')
    ) {
      break;
    }
  }
  return j;
}

/** Inside a list item, text runs until a blank line or a nested list. */
function textEnd(lines: Lines, start: number): number {
  let j = start + 1;
  const limit = start + BLOCK_LINE_LIMIT;
  for (let line = lines.at(j); line !== undefined && j < limit; line = lines.at(++j)) {
    if (line === '' || HRULE.test(line) || LIST_START.test(line) || BLOCK_QUOTE.test(line)) break;
    if (SETEXT_UNDERLINE.test(lines.at(j + 1) ?? 'x')) break;
  }
  return j;
}

function blockQuoteEnd(lines: Lines, start: number): number {
  let j = start;
  for (;;) {
    j++;
    if (j - start > BLOCK_LINE_LIMIT) return j;
    while ((lines.at(j) ?? '') !== '') j++;
    let k = j;
    while (lines.at(k) === '') k++;
    const after = lines.at(k);
    if (after !== undefined && BLOCK_QUOTE.test(after)) {
      j = k;
      continue;
    }
    return j;
  }
}

function listEnd(lines: Lines, start: number): number {
  const indent = LIST_START.exec(lines.at(start) ?? '')?.[1] ?? '';
  const sameLevelItem = new RegExp(`^${indent}(?:[•*-]|\\d+\\.) `);
  const hrule = new RegExp(`^(?:${indent})?(?:[-*_] *){3,}$`);
  let j = start + 1;
  for (let line = lines.at(j); line !== undefined; line = lines.at(j)) {
    if (j - start >= BLOCK_LINE_LIMIT) return j;
    if (line !== '') {
      if (hrule.test(line)) return j;
      j++;
      continue;
    }
    let k = j;
    while (lines.at(k) === '') k++;
    const after = lines.at(k);
    if (after === undefined) return j;
    if (hrule.test(after)) return j;
    // Two or more blank lines always end the list; one ends it unless an item or indented text follows.
    if (k - j >= 2 || !(after.startsWith(' ') || sameLevelItem.test(after))) return j;
    j = k;
  }
  return j;
}

/**
 * Items of one list parsed at most. Each item takes a line of the page at least, so no letter within
 * Notify's 10 pages has this many: the rest would only be laid out past the limit.
 */
const LIST_ITEM_LIMIT = 2000;

function parseList(lines: string[]): LetterBlock {
  const first = LIST_START.exec(lines[0] ?? '');
  const ordered = (first?.[2] ?? '').endsWith('.');
  const rawItems: string[][] = [];
  let itemIndent = '';
  for (const line of lines) {
    const m = LIST_START.exec(line);
    const startsItem = rawItems.length === 0 || (m !== null && m[1] === itemIndent);
    if (startsItem && m && rawItems.length === LIST_ITEM_LIMIT) break;
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
    return [...parseBlocks(item.replace(/^ +/, '').split('\n'), true)];
  });
  return { type: 'list', ordered, items };
}

/**
 * Markup is read in the first this many characters of a paragraph; the rest is printed as plain text.
 * A paragraph that long is far beyond 10 pages of text, so a letter's page count is unchanged, and
 * parsing stays quick however hostile the text.
 */
const INLINE_MARKUP_LIMIT = 50_000;
/** Text with none of these has no markup `parseInline` reads (escapes, links, line breaks, URLs). */
const INLINE_MARKUP = /[\\[!\n]|https?:\/\//;
/** The most of a paragraph kept at all: more than 11 pages hold, so page counts are unchanged. */
const INLINE_TEXT_LIMIT = 200_000;
/** A link's text must close (`](`) within this many characters of its `[`. */
const LINK_TEXT_REACH = 4096;
/** How far past the `](` a link's URL and title may run. */
const LINK_TARGET_REACH = 8192;
/** After this many `[` that did not start a link, a paragraph's other `[` print as they are. */
const LINK_ATTEMPTS = 1000;
const ESCAPABLE = new Set('\\`*{}[]()#+-.!_>~|');

/** Parses inline markdown into hard lines of runs. Whitespace is collapsed as HTML would. */
function parseInline(source: string): HardLine[] {
  const lines: HardLine[] = [[]];
  const push = (text: string, bold: boolean): void => {
    const line = lines[lines.length - 1];
    if (!line || text === '') return;
    const last = line[line.length - 1];
    if (last && last.bold === bold) last.text += text;
    else line.push({ text, bold });
  };
  const full = source.replace(/^\n+/, '').trimEnd();
  const trimmed = full.length > INLINE_MARKUP_LIMIT ? full.slice(0, INLINE_MARKUP_LIMIT) : full;
  const at = (re: RegExp, i: number): RegExpExecArray | null => {
    re.lastIndex = i;
    return re.exec(trimmed);
  };
  let linkAttempts = 0;
  /** The next `](` at or after a position (cached: positions only grow). */
  let close = -2;
  const closeFrom = (i: number): number => {
    if (close !== -1 && close < i) close = trimmed.indexOf('](', i);
    return close;
  };
  let i = 0;
  while (i < trimmed.length) {
    const c = trimmed[i]!;
    if (c === '\\' && ESCAPABLE.has(trimmed[i + 1] ?? '')) {
      push(trimmed[i + 1]!, false);
      i += 2;
      continue;
    }
    if (c === '\n') {
      lines.push([]);
      i++;
      continue;
    }
    let m: RegExpExecArray | null = null;
    if (c === 'h' && (m = at(URL, i))) {
      push(withoutProtocol(m[1] ?? ''), true);
      i += m[0].length;
      continue;
    }
    const opens = c === '[' || (c === '!' && trimmed[i + 1] === '[');
    if (opens && linkAttempts < LINK_ATTEMPTS) {
      const end = closeFrom(i);
      if (end >= 0 && end - i <= LINK_TEXT_REACH) {
        // Matched within a window, so one attempt never reads more than a few kilobytes.
        LINK.lastIndex = 0;
        m = LINK.exec(trimmed.slice(i, end + 2 + LINK_TARGET_REACH));
        if (m) {
          if (m[1] !== '!') {
            const text = m[2] ?? '';
            // Link text without markup needs no parse of its own: what the parse would make of it.
            if (!INLINE_MARKUP.test(text))
              push(
                text
                  .trimEnd()
                  .replace(/[ \t\n\r\f\v]+/g, ' ')
                  .replace(/^ +/, ''),
                false,
              );
            else for (const run of parseInline(text).flat()) push(run.text, run.bold);
            push(': ', false);
            push(withoutProtocol(m[3] ?? ''), true);
          }
          i += m[0].length || 1;
          continue;
        }
        linkAttempts++;
      }
    }
    // Plain text runs to the next place markup could start (at least one character).
    TEXT_STOP.lastIndex = i + 1;
    const stop = TEXT_STOP.exec(trimmed)?.index ?? trimmed.length;
    push(trimmed.slice(i, stop), false);
    i = stop;
  }
  if (trimmed !== full) push(full.slice(trimmed.length, INLINE_TEXT_LIMIT).replace(/\n/g, ' '), false);
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
