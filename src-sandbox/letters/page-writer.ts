/**
 * Flows a letter's blocks down the page column, starting new pages as Notify's CSS would (collapsing
 * margins, orphans and widows, lists, QR codes, page breaks), and stops with `LetterTooLong` when a
 * letter starts a page past its limit.
 */
import {
  fill,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingGrayscaleColor,
  type PDFDocument,
  type PDFPage,
} from 'pdf-lib';
import QRCode from 'qrcode';
import {
  A4_HEIGHT_PT,
  A4_WIDTH_PT,
  BULLET_INDENT,
  CONTENT_BOTTOM,
  CONTENT_LEFT,
  CONTENT_WIDTH,
  FIRST_PAGE_CONTENT_TOP,
  HEADING,
  HEADING_AFTER_SUBJECT_MARGIN,
  LIST_MARGIN_BOTTOM,
  MARKER_GAP,
  NESTED_LIST_MARGIN_TOP,
  NUMBER_INDENT,
  ORPHANS,
  PAGE_CONTENT_TOP,
  PARAGRAPH,
  QR,
  SUBJECT,
  WIDOWS,
  baselineOffset,
  drawText,
  drawVisualLine,
  type TextStyle,
} from './geometry';
import type { HardLine, LetterBlock } from './letter-markdown';
import { wrap, type Fonts, type VisualLine } from './text-layout';

/** Thrown by the page writer when a letter starts a page past its limit. */
export class LetterTooLong extends Error {}

/** Layout gives the event loop a turn after this long, so a huge letter never holds up requests. */
const SLICE_MS = 8;

/** Lets the event loop run when the current slice of layout work has lasted `SLICE_MS`. */
class Slicer {
  private start = performance.now();

  async yieldIfDue(): Promise<void> {
    if (performance.now() - this.start < SLICE_MS) return;
    await new Promise((resolve) => setImmediate(resolve));
    this.start = performance.now();
  }
}

interface Column {
  x: number;
  width: number;
}

/** Flows blocks down the page column, starting new pages as needed, with CSS-like collapsing margins. */
export class PageWriter {
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
    private readonly slicer: Slicer = new Slicer(),
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
  private async placeLines(
    lines: VisualLine[],
    style: { size: number; lineHeight: number },
    x: number,
    options: { keepWithNext?: boolean; marker?: { text: string; right: number } } = {},
  ): Promise<void> {
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
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index]!;
      if (index % 16 === 15) await this.slicer.yieldIfDue();
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
    }
  }

  /** `typography`: Notify's smart quotes and dashes, for body text (the date and subject come set). */
  async paragraph(
    lines: HardLine[],
    style: TextStyle,
    column: Column = { x: CONTENT_LEFT, width: CONTENT_WIDTH },
    typography = false,
  ): Promise<void> {
    const marginTop =
      style === HEADING && this.lastWasSubject ? HEADING_AFTER_SUBJECT_MARGIN : style.marginTop;
    this.begin(marginTop);
    const visual = wrap(lines, this.fonts, style.size, column.width, {
      forceBold: style.bold,
      maxLines: this.linesLeft(style.lineHeight),
      typography,
    });
    await this.placeLines(visual, style, column.x, { keepWithNext: style.bold });
    this.end(style.marginBottom);
    this.lastWasSubject = style === SUBJECT;
  }

  async blocks(blocks: LetterBlock[], column: Column): Promise<void> {
    for (const block of blocks) {
      await this.slicer.yieldIfDue();
      switch (block.type) {
        case 'paragraph':
          if (block.lines.some((line) => line.length > 0))
            await this.paragraph(block.lines, PARAGRAPH, column, true);
          break;
        case 'heading':
          await this.paragraph(block.lines, HEADING, column, true);
          break;
        case 'list':
          this.begin(0);
          await this.list(block, column, false);
          this.end(LIST_MARGIN_BOTTOM);
          this.lastWasSubject = false;
          break;
        case 'qr':
          await this.qr(block.data, column);
          break;
        case 'page-break':
          if (this.breakPending) this.newPage();
          this.breakPending = true;
          this.lastWasSubject = false;
          break;
      }
    }
  }

  private async list(
    list: Extract<LetterBlock, { type: 'list' }>,
    column: Column,
    nested: boolean,
  ): Promise<void> {
    const indent = list.ordered ? NUMBER_INDENT : nested ? 0 : BULLET_INDENT;
    const itemColumn = { x: column.x + indent, width: column.width - indent };
    for (let itemIndex = 0; itemIndex < list.items.length; itemIndex++) {
      const item = list.items[itemIndex]!;
      await this.slicer.yieldIfDue();
      let marker: { text: string; right: number } | undefined = {
        text: list.ordered ? `${itemIndex + 1}.` : '\u2022',
        right: itemColumn.x - MARKER_GAP,
      };
      for (let blockIndex = 0; blockIndex < item.length; blockIndex++) {
        const block = item[blockIndex]!;
        if (block.type === 'list') {
          if (marker) {
            // An item that starts with a nested list still shows its own marker on an empty line.
            await this.placeLines([{ segments: [] }], PARAGRAPH, itemColumn.x, { marker });
            marker = undefined;
          }
          this.y += this.pageHasContent ? NESTED_LIST_MARGIN_TOP : 0;
          await this.list(block, itemColumn, true);
          continue;
        }
        if (block.type === 'paragraph' || block.type === 'heading') {
          if (blockIndex > 0 && this.pageHasContent) this.y += PARAGRAPH.marginBottom;
          const visual = wrap(block.lines, this.fonts, PARAGRAPH.size, itemColumn.width, {
            maxLines: this.linesLeft(PARAGRAPH.lineHeight),
            typography: true,
          });
          await this.placeLines(visual, PARAGRAPH, itemColumn.x, marker ? { marker } : {});
          marker = undefined;
          continue;
        }
        if (block.type === 'page-break') {
          this.breakPending = true;
          continue;
        }
        await this.qr(block.data, itemColumn);
      }
      if (marker) await this.placeLines([{ segments: [] }], PARAGRAPH, itemColumn.x, { marker });
    }
  }

  private async qr(data: string, column: Column): Promise<void> {
    let modules: { size: number; get(row: number, col: number): number };
    try {
      modules = QRCode.create(data, { errorCorrectionLevel: 'M' }).modules;
    } catch {
      // Too much data for any QR version: print the paragraph as written instead.
      await this.paragraph([[{ text: `qr: ${data}`, bold: false }]], PARAGRAPH, column);
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
