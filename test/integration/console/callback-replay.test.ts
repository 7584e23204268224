/**
 * Callback replay end to end in plain Node: the payload matches what the sandbox itself calls back
 * with, and `callbacks.replay` through the console core POSTs it to a local endpoint.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCallbackPayload, callbackBody } from '../../../src-shared/callback-payload';
import { startConsole, type RunningConsole } from '../../../src-main/host/start-console';
import { NotifyClient } from '../../../src-main/core/notify/client';
import { DEMO_TEMPLATES } from '../../support/demo-fixture';
import { eventually, SERVICE_ID, startTestSandbox, T, type TestSandbox } from '../../support/sandbox';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A recording endpoint on 127.0.0.1 (ephemeral port); `answer` decides the reply. */
async function endpoint(answer: (res: ServerResponse, path: string) => void = (res) => res.end('ok')) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      answer(res, req.url ?? '');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    received,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe('the shared payload matches the sandbox’s own delivery-status callback', () => {
  let sb: TestSandbox;
  beforeAll(async () => {
    sb = await startTestSandbox({ timeScale: 1000 });
  });
  afterAll(() => sb.sandbox.close());

  it.each([
    [
      'sms',
      '/v2/notifications/sms',
      { phone_number: '07700900123', template_id: T.sms, personalisation: { name: 'a', code: 1 } },
    ],
    [
      'email',
      '/v2/notifications/email',
      { email_address: 'someone@example.com', template_id: T.emptyEmail, personalisation: { body: 'Hi' } },
    ],
  ] as const)('%s: same keys, same order, same values, same bytes', async (_type, path, body) => {
    const ep = await endpoint();
    const client = new NotifyClient({ baseUrl: sb.url, apiKey: sb.apiKeys.test });
    try {
      await fetch(`${sb.url}/_sandbox/services/${SERVICE_ID}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          callbacks: { delivery_status: { url: `${ep.base}/status`, bearer_token: 'sandbox-token-1' } },
        }),
      });
      const sent = await sb.call('POST', path, { key: 'test', body: { ...body, reference: 'parity é' } });
      expect(sent.status).toBe(201);
      const final = await eventually(
        async () =>
          ep.received.find(
            (r) => JSON.parse(r.body).id === sent.json.id && JSON.parse(r.body).status === 'delivered',
          ),
        Boolean,
        500,
      );
      const fromSandbox = JSON.parse(final!.body) as Record<string, unknown>;
      const ours = buildCallbackPayload(await client.getNotification(sent.json.id));
      expect(Object.keys(ours)).toEqual(Object.keys(fromSandbox));
      expect(ours).toEqual(fromSandbox);
      expect(callbackBody(ours)).toBe(final!.body);
    } finally {
      await fetch(`${sb.url}/_sandbox/services/${SERVICE_ID}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ callbacks: { delivery_status: null } }),
      });
      await ep.close();
      await client.close();
    }
  });
});

describe('callbacks.replay through the console core', () => {
  let core: RunningConsole;
  let dataDir: string;
  let notificationId: string;
  const TOKEN = 'replay-bearer-9d3b2f7a-secret';
  const events: unknown[] = [];
  const call = async (method: string, input: unknown = {}) =>
    core.endpoint.call(method, input, { transport: 'test' }) as Promise<any>;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'console-replay-'));
    core = await startConsole({ dataDir, mode: 'browser', platform: 'linux', sandboxTimeScale: 200 });
    core.endpoint.subscribe((name, payload) => events.push({ name, payload }));
    const sent = await call('notifications.send', {
      profileId: 'sandbox-test',
      request: {
        type: 'sms',
        phone_number: '07700900123',
        template_id: DEMO_TEMPLATES.smsVerification,
        personalisation: { name: 'Ann', code: '123' },
        reference: 'replay-1',
      },
    });
    expect(sent.ok).toBe(true);
    notificationId = sent.value.id;
  });
  afterAll(async () => {
    await core.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('POSTs the payload byte for byte with the bearer token, and reports the answer', async () => {
    const ep = await endpoint((res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'),
    );
    try {
      const r = await call('callbacks.replay', {
        profileId: 'sandbox-test',
        notificationId,
        url: `${ep.base}/notify/status`,
        bearerToken: TOKEN,
      });
      expect(r.ok).toBe(true);
      expect(r.value).toMatchObject({ status: 200, ok: true, error: null, responseBody: '{"ok":true}' });
      expect(r.value.payload).toMatchObject({
        id: notificationId,
        reference: 'replay-1',
        notification_type: 'sms',
      });
      expect(ep.received).toHaveLength(1);
      expect(ep.received[0]!.path).toBe('/notify/status');
      expect(ep.received[0]!.body).toBe(callbackBody(r.value.payload));
      expect(Object.keys(JSON.parse(ep.received[0]!.body))).toEqual(Object.keys(r.value.payload));
      expect(ep.received[0]!.headers['content-type']).toBe('application/json');
      expect(ep.received[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    } finally {
      await ep.close();
    }
  });

  it('reports 4xx and 5xx with status and body, and sends no Authorization without a token', async () => {
    const ep = await endpoint((res, path) => res.writeHead(path === '/bad' ? 422 : 500).end(`nope ${path}`));
    try {
      const bad = await call('callbacks.replay', {
        profileId: 'sandbox-test',
        notificationId,
        url: `${ep.base}/bad`,
      });
      expect(bad.value).toMatchObject({ status: 422, ok: false, responseBody: 'nope /bad' });
      expect(bad.value.error.whatHappened).toMatch(/would not retry/);
      const down = await call('callbacks.replay', {
        profileId: 'sandbox-test',
        notificationId,
        url: `${ep.base}/down`,
      });
      expect(down.value).toMatchObject({ status: 500, ok: false, responseBody: 'nope /down' });
      expect(down.value.error.whatHappened).toMatch(/would retry/);
      expect(ep.received.map((r) => r.headers.authorization)).toEqual([undefined, undefined]);
    } finally {
      await ep.close();
    }
  });

  it('a closed port is ok: false with "nothing is listening", not a failed call', async () => {
    const ep = await endpoint();
    await ep.close();
    const r = await call('callbacks.replay', {
      profileId: 'sandbox-test',
      notificationId,
      url: `http://localhost:${ep.port}/cb`,
      bearerToken: TOKEN,
    });
    expect(r.ok).toBe(true);
    expect(r.value).toMatchObject({ ok: false, status: null });
    expect(r.value.error.whatHappened).toContain(`Nothing is listening on localhost:${ep.port}`);
  });

  it('refuses http:// to another host, credentials and other schemes before any request', async () => {
    const before = (await call('inspector.list', { limit: 1000 })).value.entries.length;
    for (const [url, message] of [
      ['http://example.com/cb', /only allowed for an endpoint on this computer/],
      ['https://me:pw@example.com/cb', /user name and password/],
      ['ftp://127.0.0.1/cb', /not supported/],
    ] as const) {
      const r = await call('callbacks.replay', {
        profileId: 'sandbox-test',
        notificationId,
        url,
        bearerToken: TOKEN,
      });
      expect(r.ok).toBe(false);
      expect(r.error.code).toBe('validation');
      expect(r.error.message).toMatch(message);
      expect(r.error.details.issues[0].field).toBe('url');
    }
    // Not even the notification was fetched.
    expect((await call('inspector.list', { limit: 1000 })).value.entries.length).toBe(before);
  });

  it('has strict, bounded input', async () => {
    const base = { profileId: 'sandbox-test', notificationId, url: 'http://127.0.0.1:9/' };
    for (const input of [
      { ...base, url: `https://example.com/${'a'.repeat(2048)}` },
      { ...base, bearerToken: 'x'.repeat(1025) },
      { ...base, bearerToken: '' },
      { ...base, notificationId: 'not-a-uuid' },
      { ...base, extra: 1 },
    ]) {
      const r = await call('callbacks.replay', input);
      expect(r.ok).toBe(false);
      expect(r.error.code).toBe('validation');
    }
    const r = await call('callbacks.replay', { ...base, bearerToken: 'a b\r\nX-Evil: 1' });
    expect(r.error.code).toBe('validation');
    expect(r.error.details.issues[0].field).toBe('bearerToken');
    expect(r.error.message).not.toContain('X-Evil');
  });

  it('never shows the bearer token or the API key in any output, the inspector or events', async () => {
    const info: any = await (
      await fetch(`${core.sandboxUrl!}/_sandbox/info`, {
        headers: { 'X-Sandbox-Secret': core.sandbox!.controlSecret },
      })
    ).json();
    const keys: string[] = info.services.flatMap((s: { api_keys: { api_key: string }[] }) =>
      s.api_keys.map((k) => k.api_key.slice(-36)),
    );
    const closed = await endpoint();
    await closed.close();
    const open = await endpoint((res) => res.writeHead(401).end('who are you?'));
    const outputs: unknown[] = [];
    try {
      for (const url of [
        `${open.base}/x`,
        `http://127.0.0.1:${closed.port}/x`,
        `https://127.0.0.1:${open.port}/x`,
        'http://example.com/',
      ]) {
        outputs.push(
          await call('callbacks.replay', {
            profileId: 'sandbox-test',
            notificationId,
            url,
            bearerToken: TOKEN,
          }),
        );
      }
    } finally {
      await open.close();
    }
    outputs.push(await call('inspector.list', { limit: 1000 }), events);
    const all = JSON.stringify(outputs);
    expect(all).not.toContain(TOKEN);
    for (const k of keys) expect(all).not.toContain(k);
    expect(all).not.toMatch(/eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{20,}/);
  });
});
