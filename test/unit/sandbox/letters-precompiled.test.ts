import fc from 'fast-check';
import { PDFDocument, PDFName, PDFNumber, degrees } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  EICAR_TEST_STRING,
  inspectPrecompiledLetter,
  makeTestPdf,
  renderLetterPdf,
} from '../../../src-sandbox/letters';
import { readAddressWindow } from '../../../src-sandbox/letters/address-window';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]): Uint8Array => new Uint8Array(Buffer.concat(parts));

describe('makeTestPdf', () => {
  it('makes valid A4 PDFs with the requested number of pages', async () => {
    for (const pages of [1, 2, 7]) {
      const doc = await PDFDocument.load(await makeTestPdf(pages));
      expect(doc.getPageCount()).toBe(pages);
      const { width, height } = doc.getPage(0).getSize();
      expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    }
  });

  it('puts an address in the address window', async () => {
    expect(await readAddressWindow(await makeTestPdf(1))).toEqual([
      'A. TEST',
      '1 TEST STREET',
      'LONDON',
      'SW1A 1AA',
    ]);
  });
});

describe('inspectPrecompiledLetter', () => {
  // pdf-lib warns on the console about every broken object it skips; these tests break PDFs on purpose.
  beforeEach(() => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('accepts a valid letter of up to 10 pages, counting duplex sheets', async () => {
    expect(await inspectPrecompiledLetter(await makeTestPdf(1))).toEqual({
      ok: true,
      pageCount: 1,
      sheets: 1,
    });
    expect(await inspectPrecompiledLetter(await makeTestPdf(3))).toEqual({
      ok: true,
      pageCount: 3,
      sheets: 2,
    });
    expect(await inspectPrecompiledLetter(await makeTestPdf(10))).toEqual({
      ok: true,
      pageCount: 10,
      sheets: 5,
    });
  });

  it('accepts a letter the sandbox rendered itself, and finds its address', async () => {
    const { pdf } = await renderLetterPdf({
      addressLines: ['Ms Sam Example', '1 Street', 'SW1A 2AA'],
      contactBlock: null,
      subject: 'Hello',
      body: 'Body',
      date: new Date('2026-01-01T12:00:00Z'),
    });
    expect(await inspectPrecompiledLetter(pdf)).toEqual({ ok: true, pageCount: 1, sheets: 1 });
    expect(await readAddressWindow(pdf)).toEqual(['MS SAM EXAMPLE', '1 STREET', 'SW1A 2AA']);
  });

  it('fails validation for more than 10 pages', async () => {
    expect(await inspectPrecompiledLetter(await makeTestPdf(11))).toMatchObject({
      ok: false,
      status: 'validation-failed',
      reason: 'letter-too-long',
      pageCount: 11,
    });
  });

  it('fails validation for things that are not PDFs', async () => {
    const cases = [
      new Uint8Array(0),
      encode('hello'),
      encode('%PDF-1.7\nnothing else here'),
      encode('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF'),
      (await makeTestPdf(2)).subarray(0, 40),
    ];
    for (const bytes of cases) {
      expect(await inspectPrecompiledLetter(bytes)).toMatchObject({
        ok: false,
        status: 'validation-failed',
        reason: 'unable-to-read-the-file',
      });
    }
  });

  it('fails validation for an encrypted PDF', async () => {
    const doc = await PDFDocument.load(await makeTestPdf(1));
    doc.context.trailerInfo.Encrypt = doc.context.obj({ Filter: 'Standard', V: 1, R: 2 });
    const result = await inspectPrecompiledLetter(await doc.save());
    expect(result).toMatchObject({
      ok: false,
      status: 'validation-failed',
      reason: 'unable-to-read-the-file',
    });
  });

  it('fails validation for pages that are not A4 portrait, allowing rotated landscape A4', async () => {
    expect(await inspectPrecompiledLetter(await makeTestPdf(2, { pageSize: [612, 792] }))).toMatchObject({
      ok: false,
      status: 'validation-failed',
      reason: 'letter-not-a4-portrait-oriented',
      invalidPages: [1, 2],
    });

    const doc = await PDFDocument.load(await makeTestPdf(3));
    doc.getPage(1).setSize(841.89, 595.28);
    expect(await inspectPrecompiledLetter(await doc.save())).toMatchObject({ invalidPages: [2] });
    doc.getPage(1).setRotation(degrees(90));
    expect(await inspectPrecompiledLetter(await doc.save())).toEqual({ ok: true, pageCount: 3, sheets: 2 });
    doc.getPage(1).node.set(PDFName.of('Rotate'), PDFNumber.of(-270));
    expect(await inspectPrecompiledLetter(await doc.save())).toMatchObject({ ok: true });
  });

  it('fails the virus scan for the EICAR test string, checked before anything else', async () => {
    const raw = concat(await makeTestPdf(1), encode(`\n%${EICAR_TEST_STRING}\n`));
    expect(await inspectPrecompiledLetter(raw)).toMatchObject({
      ok: false,
      status: 'virus-scan-failed',
      reason: 'Eicar-Test-Signature',
    });
    expect(await inspectPrecompiledLetter(encode(EICAR_TEST_STRING))).toMatchObject({
      status: 'virus-scan-failed',
    });
    expect(
      await inspectPrecompiledLetter(concat(await makeTestPdf(12), encode(EICAR_TEST_STRING))),
    ).toMatchObject({
      status: 'virus-scan-failed',
    });
  });

  it('finds the EICAR string inside a compressed stream', async () => {
    const pdf = await makeTestPdf(1, { eicar: true });
    expect(Buffer.from(pdf).includes(EICAR_TEST_STRING)).toBe(false);
    expect(await inspectPrecompiledLetter(pdf)).toMatchObject({ ok: false, status: 'virus-scan-failed' });
  });

  it('never throws, whatever the bytes', async () => {
    const header = encode('%PDF-1.7\n');
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), fc.boolean(), async (bytes, withHeader) => {
        const input = withHeader ? concat(header, bytes) : bytes;
        const result = await inspectPrecompiledLetter(input);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 150 },
    );
  });
});
