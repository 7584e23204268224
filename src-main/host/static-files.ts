/**
 * Maps a request path to a file of the built renderer, and nothing outside it.
 *
 * The host serves the renderer from a directory on the user's disk, so the path check is a security
 * boundary: every segment is decoded once and refused if it could climb out (`..`, encoded `%2e%2e`,
 * separators hidden as `%2f`/`%5c`, drive letters, NUL), the joined path must stay under the root, and so
 * must its real path, so a symlink inside the build cannot point outside it either.
 */
import fs from 'node:fs';
import path from 'node:path';

// `fs.promises.*` is looked up at each call, not imported by name: Electron makes these functions read
// inside app.asar by replacing them on that object, and the app:// protocol serves the renderer from there.

export type StaticLookup =
  | { kind: 'file'; path: string; size: number; contentType: string }
  | { kind: 'not-found' }
  | { kind: 'bad-request' };

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

/** The Content-Type for a file name; unknown types are served as opaque bytes (with nosniff). */
function contentTypeFor(fileName: string): string {
  return CONTENT_TYPES[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Decodes a request target into safe path segments, or null if any segment is unsafe.
 *
 * Dot-files are refused as a whole (`.env`, `.git`): a build directory has none a page needs.
 */
export function safeSegments(target: string): string[] | null {
  const pathname = target.split(/[?#]/, 1)[0] ?? '';
  // Absolute-form targets (`GET http://evil/ HTTP/1.1`) and anything odd never map to a file.
  if (!pathname.startsWith('/')) return null;
  const segments: string[] = [];
  for (const raw of pathname.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment.startsWith('.') || /[/\\:\0]/.test(segment)) return null;
    segments.push(segment);
  }
  return segments;
}

function isInside(root: string, candidate: string): boolean {
  return candidate.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

/**
 * The regular file at `segments` (already checked by {@link safeSegments}) under `realRoot`, with no
 * fallback: anything missing, outside the root (also through a symlink) or not a file is not found.
 *
 * The Electron app:// protocol (src-main/electron/app-protocol.ts) serves the same tree through this.
 */
export async function fileAt(realRoot: string, segments: readonly string[]): Promise<StaticLookup> {
  const joined = path.resolve(realRoot, ...segments);
  if (!isInside(realRoot, joined)) return { kind: 'not-found' };
  try {
    const real = await fs.promises.realpath(joined);
    if (!isInside(realRoot, real)) return { kind: 'not-found' };
    const info = await fs.promises.stat(real);
    if (!info.isFile()) return { kind: 'not-found' };
    return { kind: 'file', path: real, size: info.size, contentType: contentTypeFor(real) };
  } catch {
    return { kind: 'not-found' };
  }
}

/**
 * Finds the file for a request target under `realRoot` (already resolved with `realpath`).
 *
 * `/` serves index.html, and so does any extension-less path that is not a file, so the renderer can use
 * history-style routes and a reload still works; paths with an extension that do not exist are 404, so a
 * missing script fails loudly instead of being answered with HTML.
 */
export async function resolveStaticFile(realRoot: string, target: string): Promise<StaticLookup> {
  const segments = safeSegments(target);
  if (segments === null) return { kind: 'bad-request' };
  if (segments.length === 0) return fileAt(realRoot, ['index.html']);
  const found = await fileAt(realRoot, segments);
  const last = segments[segments.length - 1] ?? '';
  if (found.kind === 'not-found' && path.extname(last) === '') return fileAt(realRoot, ['index.html']);
  return found;
}
