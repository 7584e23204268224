/**
 * The Notify client against a real Notify Sandbox on 127.0.0.1: every method, and Notify's own
 * error paths (auth, validation, not found, routing envelopes, limits, clock skew).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NotifyClient, type NotifyClientOptions } from '../../../src-main/core/notify/client';
import type { NotifyRequestLogEntry } from '../../../src-main/core/notify/request-log';
import { NotifyApiError } from '../../../src-main/core/notify/errors';
import { rpcError } from '../../../src-main/contract/errors';
import { toRpcError } from '../../../src-main/rpc/errors';
import {
  SENDERS,
  SERVICE_ID,
  T,
  TRIAL_ID,
  eventually,
  startTestSandbox,
  type TestSandbox,
} from '../../support/sandbox';

let sb: TestSandbox;
const clients: NotifyClient[] = [];
let logs: NotifyRequestLogEntry[] = [];

beforeAll(async () => {
  sb = await startTestSandbox({ timeScale: 1000 });
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  logs = [];
});
afterAll(() => sb.sandbox.close());

function client(
  key: keyof TestSandbox['apiKeys'] = 'live',
  options: Partial<NotifyClientOptions> = {},
): NotifyClient {
  const c = new NotifyClient({
    baseUrl: sb.url,
    apiKey: sb.apiKeys[key],
    retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
    log: (e) => logs.push(e),
    ...options,
  });
  clients.push(c);
  return c;
}

const control = (method: string, path: string, body?: unknown) =>
  fetch(`${sb.url}/_sandbox${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
  }).then((r) => r.json() as Promise<any>);

async function notifyError(p: Promise<unknown>): Promise<NotifyApiError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(NotifyApiError);
  return err as NotifyApiError;
}

const sms = { phone_number: '07700900123', template_id: T.sms, personalisation: { name: 'Ada', code: 42 } };

describe('sends', () => {
  it('sendSms: sends what it is given, adding a reference the console can look up', async () => {
    const c = client();
    const r = await c.sendSms(sms);
    expect(r.content).toEqual({ body: 'Hello Ada, your code is 42.', from_number: 'GOVUK' });
    expect(r.reference).toMatch(/^nc-[0-9a-f-]{36}$/);
    expect(r.template).toMatchObject({ id: T.sms, version: 1 });
    const found = await c.findByReference(r.reference!);
    expect(found.map((n) => n.id)).toEqual([r.id]);
    const mine = await c.sendSms({ ...sms, reference: 'my-ref', sms_sender_id: SENDERS.smsNumber });
    expect(mine.reference).toBe('my-ref');
    expect(mine.content.from_number).toBe('447700900500');
  });

  it('sendSms without autoReference sends no reference', async () => {
    const r = await client('live', { autoReference: false }).sendSms(sms);
    expect(r.reference).toBeNull();
  });

  it('sendEmail', async () => {
    const r = await client().sendEmail({
      email_address: 'someone@example.gov.uk',
      template_id: T.emailUnsub,
      personalisation: { name: 'Ada' },
      one_click_unsubscribe_url: 'https://example.gov.uk/unsub',
    });
    expect(r.content).toMatchObject({
      subject: 'News',
      one_click_unsubscribe_url: 'https://example.gov.uk/unsub',
    });
    expect(r.content.from_email).toContain('test.service@');
  });

  it('sendLetter, then getLetterPdf once the PDF is ready', async () => {
    const c = client('test');
    const r = await c.sendLetter({
      template_id: T.letter,
      personalisation: {
        name: 'Ada',
        team: 'Ops',
        address_line_1: 'A Person',
        address_line_2: '1 Street',
        postcode: 'SW1A 1AA',
      },
    });
    expect(r.content.subject).toBe('Appointment &amp; more');
    const pdf = await eventually(
      () => c.getLetterPdf(r.id).catch((e: unknown) => e),
      (v) => v instanceof Uint8Array,
    );
    expect(new TextDecoder().decode((pdf as Uint8Array).slice(0, 5))).toBe('%PDF-');
  });

  it('sendPrecompiledLetter takes bytes and base64-encodes them', async () => {
    const c = client('test');
    const bytes = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');
    const r = await c.sendPrecompiledLetter({ reference: 'pdf-1', content: bytes, postage: 'first' });
    expect(r).toMatchObject({ reference: 'pdf-1', postage: 'first' });
    const n = await c.getNotification(r.id);
    expect(n).toMatchObject({ type: 'letter', reference: 'pdf-1' });
  });
});

describe('reads', () => {
  it('getNotification and getNotifications with repeated list filters', async () => {
    const c = client();
    const sent = await c.sendSms({ ...sms, reference: `list-${randomUUID()}` });
    expect((await c.getNotification(sent.id)).id).toBe(sent.id);
    const page = await c.getNotifications({
      template_type: ['sms', 'email'],
      status: ['created', 'sending', 'delivered', 'pending'],
      reference: sent.reference!,
    });
    expect(page.notifications.map((n) => n.id)).toEqual([sent.id]);
    expect(page.links.current).toContain('template_type=sms&template_type=email');
    expect(logs.at(-1)?.path).toBe(
      `/v2/notifications?template_type=sms&template_type=email&status=created&status=sending&status=delivered&status=pending&reference=${sent.reference}`,
    );
    const older = await c.getNotifications({ older_than: sent.id, include_jobs: true });
    expect(older.notifications.every((n) => n.id !== sent.id)).toBe(true);
    expect(logs.at(-1)?.path).toContain('include_jobs=true');
  });

  it('getTemplate (latest and a version), getTemplates (all and by type), previewTemplate', async () => {
    const c = client();
    expect((await c.getTemplate(T.email)).version).toBe(2);
    expect((await c.getTemplate(T.email, 1)).subject).toBe('Old subject');
    const all = await c.getTemplates();
    expect(all.templates.map((t) => t.id)).not.toContain(T.archived);
    expect((await c.getTemplates('letter')).templates.map((t) => t.id)).toEqual([T.letter]);
    const preview = await c.previewTemplate(T.sms, { name: 'Bo', code: 'x' });
    expect(preview).toMatchObject({ id: T.sms, type: 'sms', body: 'Hello Bo, your code is x.' });
  });

  it('getReceivedTexts, with older_than', async () => {
    const c = client();
    const page = await c.getReceivedTexts();
    expect(page.received_text_messages.map((m) => m.content)).toContain('Hello there');
    const first = page.received_text_messages[0]!;
    expect((await c.getReceivedTexts(first.id)).received_text_messages.map((m) => m.id)).not.toContain(
      first.id,
    );
  });
});

describe('Notify’s errors', () => {
  it('keeps status, error class and message, with an explanation', async () => {
    const err = await notifyError(client().sendSms({ ...sms, personalisation: {} }));
    expect(err.status).toBe(400);
    expect(err.errors).toEqual([
      { error: 'BadRequestError', message: 'Missing personalisation: name, code' },
    ]);
    expect(err.errorClass).toBe('BadRequestError');
    expect(err.explanation).toMatchObject({
      title: 'Personalisation is missing',
      retry: 'after-fixing',
      charged: 'no',
    });
    expect(err.code).toBe('notify');
    expect(err.details).toMatchObject({ status: 400, explanation: { title: 'Personalisation is missing' } });
    expect(err.message).toBe('Notify answered 400 BadRequestError: Missing personalisation: name, code');
  });

  it('explains every entry of a multi-error validation answer', async () => {
    const err = await notifyError(client().sendSms({ template_id: 'nope', phone_number: 5 } as never));
    expect(err.errors.length).toBeGreaterThan(1);
    expect(err.message).toMatch(/\(and \d+ more\)/);
    expect(err.explanation.whatHappened).toContain('Notify also reported');
  });

  it('tells apart a wrong key, a revoked key and an archived service', async () => {
    const wrong = new NotifyClient({ baseUrl: sb.url, apiKey: `live-${SERVICE_ID}-${randomUUID()}` });
    clients.push(wrong);
    expect((await notifyError(wrong.getTemplates())).notifyMessage).toBe('Invalid token: API key not found');
    const revoked = await notifyError(client('revoked').getTemplates());
    expect(revoked).toMatchObject({ status: 403, errorClass: 'AuthError' });
    expect(revoked.explanation.title).toBe('This API key has been revoked');
    await control('PATCH', `/services/${TRIAL_ID}`, { active: false });
    try {
      const archived = await notifyError(client('trialLive').getTemplates());
      expect(archived.notifyMessage).toBe('Invalid token: service is archived');
      expect(archived.explanation.retry).toBe('no');
    } finally {
      await control('PATCH', `/services/${TRIAL_ID}`, { active: true });
    }
  });

  it('does not retry 4xx answers', async () => {
    await notifyError(client().getNotification(randomUUID()));
    expect(logs.map((l) => [l.attempt, l.status, l.outcome])).toEqual([[1, 404, 'http-error']]);
  });

  it('reads the app-level envelope (a base URL with an extra path)', async () => {
    const err = await notifyError(client('live', { baseUrl: `${sb.url}/api` }).getTemplates());
    expect(err.status).toBe(404);
    expect(err.errors).toEqual([]);
    expect(err.app?.result).toBe('error');
    expect(err.explanation.title).toBe('That address is not part of the Notify API');
    expect(logs[0]?.path).toBe('/api/v2/templates');
  });

  it('encodes ids so they cannot change the path', async () => {
    const err = await notifyError(client().getNotification('../templates'));
    expect(err.status).toBe(404);
    expect(logs[0]?.path).toBe('/v2/notifications/..%2Ftemplates');
    for (const id of ['', '.', '..', '%2e%2E']) {
      await expect(client().getNotification(id)).rejects.toMatchObject({ code: 'validation' });
    }
    expect(logs).toHaveLength(1);
  });

  it('does not retry a rate-limited send, and says to try later', async () => {
    await control('PATCH', `/services/${SERVICE_ID}`, { rate_limit: 3 }); // capacity 2
    try {
      const c = client('team');
      const errors: unknown[] = [];
      for (let i = 0; i < 3; i++) await c.sendSms(sms).catch((e: unknown) => errors.push(e));
      const limited = errors.find((e) => e instanceof NotifyApiError && e.status === 429) as NotifyApiError;
      expect(limited.errorClass).toBe('RateLimitError');
      expect(limited.explanation.retry).toBe('later');
      expect(logs.filter((l) => l.method === 'POST')).toHaveLength(3);
      expect(logs.filter((l) => l.status === 429).every((l) => l.attempt === 1)).toBe(true);
    } finally {
      await control('PATCH', `/services/${SERVICE_ID}`, { rate_limit: 3000 });
    }
  });
});

describe('clock skew', () => {
  afterEach(() => control('POST', '/clock', { skew_seconds: 0 }));

  it('measures skew from every answer’s Date header', async () => {
    await control('POST', '/clock', { skew_seconds: 12 });
    const c = client();
    await c.getTemplates();
    expect(c.lastSkewSeconds).toBeGreaterThanOrEqual(11);
    expect(c.lastSkewSeconds).toBeLessThanOrEqual(13);
    expect(logs[0]?.clockSkewSeconds).toBe(c.lastSkewSeconds);
  });

  it('explains Notify’s clock error with the measured skew (server ahead)', async () => {
    await control('POST', '/clock', { skew_seconds: 120 });
    const c = client();
    const err = await notifyError(c.getTemplates());
    expect(err.notifyMessage).toBe('Error: Your system clock must be accurate to within 30 seconds');
    expect(Math.abs((c.lastSkewSeconds ?? 0) - 120)).toBeLessThanOrEqual(1);
    expect(err.explanation.whatHappened).toMatch(/about 1(19|20|21) seconds behind Notify’s/);
  });

  it('carries the measured skew in the error the renderer receives, so its error panel shows real data', async () => {
    await control('POST', '/clock', { skew_seconds: 120 });
    const err = await notifyError(client().getTemplates());
    expect(Math.abs((err.skewSeconds ?? 0) - 120)).toBeLessThanOrEqual(1);
    const sent = toRpcError(err);
    expect(sent).toMatchObject({ code: 'notify', details: { status: 403, skewSeconds: err.skewSeconds } });
    expect(rpcError.parse(sent)).toEqual(sent);
  });

  it('explains it when this computer’s clock runs ahead (injected clock)', async () => {
    const c = client('live', { clock: () => Date.now() + 90_000 });
    const err = await notifyError(c.getTemplates());
    expect(err.status).toBe(403);
    expect(err.explanation.whatHappened).toMatch(/about (89|90|91) seconds ahead of Notify’s/);
    expect(logs[0]?.jwtClaims?.iat).toBeGreaterThan(Date.now() / 1000 + 80);
  });
});

describe('the request log', () => {
  it('records each attempt with claims (no signature), timing and outcome', async () => {
    const c = client();
    await c.getTemplates();
    const entry = logs[0]!;
    expect(entry).toMatchObject({
      method: 'GET',
      path: '/v2/templates',
      status: 200,
      attempt: 1,
      jwtClaims: { iss: SERVICE_ID },
      error: null,
      outcome: 'ok',
    });
    expect(Object.keys(entry.jwtClaims!).sort()).toEqual(['iat', 'iss']);
    expect(new Date(entry.startedAt).toISOString()).toBe(entry.startedAt);
    expect(entry.durationMs).toBeGreaterThanOrEqual(0);
    expect(entry.id).not.toBe(entry.requestId);
  });

  it('survives a logger that throws', async () => {
    const c = client('live', {
      log: () => {
        throw new Error('inspector broke');
      },
    });
    expect((await c.getTemplates()).templates.length).toBeGreaterThan(0);
  });
});

it('refuses input that cannot be sent as JSON, before sending anything', async () => {
  const err = await client()
    .sendSms({ ...sms, personalisation: { n: 1n } })
    .catch((e: unknown) => e);
  expect(err).toMatchObject({ code: 'validation' });
  expect(logs).toHaveLength(0);
});
