import fc from 'fast-check';
import { once } from 'node:events';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../../src-main/browser-host/host';
import { TRANSPORT_LIMITS, type EventName } from '../../../src-main/contract/methods';
import type { Result } from '../../../src-main/contract/result';
import type { CallContext, RpcEndpoint } from '../../../src-main/rpc/dispatch';
import { CONTENT_SECURITY_POLICY } from '../../../src-main/host/content-security-policy';

const SECRET = 'TOP-SECRET-OUTSIDE-THE-BUILD';

/** An endpoint that echoes calls and lets the test emit events, counting subscribers. */
function fakeEndpoint() {
  const calls: { method: unknown; input: unknown; ctx: CallContext }[] = [];
  const listeners = new Set<(name: EventName, payload: unknown) => void>();
  const endpoint: RpcEndpoint = {
    async call(method, input, ctx): Promise<Result<unknown>> {
      calls.push({ method, input, ctx });
      return { ok: true, value: { echo: method } };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const emit = (name: EventName, payload: unknown): void => {
    for (const l of listeners) l(name, payload);
  };
  return { endpoint, calls, listeners, emit };
}

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

interface RawRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** An HTTP request with exactly the path and headers given (fetch would normalise both). */
function raw(port: number, req: RawRequest = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host: `127.0.0.1:${port}`, ...req.headers };
    const r = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: req.method ?? 'GET',
        path: req.path ?? '/',
        headers,
        agent: false,
        setHost: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    r.on('error', reject);
    r.end(req.body);
  });
}

describe('browser host', () => {
  let dir: string;
  let staticDir: string;
  let host: BrowserHost;
  let fake: ReturnType<typeof fakeEndpoint>;
  const extraHosts: BrowserHost[] = [];

  const rpc = (body: unknown, headers: Record<string, string> = {}, method = 'POST'): Promise<RawResponse> =>
    raw(host.port, {
      method,
      path: '/rpc',
      headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'nc-host-'));
    staticDir = path.join(dir, 'static');
    await mkdir(path.join(staticDir, 'assets'), { recursive: true });
    await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>console</title>');
    await writeFile(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(path.join(staticDir, 'assets', 'app.css'), 'body{}');
    await writeFile(path.join(staticDir, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    await writeFile(path.join(staticDir, 'assets', 'blob.bin'), 'x');
    await writeFile(path.join(staticDir, '.env'), SECRET);
    await writeFile(path.join(dir, 'secret.txt'), SECRET);
    await writeFile(path.join(dir, 'secret'), SECRET);
    await symlink(path.join(dir, 'secret.txt'), path.join(staticDir, 'leak.txt'));
    fake = fakeEndpoint();
    host = await startBrowserHost({
      endpoint: fake.endpoint,
      staticDir,
      heartbeatMs: 50,
      ticketTtlMs: 60_000,
    });
  });

  afterEach(() => {
    fake.calls.length = 0;
  });

  afterAll(async () => {
    await host.close();
    await Promise.all(extraHosts.map((h) => h.close()));
    await rm(dir, { recursive: true, force: true });
  });

  describe('startup', () => {
    it('prints a loopback URL carrying a fresh 32-byte token in its fragment', async () => {
      expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
      expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const other = await startBrowserHost({ endpoint: fake.endpoint, staticDir: null });
      extraHosts.push(other);
      expect(other.token).not.toBe(host.token);
      expect(other.port).not.toBe(host.port);
    });

    it('reports the URL through onListening', async () => {
      let seen: { url: string; port: number } | undefined;
      const other = await startBrowserHost({
        endpoint: fake.endpoint,
        staticDir: null,
        onListening: (i) => (seen = i),
      });
      extraHosts.push(other);
      expect(seen).toEqual({ url: other.url, port: other.port });
    });

    it('refuses a weak fixed token', async () => {
      await expect(
        startBrowserHost({ endpoint: fake.endpoint, staticDir: null, token: 'short' }),
      ).rejects.toThrow(/at least 32/);
    });

    it('binds 127.0.0.1 only: other loopback addresses are refused', async () => {
      for (const address of ['127.0.0.2', '::1']) {
        const socket = connect({ host: address, port: host.port });
        const [err] = (await once(socket, 'error')) as [NodeJS.ErrnoException];
        expect(['ECONNREFUSED', 'EADDRNOTAVAIL', 'ENETUNREACH', 'EAFNOSUPPORT']).toContain(err.code);
      }
    });
  });

  describe('POST /rpc', () => {
    it('carries a call to the endpoint and answers its Result with no-store', async () => {
      const res = await rpc({ method: 'app.status', input: {} });
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body)).toEqual({ ok: true, value: { echo: 'app.status' } });
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(fake.calls).toEqual([{ method: 'app.status', input: {}, ctx: { transport: 'http' } }]);
    });

    it.each([
      ['missing', {}],
      ['wrong', { authorization: 'Bearer ' + 'A'.repeat(43) }],
      ['truncated', { authorization: 'Bearer abc' }],
      ['not bearer', { authorization: 'Basic dXNlcjpwYXNz' }],
      ['empty bearer', { authorization: 'Bearer ' }],
    ])(
      'refuses a %s token with 401 without calling the endpoint',
      async (_name, auth: Record<string, string>) => {
        const res = await raw(host.port, {
          method: 'POST',
          path: '/rpc',
          headers: { 'content-type': 'application/json', ...auth },
          body: JSON.stringify({ method: 'app.status', input: {} }),
        });
        expect(res.status).toBe(401);
        expect(res.headers['www-authenticate']).toBe('Bearer');
        expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
        expect(fake.calls).toHaveLength(0);
      },
    );

    it('accepts the token of this start only', async () => {
      const other = await startBrowserHost({ endpoint: fake.endpoint, staticDir: null });
      extraHosts.push(other);
      const res = await rpc({ method: 'app.status' }, { authorization: `Bearer ${other.token}` });
      expect(res.status).toBe(401);
    });

    it.each([
      'evil.example',
      'evil.example:PORT',
      '127.0.0.1',
      '127.0.0.1:1',
      'localhost',
      '[::1]:PORT',
      '0.0.0.0:PORT',
    ])('refuses Host %s with 421 (DNS rebinding)', async (hostHeader) => {
      const res = await rpc(
        { method: 'app.status' },
        { host: hostHeader.replace('PORT', String(host.port)) },
      );
      expect(res.status).toBe(421);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'misdirected' } });
      expect(fake.calls).toHaveLength(0);
    });

    it.each(['127.0.0.1', 'localhost'])('accepts Host %s:PORT and Origin http://%s:PORT', async (name) => {
      const res = await rpc(
        { method: 'app.status' },
        {
          host: `${name}:${host.port}`,
          origin: `http://${name}:${host.port}`,
          'sec-fetch-site': 'same-origin',
        },
      );
      expect(res.status).toBe(200);
    });

    it.each([
      'https://evil.example',
      'null',
      'http://127.0.0.1:1',
      'https://127.0.0.1:PORT',
      'http://localhost.evil.example:PORT',
    ])('refuses Origin %s with 403', async (origin) => {
      const res = await rpc({ method: 'app.status' }, { origin: origin.replace('PORT', String(host.port)) });
      expect(res.status).toBe(403);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(fake.calls).toHaveLength(0);
    });

    it.each(['cross-site', 'same-site', 'none'])('refuses Sec-Fetch-Site: %s with 403', async (site) => {
      const res = await rpc({ method: 'app.status' }, { 'sec-fetch-site': site });
      expect(res.status).toBe(403);
      expect(fake.calls).toHaveLength(0);
    });

    it.each([
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json; charset=latin1',
      'application/jsonx',
      '',
    ])('refuses Content-Type %j with 415', async (type) => {
      const res = await rpc({ method: 'app.status' }, { 'content-type': type });
      expect(res.status).toBe(415);
      expect(fake.calls).toHaveLength(0);
    });

    it('accepts application/json with a utf-8 charset', async () => {
      const res = await rpc({ method: 'app.status' }, { 'content-type': 'Application/JSON; charset=UTF-8' });
      expect(res.status).toBe(200);
    });

    it.each(['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])(
      'refuses %s with 405 and no CORS approval',
      async (method) => {
        const res = await rpc(
          method === 'GET' ? '' : { method: 'app.status' },
          { origin: `http://127.0.0.1:${host.port}` },
          method,
        );
        expect(res.status).toBe(405);
        expect(res.headers.allow).toBe('POST');
        expect(res.headers['access-control-allow-origin']).toBeUndefined();
        expect(fake.calls).toHaveLength(0);
      },
    );

    it.each([
      ['not JSON', '{method'],
      ['an array', '[]'],
      ['null', 'null'],
      ['a string', '"app.status"'],
      ['without method', '{"input":{}}'],
      ['with a numeric method', '{"method":1}'],
      ['with an extra key', '{"method":"app.status","input":{},"token":"x"}'],
      [
        'with a method too long',
        JSON.stringify({ method: 'm'.repeat(TRANSPORT_LIMITS.maxMethodLength + 1) }),
      ],
    ])('refuses a body that is %s with 400', async (_name, body) => {
      const res = await rpc(body);
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
      expect(fake.calls).toHaveLength(0);
    });

    it('refuses invalid UTF-8 with 400', async () => {
      const res = await rpc(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]) as unknown as string);
      expect(res.status).toBe(400);
    });

    it('refuses a body over the cap with 413 without calling the endpoint', async () => {
      const body = Buffer.alloc(TRANSPORT_LIMITS.maxBodyBytes + 1, 0x20);
      const res = await rpc(body as unknown as string);
      expect(res.status).toBe(413);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'payload-too-large' } });
      expect(fake.calls).toHaveLength(0);
    });

    it('answers 413 from the declared length alone, before any body arrives', async () => {
      const socket = connect({ host: '127.0.0.1', port: host.port });
      await once(socket, 'connect');
      socket.write(
        `POST /rpc HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nAuthorization: Bearer ${host.token}\r\n` +
          `Content-Type: application/json\r\nContent-Length: ${1024 ** 3}\r\n\r\n`,
      );
      const [first] = (await once(socket, 'data')) as [Buffer];
      expect(first.toString('latin1')).toMatch(/^HTTP\/1\.1 413 /);
      socket.destroy();
    });

    it('stops reading an endless chunked body instead of buffering it', async () => {
      const socket = connect({ host: '127.0.0.1', port: host.port });
      await once(socket, 'connect');
      let response = '';
      let closed = false;
      socket.on('data', (d: Buffer) => (response += d.toString('latin1')));
      socket.on('close', () => (closed = true));
      socket.on('error', () => undefined);
      socket.write(
        `POST /rpc HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nAuthorization: Bearer ${host.token}\r\n` +
          'Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n',
      );
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const frame = Buffer.concat([
        Buffer.from(`${chunk.length.toString(16)}\r\n`),
        chunk,
        Buffer.from('\r\n'),
      ]);
      const giveUpAt = 12 * TRANSPORT_LIMITS.maxBodyBytes;
      let written = 0;
      while (!closed && !socket.destroyed && written < giveUpAt) {
        written += chunk.length;
        if (!socket.write(frame)) {
          await new Promise((resolve) => {
            socket.once('drain', resolve);
            socket.once('close', resolve);
          });
        }
      }
      if (!closed) await new Promise((resolve) => socket.once('close', resolve));
      expect(response).toMatch(/^HTTP\/1\.1 413 /);
      // The cap, the bounded drain after the answer, and whatever the kernel's socket buffers held.
      expect(written).toBeLessThan(6 * TRANSPORT_LIMITS.maxBodyBytes);
      expect(fake.calls).toHaveLength(0);
    });

    it('never answers 500 or falls over, whatever the body (fuzz)', async () => {
      const bodies = fc.oneof(
        fc.string({ maxLength: 200 }),
        fc.json({ maxDepth: 3 }),
        fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a)),
        fc
          .record(
            { method: fc.oneof(fc.string({ maxLength: 80 }), fc.anything()), input: fc.anything() },
            { requiredKeys: [] },
          )
          .map((v) => JSON.stringify(v) ?? 'null'),
      );
      await fc.assert(
        fc.asyncProperty(bodies, async (body) => {
          const res = await rpc(body as string);
          expect([200, 400]).toContain(res.status);
          expect(JSON.parse(res.body)).toHaveProperty('ok');
          expect(res.body).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
        }),
        { numRuns: 150 },
      );
      expect((await rpc({ method: 'app.status' })).status).toBe(200);
    });
  });

  describe('static files', () => {
    it.each([
      ['/', 'text/html; charset=utf-8', 'no-store'],
      ['/index.html', 'text/html; charset=utf-8', 'no-store'],
      ['/assets/app.js', 'text/javascript; charset=utf-8', 'no-cache'],
      ['/assets/app.css', 'text/css; charset=utf-8', 'no-cache'],
      ['/assets/logo.svg', 'image/svg+xml', 'no-cache'],
      ['/assets/blob.bin', 'application/octet-stream', 'no-cache'],
      ['/assets/app.js?v=1', 'text/javascript; charset=utf-8', 'no-cache'],
    ])('serves %s as %s', async (p, type, cache) => {
      const res = await raw(host.port, { path: p });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe(type);
      expect(res.headers['cache-control']).toBe(cache);
    });

    it('falls back to index.html for an extension-less route, not for a missing asset', async () => {
      const route = await raw(host.port, { path: '/history/abc' });
      expect(route.status).toBe(200);
      expect(route.body).toContain('<title>console</title>');
      expect((await raw(host.port, { path: '/assets/missing.js' })).status).toBe(404);
    });

    it('answers HEAD without a body', async () => {
      const res = await raw(host.port, { method: 'HEAD', path: '/assets/app.js' });
      expect(res.status).toBe(200);
      expect(res.headers['content-length']).toBe('14');
      expect(res.body).toBe('');
    });

    it('refuses other methods with 405', async () => {
      const res = await raw(host.port, { method: 'POST', path: '/' });
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe('GET, HEAD');
    });

    it.each([
      '/../secret.txt',
      '/../secret',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret',
      '/%2e%2e%2fsecret.txt',
      '/..%2fsecret.txt',
      '/..%2f..%2f..%2f..%2fetc%2fpasswd',
      '/..%5csecret.txt',
      '/assets%2f..%2f..%2fsecret.txt',
      '/%252e%252e/secret.txt',
      '//../secret.txt',
      '/./../secret.txt',
      '/leak.txt',
      '/.env',
      '/%2eenv',
      '/secret.txt%00.js',
      '/C:%5cWindows%5cwin.ini',
      '/%2fetc%2fpasswd',
      '/etc/passwd',
      `/${'%2e%2e/'.repeat(10)}etc/passwd`,
      '/%',
      '/%E0%A4%A',
    ])('never serves a file outside the build for %s', async (p) => {
      const res = await raw(host.port, { path: p });
      expect(res.body).not.toContain(SECRET);
      expect(res.body).not.toMatch(/root:.*:0:0:/);
      // A bad path is refused, a missing file is not found; an extension-less route may get index.html.
      if (res.status === 200) expect(res.body).toContain('<title>console</title>');
      else expect([400, 404]).toContain(res.status);
    });

    it('refuses absolute paths and absolute-form request targets', async () => {
      for (const p of [
        path.join(dir, 'secret.txt'),
        `http://127.0.0.1:${host.port}/../secret.txt`,
        'secret.txt',
      ]) {
        const res = await raw(host.port, { path: p });
        expect(res.body).not.toContain(SECRET);
        expect([400, 404]).toContain(res.status);
      }
    });

    it('refuses cross-site subresource loads but allows navigations from elsewhere', async () => {
      const script = await raw(host.port, {
        path: '/assets/app.js',
        headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors' },
      });
      expect(script.status).toBe(403);
      const nav = await raw(host.port, {
        path: '/',
        headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' },
      });
      expect(nav.status).toBe(200);
    });

    it('answers 404 for pages when started without a static directory', async () => {
      const apiOnly = await startBrowserHost({ endpoint: fake.endpoint, staticDir: null });
      extraHosts.push(apiOnly);
      expect((await raw(apiOnly.port, { path: '/' })).status).toBe(404);
    });
  });

  describe('security headers', () => {
    /** The policy the brief words (and the Electron shell sends): stated here, not read from the host. */
    const POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
      "frame-src blob: data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";
    const expected = {
      'content-security-policy': POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
    };

    it('sends the Electron shell’s CSP, as the brief words it', async () => {
      const sent = (await raw(host.port, { path: '/' })).headers['content-security-policy'];
      expect(sent).toBe(CONTENT_SECURITY_POLICY);
      expect(sent).toBe(POLICY);
    });

    it.each<[string, RawRequest | 'rpc' | 'foreign-host']>([
      ['a page', { path: '/' }],
      ['an asset', { path: '/assets/app.js' }],
      ['a 404', { path: '/nope.js' }],
      ['a 400', { path: '/%2e%2e/x' }],
      ['a 401', { method: 'POST', path: '/rpc' }],
      ['a 405', { method: 'GET', path: '/rpc' }],
      ['an RPC answer', 'rpc'],
      ['a 421', 'foreign-host'],
    ])('are on %s', async (_name, req) => {
      const res =
        req === 'rpc'
          ? await rpc({ method: 'app.status' })
          : req === 'foreign-host'
            ? await raw(host.port, { headers: { host: 'evil.example' } })
            : await raw(host.port, req);
      expect(res.headers).toMatchObject(expected);
      expect(res.body).not.toMatch(/\n\s+at /);
    });
  });

  describe('GET /events', () => {
    const ticket = async (headers: Record<string, string> = {}): Promise<RawResponse> =>
      raw(host.port, {
        method: 'POST',
        path: '/events-ticket',
        headers: { authorization: `Bearer ${host.token}`, ...headers },
      });

    const newTicket = async (): Promise<string> => {
      const res = await ticket();
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      const parsed = JSON.parse(res.body) as { ok: true; value: { ticket: string; expiresInMs: number } };
      expect(parsed.value.ticket).toMatch(/^[A-Za-z0-9_-]{43}$/);
      return parsed.value.ticket;
    };

    /** Opens an event stream and collects what arrives. */
    function openStream(t: string, headers: Record<string, string> = {}) {
      return new Promise<{ res: IncomingMessage; text: () => string; close: () => void }>(
        (resolve, reject) => {
          let text = '';
          const req = httpRequest(
            {
              host: '127.0.0.1',
              port: host.port,
              path: `/events?ticket=${encodeURIComponent(t)}`,
              agent: false,
              headers,
            },
            (res) => {
              res.on('data', (d: Buffer) => (text += d.toString('utf8')));
              res.on('error', () => undefined);
              resolve({ res, text: () => text, close: () => req.destroy() });
            },
          );
          req.on('error', reject);
          req.end();
        },
      );
    }

    const until = async (check: () => boolean): Promise<void> => {
      for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
      expect(check()).toBe(true);
    };

    it('needs the bearer token for a ticket', async () => {
      const res = await raw(host.port, { method: 'POST', path: '/events-ticket' });
      expect(res.status).toBe(401);
      expect((await raw(host.port, { method: 'GET', path: '/events-ticket' })).status).toBe(405);
      expect((await ticket({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    });

    it.each(['', '?ticket=', '?ticket=forged', '?token=TOKEN'])(
      'refuses a stream without a valid ticket (%s)',
      async (q) => {
        const res = await raw(host.port, { path: `/events${q.replace('TOKEN', host.token)}` });
        expect(res.status).toBe(401);
        expect(fake.listeners.size).toBe(0);
      },
    );

    it('delivers events as SSE, sends heartbeats, and unsubscribes on disconnect', async () => {
      const stream = await openStream(await newTicket());
      expect(stream.res.statusCode).toBe(200);
      expect(stream.res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
      expect(stream.res.headers['cache-control']).toBe('no-store');
      expect(stream.res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      await until(() => fake.listeners.size === 1);
      fake.emit('vault.changed', { locked: true });
      await until(() => stream.text().includes('data: '));
      const line =
        stream
          .text()
          .split('\n')
          .find((l) => l.startsWith('data: ')) ?? '';
      expect(JSON.parse(line.slice(6))).toEqual({ name: 'vault.changed', payload: { locked: true } });
      await until(() => stream.text().includes(': heartbeat'));
      stream.close();
      await until(() => fake.listeners.size === 0);
    });

    it('accepts each ticket once', async () => {
      const t = await newTicket();
      const first = await openStream(t);
      expect(first.res.statusCode).toBe(200);
      const again = await raw(host.port, { path: `/events?ticket=${t}` });
      expect(again.status).toBe(401);
      first.close();
      await until(() => fake.listeners.size === 0);
    });

    it('refuses an expired ticket', async () => {
      const shortLived = await startBrowserHost({ endpoint: fake.endpoint, staticDir: null, ticketTtlMs: 1 });
      extraHosts.push(shortLived);
      const res = await raw(shortLived.port, {
        method: 'POST',
        path: '/events-ticket',
        headers: { host: `127.0.0.1:${shortLived.port}`, authorization: `Bearer ${shortLived.token}` },
      });
      const t = (JSON.parse(res.body) as { value: { ticket: string } }).value.ticket;
      await new Promise((r) => setTimeout(r, 20));
      const stream = await raw(shortLived.port, {
        path: `/events?ticket=${t}`,
        headers: { host: `127.0.0.1:${shortLived.port}` },
      });
      expect(stream.status).toBe(401);
    });

    it('refuses cross-site streams and foreign hosts before spending the ticket', async () => {
      const t = await newTicket();
      expect(
        (await raw(host.port, { path: `/events?ticket=${t}`, headers: { 'sec-fetch-site': 'cross-site' } }))
          .status,
      ).toBe(403);
      expect(
        (await raw(host.port, { path: `/events?ticket=${t}`, headers: { origin: 'https://evil.example' } }))
          .status,
      ).toBe(403);
      expect(
        (await raw(host.port, { path: `/events?ticket=${t}`, headers: { host: 'evil.example' } })).status,
      ).toBe(421);
      const stream = await openStream(t);
      expect(stream.res.statusCode).toBe(200);
      stream.close();
      await until(() => fake.listeners.size === 0);
    });

    it('close() ends open streams and stops the server', async () => {
      const own = fakeEndpoint();
      const h = await startBrowserHost({ endpoint: own.endpoint, staticDir: null });
      const tr = await raw(h.port, {
        method: 'POST',
        path: '/events-ticket',
        headers: { host: `127.0.0.1:${h.port}`, authorization: `Bearer ${h.token}` },
      });
      const t = (JSON.parse(tr.body) as { value: { ticket: string } }).value.ticket;
      const ended = new Promise<void>((resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port: h.port,
            path: `/events?ticket=${t}`,
            agent: false,
            headers: { host: `127.0.0.1:${h.port}` },
          },
          (res) => {
            expect(res.statusCode).toBe(200);
            res.resume();
            res.on('end', resolve);
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end();
      });
      await until(() => own.listeners.size === 1);
      const started = Date.now();
      await h.close();
      await ended;
      expect(Date.now() - started).toBeLessThan(1_500);
      expect(own.listeners.size).toBe(0);
      const refused = connect({ host: '127.0.0.1', port: h.port });
      const [err] = (await once(refused, 'error')) as [NodeJS.ErrnoException];
      expect(err.code).toBe('ECONNREFUSED');
    });
  });
});
