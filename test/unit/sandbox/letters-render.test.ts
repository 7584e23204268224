import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';
import QRCode from 'qrcode';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatLetterDate, renderLetterPdf, type LetterPdfInput } from '../../../src-sandbox/letters';
import { readPdfContent, type PdfContent, type PdfTextItem } from '../../../src-sandbox/letters/pdf-text';

const PT_PER_MM = 72 / 25.4;
const PAGE_HEIGHT = 841.89;
const fromTopMm = (item: { y: number }): number => (PAGE_HEIGHT - item.y) / PT_PER_MM;
const xMm = (item: { x: number }): number => item.x / PT_PER_MM;

const base: LetterPdfInput = {
  addressLines: ['Ms Sam Example', '10 Downing Street', 'London', 'SW1A 2AA'],
  contactBlock: 'Benefits Office\nPO Box 123\nNewcastle\nNE98 1ZZ',
  subject: 'Your appointment',
  body: 'Dear Sam,\n\nYour appointment is confirmed.',
  date: new Date('2026-11-27T10:00:00Z'),
  serviceName: 'Example Service',
};

let helvetica: PDFFont;
let helveticaBold: PDFFont;
beforeAll(async () => {
  const doc = await PDFDocument.create();
  helvetica = await doc.embedFont(StandardFonts.Helvetica);
  helveticaBold = await doc.embedFont(StandardFonts.HelveticaBold);
});

const widthOf = (item: PdfTextItem): number =>
  (item.font.includes('Bold') ? helveticaBold : helvetica).widthOfTextAtSize(item.text, item.size);

async function render(input: Partial<LetterPdfInput> = {}) {
  const result = await renderLetterPdf({ ...base, ...input });
  const content = await readPdfContent(result.pdf);
  return { result, content };
}

const textsOn = (content: PdfContent, page: number): PdfTextItem[] =>
  content.texts.filter((t) => t.page === page);
const find = (content: PdfContent, text: string): PdfTextItem | undefined =>
  content.texts.find((t) => t.text === text);

/** Body text, excluding the furniture (address, contact block, page numbers). */
function bodyTexts(content: PdfContent): PdfTextItem[] {
  return content.texts.filter((t) => t.size >= 12 && !t.text.startsWith('Page '));
}

function paragraphs(count: number): string {
  return Array.from(
    { length: count },
    (_, i) =>
      `Paragraph ${i + 1}. Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation.`,
  ).join('\n\n');
}

describe('renderLetterPdf', () => {
  it('makes a real one-page A4 PDF that pdf-lib can load', async () => {
    const { result } = await render();
    expect(Buffer.from(result.pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(result).toMatchObject({ pageCount: 1, sheets: 1 });
    const doc = await PDFDocument.load(result.pdf);
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect(width).toBeCloseTo(595.28, 1);
    expect(height).toBeCloseTo(841.89, 1);
    expect(doc.getTitle()).toBe('Your appointment');
    expect(doc.getAuthor()).toBe('Example Service');
  });

  it('prints the address in upper case inside the address window', async () => {
    const { content } = await render();
    const lines = base.addressLines.map((line) => find(content, line.toUpperCase()));
    expect(lines.every(Boolean)).toBe(true);
    for (const line of lines) {
      if (!line) continue;
      expect(line.size).toBe(8);
      expect(xMm(line)).toBeCloseTo(24.6, 1);
      // Window: 39.5–66.3 mm from the top (template-preview `precompiled.py`).
      expect(fromTopMm(line)).toBeGreaterThan(39.5);
      expect(fromTopMm(line)).toBeLessThan(66.3);
      expect(xMm(line) + widthOf(line) / PT_PER_MM).toBeLessThan(120);
    }
    const ys = lines.map((l) => l?.y ?? 0);
    expect(ys).toEqual([...ys].sort((a, b) => b - a));
  });

  it('puts the contact block top right, the date, then the bold heading', async () => {
    const { content } = await render();
    const contact = find(content, 'Benefits Office');
    expect(contact?.size).toBe(10);
    expect(xMm(contact ?? { x: 0 })).toBeCloseTo(210 - 10 - 71.2, 1);
    const postcode = find(content, 'NE98 1ZZ');
    expect(fromTopMm(postcode ?? { y: 0 })).toBeLessThan(82.2);

    const date = find(content, '27 November 2026');
    expect(date).toMatchObject({ size: 12.5, font: 'Helvetica' });
    expect(xMm(date ?? { x: 0 })).toBeCloseTo(15, 1);
    expect(fromTopMm(date ?? { y: 0 })).toBeGreaterThan(104);

    const heading = find(content, 'Your appointment');
    expect(heading).toMatchObject({ size: 20, font: 'Helvetica-Bold' });
    expect(fromTopMm(heading ?? { y: 0 })).toBeGreaterThan(fromTopMm(date ?? { y: 0 }));
    expect(fromTopMm(find(content, 'Dear Sam,') ?? { y: 0 })).toBeGreaterThan(fromTopMm(heading ?? { y: 0 }));
  });

  it('numbers every page "Page X of N" at the bottom right', async () => {
    const { result, content } = await render({ body: paragraphs(40) });
    expect(result.pageCount).toBeGreaterThan(2);
    for (let page = 1; page <= result.pageCount; page++) {
      const label = textsOn(content, page).find((t) => t.text === `Page ${page} of ${result.pageCount}`);
      expect(label).toBeDefined();
      if (!label) continue;
      expect(label.size).toBe(10);
      expect(xMm(label) + widthOf(label) / PT_PER_MM).toBeCloseTo(200, 0);
      expect(fromTopMm(label)).toBeGreaterThan(282);
    }
  });

  it('wraps long text within the column and flows it over pages', async () => {
    const body = `${paragraphs(30)}\n\n${'x'.repeat(400)}\n\n${paragraphs(5)}`;
    const { result, content } = await render({ body });
    expect(result.pageCount).toBeGreaterThan(1);
    expect(result.sheets).toBe(Math.ceil(result.pageCount / 2));
    const doc = await PDFDocument.load(result.pdf);
    expect(doc.getPageCount()).toBe(result.pageCount);
    for (const item of bodyTexts(content)) {
      expect(xMm(item)).toBeGreaterThanOrEqual(14.9);
      expect(xMm(item) + widthOf(item) / PT_PER_MM).toBeLessThanOrEqual(15 + 137.5 + 0.01);
      const top = fromTopMm(item);
      expect(top).toBeGreaterThan(item.page === 1 ? 104 : 15);
      expect(top).toBeLessThan(282);
    }
    // Every paragraph made it, in order.
    const all = bodyTexts(content)
      .map((t) => t.text)
      .join(' ');
    const positions = [1, 10, 20, 30].map((n) => all.indexOf(`Paragraph ${n}.`));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('starts a new page at ---, with no blank page for a trailing one', async () => {
    const { result, content } = await render({ body: 'First page\n\n---\n\nSecond page\n\n---\n' });
    expect(result.pageCount).toBe(2);
    const second = find(content, 'Second page');
    expect(second?.page).toBe(2);
    expect(fromTopMm(second ?? { y: 0 })).toBeLessThan(25);
    expect(find(content, 'First page')?.page).toBe(1);
  });

  it('draws a real QR code for a "qr:" paragraph', async () => {
    const data = 'https://www.gov.uk/check-state-pension';
    const { content } = await render({ body: `Scan this:\n\nqr: ${data}\n\nThanks` });
    const rects = content.rects.filter((r) => r.page === 1);
    expect(rects.length).toBeGreaterThan(50);

    const left = Math.min(...rects.map((r) => r.x));
    const right = Math.max(...rects.map((r) => r.x + r.width));
    const bottom = Math.min(...rects.map((r) => r.y));
    const top = Math.max(...rects.map((r) => r.y + r.height));
    // 5.25 lines of 16 pt square, centred in the 137.5 mm column.
    expect(right - left).toBeCloseTo(84, 1);
    expect(top - bottom).toBeCloseTo(84, 1);
    expect((left + right) / 2 / PT_PER_MM).toBeCloseTo(15 + 137.5 / 2, 1);

    // Rasterise the rectangles back into modules and compare with the expected symbol.
    const expected = QRCode.create(data, { errorCorrectionLevel: 'M' }).modules;
    const moduleSize = 84 / expected.size;
    const grid = Array.from({ length: expected.size }, () => new Array<number>(expected.size).fill(0));
    for (const r of rects) {
      const row = Math.round((top - (r.y + r.height)) / moduleSize);
      const start = Math.round((r.x - left) / moduleSize);
      const count = Math.round(r.width / moduleSize);
      for (let c = start; c < start + count; c++) {
        const cells = grid[row];
        if (cells) cells[c] = 1;
      }
    }
    for (let row = 0; row < expected.size; row++) {
      for (let col = 0; col < expected.size; col++) {
        expect(grid[row]?.[col]).toBe(expected.get(row, col) ? 1 : 0);
      }
    }
    const thanks = find(content, 'Thanks');
    expect(thanks?.y ?? Infinity).toBeLessThan(bottom);
  });

  it('renders headings, lists, links and URLs as Notify letters do', async () => {
    const body = [
      '# A heading',
      '## Not a heading',
      '* first\n* second',
      // A list only ends at a line that is not an item, so this paragraph keeps the lists apart.
      'Then:',
      '1. one\n2. two',
      'Visit https://www.gov.uk/apply or [the form](https://example.com/form).',
    ].join('\n\n');
    const { content } = await render({ body });
    expect(find(content, 'A heading')).toMatchObject({ size: 14, font: 'Helvetica-Bold' });
    expect(find(content, 'Not a heading')).toMatchObject({ size: 12.5, font: 'Helvetica' });
    expect(content.texts.filter((t) => t.text === '\u2022')).toHaveLength(2);
    expect(find(content, '1.')).toBeDefined();
    expect(find(content, '2.')).toBeDefined();
    expect(xMm(find(content, 'first') ?? { x: 0 })).toBeGreaterThan(15);
    expect(find(content, 'www.gov.uk/apply')?.font).toBe('Helvetica-Bold');
    expect(find(content, 'example.com/form')?.font).toBe('Helvetica-Bold');
    expect(content.texts.some((t) => t.text.includes('the form:'))).toBe(true);
    expect(content.texts.some((t) => t.text.includes('https://'))).toBe(false);
  });

  it('does not crash on text WinAnsi cannot encode', async () => {
    const weird = '日本語 Ελληνικά Привет 😀 ŵ \u2011 \u0000';
    const { result, content } = await render({
      addressLines: [`Mr ${weird}`, 'Street', 'SW1A 1AA'],
      contactBlock: weird,
      subject: weird,
      body: `${weird}\n\n* ${weird}\n\n# ${weird}\n\nqr: ${weird}`,
    });
    expect(result.pageCount).toBe(1);
    const all = content.texts.map((t) => t.text).join('\n');
    expect(all).toContain('??? ???????? ?????? ? w -');
    expect(content.rects.length).toBeGreaterThan(50);
  });

  it('prints the date in UK time', () => {
    expect(formatLetterDate(new Date('2026-06-30T23:30:00Z'))).toBe('1 July 2026');
    expect(formatLetterDate(new Date('2026-12-31T23:30:00Z'))).toBe('31 December 2026');
  });

  it('handles an empty body and no contact block', async () => {
    const { result, content } = await render({ body: '', contactBlock: null });
    expect(result.pageCount).toBe(1);
    expect(find(content, 'Page 1 of 1')).toBeDefined();
  });

  it('renders a one-page letter in well under 100 ms', async () => {
    await renderLetterPdf(base);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      await renderLetterPdf({ ...base, body: `${paragraphs(4)}\n\nqr: https://www.gov.uk/` });
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    expect(times[2]).toBeLessThan(100);
  });
});
