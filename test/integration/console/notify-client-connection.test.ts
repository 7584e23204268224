/**
 * "Test connection" against the sandbox and against tiny local servers that are not Notify:
 * an HTML site, a JSON API of another kind, TLS to a plain-HTTP port, a refused port, a name under
 * `.invalid`, a silent server, proxies that refuse.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testConnection } from '../../../src-main/core/notify/connection-test';
import { SERVICE_ID, TRIAL_ID, startTestSandbox, type TestSandbox } from '../../support/sandbox';
import { closedPort, listenLocal, type LocalServer } from '../../support/local-server';

let sb: TestSandbox;
const servers: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  sb = await startTestSandbox({ timeScale: 1000 });
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(() => sb.sandbox.close());

const control = (method: string, path: string, body?: unknown) =>
  fetch(`${sb.url}/_sandbox${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
  });

describe('against the sandbox', () => {
  it('ok: the key works, with the template count and the measured skew', async () => {
    const r = await testConnection({ baseUrl: sb.url, apiKey: sb.apiKeys.live });
    expect(r.verdict).toBe('ok');
    expect(r.message).toMatch(/the key works and the service has \d+ templates/);
    expect(r.message).not.toContain(sb.secrets.live);
    expect(r.skewSeconds).toBe(0);
    expect(r.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('ok, with a warning when the clock is close to Notify’s limit', async () => {
    await control('POST', '/clock', { skew_seconds: 20 });
    try {
      const r = await testConnection({ baseUrl: sb.url, apiKey: sb.apiKeys.live });
      expect(r.verdict).toBe('ok');
      expect(r.message).toMatch(/Warning: This computer’s clock is about (19|20|21) seconds behind/);
    } finally {
      await control('POST', '/clock', { skew_seconds: 0 });
    }
  });

  it('clock-skew, with the measured difference', async () => {
    await control('POST', '/clock', { skew_seconds: -300 });
    try {
      const r = await testConnection({ baseUrl: sb.url, apiKey: sb.apiKeys.live });
      expect(r.verdict).toBe('clock-skew');
      expect(Math.abs((r.skewSeconds ?? 0) + 300)).toBeLessThanOrEqual(1);
      expect(r.message).toMatch(/about (299|300|301) seconds ahead of Notify’s/);
    } finally {
      await control('POST', '/clock', { skew_seconds: 0 });
    }
  });

  it('bad-key for a malformed key, a wrong secret, or an unknown service', async () => {
    const malformed = await testConnection({ baseUrl: sb.url, apiKey: 'not-a-key' });
    expect(malformed.verdict).toBe('bad-key');
    const wrongSecret = await testConnection({
      baseUrl: sb.url,
      apiKey: `live-${SERVICE_ID}-${randomUUID()}`,
    });
    expect(wrongSecret.verdict).toBe('bad-key');
    expect(wrongSecret.message).toContain('Invalid token: API key not found');
    const unknownService = await testConnection({
      baseUrl: sb.url,
      apiKey: `live-${randomUUID()}-${randomUUID()}`,
    });
    expect(unknownService).toMatchObject({ verdict: 'bad-key' });
    expect(unknownService.message).toContain('service not found');
  });

  it('revoked-key', async () => {
    const r = await testConnection({ baseUrl: sb.url, apiKey: sb.apiKeys.revoked });
    expect(r.verdict).toBe('revoked-key');
    expect(r.message).toMatch(/revoked/);
  });

  it('service-archived', async () => {
    await control('PATCH', `/services/${TRIAL_ID}`, { active: false });
    try {
      expect((await testConnection({ baseUrl: sb.url, apiKey: sb.apiKeys.trialLive })).verdict).toBe(
        'service-archived',
      );
    } finally {
      await control('PATCH', `/services/${TRIAL_ID}`, { active: true });
    }
  });

  it('not-notify for a base URL with an extra path (Notify’s app-level 404)', async () => {
    const r = await testConnection({ baseUrl: `${sb.url}/notify`, apiKey: sb.apiKeys.live });
    expect(r.verdict).toBe('not-notify');
    expect(r.message).toMatch(/extra path/);
  });

  it('unavailable when Notify answers 500 or a gateway answers 503 with a page', async () => {
    await control('POST', '/faults', { kind: 'error', status: 503, count: 1, path_prefix: '/v2/templates' });
    const gateway = await testConnection({ baseUrl: sb.url, apiKey: sb.apiKeys.live });
    expect(gateway.verdict).toBe('unavailable');
    expect(gateway.message).toMatch(/not available right now/);
    await control('POST', '/faults', { kind: 'error', status: 500, count: 1, path_prefix: '/v2/templates' });
    const notify = await testConnection({ baseUrl: sb.url, apiKey: sb.apiKeys.live });
    expect(notify.verdict).toBe('unavailable');
    expect(notify.message).toMatch(/Notify answered 500: .*could not be checked/);
    // Once Notify serves again, the same settings test fine.
    expect((await testConnection({ baseUrl: sb.url, apiKey: sb.apiKeys.live })).verdict).toBe('ok');
  });

  it('rate-limited when Notify answers 429: the key itself was accepted', async () => {
    await control('POST', '/faults', {
      kind: 'error',
      status: 429,
      count: 1,
      retry_after: 5,
      path_prefix: '/v2/templates',
    });
    const r = await testConnection({ baseUrl: sb.url, apiKey: sb.apiKeys.live });
    expect(r.verdict).toBe('rate-limited');
    expect(r.message).toMatch(/Exceeded rate limit for key type LIVE/);
    expect(r.message).toMatch(/key was accepted/);
  });
});

describe('against servers that are not Notify', () => {
  it('not-notify for an HTML page, a 404 without Notify’s envelope, or JSON of another shape', async () => {
    const html = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>Welcome</title>');
    });
    const notFound = await serve((_req, res) => {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<h1>Not Found</h1>');
    });
    const otherJson = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"hello":"world"}');
    });
    for (const s of [html, notFound, otherJson]) {
      const r = await testConnection({ baseUrl: s.url, apiKey: sb.apiKeys.live });
      expect(r.verdict, s.url).toBe('not-notify');
      expect(r.message).toMatch(/not the Notify API/);
    }
  });

  it('tls for an https URL pointing at a plain-HTTP port', async () => {
    const r = await testConnection({
      baseUrl: `https://127.0.0.1:${sb.sandbox.port}`,
      apiKey: sb.apiKeys.live,
    });
    expect(r.verdict).toBe('tls');
    expect(r.message).toMatch(/http:\/\/ versus https:\/\//);
  });

  it('refused for a port nothing listens on', async () => {
    const r = await testConnection({
      baseUrl: `http://127.0.0.1:${await closedPort()}`,
      apiKey: sb.apiKeys.live,
    });
    expect(r.verdict).toBe('refused');
  });

  it('dns for a name that cannot exist', async () => {
    const r = await testConnection({
      baseUrl: 'https://notify-console-test.invalid',
      apiKey: sb.apiKeys.live,
    });
    expect(r.verdict).toBe('dns');
    expect(r.message).toContain('notify-console-test.invalid');
  });

  it('timeout for a server that never answers', async () => {
    const silent = await serve(() => undefined);
    const r = await testConnection({
      baseUrl: silent.url,
      apiKey: sb.apiKeys.live,
      timeouts: { headersMs: 100, totalMs: 400 },
    });
    expect(r.verdict).toBe('timeout');
  });

  it('proxy when the proxy is not there or refuses the tunnel', async () => {
    const gone = await testConnection({
      baseUrl: sb.url,
      apiKey: sb.apiKeys.live,
      proxy: `http://127.0.0.1:${await closedPort()}`,
    });
    expect(gone.verdict).toBe('proxy');
    const refusing = await listen(
      createServer().on('connect', (_req: IncomingMessage, socket: Socket) => {
        socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
      }),
    );
    const refused = await testConnection({ baseUrl: sb.url, apiKey: sb.apiKeys.live, proxy: refusing.url });
    expect(refused.verdict).toBe('proxy');
    expect(refused.message).toMatch(/403/);
  });

  it('never throws, even for settings that are not URLs', async () => {
    expect((await testConnection({ baseUrl: 'not a url', apiKey: sb.apiKeys.live })).verdict).toBe(
      'not-notify',
    );
    expect((await testConnection({ baseUrl: 'ftp://example', apiKey: sb.apiKeys.live })).message).toMatch(
      /https:\/\//,
    );
    expect(
      (await testConnection({ baseUrl: sb.url, apiKey: sb.apiKeys.live, proxy: 'nonsense' })).verdict,
    ).toBe('not-notify');
  });
});

type Served = LocalServer;

/** A loopback server, closed after the test. */
async function listen(server: Server): Promise<Served> {
  const served = await listenLocal(server);
  servers.push(served);
  return served;
}

function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Served> {
  return listen(createServer(handler));
}
