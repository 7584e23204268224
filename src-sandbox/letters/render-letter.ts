/**
 * Renders a templated letter as an A4 PDF laid out like Notify's print PDFs: the address window and
 * contact block here, the body flowed by `page-writer.ts` in the geometry of `geometry.ts`.
 *
 * Geometry comes from UTILS `jinja_templates/letter_pdf/_main_css.jinja2` (and template-preview's
 * `precompiled.py` for the address window): page margins 15/10/15/15 mm (10 mm at the top of page 1);
 * the address 24.6 mm from the left, its last line ending 66.2 mm from the top, 8 pt uppercase on 8.5 pt
 * lines; the contact block in the top right (71.2 mm wide, right edge 10 mm from the page edge, bottom
 * 82.2 mm from the top), 10 pt on 12 pt; then the date, heading and body in a 137.5 mm column starting
 * 104 mm down page 1; "Page X of N" bottom right in 10 pt. Fonts are the standard Helvetica pair standing
 * in for Notify's Nimbus Sans / Arial.
 */
import { PDFDocument, StandardFonts, type PDFPage } from 'pdf-lib';
import {
  ADDRESS,
  baselineOffset,
  CONTACT,
  CONTENT_LEFT,
  CONTENT_WIDTH,
  drawText,
  drawVisualLine,
  PAGE_NUMBER,
  PARAGRAPH,
  SUBJECT,
} from './geometry';
import { letterBlocks, type HardLine } from './letter-markdown';
import { LetterTooLong, PageWriter } from './page-writer';
import { LETTER_MAX_PAGE_COUNT } from './precompiled';
import { clipToWidth, Fonts, MAX_LAID_OUT_CHARACTERS, wrap } from './text-layout';
import { niceTypography, toEncodableText } from './typography';

export { A4_HEIGHT_PT, A4_WIDTH_PT } from './geometry';

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
    await writer.paragraph([[{ text: formatLetterDate(input.date), bold: false }]], PARAGRAPH);
    await writer.paragraph([[{ text: subject, bold: true }]], SUBJECT);
    for (const block of letterBlocks(input.body)) {
      await writer.blocks([block], { x: CONTENT_LEFT, width: CONTENT_WIDTH });
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
