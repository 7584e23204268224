import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SERVICE_ID,
  T,
  TRIAL_ID,
  eventually,
  startTestSandbox,
  type TestSandbox,
} from '../../support/sandbox';
import { signToken } from '../../support/notify-token';

let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox({ timeScale: 1000 });
});
afterAll(() => sb.sandbox.close());

const control = (method: string, path: string, body?: unknown) => sb.control(method, path, body);
const smsBody = { phone_number: '07700900123', template_id: T.sms, personalisation: { name: 'a', code: 1 } };

describe('limits', () => {
  it('daily limit per channel: count + 1 > limit is refused with Notify’s 429, even for a bad body', async () => {
    await control('PATCH', `/services/${SERVICE_ID}`, { limits: { sms: 2 } });
    try {
      expect((await sb.call('POST', '/v2/notifications/sms', { body: smsBody })).status).toBe(201);
      expect((await sb.call('POST', '/v2/notifications/sms', { body: smsBody })).status).toBe(201);
      const third = await sb.call('POST', '/v2/notifications/sms', { rawBody: 'not json' });
      expect(third.status).toBe(429);
      expect(third.json).toEqual({
        status_code: 429,
        errors: [{ error: 'TooManyRequestsError', message: 'Exceeded send limits (sms: 2) for today' }],
      });
      // Test keys are never counted, but share the service's counter.
      expect((await sb.call('POST', '/v2/notifications/sms', { key: 'test', body: smsBody })).status).toBe(
        429,
      );
      // Email has its own counter.
      expect(
        (
          await sb.call('POST', '/v2/notifications/email', {
            body: { email_address: 'a@b.gov.uk', template_id: T.emailUnsub, personalisation: { name: 'x' } },
          })
        ).status,
      ).toBe(201);
    } finally {
      await control('PATCH', `/services/${SERVICE_ID}`, { limits: { sms: 250000 } });
    }
  });

  it('rate limit: a token bucket per key type, rejected requests use a token', async () => {
    await control('PATCH', `/services/${SERVICE_ID}`, { rate_limit: 6 }); // capacity ceil(6/3)+1 = 3
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++)
        statuses.push(
          (await sb.call('POST', '/v2/notifications/sms', { key: 'team', body: smsBody })).status,
        );
      expect(statuses.slice(0, 2).every((s) => s !== 429)).toBe(true);
      expect(statuses[2]).toBe(429);
      const r = await sb.call('POST', '/v2/notifications/sms', { key: 'team', body: smsBody });
      expect(r.json.errors).toEqual([
        {
          error: 'RateLimitError',
          message: 'Exceeded rate limit for key type TEAM of 6 requests per 60 seconds',
        },
      ]);
      // Another key type has its own bucket.
      expect((await sb.call('POST', '/v2/notifications/sms', { key: 'test', body: smsBody })).status).toBe(
        201,
      );
    } finally {
      await control('PATCH', `/services/${SERVICE_ID}`, { rate_limit: 3000 });
    }
  });
});

describe('faults', () => {
  it('injects latency, 5xx for the next N requests, and dropped connections', async () => {
    await control('POST', '/faults', { kind: 'error', status: 503, count: 2, path_prefix: '/v2/templates' });
    expect((await sb.call('GET', '/v2/templates')).status).toBe(503);
    expect((await sb.call('GET', '/v2/templates')).status).toBe(503);
    expect((await sb.call('GET', '/v2/templates')).status).toBe(200);

    await control('POST', '/faults', { kind: 'drop', count: 1, path_prefix: '/v2/templates' });
    await expect(sb.call('GET', '/v2/templates')).rejects.toThrow();
    expect((await sb.call('GET', '/v2/templates')).status).toBe(200);

    await control('POST', '/faults', { kind: 'error', status: 429, count: 1, retry_after: 2 });
    const limited = await sb.call('GET', '/v2/templates');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
  });

  it('drops the connection after processing: the notification exists though the client heard nothing', async () => {
    await control('POST', '/faults', {
      kind: 'drop',
      phase: 'after',
      count: 1,
      method: 'POST',
      path_prefix: '/v2/notifications',
    });
    await expect(
      sb.call('POST', '/v2/notifications/sms', { body: { ...smsBody, reference: 'lost-response' } }),
    ).rejects.toThrow();
    const found = await sb.call('GET', '/v2/notifications?reference=lost-response');
    expect(found.json.notifications).toHaveLength(1);
  });

  it('refuses a malformed fault with a clear message, in Notify’s app-level envelope', async () => {
    const r = await control('POST', '/faults', { kind: 'explode' });
    expect(r.status).toBe(400);
    const body = (await r.json()) as any;
    expect(body.result).toBe('error');
    expect(body.message).toContain('kind');
  });
});

describe('control API and callbacks', () => {
  it('lists its routes and describes keys and templates', async () => {
    const routes = (await (await control('GET', '/')).json()) as any;
    expect(routes.routes.length).toBeGreaterThan(10);
    const info = (await (await control('GET', '/info')).json()) as any;
    expect(info.services.map((s: { id: string }) => s.id)).toEqual([SERVICE_ID, TRIAL_ID]);
    expect(info.services[0].api_keys[0].api_key).toBe(sb.apiKeys.live);
  });

  it('creates a key that works at once, and revokes it', async () => {
    const created = (await (
      await control('POST', `/services/${SERVICE_ID}/keys`, { name: 'New Key', key_type: 'test' })
    ).json()) as any;
    expect(created.api_key).toMatch(new RegExp(`^new_key-${SERVICE_ID}-[0-9a-f-]{36}$`));
    const token = signToken(SERVICE_ID, created.api_key.slice(-36));
    expect((await sb.call('GET', '/v2/templates', { token })).status).toBe(200);
    await control('POST', `/keys/${created.id}/revoke`);
    expect((await sb.call('GET', '/v2/templates', { token })).json.errors[0].message).toBe(
      'Invalid token: API key revoked',
    );
  });

  it('adds template versions', async () => {
    const r = await control('POST', `/services/${SERVICE_ID}/templates`, {
      id: T.sms,
      name: 'SMS',
      type: 'sms',
      content: 'v2 ((name))',
    });
    expect((await r.json()) as any).toEqual({ id: T.sms, version: 2 });
    expect((await sb.call('GET', `/v2/template/${T.sms}`)).json.body).toBe('v2 ((name))');
    expect((await sb.call('GET', `/v2/template/${T.sms}/version/1`)).json.body).toBe(
      'Hello ((name)), your code is ((code)).',
    );
    await control('POST', `/services/${SERVICE_ID}/templates`, {
      id: T.sms,
      name: 'SMS',
      type: 'sms',
      content: 'Hello ((name)), your code is ((code)).',
    });
  });

  it('POSTs delivery receipts and received texts to the service’s callbacks with its bearer token', async () => {
    const received: { auth: string | undefined; body: Record<string, unknown>; path: string }[] = [];
    const server = createServer((req: IncomingMessage, res) => {
      let data = '';
      req.on('data', (c) => (data += c));
      req.on('end', () => {
        received.push({ auth: req.headers.authorization, body: JSON.parse(data), path: req.url ?? '' });
        res.end('ok');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as AddressInfo).port;
    try {
      await control('PATCH', `/services/${SERVICE_ID}`, {
        callbacks: {
          delivery_status: { url: `http://127.0.0.1:${port}/status`, bearer_token: 'secret-token-1' },
          received_text: { url: `http://127.0.0.1:${port}/inbound`, bearer_token: 'secret-token-2' },
        },
      });
      const sent = await sb.call('POST', '/v2/notifications/sms', {
        key: 'test',
        body: { ...smsBody, reference: 'cb' },
      });
      await eventually(
        async () => received.filter((r) => r.path === '/status').map((r) => r.body.status),
        (s) => s.includes('delivered'),
      );
      const final = received.find((r) => r.body.status === 'delivered')!;
      expect(final.auth).toBe('Bearer secret-token-1');
      expect(Object.keys(final.body).sort()).toEqual(
        [
          'completed_at',
          'created_at',
          'id',
          'notification_type',
          'reference',
          'sent_at',
          'status',
          'template_id',
          'template_version',
          'to',
        ].sort(),
      );
      expect(final.body).toMatchObject({
        id: sent.json.id,
        reference: 'cb',
        to: '07700900123',
        notification_type: 'sms',
      });
      expect(typeof final.body.template_version).toBe('number');
      await control('POST', `/services/${SERVICE_ID}/inbound`, {
        user_number: '447700900111',
        content: 'Reply',
      });
      const inbound = await eventually(async () => received.find((r) => r.path === '/inbound'), Boolean);
      expect(inbound!.auth).toBe('Bearer secret-token-2');
      expect(inbound!.body).toMatchObject({
        source_number: '447700900111',
        destination_number: '07700900999',
        message: 'Reply',
      });
      const log = (await (await control('GET', '/callbacks')).json()) as any;
      expect(log.callbacks.length).toBeGreaterThanOrEqual(2);
    } finally {
      await control('PATCH', `/services/${SERVICE_ID}`, {
        callbacks: { delivery_status: null, received_text: null },
      });
      server.close();
    }
  });

  it('one-click unsubscribe: valid link succeeds, a forged one is refused', async () => {
    const sent = await sb.call('POST', '/v2/notifications/email', {
      body: {
        email_address: 'reader@example.gov.uk',
        template_id: T.emailUnsub,
        personalisation: { name: 'R' },
      },
    });
    const got = await sb.call('GET', `/v2/notifications/${sent.json.id}`);
    const link: string = got.json.one_click_unsubscribe_url;
    expect(link).toContain(`/unsubscribe/${sent.json.id}/`);
    const ok = await fetch(link, { method: 'POST' });
    expect((await ok.json()) as any).toEqual({ message: 'Unsubscribe successful', result: 'success' });
    const forged = await fetch(`${link}x`, { method: 'POST' });
    expect(forged.status).toBe(404);
    expect((await forged.json()) as any).toEqual({
      message: { 'unsubscribe request': 'This is not a valid unsubscribe link.' },
      result: 'error',
    });
  });

  it('moves simulated time: a text stuck in pending times out after 72 hours', async () => {
    await control('PATCH', `/services/${SERVICE_ID}`, {
      outcomes: [{ recipient: '07700900777', status: 'pending' }],
    });
    const sent = await sb.call('POST', '/v2/notifications/sms', {
      body: { ...smsBody, phone_number: '07700900777' },
    });
    await eventually(
      () => sb.call('GET', `/v2/notifications/${sent.json.id}`),
      (r) => r.json.status === 'pending',
    );
    const moved = (await (await control('POST', '/clock', { advance_seconds: 73 * 3600 })).json()) as any;
    expect(Date.parse(moved.now) - Date.now()).toBeGreaterThan(72 * 3600_000);
    const after = await eventually(
      () => sb.call('GET', `/v2/notifications/${sent.json.id}`),
      (r) => r.json.status !== 'pending',
    );
    expect(after.json.status).toBe('temporary-failure');
  });
});
