/**
 * Reads back what a simple PDF draws: text shown with single-byte (WinAnsi) fonts and filled rectangles,
 * with their positions. Enough for PDFs made by pdf-lib (this sandbox's letters and test PDFs) and for
 * many generated letters; PDFs with embedded CID fonts or custom encodings read as gibberish or nothing.
 *
 * Used by tests to check layout, and to find the address in a precompiled letter's address window, as
 * Notify's template-preview does.
 */
import { promisify } from 'node:util';
import { inflate } from 'node:zlib';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRawStream,
  PDFRef,
  decodePDFRawStream,
  type PDFPage,
} from 'pdf-lib';

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

/** Parses a PDF and lists the text and rectangles each page draws. Throws if pdf-lib cannot load it. */
export async function readPdfContent(bytes: Uint8Array): Promise<PdfContent> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const content: PdfContent = { pageCount: doc.getPageCount(), pages: [], texts: [], rects: [] };
  doc.getPages().forEach((page, index) => {
    const { width, height } = page.getSize();
    content.pages.push({ width, height });
    interpret(pageContentBytes(doc, page), fontNames(doc, page), index + 1, content);
  });
  return content;
}

/**
 * Finds the recipient address in a precompiled letter: the text lines on page 1 inside Notify's address
 * window (24.6–120 mm from the left, 39.5–66.3 mm from the top, with 1 mm of slack). Returns `[]` when none
 * can be read.
 */
export async function readAddressWindow(bytes: Uint8Array): Promise<string[]> {
  try {
    const content = await readFirstPage(bytes);
    const pageHeight = content.pages[0]?.height ?? 0;
    const mm = (v: number): number => (v * 72) / 25.4;
    const inWindow = content.texts.filter((t) => {
      const fromTop = pageHeight - t.y;
      return t.page === 1 && t.x >= mm(23.6) && t.x <= mm(121) && fromTop >= mm(38.5) && fromTop <= mm(67.3);
    });
    const rows = new Map<number, PdfTextItem[]>();
    for (const item of inWindow) {
      const key = Math.round(item.y * 2) / 2;
      rows.set(key, [...(rows.get(key) ?? []), item]);
    }
    return [...rows.entries()]
      .sort(([a], [b]) => b - a)
      .map(([, items]) =>
        items
          .sort((a, b) => a.x - b.x)
          .map((i) => i.text)
          .join(' ')
          .replace(/\s+/g, ' ')
          .trim(),
      )
      .filter((line) => line !== '');
  } catch {
    return [];
  }
}

const inflateAsync = promisify(inflate);
/** The most of page 1's drawing instructions read for the address window; the rest is not looked at. */
const FIRST_PAGE_CONTENT_BYTES = 1024 * 1024;

/**
 * Page 1 only, as the address window needs: a precompiled letter is untrusted, so its content streams
 * are inflated on the thread pool and only up to `FIRST_PAGE_CONTENT_BYTES` (a stream past that, or in
 * a filter other than Flate, is skipped).
 */
async function readFirstPage(bytes: Uint8Array): Promise<PdfContent> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const content: PdfContent = { pageCount: doc.getPageCount(), pages: [], texts: [], rects: [] };
  const page = doc.getPages()[0];
  if (!page) return content;
  content.pages.push(page.getSize());
  const contents = page.node.Contents();
  const refs = !contents ? [] : contents instanceof PDFArray ? contents.asArray() : [contents];
  const streams: Uint8Array[] = [];
  let budget = FIRST_PAGE_CONTENT_BYTES;
  for (const ref of refs) {
    const stream = ref instanceof PDFRef ? doc.context.lookup(ref) : ref;
    if (!(stream instanceof PDFRawStream) || budget <= 0) continue;
    const filter = stream.dict.lookup(PDFName.of('Filter'));
    const filters = filter instanceof PDFArray ? filter.asArray() : filter ? [filter] : [];
    const raw = stream.getContents();
    try {
      if (filters.length === 0) streams.push(raw.subarray(0, budget));
      else if (filters.length === 1 && filters[0] === PDFName.of('FlateDecode'))
        streams.push(await inflateAsync(raw, { maxOutputLength: budget }));
      else continue;
    } catch {
      continue; // not Flate, or more than is read
    }
    budget -= streams[streams.length - 1]!.length;
  }
  interpret(streams, fontNames(doc, page), 1, content);
  return content;
}

function pageContentBytes(doc: PDFDocument, page: PDFPage): Uint8Array[] {
  const contents = page.node.Contents();
  if (!contents) return [];
  const streams =
    contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents];
  return streams.flatMap((stream) => {
    if (stream instanceof PDFRawStream) return [decodePDFRawStream(stream).decode()];
    if (stream && 'getContents' in stream && typeof stream.getContents === 'function') {
      return [stream.getContents() as Uint8Array];
    }
    return [];
  });
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
