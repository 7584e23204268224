/**
 * No log entry, error message, error detail or connection-test message ever carries the API key,
 * its secret, a proxy password or a whole JWT: a battery of successes and every kind of failure,
 * then one scan over everything the client produced.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { Socket } from 'node:net';
import { inspect } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { NotifyClient } from '../../../src-main/core/notify/client';
import type { NotifyRequestLogEntry } from '../../../src-main/core/notify/request-log';
import { testConnection } from '../../../src-main/core/notify/connection-test';
import { SERVICE_ID, T, startTestSandbox, type TestSandbox } from '../../support/sandbox';
import { closedPort, listenLocal } from '../../support/local-server';

let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox({ timeScale: 1000, limits: false });
});
afterAll(() => sb.sandbox.close());

const JWT = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+/;

it('never puts a key, secret, proxy password or JWT in logs, errors or messages', async () => {
  const wrongSecret = randomUUID();
  const proxyPassword = 'pr0xy-pa55word';
  const keys = [sb.apiKeys.live, `live-${SERVICE_ID}-${wrongSecret}`];
  const forbidden = [...keys, sb.secrets.live, wrongSecret, proxyPassword];
  const logs: NotifyRequestLogEntry[] = [];
  const produced: unknown[] = [];
  const clients: NotifyClient[] = [];
  const texts0: string[] = [];
  const make = (baseUrl: string, apiKey = sb.apiKeys.live, extra: Record<string, unknown> = {}) => {
    const c = new NotifyClient({
      baseUrl,
      apiKey,
      log: (e) => logs.push(e),
      retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
      timeouts: { headersMs: 100, totalMs: 1_500 },
      ...extra,
    });
    clients.push(c);
    return c;
  };
  const attempt = async (p: Promise<unknown>) => {
    try {
      produced.push(await p);
    } catch (e) {
      produced.push(e);
    }
  };
  const fault = (f: unknown) =>
    fetch(`${sb.url}/_sandbox/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(f),
    });

  const c = make(sb.url);
  const sms = { phone_number: '07700900123', template_id: T.sms, personalisation: { name: 'a', code: 1 } };
  await attempt(c.sendSms(sms));
  await attempt(c.getTemplates());
  // Secrets pasted where they do not belong: Notify echoes a too-long reference back.
  await attempt(c.sendSms({ ...sms, reference: `${sb.secrets.live}${'x'.repeat(1000)}` }));
  await attempt(c.getNotifications({ reference: sb.apiKeys.live }));
  await attempt(c.getNotification(sb.secrets.live));
  await attempt(c.sendSms({ ...sms, personalisation: {} }));
  await attempt(make(sb.url, keys[1]).getTemplates());
  await attempt(make(sb.url, sb.apiKeys.live, { clock: () => Date.now() - 600_000 }).getTemplates());
  await fault({ kind: 'drop', phase: 'after', count: 1, method: 'POST' });
  await attempt(c.sendSms(sms));
  await fault({ kind: 'error', status: 503, count: 3 });
  await attempt(c.getTemplates());
  await attempt(c.sendSms(sms));
  await fetch(`${sb.url}/_sandbox/faults`, {
    method: 'DELETE',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  });
  await fault({ kind: 'latency', latency_ms: 1_200, count: 1, method: 'POST' });
  await attempt(c.sendSms(sms));
  await fetch(`${sb.url}/_sandbox/faults`, {
    method: 'DELETE',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  });

  const closed = await closedPort();
  await attempt(make(`http://127.0.0.1:${closed}`).getTemplates());
  await attempt(make('https://nowhere.invalid').sendSms(sms));
  // Plain http to another host is refused before anything is sent (the key destination rule).
  await attempt(Promise.resolve().then(() => make('http://nowhere.invalid').sendSms(sms)));
  await attempt(make(`https://127.0.0.1:${sb.sandbox.port}`).getTemplates());
  await attempt(
    make(sb.url, sb.apiKeys.live, {
      proxy: `http://user:${proxyPassword}@127.0.0.1:${closed}`,
    }).getTemplates(),
  );
  const proxy407 = await listenLocal(
    createServer().on('connect', (_req, socket: Socket) =>
      socket.end('HTTP/1.1 407 Proxy Authentication Required\r\n\r\n'),
    ),
  );
  await attempt(
    make(sb.url, sb.apiKeys.live, { proxy: `http://user:${proxyPassword}@${proxy407.host}` }).sendSms(sms),
  );
  const echo = await listenLocal(
    createServer((req, res) => {
      // A hostile or broken server echoing the Authorization header back, in the body and a header.
      res.writeHead(req.url?.startsWith('/v2/templates') ? 400 : 500, {
        'content-type': 'application/json',
        'x-echo': String(req.headers.authorization),
      });
      res.end(
        JSON.stringify({
          status_code: 400,
          errors: [{ error: String(req.headers.authorization), message: `bad ${req.headers.authorization}` }],
        }),
      );
    }),
  );
  await attempt(make(`http://${echo.host}`).getTemplates());
  await attempt(make(`http://${echo.host}`).sendSms(sms));
  for (const apiKey of [...keys, sb.apiKeys.revoked]) {
    produced.push(await testConnection({ baseUrl: sb.url, apiKey }));
  }
  produced.push(
    await testConnection({
      baseUrl: sb.url,
      apiKey: sb.apiKeys.live,
      proxy: `http://u:${proxyPassword}@127.0.0.1:${closed}`,
    }),
  );
  produced.push(await testConnection({ baseUrl: `http://${echo.host}`, apiKey: sb.apiKeys.live }));
  // Even a client printed whole (console.log in a debugging session) shows no secret.
  texts0.push(...clients.map((x) => inspect(x, { depth: 10, showHidden: true })));
  await Promise.all(clients.map((x) => x.close()));
  await proxy407.close();
  await echo.close();

  const errors = produced.filter((p): p is Error => p instanceof Error);
  expect(errors.length).toBeGreaterThan(15);
  expect(logs.length).toBeGreaterThan(20);
  const texts = [
    ...texts0,
    ...logs.map((l) => JSON.stringify(l)),
    // Successful answers are Notify's data (a list filtered by a pasted key echoes it back): not scanned.
    ...produced
      .filter((p) => p instanceof Error || (typeof p === 'object' && p !== null && 'verdict' in p))
      .map((p) => JSON.stringify(p)),
    ...errors.flatMap((e) => [
      e.message,
      String(e),
      e.stack ?? '',
      JSON.stringify((e as { details?: unknown }).details) ?? '',
      inspect(e, { depth: 10, showHidden: true }),
    ]),
  ];
  for (const text of texts) {
    for (const secret of forbidden) expect(text).not.toContain(secret);
    expect(text).not.toMatch(JWT);
  }
  // The redaction is visible where a secret was echoed, so the user knows something was removed.
  expect(texts.some((t) => t.includes('[redacted]'))).toBe(true);
  expect(texts.some((t) => t.includes('[redacted token]'))).toBe(true);
});
