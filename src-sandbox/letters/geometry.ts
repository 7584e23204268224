/**
 * The letter's page geometry and type styles, from UTILS `jinja_templates/letter_pdf/_main_css.jinja2`
 * (and template-preview's `precompiled.py` for the address window), with the drawing primitives that
 * place text on a baseline inside a CSS line box.
 */
import type { PDFFont, PDFPage } from 'pdf-lib';
import type { Fonts, VisualLine } from './text-layout';

const PT_PER_MM = 72 / 25.4;
const mm = (value: number): number => value * PT_PER_MM;

/** A4 in points. */
export const A4_WIDTH_PT = 595.28;
/** A4 in points. */
export const A4_HEIGHT_PT = 841.89;

export const CONTENT_LEFT = mm(15);
export const CONTENT_WIDTH = mm(137.5);
export const FIRST_PAGE_CONTENT_TOP = mm(10 + 94);
export const PAGE_CONTENT_TOP = mm(15);
export const CONTENT_BOTTOM = A4_HEIGHT_PT - mm(15);

export const ADDRESS = {
  left: mm(24.6),
  bottom: mm(66.2),
  width: mm(85),
  maxHeight: mm(26.7),
  size: 8,
  lineHeight: 8.5,
};
export const CONTACT = {
  left: A4_WIDTH_PT - mm(10) - mm(71.2),
  bottom: mm(297 - 15 - 199.8),
  width: mm(71.2),
  maxHeight: 132,
  size: 10,
  lineHeight: 12,
};
export const PAGE_NUMBER = { right: A4_WIDTH_PT - mm(10), baseline: CONTENT_BOTTOM + 8.3, size: 10 };

/** Helvetica's ascender and descender (AFM), for placing a baseline inside a CSS line box. */
const ASCENT = 0.718;
const DESCENT = 0.207;

export interface TextStyle {
  size: number;
  lineHeight: number;
  bold: boolean;
  marginTop: number;
  marginBottom: number;
}

export const PARAGRAPH: TextStyle = {
  size: 12.5,
  lineHeight: 16,
  bold: false,
  marginTop: 0,
  marginBottom: 16,
};
export const SUBJECT: TextStyle = {
  size: 20,
  lineHeight: 23.4,
  bold: true,
  marginTop: 18.16,
  marginBottom: 7.68,
};
export const HEADING: TextStyle = { size: 14, lineHeight: 17.4, bold: true, marginTop: 0, marginBottom: 16 };
export const HEADING_AFTER_SUBJECT_MARGIN = 8.35;
export const LIST_MARGIN_BOTTOM = 16;
export const NESTED_LIST_MARGIN_TOP = 16;
export const BULLET_INDENT = 0.8 * PARAGRAPH.size;
export const NUMBER_INDENT = 1.4 * PARAGRAPH.size;
export const MARKER_GAP = 4;
export const QR = { size: 16 * 5.25, marginTop: 16 * 1.25, marginBottom: 16 * 1.5 };
export const ORPHANS = 4;
export const WIDOWS = 2;

export function baselineOffset(style: { size: number; lineHeight: number }): number {
  return (style.lineHeight - (ASCENT + DESCENT) * style.size) / 2 + ASCENT * style.size;
}

const currentFont = new WeakMap<PDFPage, PDFFont>();

/**
 * Draws already-encodable text. Selects the font on the page only when it changes: passing `font` to
 * `drawText` would add two font resource entries per call.
 */
export function drawText(
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

export function drawVisualLine(
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
