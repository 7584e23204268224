/**
 * The app:// protocol that serves the built renderer (Electron checklist 18), in plain Node: the handler
 * is given a temporary renderer directory with secrets beside it, and must serve the one and never the
 * other. `electron` is never imported (vitest aliases it to a module that throws).
 */
import fc from 'fast-check';
import { mkdir, mkdtemp, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  APP_INDEX_URL,
  APP_SCHEME,
  appProtocolHandler,
  PRIVILEGED_SCHEMES,
  type AppProtocolHandler,
} from '../../../src-main/electron/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../src-main/host/content-security-policy';

/** The origin the built renderer runs in: scheme `app`, host `notify-console` (checklist 18). */
const ORIGIN = 'app://notify-console';

const PARENT_SECRET = 'PARENT-SECRET-7f3a';
const TOP_SECRET = 'TOP-SECRET-91c2';
const DOT_SECRET = 'DOT-SECRET-44be';

/** The renderer's files (relative path → contents and the Content-Type it must be served with). */
const FILES: Record<string, { body: string; type: string }> = {
  'index.html': { body: '<!doctype html><title>Notify Console</title>', type: 'text/html; charset=utf-8' },
  'assets/index-abc123.js': { body: 'console.log("app")', type: 'text/javascript; charset=utf-8' },
  'assets/chunk.mjs': { body: 'export const x = 1;', type: 'text/javascript; charset=utf-8' },
  'assets/index-abc123.css': { body: 'body{margin:0}', type: 'text/css; charset=utf-8' },
  'assets/index-abc123.js.map': { body: '{"version":3}', type: 'application/json; charset=utf-8' },
  'assets/fonts/inter.woff2': { body: 'wOF2-font-bytes', type: 'font/woff2' },
  'assets/logo.svg': { body: '<svg xmlns="http://www.w3.org/2000/svg"/>', type: 'image/svg+xml' },
  'assets/a b.png': { body: 'png-bytes', type: 'image/png' },
  'favicon.ico': { body: 'ico-bytes', type: 'image/x-icon' },
  'manifest.json': { body: '{"name":"console"}', type: 'application/json; charset=utf-8' },
  'assets/blob.bin': { body: 'opaque-bytes', type: 'application/octet-stream' },
  'assets/%2e%2e': { body: 'a file really named %2e%2e', type: 'application/octet-stream' },
};

let tmp: string;
let rendererDir: string;
let handler: AppProtocolHandler;
/** Real paths of the regular files that are really inside the renderer directory. */
const insideFiles = new Map<string, string>();

beforeAll(async () => {
  tmp = await realpath(await mkdtemp(path.join(tmpdir(), 'nc-protocol-')));
  rendererDir = path.join(tmp, 'renderer');
  await writeFile(path.join(tmp, 'package.json'), JSON.stringify({ secret: PARENT_SECRET }));
  await writeFile(path.join(tmp, 'secret'), TOP_SECRET);
  await mkdir(path.join(tmp, 'outside'));
  await writeFile(path.join(tmp, 'outside', 'index.js'), TOP_SECRET);
  for (const [rel, { body }] of Object.entries(FILES)) {
    const file = path.join(rendererDir, ...rel.split('/'));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, body);
    insideFiles.set(file, body);
  }
  await mkdir(path.join(rendererDir, 'empty-dir'));
  await writeFile(path.join(rendererDir, '.env'), DOT_SECRET);
  // Symlinks: one out of the directory (file and folder), one that stays inside.
  await symlink(path.join(tmp, 'secret'), path.join(rendererDir, 'leak.txt'));
  await symlink(path.join(tmp, 'outside'), path.join(rendererDir, 'assets', 'outside'));
  await symlink(path.join(rendererDir, 'assets', 'index-abc123.js'), path.join(rendererDir, 'alias.js'));
  handler = appProtocolHandler(rendererDir, (file) => readFile(file));
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const get = (pathAndQuery: string, method = 'GET') => handler({ url: `${ORIGIN}${pathAndQuery}`, method });

/** Every answer, errors included, carries the CSP and nosniff, and never a filesystem path. */
async function hardened(response: Response): Promise<string> {
  expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('content-type')).toBeTruthy();
  const body = await response.text();
  expect(body).not.toContain(tmp);
  expect(body).not.toContain(rendererDir);
  for (const secret of [PARENT_SECRET, TOP_SECRET, DOT_SECRET]) expect(body).not.toContain(secret);
  return body;
}

describe('app:// scheme registration', () => {
  it('is app://notify-console, loading index.html', () => {
    expect(APP_SCHEME).toBe('app');
    expect(APP_INDEX_URL).toBe('app://notify-console/index.html');
  });

  it('asks for standard, secure and fetch, and never CSP bypass or CORS', () => {
    expect(PRIVILEGED_SCHEMES).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    const privileges = PRIVILEGED_SCHEMES[0]!.privileges;
    expect(privileges).not.toHaveProperty('bypassCSP');
    expect(privileges).not.toHaveProperty('corsEnabled');
    expect(Object.isFrozen(privileges)).toBe(true);
  });
});

describe('appProtocolHandler: serving the renderer', () => {
  it.each(Object.entries(FILES))('serves %s with its Content-Type', async (rel, { body, type }) => {
    const response = await get(`/${rel.split('/').map(encodeURIComponent).join('/')}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(await hardened(response)).toBe(body);
  });

  it.each(['/', '', '/?profile=1', '/index.html?x=1', '/index.html#/history'])(
    'serves index.html for %j',
    async (target) => {
      const response = await get(target);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await hardened(response)).toBe(FILES['index.html']!.body);
    },
  );

  it('answers the app’s own URL', async () => {
    const response = await handler({ url: APP_INDEX_URL, method: 'GET' });
    expect(response.status).toBe(200);
    expect(await hardened(response)).toBe(FILES['index.html']!.body);
  });

  it('matches the host case-insensitively, as Chromium does for a standard scheme', async () => {
    const response = await handler({ url: 'app://Notify-Console/index.html', method: 'GET' });
    expect(response.status).toBe(200);
  });

  it('answers HEAD with the headers and no body', async () => {
    const response = await get('/assets/index-abc123.css', 'HEAD');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await hardened(response)).toBe('');
  });

  it('follows a symlink that stays inside the directory', async () => {
    const response = await get('/alias.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await hardened(response)).toBe(FILES['assets/index-abc123.js']!.body);
  });
});

describe('appProtocolHandler: refusals', () => {
  it.each<[string, 400 | 404]>([
    ['/../package.json', 400],
    ['/../secret', 400],
    ['/assets/../../secret', 400],
    ['/./index.html', 400],
    ['/%2e%2e/secret', 400],
    ['/%2E%2E/package.json', 400],
    ['/.%2e/secret', 400],
    ['/%2e./secret', 400],
    ['/a/%2f..%2f..%2fsecret', 400],
    ['/%2fetc%2fpasswd', 400],
    ['/..%5csecret', 400],
    ['/assets%5c..%5c..%5csecret', 400],
    ['/..\\secret', 400],
    ['/assets\\..\\..\\secret', 400],
    ['/index.html%00', 400],
    ['/index.html%00.js', 400],
    ['/%00', 400],
    ['/C:/Windows/win.ini', 400],
    ['/c%3a/secret', 400],
    ['/.env', 400],
    ['/assets/.env', 400],
    ['/%', 400],
    ['/%zz', 400],
    ['/%252e%252e/secret', 404],
    ['/%252e%252e%252fsecret', 404],
    ['//secret', 404],
    ['/secret', 404],
    ['/package.json', 404],
    ['/leak.txt', 404],
    ['/assets/outside/index.js', 404],
    ['/missing.js', 404],
    ['/assets/missing.css', 404],
    ['/history', 404],
    ['/assets', 404],
    ['/assets/', 404],
    ['/empty-dir', 404],
    ['/assets/fonts/', 404],
  ])('%s → %i', async (target, status) => {
    const response = await get(target);
    expect(response.status).toBe(status);
    await hardened(response);
  });

  it('decodes once: a double-encoded name is a literal file name, never a climb', async () => {
    const response = await get('/assets/%252e%252e');
    expect(response.status).toBe(200);
    expect(await hardened(response)).toBe(FILES['assets/%2e%2e']!.body);
  });

  it('takes an absolute filesystem path in the URL as a path inside the directory', async () => {
    const response = await get(`${tmp}/secret`);
    expect(response.status).toBe(404);
    await hardened(response);
  });

  it.each<[string, string, 400 | 404]>([
    ['another host', 'app://evil/index.html', 404],
    ['a look-alike host', 'app://notify-console.evil/index.html', 404],
    ['a port', 'app://notify-console:8080/index.html', 404],
    ['credentials', 'app://user:pass@notify-console/index.html', 400],
    ['file:', 'file:///opt/Notify%20Console/out/renderer/index.html', 400],
    ['https:', 'https://notify-console/index.html', 400],
    ['http:', 'http://notify-console/index.html', 400],
    ['another custom scheme', 'other://notify-console/index.html', 400],
    ['an opaque app: URL', 'app:notify-console/index.html', 400],
    ['not a URL', 'not a url', 400],
    ['an empty URL', '', 400],
    ['a newline', 'app://notify-console/ind\nex.html', 400],
    ['a tab', 'app://notify-console/.\t./secret', 400],
    ['a space', 'app://notify-console/index.html ', 400],
  ])('refuses %s', async (_name, url, status) => {
    const response = await handler({ url, method: 'GET' });
    expect(response.status).toBe(status);
    await hardened(response);
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'CONNECT', 'TRACE', 'get', ''])(
    '%j → 405 with Allow',
    async (method) => {
      for (const target of ['/index.html', '/missing.js']) {
        const response = await get(target, method);
        expect(response.status).toBe(405);
        expect(response.headers.get('allow')).toBe('GET, HEAD');
        await hardened(response);
      }
    },
  );
});

describe('appProtocolHandler: never throws', () => {
  it('answers 404 when the file cannot be read, without its path', async () => {
    const failing = appProtocolHandler(rendererDir, async (file) => {
      throw new Error(`EACCES: permission denied, open '${file}'`);
    });
    const response = await failing({ url: APP_INDEX_URL, method: 'GET' });
    expect(response.status).toBe(404);
    await hardened(response);
  });

  it('answers 404 while the renderer directory does not exist, and serves it once it does', async () => {
    const later = path.join(tmp, 'later');
    const early = appProtocolHandler(later, (file) => readFile(file));
    const before = await early({ url: APP_INDEX_URL, method: 'GET' });
    expect(before.status).toBe(404);
    expect(await hardened(before)).not.toContain(later);
    await mkdir(later);
    await writeFile(path.join(later, 'index.html'), 'built');
    const after = await early({ url: APP_INDEX_URL, method: 'GET' });
    expect(after.status).toBe(200);
    expect(await after.text()).toBe('built');
  });

  it('answers 500 for a request that cannot even be read', async () => {
    const request = {
      get url(): string {
        throw new Error(`boom in ${rendererDir}`);
      },
      method: 'GET',
    };
    const response = await handler(request);
    expect(response.status).toBe(500);
    await hardened(response);
  });

  it('reads each served file through the injected reader, inside the directory only', async () => {
    const reads = vi.fn((file: string) => readFile(file));
    const spied = appProtocolHandler(rendererDir, reads);
    await spied({ url: `${ORIGIN}/assets/logo.svg`, method: 'GET' });
    await spied({ url: `${ORIGIN}/leak.txt`, method: 'GET' });
    await spied({ url: `${ORIGIN}/../secret`, method: 'GET' });
    expect(reads.mock.calls).toEqual([[path.join(rendererDir, 'assets', 'logo.svg')]]);
  });
});

describe('appProtocolHandler: fuzzed paths', () => {
  // Names that exist in and around the tree (so some paths hit real files, symlinks out included),
  // the classic tricks, and random text, raw and percent-encoded.
  const name = fc.constantFrom(
    'assets',
    'index.html',
    'index-abc123.js',
    'index-abc123.css',
    'fonts',
    'inter.woff2',
    'a%20b.png',
    'alias.js',
    'leak.txt',
    'outside',
    'index.js',
    'secret',
    'package.json',
    'empty-dir',
  );
  const trick = fc.constantFrom(
    '..',
    '.',
    '%2e',
    '%2e%2e',
    '%2E.',
    '.%2e',
    '%2f',
    '%5c',
    '%00',
    '%252e%252e',
    '%2fsecret',
    '..%2f',
    '..\\',
    '\\',
    '',
    '.env',
    'C:',
    '%',
  );
  const segment = fc.oneof(
    { arbitrary: name, weight: 6 },
    { arbitrary: trick, weight: 3 },
    { arbitrary: fc.string({ maxLength: 6 }), weight: 1 },
    { arbitrary: fc.string({ maxLength: 6 }).map(encodeURIComponent), weight: 1 },
  );
  const target = fc
    .tuple(fc.array(segment, { maxLength: 4 }), fc.constantFrom('/', '/', '/', '\\', '//'))
    .map(([segments, sep]) => `/${segments.join(sep)}`);

  /** Where a 200 must have come from: the URL's decoded path, resolved inside the directory. */
  function servedFile(url: string): string | null {
    let pathname: string;
    try {
      pathname = new URL(url).pathname;
    } catch {
      return null;
    }
    const segments = pathname.split('/').filter((s) => s !== '');
    let decoded: string[];
    try {
      decoded = segments.map(decodeURIComponent);
    } catch {
      return null;
    }
    const file = path.resolve(rendererDir, ...(decoded.length === 0 ? ['index.html'] : decoded));
    return file;
  }

  it('answers 200 only for files really inside the directory, and never leaks a path', async () => {
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(target, fc.constantFrom('GET', 'HEAD'), async (pathAndQuery, method) => {
        const url = `${ORIGIN}${pathAndQuery}`;
        const response = await handler({ url, method });
        expect([200, 400, 404]).toContain(response.status);
        seen.set(response.status, (seen.get(response.status) ?? 0) + 1);
        const body = await hardened(response);
        if (response.status !== 200) return;
        const file = servedFile(url);
        expect(file).not.toBeNull();
        const real = await realpath(file!);
        expect(real.startsWith(rendererDir + path.sep)).toBe(true);
        expect(insideFiles.has(real)).toBe(true);
        if (method === 'GET') expect(body).toBe(insideFiles.get(real));
      }),
      { numRuns: 1000 },
    );
    // The generator reaches every kind of answer, so the property above is not vacuous.
    for (const status of [200, 400, 404]) expect(seen.get(status) ?? 0).toBeGreaterThan(0);
  });
});
