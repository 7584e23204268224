/**
 * Every status path the sandbox can take a notification down (reference §7), table-driven: how it is
 * sent, the statuses it passes through internally, and what GET /v2/notifications/{id} shows at the end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestPdf } from '../../../src-sandbox/letters/test-pdf';
import {
  SERVICE_ID,
  T,
  eventually,
  startTestSandbox,
  type TestKeys,
  type TestSandbox,
} from '../../support/sandbox';

let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox({ timeScale: 1000 });
  await fetch(`${sb.url}/_sandbox/services/${SERVICE_ID}`, {
    headers: { 'Content-Type': 'application/json' },
    method: 'PATCH',
    body: JSON.stringify({
      outcomes: [
        { recipient: '07700900601', status: 'technical-failure' },
        { recipient: '07700900602', status: 'temporary-failure' },
        { recipient: 'bounce@example.gov.uk', status: 'permanent-failure' },
      ],
    }),
  });
});
afterAll(() => sb.sandbox.close());

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const sms = (phone: string) => ({
  phone_number: phone,
  template_id: T.sms,
  personalisation: { name: 'A', code: 1 },
});
const email = (to: string) => ({
  email_address: to,
  template_id: T.emailUnsub,
  personalisation: { name: 'A' },
});
const letter = {
  template_id: T.letter,
  personalisation: {
    address_line_1: 'A Person',
    address_line_2: '1 Street',
    postcode: 'SW1A 1AA',
    name: 'A',
    team: 'B',
  },
};
const pdf = async (options: Parameters<typeof makeTestPdf>[1] = {}) => ({
  reference: 'pre',
  content: Buffer.from(await makeTestPdf(1, options)).toString('base64'),
});

type Row = [
  name: string,
  key: keyof TestKeys,
  type: 'sms' | 'email' | 'letter',
  body: () => unknown | Promise<unknown>,
  history: string[],
  shown: string,
  completed: boolean,
];

const rows: Row[] = [
  [
    'SMS, test key: delivered',
    'test',
    'sms',
    () => sms('07700900123'),
    ['created', 'sending', 'delivered'],
    'delivered',
    true,
  ],
  [
    'SMS, test key …003: temporary failure through pending',
    'test',
    'sms',
    () => sms('+447700900003'),
    ['created', 'sending', 'pending', 'temporary-failure'],
    'temporary-failure',
    true,
  ],
  [
    'SMS, test key …002: permanent failure',
    'test',
    'sms',
    () => sms('07700900002'),
    ['created', 'sending', 'permanent-failure'],
    'permanent-failure',
    true,
  ],
  [
    'SMS, live key: delivered',
    'live',
    'sms',
    () => sms('07700900123'),
    ['created', 'sending', 'delivered'],
    'delivered',
    true,
  ],
  [
    'SMS, live key, outcome rule: technical failure before sending',
    'live',
    'sms',
    () => sms('07700900601'),
    ['created', 'technical-failure'],
    'technical-failure',
    true,
  ],
  [
    'SMS, live key, outcome rule: temporary failure',
    'live',
    'sms',
    () => sms('07700900602'),
    ['created', 'sending', 'pending', 'temporary-failure'],
    'temporary-failure',
    true,
  ],
  [
    'SMS to a country without delivery receipts: sent, final',
    'live',
    'sms',
    () => sms('+14158961600'),
    ['created', 'sent'],
    'sent',
    true,
  ],
  [
    'email, test key: delivered',
    'test',
    'email',
    () => email('someone@example.gov.uk'),
    ['created', 'sending', 'delivered'],
    'delivered',
    true,
  ],
  [
    'email, test key perm-fail@simulator.notify',
    'test',
    'email',
    () => email('perm-fail@simulator.notify'),
    ['created', 'sending', 'permanent-failure'],
    'permanent-failure',
    true,
  ],
  [
    'email, test key temp-fail@simulator.notify',
    'test',
    'email',
    () => email('temp-fail@simulator.notify'),
    ['created', 'sending', 'temporary-failure'],
    'temporary-failure',
    true,
  ],
  [
    'email, live key, outcome rule: bounce',
    'live',
    'email',
    () => email('bounce@example.gov.uk'),
    ['created', 'sending', 'permanent-failure'],
    'permanent-failure',
    true,
  ],
  [
    'letter, test key: accepted then received',
    'test',
    'letter',
    () => letter,
    ['sending', 'delivered'],
    'received',
    true,
  ],
  [
    'precompiled letter, test key: virus scan, then received',
    'test',
    'letter',
    () => pdf(),
    ['pending-virus-check', 'sending', 'delivered'],
    'received',
    true,
  ],
  [
    'precompiled letter with a virus: virus-scan-failed (not a completed status)',
    'test',
    'letter',
    () => pdf({ eicar: true }),
    ['pending-virus-check', 'virus-scan-failed'],
    'virus-scan-failed',
    false,
  ],
  [
    'precompiled letter not A4: validation-failed',
    'test',
    'letter',
    () => pdf({ pageSize: [420, 595] }),
    ['pending-virus-check', 'validation-failed'],
    'validation-failed',
    true,
  ],
];

describe('status paths (§7)', () => {
  it.each(rows)('%s', async (_name, key, type, body, history, shown, completed) => {
    const sent = await sb.call('POST', `/v2/notifications/${type}`, { key, body: await body() });
    expect(sent.status).toBe(201);
    const done = await eventually(
      () => sb.call('GET', `/v2/notifications/${sent.json.id}`),
      (r) => r.json.status === shown,
      1000,
    );
    const inspected = (await (await fetch(`${sb.url}/_sandbox/notifications/${sent.json.id}`)).json()) as any;
    expect(inspected.history.map((h: { status: string }) => h.status)).toEqual(history);
    if (completed) expect(done.json.completed_at).toMatch(DATETIME);
    else expect(done.json.completed_at).toBeNull();
  });

  it('a live-key letter: accepted while created, accepted while sending, then received', async () => {
    const sent = await sb.call('POST', '/v2/notifications/letter', { body: letter });
    const status = async () =>
      (await sb.call('GET', `/v2/notifications/${sent.json.id}`)).json.status as string;
    await eventually(
      async () => (await (await fetch(`${sb.url}/_sandbox/notifications/${sent.json.id}`)).json()) as any,
      (n) => n.status === 'created',
    );
    expect(await status()).toBe('accepted');
    // The print run is scheduled once the letter is laid out; the clock moves only after that.
    await eventually(
      () => sb.call('GET', `/v2/notifications/${sent.json.id}/pdf`),
      (r) => r.status === 200,
    );
    await fetch(`${sb.url}/_sandbox/clock`, {
      headers: { 'Content-Type': 'application/json' },
      method: 'POST',
      body: JSON.stringify({ advance_seconds: 2 * 3600 }),
    });
    await eventually(
      async () => (await (await fetch(`${sb.url}/_sandbox/notifications/${sent.json.id}`)).json()) as any,
      (n) => n.status === 'sending',
    );
    expect(await status()).toBe('accepted');
    await fetch(`${sb.url}/_sandbox/clock`, {
      headers: { 'Content-Type': 'application/json' },
      method: 'POST',
      body: JSON.stringify({ advance_seconds: 4 * 86400 }),
    });
    await eventually(status, (s) => s === 'received');
  });

  it('a returned letter is shown as received; forced statuses show as Notify names them', async () => {
    const sent = await sb.call('POST', '/v2/notifications/letter', { key: 'test', body: letter });
    await eventually(
      () => sb.call('GET', `/v2/notifications/${sent.json.id}`),
      (r) => r.json.status === 'received',
    );
    for (const [forced, shown] of [
      ['returned-letter', 'received'],
      ['cancelled', 'cancelled'],
      ['technical-failure', 'technical-failure'],
      ['permanent-failure', 'permanent-failure'],
    ]) {
      await fetch(`${sb.url}/_sandbox/notifications/${sent.json.id}/status`, {
        headers: { 'Content-Type': 'application/json' },
        method: 'POST',
        body: JSON.stringify({ status: forced }),
      });
      expect((await sb.call('GET', `/v2/notifications/${sent.json.id}`)).json.status).toBe(shown);
    }
  });
});
