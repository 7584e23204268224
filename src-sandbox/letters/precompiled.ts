/**
 * The checks Notify runs on a precompiled letter after `POST /v2/notifications/letter` has accepted it
 * (status `pending-virus-check`): an antivirus scan first, then template-preview's sanitise step
 * (`app/precompiled.py`), whose failure codes are reused as `reason`.
 */
import { promisify } from 'node:util';
import { inflate } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';

const inflateAsync = promisify(inflate);

/** Notify's `LETTER_MAX_PAGE_COUNT`. */
export const LETTER_MAX_PAGE_COUNT = 10;

/**
 * The EICAR antivirus test string. Assembled at runtime so that this source file is not itself flagged by
 * a scanner.
 */
export const EICAR_TEST_STRING = [
  'X5O!P%@AP[4\\PZX54(P^)7CC)7}$',
  'EICAR-STANDARD-ANTIVIRUS',
  '-TEST-FILE!$H+H*',
].join('');

/** The name ClamAV gives the EICAR test file. */
export const EICAR_SIGNATURE_NAME = 'Eicar-Test-Signature';

/** Outcome of the precompiled-letter checks. */
export type PrecompiledInspection =
  | { ok: true; pageCount: number; sheets: number }
  | {
      ok: false;
      status: 'validation-failed' | 'virus-scan-failed';
      /**
       * Notify's code: `unable-to-read-the-file`, `letter-too-long` or `letter-not-a4-portrait-oriented`
       * for validation; the signature name for a virus.
       */
      reason: string;
      /** A human-readable explanation. */
      detail: string;
      /** Known when the PDF could be read. */
      pageCount?: number;
      /** 1-based pages that failed the A4 portrait check. */
      invalidPages?: number[];
    };

const A4_WIDTH_MM = 210;
const A4_HEIGHT_MM = 297;
const A4_TOLERANCE_MM = 2;
const MM_PER_PT = 25.4 / 72;
/** Cap on what one compressed stream may inflate to while scanning (a zip bomb must not hang the sandbox). */
const MAX_INFLATED_BYTES = 32 * 1024 * 1024;
/**
 * Cap on the bytes inflated for one letter's scan, all streams together; past it the rest is not
 * scanned (as a virus scanner's own size limits do). Inflating runs on the thread pool, never on the
 * event loop.
 */
const SCAN_BUDGET_BYTES = 64 * 1024 * 1024;

/**
 * Checks a precompiled letter the way Notify's asynchronous checks would. Never throws.
 *
 * 1. Virus scan: the EICAR test string in the raw bytes or in any Flate-compressed stream →
 *    `virus-scan-failed`.
 * 2. Not a PDF (no `%PDF-` header in the first 1024 bytes, unparsable, encrypted, no pages) →
 *    `validation-failed` / `unable-to-read-the-file`.
 * 3. More than 10 pages → `validation-failed` / `letter-too-long`.
 * 4. A page that is not A4 portrait (±2 mm, allowing for `/Rotate`) → `validation-failed` /
 *    `letter-not-a4-portrait-oriented`.
 */
export async function inspectPrecompiledLetter(bytes: Uint8Array): Promise<PrecompiledInspection> {
  try {
    return await inspect(bytes);
  } catch (error) {
    return unreadable(`Could not read the PDF: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function inspect(bytes: Uint8Array): Promise<PrecompiledInspection> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (await containsEicar(buffer)) {
    return {
      ok: false,
      status: 'virus-scan-failed',
      reason: EICAR_SIGNATURE_NAME,
      detail: 'The file contains the EICAR antivirus test signature.',
    };
  }
  const headerAt = buffer.subarray(0, 1024).indexOf('%PDF-', 0, 'latin1');
  if (headerAt < 0) return unreadable('The file is not a PDF: it has no %PDF- header.');

  let doc: PDFDocument;
  try {
    // pdf-lib parses 100 objects at a time (`ParseSpeeds.Slow`, its default), letting the event loop
    // run between them.
    doc = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return unreadable(`The PDF could not be parsed: ${message}`);
  }
  const pageCount = doc.getPageCount();
  if (pageCount === 0) return unreadable('The PDF has no pages.');
  if (pageCount > LETTER_MAX_PAGE_COUNT) {
    return {
      ok: false,
      status: 'validation-failed',
      reason: 'letter-too-long',
      detail: `The letter has ${pageCount} pages; the maximum is ${LETTER_MAX_PAGE_COUNT}.`,
      pageCount,
    };
  }
  const invalidPages = doc
    .getPages()
    .map((page, index) => {
      const box = page.getMediaBox();
      const rotation = ((page.getRotation().angle % 360) + 360) % 360;
      return isA4Portrait(box.width * MM_PER_PT, box.height * MM_PER_PT, rotation) ? 0 : index + 1;
    })
    .filter((page) => page > 0);
  if (invalidPages.length > 0) {
    return {
      ok: false,
      status: 'validation-failed',
      reason: 'letter-not-a4-portrait-oriented',
      detail: `Not A4 portrait: page ${invalidPages.join(', ')}.`,
      pageCount,
      invalidPages,
    };
  }
  return { ok: true, pageCount, sheets: Math.ceil(pageCount / 2) };
}

function unreadable(detail: string): PrecompiledInspection {
  return { ok: false, status: 'validation-failed', reason: 'unable-to-read-the-file', detail };
}

/** template-preview `_is_page_A4_portrait`. */
function isA4Portrait(widthMm: number, heightMm: number, rotation: number): boolean {
  const close = (a: number, b: number): boolean => Math.abs(a - b) <= A4_TOLERANCE_MM;
  if (close(heightMm, A4_HEIGHT_MM) && close(widthMm, A4_WIDTH_MM)) return rotation === 0 || rotation === 180;
  if (close(widthMm, A4_HEIGHT_MM) && close(heightMm, A4_WIDTH_MM))
    return rotation === 90 || rotation === 270;
  return false;
}

async function containsEicar(buffer: Buffer): Promise<boolean> {
  if (buffer.indexOf(EICAR_TEST_STRING, 0, 'latin1') >= 0) return true;
  // Look inside compressed streams too, as a PDF-aware scanner does.
  let from = 0;
  let budget = SCAN_BUDGET_BYTES;
  while (budget > 0) {
    const keyword = buffer.indexOf('stream', from, 'latin1');
    if (keyword < 0) return false;
    from = keyword + 6;
    if (buffer[keyword - 1] === 0x64 /* d: "endstream" */) continue;
    let start = from;
    if (buffer[start] === 0x0d) start++;
    if (buffer[start] === 0x0a) start++;
    const end = buffer.indexOf('endstream', start, 'latin1');
    if (end < 0) return false;
    try {
      const inflated = await inflateAsync(buffer.subarray(start, end), {
        maxOutputLength: Math.min(MAX_INFLATED_BYTES, budget),
      });
      budget -= inflated.length;
      if (inflated.indexOf(EICAR_TEST_STRING, 0, 'latin1') >= 0) return true;
    } catch (error) {
      // Not Flate data (or truncated): nothing more to see in this stream. One that inflates past
      // the cap uses up what was left of the budget.
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') budget -= MAX_INFLATED_BYTES;
    }
    from = end + 9;
  }
  return false;
}
