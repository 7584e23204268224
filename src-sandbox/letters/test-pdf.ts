/**
 * Small, valid PDFs for tests, fixtures and demos of the precompiled-letter flow.
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { EICAR_TEST_STRING } from './precompiled';
import { A4_HEIGHT_PT, A4_WIDTH_PT } from './render-letter';

/** Options for {@link makeTestPdf}. */
export interface TestPdfOptions {
  /** Page size in points; A4 portrait by default. */
  pageSize?: [width: number, height: number];
  /** Embeds the EICAR test string as a (compressed) file attachment, so the virus scan fails. */
  eicar?: boolean;
}

/**
 * Makes a valid PDF of `pages` A4 pages, each saying which page it is, with an address in the address
 * window on page 1. With the defaults it passes {@link inspectPrecompiledLetter} when `pages` ≤ 10.
 */
export async function makeTestPdf(pages: number, options: TestPdfOptions = {}): Promise<Uint8Array> {
  const count = Math.max(0, Math.floor(pages));
  const [width, height] = options.pageSize ?? [A4_WIDTH_PT, A4_HEIGHT_PT];
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const mm = (value: number): number => (value * 72) / 25.4;
  for (let n = 1; n <= count; n++) {
    const page = doc.addPage([width, height]);
    if (n === 1) {
      ['A. TEST', '1 TEST STREET', 'LONDON', 'SW1A 1AA'].forEach((line, i) => {
        page.drawText(line, { x: mm(24.6), y: height - mm(45) - i * 8.5, size: 8, font });
      });
    }
    page.drawText(`Precompiled test letter - page ${n} of ${count}`, {
      x: mm(15),
      y: height - mm(110),
      size: 12,
      font,
    });
  }
  if (options.eicar) {
    await doc.attach(new TextEncoder().encode(EICAR_TEST_STRING), 'eicar.com', { mimeType: 'text/plain' });
  }
  doc.setTitle('Precompiled test letter');
  doc.setProducer('Notify Sandbox (pdf-lib)');
  return doc.save();
}
