/**
 * The Sandbox panel's methods against a real embedded sandbox (issue 9.2): keys come out masked
 * and work once added as a profile, a revoked key is refused with Notify's words, faults reach
 * Notify's API and the marker's event, the daily limit gives Notify's 429, the clock moves, the
 * returned-letter and complaint callbacks set here are called (a complaint filed on an email), and
 * nothing any of these answer holds a key (except Copy's own answer in browser mode), a callback's
 * token or the secret.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsole, type RunningConsole } from '../../../src-main/host/start-console';
import type { MethodName } from '../../../src-main/contract/methods';
import { DEMO_SERVICE_ID, DEMO_TEMPLATES } from '../../support/demo-fixture';
import { listenLocal } from '../../support/local-server';
import { waitUntil } from '../../support/wait';

let core: RunningConsole;
let dataDir: string;
const events: { name: string; payload: any }[] = [];
const outputs: string[] = [];
const call = async (method: MethodName, input: unknown = {}) => {
  const r = (await core.endpoint.call(method, input, { transport: 'test' })) as any;
  if (method !== 'sandbox.copyKey') outputs.push(JSON.stringify(r));
  return r;
};
const sendEmail = (profileId: string) =>
  call('notifications.send', {
    profileId,
    request: {
      type: 'email',
      email_address: 'ada@example.gov.uk',
      template_id: DEMO_TEMPLATES.emailWelcome,
      personalisation: { name: 'Ada', 'reference number': 'REF-1' },
    },
  });
const sendLetter = (profileId: string) =>
  call('notifications.send', {
    profileId,
    request: {
      type: 'letter',
      template_id: DEMO_TEMPLATES.letterAppointment,
      personalisation: {
        address_line_1: 'Ada Lovelace',
        address_line_2: '1 High Street',
        address_line_3: 'SW1A 1AA',
        name: 'Ada',
        date: '1 May',
        time: '10am',
      },
    },
  });
const send = (profileId: string) =>
  call('notifications.send', {
    profileId,
    request: {
      type: 'sms',
      phone_number: '07700900123',
      template_id: DEMO_TEMPLATES.smsVerification,
      personalisation: { name: 'Ann', code: '123' },
    },
  });

async function allKeys(): Promise<string[]> {
  const info: any = await (
    await fetch(`${core.sandboxUrl}/_sandbox/info`, {
      headers: { 'X-Sandbox-Secret': core.sandbox!.controlSecret },
    })
  ).json();
  return info.services.flatMap((s: any) => s.api_keys.map((k: any) => k.api_key.slice(-36)));
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'console-panel-'));
  core = await startConsole({ dataDir, mode: 'browser', platform: 'linux', sandboxTimeScale: 200 });
  core.endpoint.subscribe((name, payload) => events.push({ name, payload }));
  expect((await call('vault.setup', { passphrase: 'panel passphrase' })).ok).toBe(true);
});
afterAll(async () => {
  await core.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the Sandbox panel on the embedded sandbox', () => {
  it('shows the services with masked keys, templates with versions, the clock and no faults', async () => {
    const r = await call('sandbox.panel');
    expect(r.ok).toBe(true);
    expect(r.value.state).toBe('running');
    const demo = r.value.services.find((s: any) => s.id === DEMO_SERVICE_ID);
    expect(demo.keys.length).toBeGreaterThanOrEqual(3);
    for (const k of demo.keys) expect(k.masked).toMatch(new RegExp(`-${DEMO_SERVICE_ID}-••••[0-9a-f]{4}$`));
    const sms = demo.templates.find((t: any) => t.id === DEMO_TEMPLATES.smsVerification);
    expect(sms).toMatchObject({ type: 'sms', version: expect.any(Number) });
    expect(r.value.clock.timeScale).toBe(200);
    expect(r.value.faults).toEqual([]);
  });

  it('creates a key, adds it as a profile that sends, and a revoked key is refused with Notify’s error', async () => {
    const created = await call('sandbox.createKey', {
      serviceId: DEMO_SERVICE_ID,
      name: 'my app',
      keyType: 'test',
    });
    expect(created.value.key).toMatchObject({ name: 'my app', keyType: 'test', revoked: false });
    const added = await call('sandbox.addKeyProfile', { keyId: created.value.key.id });
    expect(added.ok).toBe(true);
    expect(added.value.profile).toMatchObject({ keyType: 'test', isSandbox: true, builtIn: false });
    expect(added.value.profile.name).toContain('my app');
    const sent = await send(added.value.profile.id);
    expect(sent.ok).toBe(true);

    const revoked = await call('sandbox.revokeKey', { keyId: created.value.key.id });
    expect(revoked.value.key.revoked).toBe(true);
    const refused = await send(added.value.profile.id);
    expect(refused.ok).toBe(false);
    expect(refused.error.code).toBe('notify');
    expect(refused.error.details.status).toBe(403);
    expect(refused.error.details.errors[0].message).toBe('Invalid token: API key revoked');
    // Adding a revoked key as a profile is refused.
    expect((await call('sandbox.addKeyProfile', { keyId: created.value.key.id })).error.code).toBe(
      'sandbox_refused',
    );
  });

  it('answers Copy with the key in browser mode only, to that call', async () => {
    const panel = await call('sandbox.panel');
    const key = panel.value.services[0].keys[0];
    const copied = (await core.endpoint.call(
      'sandbox.copyKey',
      { keyId: key.id },
      { transport: 'test' },
    )) as any;
    expect(copied.value.copied).toBe(false);
    expect(copied.value.apiKey.endsWith(key.masked.slice(-4))).toBe(true);
    expect(
      (await call('sandbox.copyKey', { keyId: '00000000-0000-0000-0000-000000000000' })).error.code,
    ).toBe('sandbox_refused');
  });

  it('turns a 500 on, tells the window, fails a send, and removes it', async () => {
    events.length = 0;
    const on = await call('sandbox.addFault', { kind: 'error', status: 500 });
    expect(on.value.faults).toHaveLength(1);
    expect(on.value.faults[0].summary).toContain('500 Internal server error');
    expect(events.some((e) => e.name === 'sandbox.faults' && e.payload.faults.length === 1)).toBe(true);
    const failed = await send('sandbox-test');
    expect(failed.ok).toBe(false);
    const off = await call('sandbox.removeFault', { id: on.value.faults[0].id });
    expect(off.value.faults).toEqual([]);
    expect((await send('sandbox-test')).ok).toBe(true);
  });

  it('reaches the daily limit with Notify’s 429 and puts the limits back', async () => {
    const before = await call('sandbox.serviceSettings', { serviceId: DEMO_SERVICE_ID });
    const on = await call('sandbox.setDailyLimitReached', { serviceId: DEMO_SERVICE_ID, reached: true });
    expect(on.value.faults[0]).toMatchObject({
      kind: 'daily-limit',
      status: 429,
      serviceId: DEMO_SERVICE_ID,
    });
    const refused = await send('sandbox-live');
    expect(refused.error.details.status).toBe(429);
    expect(refused.error.details.errors[0]).toMatchObject({ error: 'TooManyRequestsError' });
    const off = await call('sandbox.removeFault', { id: on.value.faults[0].id });
    expect(off.value.faults).toEqual([]);
    expect((await call('sandbox.serviceSettings', { serviceId: DEMO_SERVICE_ID })).value.limits).toEqual(
      before.value.limits,
    );
  });

  it('injects an inbound text and reads it back; moves the clock', async () => {
    const injected = await call('sandbox.injectInbound', {
      serviceId: DEMO_SERVICE_ID,
      userNumber: '07700900111',
      content: 'Panel says hello',
    });
    expect(injected.ok).toBe(true);
    const texts = await call('sandbox.receivedTexts', { serviceId: DEMO_SERVICE_ID });
    expect(texts.value.messages[0].content).toBe('Panel says hello');
    const clock = await call('sandbox.setClock', { skewSeconds: 12, timeScale: 300 });
    expect(clock.value).toMatchObject({ skewSeconds: 12, timeScale: 300 });
    const back = await call('sandbox.setClock', { skewSeconds: 0, timeScale: 200 });
    expect(back.value.skewSeconds).toBe(0);
  });

  it('sets the returned-letter and complaint callbacks, files a complaint on an email only, and clears them', async () => {
    const received: { path: string; auth: string | undefined; body: any }[] = [];
    const endpoint = await listenLocal(
      createServer((req, res) => {
        let raw = '';
        req.on('data', (c) => (raw += c));
        req.on('end', () => {
          received.push({ path: req.url ?? '', auth: req.headers.authorization, body: JSON.parse(raw) });
          res.writeHead(200).end('{}');
        });
      }),
    );
    const token = 'panel-callback-token-7e2b';
    try {
      const set = await call('sandbox.updateService', {
        serviceId: DEMO_SERVICE_ID,
        returnedLetterCallback: { url: `${endpoint.url}/returned`, bearerToken: token },
        complaintCallback: { url: `${endpoint.url}/complaints`, bearerToken: token },
      });
      expect(set.value).toMatchObject({
        returnedLetterCallbackUrl: `${endpoint.url}/returned`,
        complaintCallbackUrl: `${endpoint.url}/complaints`,
      });
      const email = await sendEmail('sandbox-test');
      const filed = await call('sandbox.complain', { id: email.value.id });
      expect(filed.value.callbackUrl).toBe(`${endpoint.url}/complaints`);
      await waitUntil(
        async () => received.length,
        (n) => n > 0,
      );
      expect(received[0]).toMatchObject({
        path: '/complaints',
        auth: `Bearer ${token}`,
        body: { notification_id: email.value.id, complaint_id: filed.value.complaintId },
      });

      const letter = await sendLetter('sandbox-test');
      expect((await call('sandbox.forceStatus', { id: letter.value.id, status: 'returned-letter' })).ok).toBe(
        true,
      );
      await waitUntil(
        async () => received.length,
        (n) => n > 1,
      );
      expect(received[1]).toMatchObject({ path: '/returned', body: { notification_id: letter.value.id } });

      const text = await send('sandbox-test');
      const refused = await call('sandbox.complain', { id: text.value.id });
      expect(refused.error).toMatchObject({
        code: 'sandbox_refused',
        message: expect.stringContaining('Only an email can get a complaint'),
      });
      expect((await call('sandbox.complain', { id: randomUUID() })).error.code).toBe('sandbox_refused');

      const cleared = await call('sandbox.updateService', {
        serviceId: DEMO_SERVICE_ID,
        returnedLetterCallback: null,
        complaintCallback: null,
      });
      expect(cleared.value).toMatchObject({ returnedLetterCallbackUrl: null, complaintCallbackUrl: null });
      expect((await call('sandbox.complain', { id: email.value.id })).value.callbackUrl).toBeNull();
      expect(outputs.join('\n')).not.toContain(token);
    } finally {
      await endpoint.close();
    }
  });

  it('refuses bad input at the door and a reset without confirm', async () => {
    expect((await call('sandbox.reset', {})).error.code).toBe('validation');
    expect(
      (await call('sandbox.createKey', { serviceId: DEMO_SERVICE_ID, name: '', keyType: 'test' })).error.code,
    ).toBe('validation');
    expect((await call('sandbox.addFault', { kind: 'error', status: 200 })).error.code).toBe('validation');
    expect(
      (
        await call('sandbox.injectInbound', {
          serviceId: DEMO_SERVICE_ID,
          userNumber: '1',
          content: 'x'.repeat(919),
        })
      ).error.code,
    ).toBe('validation');
  });

  it('puts no key or control secret in any answer or event', async () => {
    await waitUntil(
      async () => events.length,
      (n) => n > 0,
    );
    const all = [...outputs, JSON.stringify(events)].join('\n');
    for (const s of await allKeys()) expect(all.includes(s)).toBe(false);
    expect(all.includes(core.sandbox!.controlSecret)).toBe(false);
  });
});
