/**
 * Every route's answer has exactly Notify's keys (support/notify-shapes.ts, which is checked against
 * notifications-node-client's TypeScript types at compile time): sends of each kind, a notification of
 * each type in each cost state, lists, PDFs, templates and their versions, previews, received texts,
 * and the error envelopes. Also the fixture fields issue 14 added: template versions' dates and the
 * inbound number's sender.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestPdf } from '../../../src-sandbox/letters/test-pdf';
import { parseFixture, FixtureError } from '../../../src-sandbox/fixtures';
import { startSandbox } from '../../../src-sandbox/server';
import { signToken } from '../../support/notify-token';
import {
  eventually,
  SENDERS,
  SERVICE_ID,
  startTestSandbox,
  T,
  testFixture,
  type TestSandbox,
} from '../../support/sandbox';
import { KEYS, LETTER_NOTIFICATION_KEYS } from './support/notify-shapes';

let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox({ timeScale: 1000 });
});
afterAll(() => sb.sandbox.close());

const keys = (o: unknown) => Object.keys(o as object).sort();
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

const letterPersonalisation = {
  name: 'Ann',
  team: 'Support',
  address_line_1: 'Ann Example',
  address_line_2: '1 High Street',
  postcode: 'SW1A 1AA',
};

/** A notification's keys, its template's, and its cost details' for its type and state. */
function expectNotificationShape(n: any) {
  expect(keys(n)).toEqual(n.type === 'letter' ? LETTER_NOTIFICATION_KEYS : KEYS.notification);
  expect(keys(n.template)).toEqual(KEYS.templateRef);
  expect(n.created_at).toMatch(DATETIME);
  expect(n.scheduled_for).toBeNull();
  if (!n.is_cost_data_ready || n.type === 'email') expect(n.cost_details).toEqual({});
  else expect(keys(n.cost_details)).toEqual(n.type === 'sms' ? KEYS.smsCost : KEYS.letterCost);
}

describe('sends', () => {
  it('sms, with the default sender and a chosen one', async () => {
    for (const extra of [{}, { sms_sender_id: SENDERS.smsNumber }]) {
      const r = await sb.call('POST', '/v2/notifications/sms', {
        body: {
          phone_number: '07700900123',
          template_id: T.sms,
          personalisation: { name: 'A', code: '1' },
          ...extra,
        },
      });
      expect(r.status).toBe(201);
      expect(keys(r.json)).toEqual(KEYS.smsCreated);
      expect(keys(r.json.content)).toEqual(KEYS.smsContent);
      expect(keys(r.json.template)).toEqual(KEYS.templateRef);
    }
  });

  it('email, with and without sanitised content', async () => {
    for (const extra of [{}, { sanitise_content_for: ['name'] }]) {
      const r = await sb.call('POST', '/v2/notifications/email', {
        body: {
          email_address: 'a@example.gov.uk',
          template_id: T.emailUnsub,
          personalisation: { name: 'A\u200bnn' },
          ...extra,
        },
      });
      expect(r.status).toBe(201);
      expect(keys(r.json)).toEqual(KEYS.emailCreated);
      expect(keys(r.json.content)).toEqual(KEYS.emailContent);
    }
  });

  it('a templated letter and a precompiled one', async () => {
    const t = await sb.call('POST', '/v2/notifications/letter', {
      body: { template_id: T.letter, personalisation: letterPersonalisation },
    });
    expect(keys(t.json)).toEqual(KEYS.letterCreated);
    expect(keys(t.json.content)).toEqual(KEYS.letterContent);
    const p = await sb.call('POST', '/v2/notifications/letter', {
      body: { reference: 'p', content: Buffer.from(await makeTestPdf(1)).toString('base64') },
    });
    expect(keys(p.json)).toEqual(KEYS.precompiledCreated);
  });
});

describe('notifications', () => {
  it('each type, before and after its cost is known; a letter never sent; a page and an empty page', async () => {
    const sms = await sb.call('POST', '/v2/notifications/sms', {
      key: 'test',
      body: { phone_number: '07700900123', template_id: T.sms, personalisation: { name: 'A', code: '1' } },
    });
    const email = await sb.call('POST', '/v2/notifications/email', {
      key: 'test',
      body: { email_address: 'a@example.gov.uk', template_id: T.emailUnsub, personalisation: { name: 'A' } },
    });
    const letter = await sb.call('POST', '/v2/notifications/letter', {
      key: 'test',
      body: { template_id: T.letter, personalisation: letterPersonalisation },
    });
    const cancelled = await sb.call('POST', '/v2/notifications/letter', {
      key: 'test',
      body: { template_id: T.letter, personalisation: letterPersonalisation },
    });
    const ids = [sms.json.id, email.json.id, letter.json.id];
    for (const id of ids)
      expectNotificationShape((await sb.call('GET', `/v2/notifications/${id}`, { key: 'test' })).json);
    await sb.control('POST', `/notifications/${cancelled.json.id}/status`, { status: 'cancelled' });
    for (const id of ids) {
      const done = await eventually(
        () => sb.call('GET', `/v2/notifications/${id}`, { key: 'test' }),
        (r) => r.json.is_cost_data_ready && ['delivered', 'received'].includes(r.json.status),
      );
      expectNotificationShape(done.json);
    }
    const never = (await sb.call('GET', `/v2/notifications/${cancelled.json.id}`, { key: 'test' })).json;
    expectNotificationShape(never);
    expect(never.cost_details).toEqual({ billable_sheets_of_paper: 0, postage: 'second' });
    const letterDone = (await sb.call('GET', `/v2/notifications/${letter.json.id}`, { key: 'test' })).json;
    expect(letterDone.cost_details).toEqual({ billable_sheets_of_paper: 1, postage: 'second' });
    expect(letterDone.cost_in_pounds).toBe(0.73);

    const page = await sb.call('GET', '/v2/notifications', { key: 'test' });
    expect(keys(page.json)).toEqual(['links', 'notifications']);
    expect(keys(page.json.links)).toEqual(['current', 'next']);
    page.json.notifications.forEach(expectNotificationShape);
    const empty = await sb.call('GET', '/v2/notifications?reference=nothing-has-this', { key: 'test' });
    expect(empty.json).toEqual({ links: { current: expect.any(String) }, notifications: [] });
  });

  it("an SMS's cost is the shared rule's: fragments × multiplier × rate, unrounded as Python prints it", async () => {
    // 5 fragments at an international rate multiplier of 3: Python's 5 * 3 * 0.0233 prints as
    // 0.34950000000000003, and so must the sandbox (it rounded to 10 places before).
    const id = crypto.randomUUID();
    const at = sb.sandbox.ctx.clock.nowMicros();
    await sb.sandbox.ctx.store.addNotification({
      id,
      serviceId: SERVICE_ID,
      apiKeyId: null,
      keyType: 'normal',
      type: 'sms',
      templateId: T.sms,
      templateVersion: 1,
      to: '+33612345678',
      normalisedTo: '33612345678',
      reference: null,
      body: 'x',
      subject: null,
      address: null,
      status: 'delivered',
      createdAt: at,
      sentAt: at,
      updatedAt: at,
      billableUnits: 5,
      rateMultiplier: 3,
      postage: null,
      international: true,
      oneClickUnsubscribeUrl: null,
      createdByName: null,
      fromJob: false,
      precompiled: false,
      history: [],
    });
    const r = await sb.call('GET', `/v2/notifications/${id}`);
    expect(r.text).toContain('"cost_in_pounds":0.34950000000000003');
    expect(r.json.cost_details).toEqual({
      billable_sms_fragments: 5,
      international_rate_multiplier: 3,
      sms_rate: 0.0233,
    });
    expect(r.text).toContain('"international_rate_multiplier":3.0');
  });

  it('a letter PDF is a PDF', async () => {
    const p = await sb.call('POST', '/v2/notifications/letter', {
      body: { reference: 'pdf', content: Buffer.from(await makeTestPdf(1)).toString('base64') },
    });
    const pdf = await eventually(
      () => sb.call('GET', `/v2/notifications/${p.json.id}/pdf`),
      (r) => r.status === 200,
    );
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.text.startsWith('%PDF-')).toBe(true);
  });
});

describe('templates, previews and received texts', () => {
  it('a template, one of its versions, the list, and a preview of each type', async () => {
    for (const path of [
      `/v2/template/${T.email}`,
      `/v2/template/${T.email}/version/1`,
      `/v2/template/${T.letter}`,
    ]) {
      const r = await sb.call('GET', path);
      expect(keys(r.json)).toEqual(KEYS.template);
    }
    const list = await sb.call('GET', '/v2/templates');
    expect(keys(list.json)).toEqual(['templates']);
    for (const t of list.json.templates) expect(keys(t)).toEqual(KEYS.template);
    for (const [id, personalisation] of [
      [T.sms, { name: 'A', code: '1' }],
      [T.emailUnsub, { name: 'A' }],
      [T.letter, { name: 'A', team: 'B' }],
    ] as const) {
      const r = await sb.call('POST', `/v2/template/${id}/preview`, { body: { personalisation } });
      expect(keys(r.json)).toEqual(KEYS.preview);
    }
  });

  it('received texts, a page and an empty one', async () => {
    const r = await sb.call('GET', '/v2/received-text-messages');
    expect(keys(r.json)).toEqual(['links', 'received_text_messages']);
    expect(r.json.received_text_messages.length).toBeGreaterThan(0);
    for (const m of r.json.received_text_messages) expect(keys(m)).toEqual(KEYS.receivedText);
    const empty = await sb.call('GET', '/v2/received-text-messages', { key: 'trialLive' });
    expect(keys(empty.json.links)).toEqual(['current']);
  });

  it('errors: the v2 envelope on v2 routes, the app-level one elsewhere', async () => {
    for (const [method, path] of [
      ['GET', '/v2/notifications/not-a-uuid'],
      ['GET', `/v2/template/${T.hidden}`],
    ] as const) {
      const r = await sb.call(method, path);
      expect(keys(r.json)).toEqual(KEYS.v2Error);
      for (const e of r.json.errors) expect(keys(e)).toEqual(['error', 'message']);
    }
    const auth = await sb.call('GET', '/v2/notifications', { token: 'nonsense' });
    expect(keys(auth.json)).toEqual(KEYS.v2Error);
    const missing = await fetch(`${sb.url}/nowhere`);
    expect(keys(await missing.json())).toEqual(['message', 'result']);
  });
});

describe('template versions in a fixture', () => {
  it('without created_at: the sandbox start time; version 2 has an updated_at, version 1 none', async () => {
    const { fixture, secrets } = testFixture();
    const service = (fixture as any).services[0];
    service.templates = [
      {
        id: T.sms,
        name: 'Dated by the sandbox',
        type: 'sms',
        versions: [
          { version: 1, content: 'One' },
          { version: 2, content: 'Two' },
        ],
      },
    ];
    const before = Date.now();
    const local = await startSandbox({ fixture, latency: 'none', onError: () => {} });
    try {
      const token = signToken(SERVICE_ID, secrets.live);
      const get = async (path: string) =>
        (
          await fetch(`${local.url}${path}`, { headers: { Authorization: `Bearer ${token}` } })
        ).json() as Promise<any>;
      const v1 = await get(`/v2/template/${T.sms}/version/1`);
      const v2 = await get(`/v2/template/${T.sms}`);
      for (const v of [v1, v2]) {
        expect(v.created_at).toMatch(DATETIME);
        expect(Date.parse(v.created_at)).toBeGreaterThanOrEqual(before - 1000);
        expect(Date.parse(v.created_at)).toBeLessThanOrEqual(Date.now());
      }
      expect(v1.updated_at).toBeNull();
      expect(v2.updated_at).toMatch(DATETIME);
      expect(v2.created_at).toBe(v1.created_at);
    } finally {
      await local.close();
    }
  });

  it('a version dated before the one it follows is refused', () => {
    const { fixture } = testFixture();
    const service = (fixture as any).services[0];
    service.templates = [
      {
        id: T.sms,
        name: 'Out of order',
        type: 'sms',
        versions: [
          { version: 1, content: 'One', created_at: '2026-02-01T00:00:00Z' },
          { version: 2, content: 'Two', created_at: '2026-01-01T00:00:00Z' },
        ],
      },
    ];
    expect(() => parseFixture(fixture)).toThrow(/templates\.0\.versions\.1\.created_at is before version 1/);
  });
});

describe("the inbound number's sender", () => {
  const withSenders = (senders: unknown[], extra: Record<string, unknown> = {}) => {
    const { fixture } = testFixture();
    const service = (fixture as any).services[0];
    service.sms_senders = senders;
    service.inbound_number = null;
    Object.assign(service, extra);
    return fixture;
  };
  const sender = (sms_sender: string, flags: Record<string, boolean> = {}) => ({
    id: crypto.randomUUID(),
    sms_sender,
    ...flags,
  });

  it('gives the service its inbound number: received texts arrive at it, and sends from it show it', async () => {
    const inbound = sender('07700900777', { is_inbound_number: true });
    const fixture = withSenders([sender('GOVUK', { is_default: true }), inbound]);
    const local = await startSandbox({ fixture, latency: 'none', onError: () => {} });
    try {
      const info = local.info();
      const key = info.services[0]!.api_keys.find((k) => k.key_type === 'normal')!.api_key;
      const token = signToken(SERVICE_ID, key.slice(-36));
      const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
      await fetch(`${local.url}/_sandbox/services/${SERVICE_ID}/inbound`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ user_number: '447700900111', content: 'Reply' }),
      });
      const texts = (await (
        await fetch(`${local.url}/v2/received-text-messages`, { headers })
      ).json()) as any;
      expect(texts.received_text_messages.map((m: any) => m.notify_number)).toEqual(
        texts.received_text_messages.map(() => '07700900777'),
      );
      const sent = (await (
        await fetch(`${local.url}/v2/notifications/sms`, {
          method: 'POST',
          headers,
          body: JSON.stringify({
            phone_number: '07700900123',
            template_id: T.sms,
            personalisation: { name: 'A', code: '1' },
            sms_sender_id: inbound.id,
          }),
        })
      ).json()) as any;
      expect(sent.content.from_number).toBe('447700900777');
    } finally {
      await local.close();
    }
  });

  it('is refused twice over, as a word, without inbound_sms, or against another inbound_number', () => {
    const cases: [unknown, RegExp][] = [
      [
        withSenders([
          sender('07700900777', { is_inbound_number: true }),
          sender('07700900778', { is_inbound_number: true }),
        ]),
        /only one sender can be the inbound number/,
      ],
      [withSenders([sender('GOVUK', { is_inbound_number: true })]), /must be a phone number, not "GOVUK"/],
      [
        withSenders([sender('07700900777', { is_inbound_number: true })], { permissions: ['sms'] }),
        /needs the inbound_sms permission/,
      ],
      [
        withSenders([sender('07700900777', { is_inbound_number: true })], { inbound_number: '07700900999' }),
        /service's inbound_number is 07700900999, not 07700900777/,
      ],
    ];
    for (const [fixture, message] of cases) {
      expect(() => parseFixture(fixture)).toThrow(FixtureError);
      expect(() => parseFixture(fixture)).toThrow(message);
    }
    // The same number written another way is the same number.
    expect(() =>
      parseFixture(
        withSenders([sender('+44 7700 900777', { is_inbound_number: true })], {
          inbound_number: '07700900777',
        }),
      ),
    ).not.toThrow();
  });
});
