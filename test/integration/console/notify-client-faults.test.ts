/**
 * The Notify client when the network misbehaves: injected sandbox faults (latency, 5xx, 429 with
 * Retry-After, connections dropped before or after processing), redirects, oversized answers and
 * proxies. The rule under test: reads recover; a send is never sent twice.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NotifyClient, type NotifyClientOptions } from '../../../src-main/core/notify/client';
import type { NotifyRequestLogEntry } from '../../../src-main/core/notify/request-log';
import {
  NotifyApiError,
  NotifyNetworkError,
  UnknownOutcomeError,
} from '../../../src-main/core/notify/errors';
import { SERVICE_ID, T, eventually, startTestSandbox, type TestSandbox } from '../../support/sandbox';
import { closedPort, listenLocal, type LocalServer } from '../../support/local-server';

let sb: TestSandbox;
const clients: NotifyClient[] = [];
const servers: { close(): Promise<void> }[] = [];
let logs: NotifyRequestLogEntry[] = [];
let waits: number[] = [];

beforeAll(async () => {
  sb = await startTestSandbox({ timeScale: 1000, limits: false });
});
afterEach(async () => {
  await fetch(`${sb.url}/_sandbox/faults`, {
    method: 'DELETE',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  });
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
  logs = [];
  waits = [];
});
afterAll(() => sb.sandbox.close());

/** A client with small, observable retry waits. */
function client(options: Partial<NotifyClientOptions> = {}): NotifyClient {
  const c = new NotifyClient({
    baseUrl: sb.url,
    apiKey: sb.apiKeys.live,
    retry: { attempts: 3, baseDelayMs: 2, maxDelayMs: 10 },
    log: (e) => logs.push(e),
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...options,
  });
  clients.push(c);
  return c;
}

async function fault(f: Record<string, unknown>): Promise<{ id: string }> {
  const r = await fetch(`${sb.url}/_sandbox/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(f),
  });
  expect(r.status).toBe(201);
  return (await r.json()) as { id: string };
}

async function faultsLeft(): Promise<{ id: string; remaining: number | null; hits: number }[]> {
  return ((await (await fetch(`${sb.url}/_sandbox/faults`)).json()) as any).faults;
}

/** Every stored notification with this reference, straight from the sandbox (not via the client). */
async function storedWith(reference: string): Promise<unknown[]> {
  const r = (await (await fetch(`${sb.url}/_sandbox/notifications?service_id=${SERVICE_ID}`)).json()) as any;
  return r.notifications.filter((n: { reference: string | null }) => n.reference === reference);
}

async function rejection<E>(p: Promise<unknown>, type: new (...args: never[]) => E): Promise<E> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(type);
  return err as E;
}

const sms = { phone_number: '07700900123', template_id: T.sms, personalisation: { name: 'Ada', code: 1 } };

describe('reads recover', () => {
  it('retries a GET that timed out waiting for headers (latency)', async () => {
    // undici's headers timer ticks coarsely (up to ~1 s late), so the latency must clearly exceed that.
    await fault({ kind: 'latency', latency_ms: 1_600, count: 1, path_prefix: '/v2/templates' });
    const c = client({ timeouts: { headersMs: 150 } });
    expect((await c.getTemplates()).templates.length).toBeGreaterThan(0);
    expect(logs.map((l) => [l.attempt, l.outcome, l.status])).toEqual([
      [1, 'network-error', null],
      [2, 'ok', 200],
    ]);
    expect(logs[0]?.error).toMatch(/did not answer in time/);
    expect(logs[0]?.requestId).toBe(logs[1]?.requestId);
  });

  it('retries 5xx answers: a gateway’s HTML 503, or Notify’s own 500 envelope', async () => {
    const c = client();
    await fault({ kind: 'error', status: 503, count: 2, path_prefix: '/v2/templates' });
    expect((await c.getTemplates()).templates.length).toBeGreaterThan(0);
    expect(logs.map((l) => [l.attempt, l.status])).toEqual([
      [1, 503],
      [2, 503],
      [3, 200],
    ]);
    expect(waits).toHaveLength(2);
    logs = [];
    await fault({ kind: 'error', status: 500, count: 1, path_prefix: '/v2/templates' });
    await c.getTemplates();
    expect(logs.map((l) => [l.attempt, l.status, l.outcome])).toEqual([
      [1, 500, 'http-error'],
      [2, 200, 'ok'],
    ]);
  });

  it('gives up after the configured attempts with the last error, explained', async () => {
    await fault({ kind: 'error', status: 503, count: 5, path_prefix: '/v2/templates' });
    const err = await rejection(client().getTemplates(), NotifyNetworkError);
    expect(err).toMatchObject({ kind: 'not-json', status: 503 });
    expect(err.explanation).toMatchObject({ title: 'Notify is not available right now', retry: 'later' });
    expect(logs.map((l) => [l.attempt, l.status, l.outcome])).toEqual([
      [1, 503, 'http-error'],
      [2, 503, 'http-error'],
      [3, 503, 'http-error'],
    ]);
    expect(waits).toHaveLength(2);
    expect(waits[1]).toBeGreaterThanOrEqual(waits[0]! / 2);
  });

  it('retries a GET whose connection was dropped, before or after processing', async () => {
    await fault({ kind: 'drop', phase: 'before', count: 1, path_prefix: '/v2/templates' });
    await client().getTemplates();
    await fault({ kind: 'drop', phase: 'after', count: 1, path_prefix: '/v2/received-text-messages' });
    await client().getReceivedTexts();
    expect(logs.filter((l) => l.outcome === 'network-error')).toHaveLength(2);
    expect(logs.filter((l) => l.outcome === 'ok')).toHaveLength(2);
  });

  it('waits as long as a 429’s Retry-After says, then retries', async () => {
    await fault({ kind: 'error', status: 429, retry_after: 1, count: 1, path_prefix: '/v2/templates' });
    await client().getTemplates();
    expect(waits).toEqual([1_000]);
    expect(logs.map((l) => l.status)).toEqual([429, 200]);
  });

  it('really waits for Retry-After with the default sleep', async () => {
    await fault({ kind: 'error', status: 429, retry_after: 1, count: 1, path_prefix: '/v2/templates' });
    const c = new NotifyClient({ baseUrl: sb.url, apiKey: sb.apiKeys.live, log: (e) => logs.push(e) });
    clients.push(c);
    await c.getTemplates();
    const [first, second] = logs;
    expect(Date.parse(second!.startedAt) - Date.parse(first!.startedAt)).toBeGreaterThanOrEqual(1_000);
  });

  it('does not wait for a Retry-After longer than the cap: the 429 comes back instead', async () => {
    await fault({ kind: 'error', status: 429, retry_after: 120, count: 1, path_prefix: '/v2/templates' });
    const err = await rejection(client().getTemplates(), NotifyApiError);
    expect(err).toMatchObject({ status: 429, errorClass: 'RateLimitError', retryAfterSeconds: 120 });
    expect(waits).toEqual([]);
  });

  it('reads Retry-After as an HTTP date, against the answer’s own Date header', async () => {
    let calls = 0;
    const s = await serve((_req, res) => {
      calls++;
      if (calls === 1) {
        // Our clock thinks it is 10 minutes earlier than the server: the wait must still be 2 s.
        const date = new Date();
        res.writeHead(503, {
          date: date.toUTCString(),
          'retry-after': new Date(date.getTime() + 2_000).toUTCString(),
          'content-type': 'text/html',
        });
        res.end('<h1>busy</h1>');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"templates":[]}');
    });
    await client({ baseUrl: s.url, clock: () => Date.now() - 600_000 }).getTemplates();
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(1_000);
    expect(waits[0]).toBeLessThanOrEqual(2_000);
  });
});

describe('sends are never sent twice', () => {
  it('connection dropped after processing: unknown outcome, and exactly one notification exists', async () => {
    await fault({ kind: 'drop', phase: 'after', count: 1, method: 'POST', path_prefix: '/v2/notifications' });
    const c = client();
    const err = await rejection(c.sendSms(sms), UnknownOutcomeError);
    expect(err.reference).toMatch(/^nc-/);
    expect(err.code).toBe('unknown-outcome');
    expect(err.reason).toBe('reset');
    expect(err.explanation.nextSteps[0]).toContain(err.reference);
    expect(logs.filter((l) => l.method === 'POST').map((l) => l.outcome)).toEqual(['unknown-outcome']);
    expect(await storedWith(err.reference)).toHaveLength(1);
    expect(await c.findByReference(err.reference)).toHaveLength(1);
  });

  it('connection dropped before processing: unknown outcome too, and nothing was created', async () => {
    await fault({
      kind: 'drop',
      phase: 'before',
      count: 1,
      method: 'POST',
      path_prefix: '/v2/notifications',
    });
    const c = client();
    const err = await rejection(
      c.sendEmail({
        email_address: 'a@example.gov.uk',
        template_id: T.emailUnsub,
        personalisation: { name: 'x' },
      }),
      UnknownOutcomeError,
    );
    expect(logs.filter((l) => l.method === 'POST')).toHaveLength(1);
    expect(await c.findByReference(err.reference)).toHaveLength(0);
    expect(await storedWith(err.reference)).toHaveLength(0);
  });

  it('keeps the caller’s own reference', async () => {
    await fault({ kind: 'drop', phase: 'after', count: 1, method: 'POST', path_prefix: '/v2/notifications' });
    const err = await rejection(client().sendSms({ ...sms, reference: 'invoice-77' }), UnknownOutcomeError);
    expect(err.reference).toBe('invoice-77');
    expect(await storedWith('invoice-77')).toHaveLength(1);
  });

  it('a send that times out waiting for the answer is unknown; Notify may still create it', async () => {
    await fault({
      kind: 'latency',
      latency_ms: 1_600,
      count: 1,
      method: 'POST',
      path_prefix: '/v2/notifications',
    });
    const c = client({ timeouts: { headersMs: 100 } });
    const err = await rejection(c.sendSms(sms), UnknownOutcomeError);
    expect(err.reason).toBe('timeout');
    const found = await eventually(
      () => storedWith(err.reference),
      (list) => list.length > 0,
    );
    expect(found).toHaveLength(1);
    expect(logs.filter((l) => l.method === 'POST')).toHaveLength(1);
  });

  it('5xx answers to a send are unknown outcomes and are not retried', async () => {
    const gateway = await fault({
      kind: 'error',
      status: 503,
      count: 2,
      method: 'POST',
      path_prefix: '/v2/notifications',
    });
    const err = await rejection(client().sendSms(sms), UnknownOutcomeError);
    expect(err).toMatchObject({ reason: 'http-5xx', status: 503 });
    expect((await faultsLeft()).find((f) => f.id === gateway.id)?.remaining).toBe(1);

    await fetch(`${sb.url}/_sandbox/faults`, {
      method: 'DELETE',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    await fault({ kind: 'error', status: 500, count: 1, method: 'POST', path_prefix: '/v2/notifications' });
    const notify500 = await rejection(client().sendSms(sms), UnknownOutcomeError);
    expect(notify500.message).toContain('Notify answered 500');
    expect(logs.filter((l) => l.method === 'POST').every((l) => l.attempt === 1)).toBe(true);
  });

  it('a 429 to a send is Notify’s refusal (nothing created), returned without retrying', async () => {
    const limited = await fault({
      kind: 'error',
      status: 429,
      retry_after: 1,
      count: 2,
      method: 'POST',
      path_prefix: '/v2/notifications',
    });
    const err = await rejection(client().sendSms(sms), NotifyApiError);
    expect(err).toMatchObject({ status: 429, retryAfterSeconds: 1 });
    expect(err.explanation.retry).toBe('later');
    expect((await faultsLeft()).find((f) => f.id === limited.id)?.remaining).toBe(1);
    expect(waits).toEqual([]);
  });

  it('a send refused before connecting is a plain network error: nothing was sent', async () => {
    const port = await closedPort();
    const err = await rejection(
      client({ baseUrl: `http://127.0.0.1:${port}` }).sendSms(sms),
      NotifyNetworkError,
    );
    expect(err.kind).toBe('refused');
    expect(err.explanation.charged).toBe('no');
    expect(logs.map((l) => l.outcome)).toEqual(['network-error']);
  });

  it('previewTemplate has no side effect, so it is retried like a read', async () => {
    await fault({ kind: 'drop', phase: 'after', count: 1, method: 'POST', path_prefix: '/v2/template/' });
    const r = await client().previewTemplate(T.sms, { name: 'A', code: 'B' });
    expect(r.body).toBe('Hello A, your code is B.');
    expect(logs.map((l) => l.attempt)).toEqual([1, 2]);
  });
});

describe('what the client refuses', () => {
  it('never follows a redirect, so the key never reaches another origin', async () => {
    let otherHits = 0;
    const other = await serve((_req, res) => {
      otherHits++;
      res.end('{}');
    });
    const redirecting = await serve((_req, res) => {
      res.writeHead(302, { location: `${other.url}/v2/templates` });
      res.end();
    });
    const err = await rejection(client({ baseUrl: redirecting.url }).getTemplates(), NotifyNetworkError);
    expect(err).toMatchObject({ kind: 'other', status: 302 });
    expect(err.explanation.whatHappened).toContain(other.url);
    expect(err.explanation.whatHappened).toMatch(/never follows redirects/);
    expect(otherHits).toBe(0);
    expect(logs).toHaveLength(1);
  });

  it('stops reading an answer past the size cap, declared or streamed', async () => {
    const big = 'x'.repeat(300_000);
    const declared = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(big.length) });
      res.end(big);
    });
    const streamed = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      for (let i = 0; i < 10; i++) res.write(big.slice(0, 30_000));
      res.end();
    });
    for (const s of [declared, streamed]) {
      const err = await rejection(
        client({ baseUrl: s.url, maxResponseBytes: 100_000 }).getTemplates(),
        NotifyNetworkError,
      );
      expect(err.kind).toBe('too-large');
      expect(err.message).toMatch(/larger than 100000 bytes/);
    }
    expect(logs.every((l) => l.attempt === 1)).toBe(true);
  });

  it('times out an answer that stalls halfway (body timeout)', async () => {
    const stall = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"templates":');
    });
    const err = await rejection(
      client({ baseUrl: stall.url, timeouts: { bodyMs: 150 }, retry: { attempts: 1 } }).getTemplates(),
      NotifyNetworkError,
    );
    expect(err).toMatchObject({ kind: 'timeout', status: 200 });
  });

  it('reports a success answer that is not Notify’s JSON, and for a send makes it unknown', async () => {
    const html = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>hello</html>');
    });
    expect(await rejection(client({ baseUrl: html.url }).getTemplates(), NotifyNetworkError)).toMatchObject({
      kind: 'not-json',
      status: 200,
    });
    expect(await rejection(client({ baseUrl: html.url }).sendSms(sms), UnknownOutcomeError)).toMatchObject({
      reason: 'unreadable-success',
    });
  });
});

describe('proxies', () => {
  it('tunnels through an explicit proxy', async () => {
    const proxy = await startProxy('tunnel');
    const c = client({ proxy: proxy.url });
    expect((await c.getTemplates()).templates.length).toBeGreaterThan(0);
    expect(proxy.connects).toEqual([`127.0.0.1:${sb.sandbox.port}`]);
  });

  it('explains a proxy that wants credentials, or that is not there; a send through it is not unknown', async () => {
    const needsAuth = await startProxy('407');
    const err = await rejection(
      client({ proxy: `http://user:hunter22@127.0.0.1:${needsAuth.port}` }).getTemplates(),
      NotifyNetworkError,
    );
    expect(err.kind).toBe('proxy');
    expect(err.status).toBe(407);
    expect(err.explanation.title).toBe('The proxy needs you to sign in');
    expect(JSON.stringify(err.details) + err.message).not.toContain('hunter22');

    const port = await closedPort();
    const gone = await rejection(
      client({ proxy: `http://127.0.0.1:${port}` }).sendSms(sms),
      NotifyNetworkError,
    );
    expect(gone.kind).toBe('proxy');
    expect(gone.explanation.whatHappened).toContain(`http://127.0.0.1:${port}`);
  });

  it('honours HTTP_PROXY and NO_PROXY from the environment when the profile sets none', async () => {
    const proxy = await startProxy('tunnel');
    const saved = { ...process.env };
    try {
      delete process.env.http_proxy;
      delete process.env.no_proxy;
      delete process.env.NO_PROXY;
      process.env.HTTP_PROXY = proxy.url;
      await client({ proxy: null }).getTemplates();
      expect(proxy.connects).toHaveLength(1);
      process.env.NO_PROXY = '127.0.0.1';
      await client().getTemplates();
      expect(proxy.connects).toHaveLength(1);
    } finally {
      process.env = saved;
    }
  });
});

// ---------------------------------------------------------------------------------------------

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

/** A CONNECT proxy that tunnels, or that always asks for credentials. */
async function startProxy(mode: 'tunnel' | '407'): Promise<Served & { connects: string[] }> {
  const connects: string[] = [];
  const server = createServer((_req, res) => {
    res.writeHead(405);
    res.end();
  });
  server.on('connect', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    connects.push(req.url ?? '');
    if (mode === '407') {
      socket.end(
        'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="corp"\r\nContent-Length: 0\r\n\r\n',
      );
      return;
    }
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host ?? '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
    socket.on('close', () => upstream.destroy());
  });
  return Object.assign(await listen(server), { connects });
}
