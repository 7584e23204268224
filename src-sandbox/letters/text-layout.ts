/**
 * Text measurement and line breaking for letter PDFs, with work bounded by what a page can show.
 *
 * Notify fails a letter over 10 pages, so the renderer never needs more than 11 pages of lines: a line
 * too long to show, a paragraph longer than those pages, is cut short before anything is measured.
 * Every step here is linear in the text it keeps.
 */
import type { PDFFont } from 'pdf-lib';
import type { HardLine, TextRun } from './letter-markdown';
import { niceTypography, toEncodableText } from './typography';

/**
 * The most characters of one hard line the renderer lays out. A line needs at least ~2.2 pt a
 * character, so this many fill far more than 11 pages of any column: the cut never changes whether a
 * letter fits in 10 pages.
 */
export const MAX_LAID_OUT_CHARACTERS = 200_000;

/** The two fonts, their shared character set, and cached measurements. */
export class Fonts {
  readonly charset: ReadonlySet<number>;
  private readonly widths = new Map<string, number>();
  private narrowest = -1;

  constructor(
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.charset = charsetFor(regular);
  }

  font(bold: boolean): PDFFont {
    return bold ? this.bold : this.regular;
  }

  /** Width in points of already-encodable text. Short texts (words) are cached. */
  width(text: string, bold: boolean, size: number): number {
    if (text.length > 64) return this.font(bold).widthOfTextAtSize(text, 1) * size;
    const key = `${bold ? 'b' : 'r'}${text}`;
    let perPoint = this.widths.get(key);
    if (perPoint === undefined) {
      perPoint = this.font(bold).widthOfTextAtSize(text, 1);
      this.widths.set(key, perPoint);
    }
    return perPoint * size;
  }

  /** The most characters of regular text that could fit in `width` points at `size`. */
  maxCharacters(width: number, size: number): number {
    if (this.narrowest < 0) {
      let min = Infinity;
      for (const code of this.charset) {
        const w = this.regular.widthOfTextAtSize(String.fromCharCode(code), 1);
        if (w > 0 && w < min) min = w;
      }
      this.narrowest = Number.isFinite(min) ? min : 0.1;
    }
    return Math.ceil(width / (this.narrowest * size)) + 1;
  }

  clean(text: string): string {
    return toEncodableText(text, this.charset);
  }
}

const charsets = new Map<string, ReadonlySet<number>>();
function charsetFor(font: PDFFont): ReadonlySet<number> {
  let set = charsets.get(font.name);
  if (!set) {
    set = new Set(font.getCharacterSet());
    charsets.set(font.name, set);
  }
  return set;
}

/** A line after wrapping: segments in one weight, each with its measured width. */
export interface VisualLine {
  segments: { text: string; bold: boolean; width: number }[];
}

/**
 * Breaks hard lines into lines no wider than `maxWidth`, at spaces (or mid-word when a word is too
 * long), stopping after `maxLines` lines: a caller that can show no more never pays for more.
 */
export function wrap(
  lines: HardLine[],
  fonts: Fonts,
  size: number,
  maxWidth: number,
  options: { forceBold?: boolean; maxLines?: number; typography?: boolean } = {},
): VisualLine[] {
  const maxLines = options.maxLines ?? Infinity;
  const out: VisualLine[] = [];
  const space = fonts.width(' ', false, size);
  for (const hardLine of lines) {
    if (out.length >= maxLines) break;
    const words = splitWords(hardLine, fonts, options.forceBold ?? false, options.typography ?? false);
    let current: VisualLine = { segments: [] };
    let currentWidth = 0;
    const pushPiece = (text: string, bold: boolean, width: number): void => {
      const last = current.segments[current.segments.length - 1];
      if (last && last.bold === bold) {
        last.text += text;
        last.width += width;
      } else {
        current.segments.push({ text, bold, width });
      }
      currentWidth += width;
    };
    const breakLine = (): boolean => {
      out.push(current);
      current = { segments: [] };
      currentWidth = 0;
      return out.length >= maxLines;
    };
    let full = false;
    for (const word of words) {
      const wordWidth = word.reduce((sum, piece) => sum + fonts.width(piece.text, piece.bold, size), 0);
      const needed = current.segments.length > 0 ? space + wordWidth : wordWidth;
      if (currentWidth + needed > maxWidth && current.segments.length > 0 && breakLine()) {
        full = true;
        break;
      }
      if (current.segments.length > 0) {
        // A space is bold only between bold words, so bold segments never carry stray spaces.
        const previousBold = current.segments[current.segments.length - 1]?.bold ?? false;
        const bold = previousBold && (word[0]?.bold ?? false);
        pushPiece(' ', bold, fonts.width(' ', bold, size));
      }
      if (wordWidth <= maxWidth) {
        for (const piece of word)
          pushPiece(piece.text, piece.bold, fonts.width(piece.text, piece.bold, size));
        continue;
      }
      for (const piece of word) {
        for (const ch of piece.text) {
          const width = fonts.width(ch, piece.bold, size);
          if (currentWidth + width > maxWidth && current.segments.length > 0 && breakLine()) {
            full = true;
            break;
          }
          pushPiece(ch, piece.bold, width);
        }
        if (full) break;
      }
      if (full) break;
    }
    if (!full) out.push(current);
  }
  return out.slice(0, maxLines);
}

/**
 * The words of a hard line (a word may span runs of both weights), made as they are taken: Notify's
 * typography and the font clean-up run on a run only when wrapping reaches it, and on no more than
 * `MAX_LAID_OUT_CHARACTERS` of the line.
 */
function* splitWords(
  line: HardLine,
  fonts: Fonts,
  forceBold: boolean,
  typography: boolean,
): Generator<TextRun[]> {
  let word: TextRun[] = [];
  let previous = '';
  let budget = MAX_LAID_OUT_CHARACTERS;
  for (const run of line) {
    if (budget <= 0) break;
    const kept = run.text.length > budget ? run.text.slice(0, budget) : run.text;
    budget -= kept.length;
    const text = typography ? niceTypography(kept, previous) : kept;
    previous = text.slice(-1);
    const parts = fonts.clean(text).split(' ');
    for (let index = 0; index < parts.length; index++) {
      if (index > 0 && word.length > 0) {
        yield word;
        word = [];
      }
      const part = parts[index]!;
      if (part !== '') word.push({ text: part, bold: forceBold || run.bold });
    }
  }
  if (word.length > 0) yield word;
}

/**
 * The longest start of `text` no wider than `maxWidth` (`white-space: nowrap; overflow: hidden`):
 * found by halving on a copy already cut to what could ever fit, so a huge line costs no more than a
 * short one.
 */
export function clipToWidth(text: string, fonts: Fonts, size: number, maxWidth: number): string {
  const candidate = text.slice(0, fonts.maxCharacters(maxWidth, size));
  if (fonts.width(candidate, false, size) <= maxWidth) return candidate;
  let lo = 1; // at least one character is shown, as before
  let hi = candidate.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fonts.width(candidate.slice(0, mid), false, size) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return candidate.slice(0, lo);
}
