/**
 * `npm run icons`: makes every platform's app icon from the one source image, build/icon.svg.
 *
 * Writes, next to it (the output is committed, so packaging needs no image tools):
 * - build/icon.png: 1024 px, the master PNG;
 * - build/icons/<n>x<n>.png: the Linux icon set (electron-builder's `linux.icon` folder);
 * - build/icon.ico: Windows, 16 to 256 px (BMP entries below 256 px, which every Windows tool and
 *   NSIS reads; a PNG entry at 256 px, as Windows itself ships them);
 * - build/icon.icns: macOS, 16 to 1024 px including the @2x variants, all PNG entries.
 *
 * The SVG is rendered by resvg (an npm package with prebuilt binaries: no internet, no system
 * library). The ICO and ICNS containers are simple enough to write here, which keeps their layout
 * visible and tested (test/unit/release/icons.test.ts) rather than hidden in another dependency.
 * Output is deterministic: the test re-renders and compares bytes with the committed files.
 */
import { Resvg } from '@resvg/resvg-js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** A rendered square icon: its PNG file and its straight (not premultiplied) RGBA pixels. */
export interface RenderedIcon {
  size: number;
  png: Buffer;
  rgba: Buffer;
}

/** Sizes of the Linux icon set (freedesktop's hicolor theme sizes). */
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
/** Sizes in the Windows .ico. */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;
/** The .icns entries: OSType and pixel size. `ic11`–`ic14` are the @2x variants of 16–256 pt. */
export const ICNS_ENTRIES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
] as const;

/** Renders the SVG at `size` × `size` pixels. */
export function renderIcon(svg: string, size: number): RenderedIcon {
  const image = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render();
  if (image.width !== size || image.height !== size) {
    throw new Error(`icon.svg must be square: rendered ${image.width}×${image.height} for ${size}`);
  }
  // resvg hands back premultiplied pixels; ICO bitmaps want straight alpha.
  const rgba = Buffer.from(image.pixels);
  for (let i = 0; i < rgba.length; i += 4) {
    const alpha = rgba[i + 3]!;
    if (alpha === 0 || alpha === 255) continue;
    for (let c = 0; c < 3; c += 1) rgba[i + c] = Math.min(255, Math.round((rgba[i + c]! * 255) / alpha));
  }
  return { size, png: Buffer.from(image.asPng()), rgba };
}

/** A 32-bit BMP entry for an .ico: BITMAPINFOHEADER, bottom-up BGRA rows, then the 1-bit AND mask. */
function icoBitmap({ size, rgba }: RenderedIcon): Buffer {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // XOR bitmap + AND mask, stacked
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  header.writeUInt32LE(size * size * 4, 20);
  const pixels = Buffer.alloc(size * size * 4);
  const maskRow = Math.ceil(size / 32) * 4;
  const mask = Buffer.alloc(maskRow * size);
  for (let y = 0; y < size; y += 1) {
    const row = size - 1 - y;
    for (let x = 0; x < size; x += 1) {
      const from = (y * size + x) * 4;
      const to = (row * size + x) * 4;
      pixels[to] = rgba[from + 2]!;
      pixels[to + 1] = rgba[from + 1]!;
      pixels[to + 2] = rgba[from]!;
      pixels[to + 3] = rgba[from + 3]!;
      // The AND mask marks fully transparent pixels, for the rare reader that ignores alpha.
      if (rgba[from + 3] === 0) mask[row * maskRow + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return Buffer.concat([header, pixels, mask]);
}

/** A Windows .ico holding `icons` (BMP below 256 px, PNG at 256 px). */
export function encodeIco(icons: readonly RenderedIcon[]): Buffer {
  const head = Buffer.alloc(6);
  head.writeUInt16LE(0, 0);
  head.writeUInt16LE(1, 2); // 1 = icon
  head.writeUInt16LE(icons.length, 4);
  const images = icons.map((icon) => (icon.size >= 256 ? icon.png : icoBitmap(icon)));
  const directory = Buffer.alloc(16 * icons.length);
  let offset = head.length + directory.length;
  icons.forEach((icon, i) => {
    const entry = i * 16;
    directory.writeUInt8(icon.size >= 256 ? 0 : icon.size, entry); // 0 means 256
    directory.writeUInt8(icon.size >= 256 ? 0 : icon.size, entry + 1);
    directory.writeUInt16LE(1, entry + 4); // colour planes
    directory.writeUInt16LE(32, entry + 6); // bits per pixel
    directory.writeUInt32LE(images[i]!.length, entry + 8);
    directory.writeUInt32LE(offset, entry + 12);
    offset += images[i]!.length;
  });
  return Buffer.concat([head, directory, ...images]);
}

/** A macOS .icns: 'icns', total length, then (OSType, length, PNG) entries. */
export function encodeIcns(entries: readonly { type: string; png: Buffer }[]): Buffer {
  const chunks = entries.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + chunks.reduce((sum, c) => sum + c.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}

/** Every output file, relative to the output folder, with its bytes. */
export function makeIcons(svg: string): Map<string, Buffer> {
  const sizes = new Set<number>([...LINUX_SIZES, ...ICO_SIZES, ...ICNS_ENTRIES.map(([, s]) => s)]);
  const rendered = new Map([...sizes].map((size) => [size, renderIcon(svg, size)]));
  const at = (size: number): RenderedIcon => rendered.get(size)!;
  const files = new Map<string, Buffer>();
  files.set('icon.png', at(1024).png);
  for (const size of LINUX_SIZES) files.set(`icons/${size}x${size}.png`, at(size).png);
  files.set('icon.ico', encodeIco(ICO_SIZES.map(at)));
  files.set('icon.icns', encodeIcns(ICNS_ENTRIES.map(([type, size]) => ({ type, png: at(size).png }))));
  return files;
}

/** Renders build/icon.svg into `outDir` (default: build/). */
export function writeIcons(svgPath: string, outDir: string): string[] {
  const files = makeIcons(readFileSync(svgPath, 'utf8'));
  for (const [name, bytes] of files) {
    mkdirSync(path.dirname(path.join(outDir, name)), { recursive: true });
    writeFileSync(path.join(outDir, name), bytes);
  }
  return [...files.keys()];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const buildDir = fileURLToPath(new URL('../build/', import.meta.url));
  const written = writeIcons(path.join(buildDir, 'icon.svg'), buildDir);
  console.log(`icons: wrote ${written.length} files to build/ from build/icon.svg`);
}
