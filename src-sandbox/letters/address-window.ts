/**
 * Where Notify reads a precompiled letter's recipient: the text inside the address window on page 1,
 * as its template-preview does. The rule is Notify's; reading what the page shows is `pdf-text.ts`'s.
 */
import { readPdfContent, type PdfTextItem } from './pdf-text';

/**
 * The most of page 1's drawing instructions read for the address window; the rest is not looked at
 * (the PDF is a client's, so untrusted).
 */
const FIRST_PAGE_CONTENT_BYTES = 1024 * 1024;

/**
 * Finds the recipient address in a precompiled letter: the text lines on page 1 inside Notify's address
 * window (24.6–120 mm from the left, 39.5–66.3 mm from the top, with 1 mm of slack). Returns `[]` when none
 * can be read.
 */
export async function readAddressWindow(bytes: Uint8Array): Promise<string[]> {
  try {
    const content = await readPdfContent(bytes, { pages: 1, contentBytesPerPage: FIRST_PAGE_CONTENT_BYTES });
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
