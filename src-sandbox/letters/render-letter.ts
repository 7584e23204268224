/**
 * Renders a templated letter as an A4 PDF laid out like Notify's print PDFs.
 *
 * Geometry comes from UTILS `jinja_templates/letter_pdf/_main_css.jinja2` (and template-preview's
 * `precompiled.py` for the address window): page margins 15/10/15/15 mm (10 mm at the top of page 1);
 * the address 24.6 mm from the left, its last line ending 66.2 mm from the top, 8 pt uppercase on 8.5 pt
 * lines; the contact block in the top right (71.2 mm wide, right edge 10 mm from the page edge, bottom
 * 82.2 mm from the top), 10 pt on 12 pt; then the date, heading and body in a 137.5 mm column starting
 * 104 mm down page 1; "Page X of N" bottom right in 10 pt. Fonts are the standard Helvetica pair standing
 * in for Notify's Nimbus Sans / Arial.
 */
import {
  PDFDocument,
  StandardFonts,
  fill,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingGrayscaleColor,
  type PDFFont,
  type PDFPage,
} from 'pdf-lib';
import QRCode from 'qrcode';
import { letterBlocks, type HardLine, type LetterBlock } from './letter-markdown';
import { LETTER_MAX_PAGE_COUNT } from './precompiled';
import { clipToWidth, Fonts, MAX_LAID_OUT_CHARACTERS, wrap, type VisualLine } from './text-layout';
import { niceTypography, toEncodableText } from './typography';

/** What a templated letter needs to be drawn. */
export interface LetterPdfInput {
  /** Already validated and normalised; printed in the address window. */
  addressLines: string[];
  /** The template's letter contact block, placeholders already filled. */
  contactBlock: string | null;
  /** The heading, as plain text (not HTML-escaped). */
  subject: string;
  /** Notify letter markdown with placeholders filled. */
  body: string;
  /** Printed as, for example, "27 November 2026" (UK time). */
  date: Date;
  /** Stored as the PDF's author; Notify prints no service name (only a logo, which the sandbox lacks). */
  serviceName?: string;
}

/** A rendered letter. */
export interface RenderedLetter {
  pdf: Uint8Array;
  pageCount: number;
  /** Printed duplex: ceil(pages / 2). */
  sheets: number;
}

/** What Notify's letter check needs: the letter, or word that it runs past Notify's page limit. */
export type CheckedLetter = (RenderedLetter & { tooLong: false }) | { tooLong: true };

/** Thrown by the page writer when a letter starts a page past Notify's limit. */
class LetterTooLong extends Error {}

/** Layout gives the event loop a turn after this long, so a huge letter never holds up requests. */
const SLICE_MS = 8;

const PT_PER_MM = 72 / 25.4;
const mm = (value: number): number => value * PT_PER_MM;

/** A4 in points. */
export const A4_WIDTH_PT = 595.28;
/** A4 in points. */
export const A4_HEIGHT_PT = 841.89;

const CONTENT_LEFT = mm(15);
const CONTENT_WIDTH = mm(137.5);
const FIRST_PAGE_CONTENT_TOP = mm(10 + 94);
const PAGE_CONTENT_TOP = mm(15);
const CONTENT_BOTTOM = A4_HEIGHT_PT - mm(15);

const ADDRESS = {
  left: mm(24.6),
  bottom: mm(66.2),
  width: mm(85),
  maxHeight: mm(26.7),
  size: 8,
  lineHeight: 8.5,
};
const CONTACT = {
  left: A4_WIDTH_PT - mm(10) - mm(71.2),
  bottom: mm(297 - 15 - 199.8),
  width: mm(71.2),
  maxHeight: 132,
  size: 10,
  lineHeight: 12,
};
const PAGE_NUMBER = { right: A4_WIDTH_PT - mm(10), baseline: CONTENT_BOTTOM + 8.3, size: 10 };

/** Helvetica's ascender and descender (AFM), for placing a baseline inside a CSS line box. */
const ASCENT = 0.718;
const DESCENT = 0.207;

interface TextStyle {
  size: number;
  lineHeight: number;
  bold: boolean;
  marginTop: number;
  marginBottom: number;
}

const PARAGRAPH: TextStyle = { size: 12.5, lineHeight: 16, bold: false, marginTop: 0, marginBottom: 16 };
const SUBJECT: TextStyle = { size: 20, lineHeight: 23.4, bold: true, marginTop: 18.16, marginBottom: 7.68 };
const HEADING: TextStyle = { size: 14, lineHeight: 17.4, bold: true, marginTop: 0, marginBottom: 16 };
const HEADING_AFTER_SUBJECT_MARGIN = 8.35;
const LIST_MARGIN_BOTTOM = 16;
const NESTED_LIST_MARGIN_TOP = 16;
const BULLET_INDENT = 0.8 * PARAGRAPH.size;
const NUMBER_INDENT = 1.4 * PARAGRAPH.size;
const MARKER_GAP = 4;
const QR = { size: 16 * 5.25, marginTop: 16 * 1.25, marginBottom: 16 * 1.5 };
const ORPHANS = 4;
const WIDOWS = 2;

const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});

/** Formats a letter date the way Notify prints it (`%-d %B %Y`), in UK time. */
export function formatLetterDate(date: Date): string {
  return DATE_FORMAT.format(date);
}

/**
 * Renders a templated letter: a real A4 PDF, word-wrapped across pages, with "Page X of N" on every page.
 *
 * Text the WinAnsi-encoded standard fonts cannot show becomes `?` (accented letters lose their accents
 * first), so any input renders.
 */
export async function renderLetterPdf(input: LetterPdfInput): Promise<RenderedLetter> {
  const rendered = await render(input, Infinity);
  if (rendered.tooLong) throw new Error('unreachable: no page limit');
  return rendered;
}

/**
 * Renders a letter as Notify's letter check needs it: laid out only until it starts page 11, when
 * it is known to be too long (`LETTER_MAX_PAGE_COUNT`) and no PDF is kept.
 */
export function renderLetterWithinLimit(input: LetterPdfInput): Promise<CheckedLetter> {
  return render(input, LETTER_MAX_PAGE_COUNT);
}

async function render(input: LetterPdfInput, pageLimit: number): Promise<CheckedLetter> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = new Fonts(
    await doc.embedFont(StandardFonts.Helvetica),
    await doc.embedFont(StandardFonts.HelveticaBold),
  );
  const writer = new PageWriter(doc, fonts, pageLimit);

  drawAddress(writer.page, fonts, input.addressLines);
  if (input.contactBlock) drawContactBlock(writer.page, fonts, input.contactBlock);

  const subject = niceTypography(input.subject.slice(0, MAX_LAID_OUT_CHARACTERS)).replace(/\s+/g, ' ').trim();
  try {
    writer.paragraph([[{ text: formatLetterDate(input.date), bold: false }]], PARAGRAPH);
    writer.paragraph([[{ text: subject, bold: true }]], SUBJECT);
    let slice = performance.now();
    for (const block of letterBlocks(input.body)) {
      writer.blocks([block], { x: CONTENT_LEFT, width: CONTENT_WIDTH });
      if (performance.now() - slice > SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        slice = performance.now();
      }
    }
  } catch (err) {
    if (err instanceof LetterTooLong) return { tooLong: true };
    throw err;
  }

  const pages = doc.getPages();
  pages.forEach((page, index) => {
    const label = `Page ${index + 1} of ${pages.length}`;
    const width = fonts.width(label, false, PAGE_NUMBER.size);
    drawText(page, label, PAGE_NUMBER.right - width, PAGE_NUMBER.baseline, PAGE_NUMBER.size, fonts.regular);
  });

  doc.setTitle(toEncodableText(subject, fonts.charset) || 'Letter');
  if (input.serviceName) doc.setAuthor(input.serviceName);
  doc.setCreator('Notify Sandbox');
  doc.setProducer('Notify Sandbox (pdf-lib)');
  doc.setCreationDate(input.date);
  doc.setModificationDate(input.date);

  const pdf = await doc.save();
  return { tooLong: false, pdf, pageCount: pages.length, sheets: Math.ceil(pages.length / 2) };
}

function baselineOffset(style: { size: number; lineHeight: number }): number {
  return (style.lineHeight - (ASCENT + DESCENT) * style.size) / 2 + ASCENT * style.size;
}

const currentFont = new WeakMap<PDFPage, PDFFont>();

/**
 * Draws already-encodable text. Selects the font on the page only when it changes: passing `font` to
 * `drawText` would add two font resource entries per call.
 */
function drawText(
  page: PDFPage,
  text: string,
  x: number,
  baseline: number,
  size: number,
  font: PDFFont,
): void {
  if (currentFont.get(page) !== font) {
    page.setFont(font);
    currentFont.set(page, font);
  }
  page.drawText(text, { x, y: A4_HEIGHT_PT - baseline, size });
}

function drawVisualLine(
  page: PDFPage,
  fonts: Fonts,
  line: VisualLine,
  x: number,
  baseline: number,
  size: number,
) {
  let cursor = x;
  for (const segment of line.segments) {
    if (segment.text.trim() !== '')
      drawText(page, segment.text, cursor, baseline, size, fonts.font(segment.bold));
    cursor += segment.width;
  }
}

function drawAddress(page: PDFPage, fonts: Fonts, addressLines: string[]): void {
  const maxLines = Math.floor(ADDRESS.maxHeight / ADDRESS.lineHeight);
  // Only what could ever show in the window is cleaned and measured (with room for characters that
  // clean-up removes).
  const keep = fonts.maxCharacters(ADDRESS.width, ADDRESS.size) * 4;
  const lines = addressLines
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .map((line) => fonts.clean(line.slice(0, keep).toUpperCase()).replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .slice(0, maxLines);
  const top = ADDRESS.bottom - lines.length * ADDRESS.lineHeight;
  lines.forEach((text, index) => {
    // `white-space: nowrap; overflow: hidden`: a line too long for the window is cut off.
    const shown = clipToWidth(text, fonts, ADDRESS.size, ADDRESS.width);
    const baseline = top + index * ADDRESS.lineHeight + baselineOffset(ADDRESS);
    drawText(page, shown, ADDRESS.left, baseline, ADDRESS.size, fonts.regular);
  });
}

function drawContactBlock(page: PDFPage, fonts: Fonts, contactBlock: string): void {
  const text = contactBlock
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/[ \t]+([,.])/g, '$1')
    .trim();
  const maxLines = Math.floor(CONTACT.maxHeight / CONTACT.lineHeight);
  // Each hard line takes at least one line of the block: only the first few can show.
  const keep = fonts.maxCharacters(CONTACT.width, CONTACT.size) * maxLines * 4;
  const hardLines: HardLine[] = text
    .split(/\r?\n|\r/, maxLines)
    .map((line) => [{ text: line.slice(0, keep), bold: false }]);
  const lines = wrap(hardLines, fonts, CONTACT.size, CONTACT.width, { maxLines });
  const top = CONTACT.bottom - lines.length * CONTACT.lineHeight;
  lines.forEach((line, index) => {
    const baseline = top + index * CONTACT.lineHeight + baselineOffset(CONTACT);
    drawVisualLine(page, fonts, line, CONTACT.left, baseline, CONTACT.size);
  });
}

interface Column {
  x: number;
  width: number;
}

/** Flows blocks down the page column, starting new pages as needed, with CSS-like collapsing margins. */
class PageWriter {
  page: PDFPage;
  private y = FIRST_PAGE_CONTENT_TOP;
  private pageHasContent = false;
  private pendingMargin = 0;
  private breakPending = false;
  private lastWasSubject = false;

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: Fonts,
    /** Starting a page past this many throws LetterTooLong. */
    private readonly pageLimit: number,
  ) {
    this.page = doc.addPage([A4_WIDTH_PT, A4_HEIGHT_PT]);
  }

  /** More lines of this height than can fit before the page limit: wrapping need go no further. */
  private linesLeft(lineHeight: number): number {
    const pagesLeft = this.pageLimit - this.doc.getPageCount() + 1;
    return Number.isFinite(pagesLeft) ? pagesLeft * Math.ceil(A4_HEIGHT_PT / lineHeight) + 1 : Infinity;
  }

  private newPage(): void {
    if (this.doc.getPageCount() >= this.pageLimit) throw new LetterTooLong();
    this.page = this.doc.addPage([A4_WIDTH_PT, A4_HEIGHT_PT]);
    this.y = PAGE_CONTENT_TOP;
    this.pageHasContent = false;
    this.pendingMargin = 0;
  }

  /** Starts a block: honours a pending page break, then collapses margins (none at the top of a page). */
  private begin(marginTop: number): void {
    if (this.breakPending) {
      this.breakPending = false;
      this.newPage();
    }
    if (this.pageHasContent) this.y += Math.max(this.pendingMargin, marginTop);
    this.pendingMargin = 0;
  }

  private fits(height: number): boolean {
    return this.y + height <= CONTENT_BOTTOM + 0.01;
  }

  private end(marginBottom: number): void {
    this.pendingMargin = marginBottom;
  }

  /** Places lines one by one, breaking pages between them (orphans/widows as Notify's CSS asks). */
  private placeLines(
    lines: VisualLine[],
    style: { size: number; lineHeight: number },
    x: number,
    options: { keepWithNext?: boolean; marker?: { text: string; right: number } } = {},
  ): void {
    const total = lines.length;
    if (this.breakPending) {
      // A page break inside a list item.
      this.breakPending = false;
      this.newPage();
    }
    if (this.pageHasContent) {
      const fitCount = Math.max(0, Math.floor((CONTENT_BOTTOM + 0.01 - this.y) / style.lineHeight));
      const needAll = options.keepWithNext ? total * style.lineHeight + PARAGRAPH.lineHeight : 0;
      if (
        (options.keepWithNext && !this.fits(needAll)) ||
        (fitCount < total && fitCount < Math.min(ORPHANS, total))
      ) {
        this.newPage();
      }
    }
    lines.forEach((line, index) => {
      const remaining = total - index;
      const roomLeft = Math.floor((CONTENT_BOTTOM + 0.01 - this.y) / style.lineHeight);
      const widowBreak = index > 0 && remaining <= WIDOWS && roomLeft < remaining && index >= ORPHANS;
      if (!this.fits(style.lineHeight) || widowBreak) this.newPage();
      const baseline = this.y + baselineOffset(style);
      drawVisualLine(this.page, this.fonts, line, x, baseline, style.size);
      if (index === 0 && options.marker) {
        const markerText = options.marker.text;
        const width = this.fonts.width(markerText, false, style.size);
        drawText(
          this.page,
          markerText,
          options.marker.right - width,
          baseline,
          style.size,
          this.fonts.regular,
        );
      }
      this.y += style.lineHeight;
      this.pageHasContent = true;
    });
  }

  /** `typography`: Notify's smart quotes and dashes, for body text (the date and subject come set). */
  paragraph(
    lines: HardLine[],
    style: TextStyle,
    column: Column = { x: CONTENT_LEFT, width: CONTENT_WIDTH },
    typography = false,
  ): void {
    const marginTop =
      style === HEADING && this.lastWasSubject ? HEADING_AFTER_SUBJECT_MARGIN : style.marginTop;
    this.begin(marginTop);
    const visual = wrap(lines, this.fonts, style.size, column.width, {
      forceBold: style.bold,
      maxLines: this.linesLeft(style.lineHeight),
      typography,
    });
    this.placeLines(visual, style, column.x, { keepWithNext: style.bold });
    this.end(style.marginBottom);
    this.lastWasSubject = style === SUBJECT;
  }

  blocks(blocks: LetterBlock[], column: Column): void {
    for (const block of blocks) {
      switch (block.type) {
        case 'paragraph':
          if (block.lines.some((line) => line.length > 0))
            this.paragraph(block.lines, PARAGRAPH, column, true);
          break;
        case 'heading':
          this.paragraph(block.lines, HEADING, column, true);
          break;
        case 'list':
          this.begin(0);
          this.list(block, column, false);
          this.end(LIST_MARGIN_BOTTOM);
          this.lastWasSubject = false;
          break;
        case 'qr':
          this.qr(block.data, column);
          break;
        case 'page-break':
          if (this.breakPending) this.newPage();
          this.breakPending = true;
          this.lastWasSubject = false;
          break;
      }
    }
  }

  private list(list: Extract<LetterBlock, { type: 'list' }>, column: Column, nested: boolean): void {
    const indent = list.ordered ? NUMBER_INDENT : nested ? 0 : BULLET_INDENT;
    const itemColumn = { x: column.x + indent, width: column.width - indent };
    list.items.forEach((item, itemIndex) => {
      let marker: { text: string; right: number } | undefined = {
        text: list.ordered ? `${itemIndex + 1}.` : '\u2022',
        right: itemColumn.x - MARKER_GAP,
      };
      item.forEach((block, blockIndex) => {
        if (block.type === 'list') {
          if (marker) {
            // An item that starts with a nested list still shows its own marker on an empty line.
            this.placeLines([{ segments: [] }], PARAGRAPH, itemColumn.x, { marker });
            marker = undefined;
          }
          this.y += this.pageHasContent ? NESTED_LIST_MARGIN_TOP : 0;
          this.list(block, itemColumn, true);
          return;
        }
        if (block.type === 'paragraph' || block.type === 'heading') {
          if (blockIndex > 0 && this.pageHasContent) this.y += PARAGRAPH.marginBottom;
          const visual = wrap(block.lines, this.fonts, PARAGRAPH.size, itemColumn.width, {
            maxLines: this.linesLeft(PARAGRAPH.lineHeight),
            typography: true,
          });
          this.placeLines(visual, PARAGRAPH, itemColumn.x, marker ? { marker } : {});
          marker = undefined;
          return;
        }
        if (block.type === 'page-break') {
          this.breakPending = true;
          return;
        }
        this.qr(block.data, itemColumn);
      });
      if (marker) this.placeLines([{ segments: [] }], PARAGRAPH, itemColumn.x, { marker });
    });
  }

  private qr(data: string, column: Column): void {
    let modules: { size: number; get(row: number, col: number): number };
    try {
      modules = QRCode.create(data, { errorCorrectionLevel: 'M' }).modules;
    } catch {
      // Too much data for any QR version: print the paragraph as written instead.
      this.paragraph([[{ text: `qr: ${data}`, bold: false }]], PARAGRAPH, column);
      return;
    }
    this.begin(QR.marginTop);
    if (this.pageHasContent && !this.fits(QR.size)) this.newPage();
    const left = column.x + (column.width - QR.size) / 2;
    const top = this.y;
    const moduleSize = QR.size / modules.size;
    const operators = [pushGraphicsState(), setFillingGrayscaleColor(0)];
    for (let row = 0; row < modules.size; row++) {
      let col = 0;
      while (col < modules.size) {
        if (!modules.get(row, col)) {
          col++;
          continue;
        }
        const start = col;
        while (col < modules.size && modules.get(row, col)) col++;
        operators.push(
          rectangle(
            left + start * moduleSize,
            A4_HEIGHT_PT - (top + (row + 1) * moduleSize),
            (col - start) * moduleSize,
            moduleSize,
          ),
        );
      }
    }
    operators.push(fill(), popGraphicsState());
    this.page.pushOperators(...operators);
    this.y += QR.size;
    this.pageHasContent = true;
    this.end(QR.marginBottom);
    this.lastWasSubject = false;
  }
}
