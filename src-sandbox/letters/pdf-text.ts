/**
 * Reads back what a simple PDF draws: text shown with single-byte (WinAnsi) fonts and filled rectangles,
 * with their positions. Enough for PDFs made by pdf-lib (this sandbox's letters and test PDFs) and for
 * many generated letters; PDFs with embedded CID fonts or custom encodings read as gibberish or nothing.
 *
 * A reader of what a page shows, not a rule of Notify's: `address-window.ts` uses it to find the
 * address in a precompiled letter, and the letter tests to check a rendered letter's layout.
 */
import { promisify } from 'node:util';
import { inflate } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, type PDFPage } from 'pdf-lib';

/** A text-showing operation, in PDF points from the bottom-left of the page. */
export interface PdfTextItem {
  /** 1-based page number. */
  page: number;
  x: number;
  y: number;
  size: number;
  /** The font's BaseFont, for example `Helvetica-Bold`. */
  font: string;
  text: string;
}

/** A rectangle appended with `re` (QR code modules, for example). */
interface PdfRect {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Everything {@link readPdfContent} found. */
export interface PdfContent {
  pageCount: number;
  pages: { width: number; height: number }[];
  texts: PdfTextItem[];
  rects: PdfRect[];
}

const WIN_ANSI_HIGH: Record<number, string> = {
  0x80: '\u20AC',
  0x82: '\u201A',
  0x83: '\u0192',
  0x84: '\u201E',
  0x85: '\u2026',
  0x86: '\u2020',
  0x87: '\u2021',
  0x88: '\u02C6',
  0x89: '\u2030',
  0x8a: '\u0160',
  0x8b: '\u2039',
  0x8c: '\u0152',
  0x8e: '\u017D',
  0x91: '\u2018',
  0x92: '\u2019',
  0x93: '\u201C',
  0x94: '\u201D',
  0x95: '\u2022',
  0x96: '\u2013',
  0x97: '\u2014',
  0x98: '\u02DC',
  0x99: '\u2122',
  0x9a: '\u0161',
  0x9b: '\u203A',
  0x9c: '\u0153',
  0x9e: '\u017E',
  0x9f: '\u0178',
};

function decodeWinAnsi(bytes: number[]): string {
  return bytes.map((b) => WIN_ANSI_HIGH[b] ?? String.fromCharCode(b)).join('');
}

/**
 * How much of a PDF {@link readPdfContent} reads: all of one this sandbox made, a bounded part of one
 * a client sent (a precompiled letter is untrusted).
 */
interface PdfReadLimits {
  /** Pages read, from the first (default: every page). */
  pages?: number;
  /**
   * The most of each page's drawing instructions read, decompressed (default: no limit). A content
   * stream past it is skipped, as is one in a filter other than Flate.
   */
  contentBytesPerPage?: number;
}

const inflateAsync = promisify(inflate);

/**
 * Parses a PDF and lists the text and rectangles each page read draws. Content streams are inflated
 * on the thread pool, never on the event loop. Throws if pdf-lib cannot load the file.
 */
export async function readPdfContent(bytes: Uint8Array, limits: PdfReadLimits = {}): Promise<PdfContent> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const content: PdfContent = { pageCount: doc.getPageCount(), pages: [], texts: [], rects: [] };
  const pages = doc.getPages().slice(0, limits.pages ?? doc.getPageCount());
  for (const [index, page] of pages.entries()) {
    content.pages.push(page.getSize());
    const streams = await pageContentBytes(doc, page, limits.contentBytesPerPage ?? Infinity);
    interpret(streams, fontNames(doc, page), index + 1, content);
  }
  return content;
}

/** A page's content streams, decompressed, up to `budget` bytes in all. */
async function pageContentBytes(doc: PDFDocument, page: PDFPage, budget: number): Promise<Uint8Array[]> {
  const contents = page.node.Contents();
  const refs = !contents ? [] : contents instanceof PDFArray ? contents.asArray() : [contents];
  const streams: Uint8Array[] = [];
  let left = budget;
  for (const ref of refs) {
    const stream = ref instanceof PDFRef ? doc.context.lookup(ref) : ref;
    if (!(stream instanceof PDFRawStream) || left <= 0) continue;
    const filter = stream.dict.lookup(PDFName.of('Filter'));
    const filters = filter instanceof PDFArray ? filter.asArray() : filter ? [filter] : [];
    const raw = stream.getContents();
    try {
      if (filters.length === 0) streams.push(raw.subarray(0, left));
      else if (filters.length === 1 && filters[0] === PDFName.of('FlateDecode'))
        streams.push(await inflateAsync(raw, Number.isFinite(left) ? { maxOutputLength: left } : {}));
      else continue;
    } catch {
      continue; // not Flate, or more than is read
    }
    left -= streams[streams.length - 1]!.length;
  }
  return streams;
}

function fontNames(doc: PDFDocument, page: PDFPage): Map<string, string> {
  const names = new Map<string, string>();
  const resources = page.node.Resources();
  const fonts = resources?.lookup(PDFName.of('Font'));
  if (!(fonts instanceof PDFDict)) return names;
  for (const [key, value] of fonts.entries()) {
    const font = value instanceof PDFRef ? doc.context.lookup(value) : value;
    const base = font instanceof PDFDict ? font.get(PDFName.of('BaseFont')) : undefined;
    names.set(key.asString(), base instanceof PDFName ? base.decodeText() : key.decodeText());
  }
  return names;
}

type Operand = number | string | { name: string } | Operand[];

function interpret(streams: Uint8Array[], fonts: Map<string, string>, page: number, out: PdfContent): void {
  let font = '';
  let size = 0;
  let leading = 0;
  let line = { x: 0, y: 0 };
  let ctm = { x: 0, y: 0 };
  const saved: { x: number; y: number }[] = [];
  for (const stream of streams) {
    const stack: Operand[] = [];
    for (const token of tokenize(Buffer.from(stream).toString('latin1'))) {
      if (token.kind === 'operand') {
        stack.push(token.value);
        continue;
      }
      const num = (i: number): number => {
        const v = stack[stack.length - i];
        return typeof v === 'number' ? v : 0;
      };
      switch (token.op) {
        case 'q':
          saved.push({ ...ctm });
          break;
        case 'Q':
          ctm = saved.pop() ?? { x: 0, y: 0 };
          break;
        case 'cm':
          ctm = { x: ctm.x + num(2), y: ctm.y + num(1) };
          break;
        case 'BT':
          line = { x: 0, y: 0 };
          break;
        case 'Tf': {
          const name = stack[stack.length - 2];
          font =
            typeof name === 'object' && !Array.isArray(name) ? (fonts.get(`/${name.name}`) ?? name.name) : '';
          size = num(1);
          break;
        }
        case 'TL':
          leading = num(1);
          break;
        case 'Tm':
          line = { x: num(2), y: num(1) };
          break;
        case 'Td':
        case 'TD':
          line = { x: line.x + num(2), y: line.y + num(1) };
          if (token.op === 'TD') leading = -num(1);
          break;
        case 'T*':
          line = { x: line.x, y: line.y - leading };
          break;
        case 'Tj':
        case 'TJ':
        case "'": {
          if (token.op === "'") line = { x: line.x, y: line.y - leading };
          const value = stack[stack.length - 1];
          const text = Array.isArray(value)
            ? value.filter((v): v is string => typeof v === 'string').join('')
            : typeof value === 'string'
              ? value
              : '';
          out.texts.push({ page, x: line.x + ctm.x, y: line.y + ctm.y, size, font, text });
          break;
        }
        case 're':
          out.rects.push({ page, x: num(4) + ctm.x, y: num(3) + ctm.y, width: num(2), height: num(1) });
          break;
      }
      stack.length = 0;
    }
  }
}

type Token = { kind: 'operand'; value: Operand } | { kind: 'op'; op: string };

function* tokenize(src: string): Generator<Token> {
  const arrays: Operand[][] = [];
  const emit = function* (value: Operand): Generator<Token> {
    const top = arrays[arrays.length - 1];
    if (top) top.push(value);
    else yield { kind: 'operand', value };
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i] ?? '';
    if (/\s/.test(c)) {
      i++;
    } else if (c === '%') {
      while (i < src.length && src[i] !== '\n' && src[i] !== '\r') i++;
    } else if (c === '[') {
      arrays.push([]);
      i++;
    } else if (c === ']') {
      const done = arrays.pop() ?? [];
      i++;
      yield* emit(done);
    } else if (c === '<' && src[i + 1] === '<') {
      // Inline dictionaries (marked content properties) are skipped.
      let depth = 0;
      do {
        if (src.startsWith('<<', i)) {
          depth++;
          i += 2;
        } else if (src.startsWith('>>', i)) {
          depth--;
          i += 2;
        } else i++;
      } while (depth > 0 && i < src.length);
    } else if (c === '<') {
      const end = src.indexOf('>', i);
      const hex = src.slice(i + 1, end < 0 ? src.length : end).replace(/\s+/g, '');
      const padded = hex.length % 2 ? `${hex}0` : hex;
      const bytes: number[] = [];
      for (let k = 0; k < padded.length; k += 2) bytes.push(parseInt(padded.slice(k, k + 2), 16));
      i = end < 0 ? src.length : end + 1;
      yield* emit(decodeWinAnsi(bytes));
    } else if (c === '(') {
      const bytes: number[] = [];
      let depth = 1;
      i++;
      while (i < src.length && depth > 0) {
        const ch = src[i] ?? '';
        if (ch === '\\') {
          const next = src[i + 1] ?? '';
          const escapes: Record<string, number> = {
            n: 10,
            r: 13,
            t: 9,
            b: 8,
            f: 12,
            '(': 40,
            ')': 41,
            '\\': 92,
          };
          if (/[0-7]/.test(next)) {
            const oct = /^[0-7]{1,3}/.exec(src.slice(i + 1))?.[0] ?? '0';
            bytes.push(parseInt(oct, 8) & 0xff);
            i += 1 + oct.length;
            continue;
          }
          if (escapes[next] !== undefined) bytes.push(escapes[next]);
          i += 2;
          continue;
        }
        if (ch === '(') depth++;
        if (ch === ')') depth--;
        if (depth > 0) bytes.push(ch.charCodeAt(0));
        i++;
      }
      yield* emit(decodeWinAnsi(bytes));
    } else if (c === '/') {
      const m = /^\/[^\s/[\]()<>{}%]*/.exec(src.slice(i, i + 256))?.[0] ?? '/';
      i += m.length;
      yield* emit({ name: m.slice(1) });
    } else if (/[-+.\d]/.test(c)) {
      const m = /^[-+]?(?:\d+\.?\d*|\.\d+)/.exec(src.slice(i, i + 64))?.[0] ?? c;
      i += m.length;
      yield* emit(Number(m) || 0);
    } else {
      const m = /^[^\s/[\]()<>{}%]+/.exec(src.slice(i, i + 64))?.[0] ?? c;
      i += m.length;
      if (arrays.length === 0) yield { kind: 'op', op: m };
    }
  }
}
