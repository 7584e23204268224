import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { callbackBody, type CallbackPayload } from '../../../src-shared/callback-payload';
import { checkBearerToken, checkReplayUrl, replayCallback } from '../../../src-main/core/callbacks/replay';
import { explanation } from '../../../src-shared/notify/explanation';
import { isLoopbackHost } from '../../../src-shared/notify/loopback';
import { closedPort } from '../../support/local-server';

const payload: CallbackPayload = {
  id: '740e5834-3a29-46b4-9a6f-16142fde533a',
  reference: 'ref “é” 😀',
  to: '07700900123',
  status: 'delivered',
  created_at: '2026-01-05T12:00:00.000000Z',
  completed_at: '2026-01-05T12:00:10.000000Z',
  sent_at: '2026-01-05T12:00:02.000000Z',
  notification_type: 'sms',
  template_id: 'f33517ff-2a88-4f6e-b855-c550268ce08a',
  template_version: 3,
};
const TOKEN = 'replay-token-5f0c6a1e-never-shown';

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A server on 127.0.0.1 (ephemeral port) that records requests and answers with `answer`. */
async function endpoint(
  answer: (res: import('node:http').ServerResponse) => void = (res) => res.end('ok'),
): Promise<{ url: string; received: Received[]; port: number }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
      });
      answer(res);
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}/callback?x=1`, received, port };
}

function target(url: string) {
  const c = checkReplayUrl(url);
  if (!c.ok) throw new Error(c.message);
  return { url: c.url, loopback: c.loopback };
}

describe('checkReplayUrl', () => {
  it.each([
    ['https://example.com/cb', false],
    ['https://example.com:8443/a/b?c=d', false],
    ['http://localhost:3000/callback', true],
    ['http://LOCALHOST/x', true],
    ['http://127.0.0.1:8080/', true],
    ['http://127.1.2.3/', true],
    ['http://[::1]:9000/cb', true],
    ['https://localhost/cb', true],
    ['  https://example.com/cb  ', false],
  ])('accepts %s', (url, loopback) => {
    const c = checkReplayUrl(url);
    expect(c.ok).toBe(true);
    if (c.ok) expect(c.loopback).toBe(loopback);
  });

  it.each([
    ['', /Enter the URL/],
    ['example.com/cb', /not a full URL/],
    ['ftp://example.com/cb', /“ftp:” scheme is not supported/],
    ['file:///etc/passwd', /not supported/],
    ['javascript:alert(1)', /not supported/],
    ['http://example.com/cb', /only allowed for an endpoint on this computer.*https:\/\/example\.com/],
    ['http://10.0.0.1/cb', /only allowed for an endpoint on this computer/],
    ['http://128.0.0.1/cb', /only allowed/],
    ['http://localhost.example.com/cb', /only allowed/],
    ['http://[::2]/cb', /only allowed/],
    ['https://user:pass@example.com/cb', /user name and password/],
    ['http://user@localhost/cb', /user name and password/],
    ['https://exa mple.com/cb', /spaces or control characters/],
    ['https://local\nhost/cb', /spaces or control characters/],
    [`https://example.com/${'a'.repeat(2100)}`, /too long/],
  ])('refuses %j', (url, message) => {
    const c = checkReplayUrl(url);
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.message).toMatch(message);
  });

  it('never repeats credentials from the URL in its message', () => {
    const c = checkReplayUrl('https://alice:hunter2secret@example.com/cb');
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.message).not.toMatch(/hunter2secret|alice/);
  });

  it('fuzz: whatever the input, http is allowed only to loopback, and never with credentials', () => {
    let seed = 12345;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const parts = [
      'http://',
      'https://',
      'ftp://',
      'HTTP://',
      'hTtPs://',
      'ws://',
      'data:',
      '//',
      'http:',
      'https:/',
      'localhost',
      '127.0.0.1',
      '127.255.255.255',
      '[::1]',
      '[::ffff:127.0.0.1]',
      '0x7f000001',
      '2130706433',
      '127.1',
      'example.com',
      '10.0.0.1',
      'localhost.',
      'évil.com',
      'a@',
      'u:p@',
      '@',
      ':',
      ':80',
      ':99999',
      '/',
      '/cb',
      '?q=1',
      '#frag',
      '%00',
      '%2F',
      '\\',
      ' ',
      '\t',
      '\n',
      '.',
      '..',
      '[',
      ']',
      'x',
    ];
    for (let i = 0; i < 5000; i++) {
      let s = '';
      const n = 1 + rand(6);
      for (let k = 0; k < n; k++) s += parts[rand(parts.length)];
      const c = checkReplayUrl(s);
      if (!c.ok) {
        expect(typeof c.message).toBe('string');
        expect(c.message.length).toBeGreaterThan(10);
        continue;
      }
      expect(['http:', 'https:']).toContain(c.url.protocol);
      expect(c.url.username).toBe('');
      expect(c.url.password).toBe('');
      expect(c.url.hostname).not.toBe('');
      expect(c.loopback).toBe(isLoopbackHost(c.url.hostname));
      if (c.url.protocol === 'http:') expect(c.loopback).toBe(true);
      if (c.loopback)
        expect(
          c.url.hostname === 'localhost' || c.url.hostname === '[::1]' || c.url.hostname.startsWith('127.'),
        ).toBe(true);
    }
  });
});

describe('checkBearerToken', () => {
  it('accepts printable ASCII and refuses header-breaking characters without repeating the token', () => {
    expect(checkBearerToken('abc-123_~+/=')).toBeNull();
    for (const bad of ['a b', 'a\r\nX-Injected: 1', 'é', '', 'x'.repeat(1025)]) {
      const message = checkBearerToken(bad);
      expect(message).toMatch(/bearer token/);
      if (bad) expect(message).not.toContain(bad);
    }
  });
});

describe('replayCallback against a local endpoint', () => {
  it('POSTs exactly the payload Notify would, with the headers Notify sends', async () => {
    const ep = await endpoint((res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('thanks'));
    const r = await replayCallback({ ...target(ep.url), payload, bearerToken: TOKEN });
    expect(r).toMatchObject({
      status: 200,
      ok: true,
      error: null,
      responseBody: 'thanks',
      responseTruncated: false,
      payload,
    });
    expect(r.durationMs).toBeGreaterThanOrEqual(0);
    expect(Date.parse(r.sentAt)).not.toBeNaN();
    expect(ep.received).toHaveLength(1);
    const got = ep.received[0]!;
    expect(got.method).toBe('POST');
    expect(got.url).toBe('/callback?x=1');
    expect(got.body.toString('utf8')).toBe(callbackBody(payload));
    // Python json.dumps: ", " and ": " separators, non-ASCII escaped.
    expect(got.body.toString('utf8')).toContain(
      '"reference": "ref \\u201c\\u00e9\\u201d \\ud83d\\ude00", "to"',
    );
    expect(Object.keys(JSON.parse(got.body.toString('utf8')))).toEqual(Object.keys(payload));
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('sends no Authorization header without a token', async () => {
    const ep = await endpoint();
    const r = await replayCallback({ ...target(ep.url), payload });
    expect(r.ok).toBe(true);
    expect(ep.received[0]!.headers.authorization).toBeUndefined();
  });

  it.each([
    [201, true, null],
    [204, true, null],
    [400, false, /answered HTTP 400/],
    [401, false, /refused the request/],
    [429, false, /HTTP 429/],
    [500, false, /HTTP 500/],
    [503, false, /HTTP 503/],
    [302, false, /redirected/],
  ])('reports HTTP %i with the body', async (status, ok, title) => {
    const ep = await endpoint((res) =>
      res
        .writeHead(status, { location: 'https://example.com/' })
        .end(status === 204 ? undefined : `body ${status}`),
    );
    const r = await replayCallback({ ...target(ep.url), payload, bearerToken: TOKEN });
    expect(r.status).toBe(status);
    expect(r.ok).toBe(ok);
    expect(r.responseBody).toBe(status === 204 ? '' : `body ${status}`);
    if (title) {
      expect(r.error?.title).toMatch(title);
      expect(explanation.safeParse(r.error).success).toBe(true);
    } else expect(r.error).toBeNull();
    if (status >= 500 || status === 429) expect(r.error?.whatHappened).toMatch(/would retry/);
    if (status === 400) expect(r.error?.whatHappened).toMatch(/would not retry/);
  });

  it('keeps the first 2 KB of a long answer', async () => {
    const ep = await endpoint((res) => res.end('é'.repeat(5000)));
    const r = await replayCallback({ ...target(ep.url), payload });
    expect(r.ok).toBe(true);
    expect(r.responseTruncated).toBe(true);
    // 2 KB is 1,024 two-byte characters: exactly that much is kept, and no more.
    expect(r.responseBody).toBe('é'.repeat(1024));
    expect(Buffer.byteLength(r.responseBody)).toBe(2048);
  });

  it('a refused port comes back as ok: false, "nothing is listening"', async () => {
    const port = await closedPort();
    const r = await replayCallback({ ...target(`http://127.0.0.1:${port}/cb`), payload, bearerToken: TOKEN });
    expect(r).toMatchObject({ status: null, ok: false, responseBody: '' });
    expect(r.error?.title).toBe('Nothing is listening there');
    expect(r.error?.whatHappened).toContain(`Nothing is listening on 127.0.0.1:${port}`);
  });

  it('a slow endpoint times out', async () => {
    const ep = await endpoint(() => undefined); // never answers
    const r = await replayCallback({ ...target(ep.url), payload, timeoutMs: 300 });
    expect(r).toMatchObject({ status: null, ok: false });
    expect(r.error?.title).toBe('Your endpoint took too long');
    expect(r.durationMs).toBeGreaterThanOrEqual(250);
    expect(r.durationMs).toBeLessThan(5000);
  });

  it('a TLS handshake with a plain-HTTP server fails as TLS', async () => {
    const ep = await endpoint();
    const r = await replayCallback({ ...target(`https://127.0.0.1:${ep.port}/cb`), payload });
    expect(r.ok).toBe(false);
    expect(r.error?.title).toBe('The secure connection could not be set up');
  });

  it('an unknown name fails as DNS', async () => {
    const r = await replayCallback({
      ...target('https://no-such-host.invalid/cb'),
      payload,
      timeoutMs: 5000,
    });
    expect(r.ok).toBe(false);
    expect(['The endpoint’s name could not be found', 'The proxy did not let the request through']).toContain(
      r.error?.title,
    );
  });

  it('never puts the token in what it returns, whatever happens', async () => {
    const port = await closedPort();
    const ok = await endpoint((res) => res.writeHead(500).end('no'));
    const results = await Promise.all([
      replayCallback({ ...target(ok.url), payload, bearerToken: TOKEN }),
      replayCallback({ ...target(`http://127.0.0.1:${port}/`), payload, bearerToken: TOKEN }),
      replayCallback({ ...target(`https://127.0.0.1:${ok.port}/`), payload, bearerToken: TOKEN }),
    ]);
    const text = JSON.stringify(results);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('Bearer');
  });
});
