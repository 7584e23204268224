/**
 * The console's own URL scheme, `app://notify-console/`, which serves the built renderer (Electron
 * security checklist item 18: a custom protocol instead of `file://`).
 *
 * A `file://` page can point at any file on the disk, has no origin of its own to tell it apart from
 * other local files, and gets no response headers. Served from our scheme, the page has an origin of its
 * own, only the files of the built renderer exist under it, and every response carries the
 * Content-Security-Policy.
 *
 * Nothing here imports `electron`: main.ts registers {@link PRIVILEGED_SCHEMES} before `ready` and hands
 * {@link appProtocolHandler} to `protocol.handle`. The path checks are the browser host's
 * (../host/static-files.ts), without its fallback to index.html for unknown paths: the renderer
 * has no history-style routes, so here a path that is not a file is simply 404.
 */
import fs from 'node:fs';
import { fileAt, safeSegments, type StaticLookup } from '../host/static-files';
import { CONTENT_SECURITY_POLICY } from '../host/content-security-policy';

export const APP_SCHEME = 'app';
const APP_HOST = 'notify-console';
/** The origin the built renderer runs in. */
const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** What the main window loads in a built or packaged console. */
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** The privileges Electron's `CustomScheme` takes; only the ones we set or deliberately leave off. */
interface SchemePrivileges {
  standard?: boolean;
  secure?: boolean;
  supportFetchAPI?: boolean;
  bypassCSP?: boolean;
  corsEnabled?: boolean;
  allowServiceWorkers?: boolean;
  stream?: boolean;
}

const APP_SCHEME_PRIVILEGES: Readonly<SchemePrivileges> = Object.freeze({
  // Parsed like http: relative URLs (`./assets/index-….js`) resolve against the page, and the page
  // gets a real (scheme, host) origin, which `'self'` in the CSP and localStorage key on. A scheme
  // that is not standard behaves like file://, with an opaque origin.
  standard: true,
  // A secure context, like https: `navigator.clipboard.writeText` (the copy buttons) and
  // `crypto.subtle` exist only in secure contexts.
  secure: true,
  // Lets the page `fetch()` its own files; Chromium otherwise refuses fetch to an unknown scheme
  // outright. Nothing in today's renderer does, but a Vite build may (a JSON or wasm asset), and it
  // grants no cross-origin access: that would be corsEnabled.
  supportFetchAPI: true,
  // Deliberately absent:
  // - bypassCSP: the whole point is that this page obeys its Content-Security-Policy.
  // - corsEnabled: every request is same-origin (page and assets all on app://notify-console), which
  //   needs no CORS; setting it would let other origins read our files without an
  //   Access-Control-Allow-Origin check.
  // - allowServiceWorkers, stream: no service worker; every response is a small whole file.
});

/** The argument of `protocol.registerSchemesAsPrivileged`. */
export const PRIVILEGED_SCHEMES: readonly { scheme: string; privileges: Readonly<SchemePrivileges> }[] = [
  { scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES },
];

/** The slice of the `Request` that `protocol.handle` passes which the handler reads. */
interface ProtocolRequestLike {
  readonly url: string;
  readonly method: string;
}

/** Reads a whole file; main.ts passes `fs.promises.readFile`, which Electron makes read inside app.asar. */
type ReadFile = (absolutePath: string) => Promise<Uint8Array>;

export type AppProtocolHandler = (request: ProtocolRequestLike) => Promise<Response>;

/** Headers on every answer, errors included. */
function baseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
  };
}

/** A fixed plain-text answer: never a path, a stack or anything taken from the request. */
function plain(status: 400 | 404 | 405 | 500, method: string): Response {
  const text = {
    400: 'Bad request',
    404: 'Not found',
    405: 'Method not allowed',
    500: 'Internal error',
  }[status];
  const headers = baseHeaders('text/plain; charset=utf-8');
  if (status === 405) headers['Allow'] = 'GET, HEAD';
  return new Response(method === 'HEAD' ? null : text, { status, headers });
}

// Chromium hands the handler canonical URLs, which never hold spaces or control characters; the URL
// parser would silently drop tabs and newlines, so a URL that has any is refused rather than guessed at.
function hasControlOrSpace(url: string): boolean {
  for (let i = 0; i < url.length; i++) {
    const code = url.charCodeAt(i);
    if (code <= 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * The path exactly as written in the URL, before the URL parser resolves `.`/`..` segments, so a
 * request that tries to climb is refused instead of quietly answered with another file.
 */
function rawPathOf(url: string): string | null {
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(url);
  return match === null ? null : match[1] || '/';
}

/**
 * The `protocol.handle` handler for {@link APP_SCHEME}: serves the files under `rendererDir`.
 *
 * A URL that does not parse, is not app://, has no host or has credentials is 400. GET and HEAD only
 * (405 otherwise), on {@link APP_HOST} only (404 for another host or a port). The path is
 * decoded once per segment and refused with 400 if any segment could climb or smuggle a separator:
 * `..` or `.` (also as `%2e`), any dot-file, `%2f`, `%5c`, backslashes, `:`, NUL. The file must then
 * really be inside `rendererDir`, symlinks resolved, and be a regular file (404 otherwise, directories
 * included). `/` is index.html. Every answer carries our CSP and `nosniff`; the handler never throws.
 */
export function appProtocolHandler(rendererDir: string, readFile: ReadFile): AppProtocolHandler {
  let realRoot: Promise<string> | null = null;
  const root = (): Promise<string> => {
    realRoot ??= fs.promises.realpath(rendererDir).catch((err: unknown) => {
      realRoot = null; // Try again next time (the build may appear later in development).
      throw err;
    });
    return realRoot;
  };

  const serve = async (request: ProtocolRequestLike): Promise<Response> => {
    const method = String(request.method);
    const raw = String(request.url);
    if (hasControlOrSpace(raw)) return plain(400, method);
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return plain(400, method);
    }
    if (
      url.protocol !== `${APP_SCHEME}:` ||
      url.hostname === '' ||
      url.username !== '' ||
      url.password !== ''
    )
      return plain(400, method);
    if (url.host.toLowerCase() !== APP_HOST) return plain(404, method);
    if (method !== 'GET' && method !== 'HEAD') return plain(405, method);

    const rawPath = rawPathOf(raw);
    const segments = rawPath === null ? null : safeSegments(rawPath);
    if (segments === null) return plain(400, method);

    let found: StaticLookup;
    try {
      found = await fileAt(await root(), segments.length === 0 ? ['index.html'] : segments);
    } catch {
      return plain(404, method);
    }
    if (found.kind !== 'file') return plain(404, method);

    let body: Uint8Array;
    try {
      body = await readFile(found.path);
    } catch {
      return plain(404, method);
    }
    return new Response(method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: baseHeaders(found.contentType),
    });
  };

  return async (request) => {
    try {
      return await serve(request);
    } catch {
      return plain(500, 'GET');
    }
  };
}
