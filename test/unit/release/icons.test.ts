/**
 * The app icons: the committed files are exactly what `npm run icons` makes from build/icon.svg (so
 * nobody edits one by hand and forgets the others), and each container holds the sizes each OS asks
 * for, readable the way Windows and macOS read them.
 */
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ICNS_ENTRIES, ICO_SIZES, LINUX_SIZES, makeIcons, renderIcon } from '../../../scripts/make-icons';

const buildDir = fileURLToPath(new URL('../../../build/', import.meta.url));
const svg = readFileSync(path.join(buildDir, 'icon.svg'), 'utf8');
const committed = (name: string): Buffer => readFileSync(path.join(buildDir, name));
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Width and height from a PNG's IHDR chunk. */
const pngSize = (png: Buffer): [number, number] => {
  expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
};
/**
 * A PNG's straight RGBA pixels (8-bit RGBA, not interlaced: what resvg writes). Enough of a decoder
 * to compare pixels, which may differ by a rounding step between CPU architectures, where bytes would.
 */
function pngPixels(png: Buffer): Buffer {
  const [width, height] = pngSize(png);
  expect([png[24], png[25], png[28]], 'bit depth 8, colour type RGBA, no interlace').toEqual([8, 6, 0]);
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    if (png.subarray(at + 4, at + 8).toString('ascii') === 'IDAT')
      idat.push(png.subarray(at + 8, at + 8 + length));
    at += length + 12;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x += 1) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= 4 ? out[y * stride + x - 4]! : 0;
      const b = y > 0 ? out[(y - 1) * stride + x]! : 0;
      const c = x >= 4 && y > 0 ? out[(y - 1) * stride + x - 4]! : 0;
      const p = a + b - c;
      const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter];
      if (predictor === undefined) throw new Error(`PNG filter ${filter} in row ${y}`);
      out[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return out;
}

/** The largest difference between two same-sized pixel buffers, in any one channel. */
function maxDifference(a: Buffer, b: Buffer): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i += 1) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}
/** Pixels may differ by this much (of 255) from a fresh render: resvg rounds per CPU architecture. */
const TOLERANCE = 2;

/** The tile's blue, #1d70b8. */
const TILE = [0x1d, 0x70, 0xb8, 255];

describe('app icons', () => {
  const made = makeIcons(svg);

  it('the committed icons are what npm run icons makes from build/icon.svg', () => {
    expect([...made.keys()].sort()).toEqual(
      ['icon.png', 'icon.ico', 'icon.icns', ...LINUX_SIZES.map((s) => `icons/${s}x${s}.png`)].sort(),
    );
    for (const size of LINUX_SIZES) {
      const stale = maxDifference(
        pngPixels(committed(`icons/${size}x${size}.png`)),
        renderIcon(svg, size).rgba,
      );
      expect(stale, `icons/${size}x${size}.png is stale: npm run icons`).toBeLessThanOrEqual(TOLERANCE);
    }
    // On the architecture they were made on (x64), byte for byte.
    if (process.arch === 'x64') {
      for (const [name, bytes] of made)
        expect(committed(name).equals(bytes), `${name} is stale: npm run icons`).toBe(true);
    }
  });

  it('the Linux set and the master PNG have the sizes their names say', () => {
    expect(pngSize(committed('icon.png'))).toEqual([1024, 1024]);
    for (const s of LINUX_SIZES) expect(pngSize(committed(`icons/${s}x${s}.png`))).toEqual([s, s]);
  });

  describe('icon.ico (Windows)', () => {
    const ico = committed('icon.ico');
    const entries = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
      const at = 6 + i * 16;
      return {
        width: ico.readUInt8(at) || 256,
        height: ico.readUInt8(at + 1) || 256,
        bits: ico.readUInt16LE(at + 6),
        data: ico.subarray(ico.readUInt32LE(at + 12), ico.readUInt32LE(at + 12) + ico.readUInt32LE(at + 8)),
        end: ico.readUInt32LE(at + 12) + ico.readUInt32LE(at + 8),
      };
    });

    it('is an icon resource with 16 to 256 px entries of 32 bits, inside the file', () => {
      expect(ico.readUInt16LE(0)).toBe(0);
      expect(ico.readUInt16LE(2)).toBe(1);
      expect(entries.map((e) => [e.width, e.height, e.bits])).toEqual(ICO_SIZES.map((s) => [s, s, 32]));
      expect(Math.max(...entries.map((e) => e.end))).toBe(ico.length);
    });

    it('holds a PNG at 256 px and bitmaps below, whose pixels show the icon', () => {
      expect(pngSize(entries.at(-1)!.data)).toEqual([256, 256]);
      expect(maxDifference(pngPixels(entries.at(-1)!.data), renderIcon(svg, 256).rgba)).toBeLessThanOrEqual(
        TOLERANCE,
      );
      for (const { width, data } of entries.slice(0, -1)) {
        expect(data.readUInt32LE(0)).toBe(40);
        expect([data.readInt32LE(4), data.readInt32LE(8), data.readUInt16LE(14)]).toEqual([
          width,
          width * 2,
          32,
        ]);
        // Bottom-up BGRA rows: the centre is the blue tile, the top-left corner transparent.
        const pixel = (x: number, y: number) => {
          const at = 40 + ((width - 1 - y) * width + x) * 4;
          return [data[at + 2], data[at + 1], data[at], data[at + 3]];
        };
        expect(pixel(Math.round(width * 0.2), Math.round(width * 0.8)), `${width} px`).toEqual(TILE);
        // Every pixel matches the rendered icon (bottom-up BGRA read back as top-down RGBA).
        const rgba = Buffer.alloc(width * width * 4);
        for (let y = 0; y < width; y += 1) {
          for (let x = 0; x < width; x += 1) rgba.set(pixel(x, y) as number[], (y * width + x) * 4);
        }
        expect(maxDifference(rgba, renderIcon(svg, width).rgba), `${width} px`).toBeLessThanOrEqual(
          TOLERANCE,
        );
        expect(pixel(0, 0)[3]).toBe(0);
        // …and the AND mask marks that corner transparent too (top row is the mask's last row).
        const maskRow = Math.ceil(width / 32) * 4;
        const mask = data.subarray(40 + width * width * 4);
        expect(mask.length).toBe(maskRow * width);
        expect(mask[(width - 1) * maskRow]! & 0x80).toBe(0x80);
      }
    });
  });

  it('icon.icns (macOS) holds every size from 16 px to 1024 px as PNG entries, @2x included', () => {
    const icns = committed('icon.icns');
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const found: [string, number][] = [];
    for (let at = 8; at < icns.length;) {
      const length = icns.readUInt32BE(at + 4);
      expect(length).toBeGreaterThan(8);
      const png = icns.subarray(at + 8, at + length);
      const [w, h] = pngSize(png);
      expect(w).toBe(h);
      expect(maxDifference(pngPixels(png), renderIcon(svg, w).rgba)).toBeLessThanOrEqual(TOLERANCE);
      found.push([icns.subarray(at, at + 4).toString('ascii'), w]);
      at += length;
    }
    expect(found).toEqual(ICNS_ENTRIES.map(([type, size]) => [type, size]));
  });

  it('refuses a source image that is not square', () => {
    const wide = svg.replace(
      'width="1024" height="1024" viewBox="0 0 1024 1024"',
      'width="2048" height="1024" viewBox="0 0 2048 1024"',
    );
    expect(() => renderIcon(wide, 64)).toThrow('icon.svg must be square: rendered 64×32 for 64');
  });
});
