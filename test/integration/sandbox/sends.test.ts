import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../../support/notify-token';
import {
  SENDERS,
  SERVICE_ID,
  T,
  eventually,
  startTestSandbox,
  type TestSandbox,
} from '../../support/sandbox';

let sb: TestSandbox;
let slow: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox({ timeScale: 1000 });
  // Slow enough to see the first statuses before they move on.
  slow = await startTestSandbox({ timeScale: 5 });
});
afterAll(async () => {
  await sb.sandbox.close();
  await slow.sandbox.close();
});

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('sending and reading back', () => {
  it('sends an SMS and answers with Notify’s 201 shape', async () => {
    const r = await sb.call('POST', '/v2/notifications/sms', {
      body: {
        phone_number: '07700 900123',
        template_id: T.sms,
        personalisation: { NAME: 'Ann', code: 42 },
        reference: 'ref-1',
      },
    });
    expect(r.status).toBe(201);
    expect(Object.keys(r.json)).toEqual(['content', 'id', 'reference', 'scheduled_for', 'template', 'uri']);
    expect(r.json).toMatchObject({
      content: { body: 'Hello Ann, your code is 42.', from_number: 'GOVUK' },
      reference: 'ref-1',
      scheduled_for: null,
      template: { id: T.sms, version: 1, uri: `${sb.url}/services/${SERVICE_ID}/templates/${T.sms}` },
      uri: `${sb.url}/v2/notifications/${r.json.id}`,
    });
    expect(r.json.id).toMatch(UUID);
  });

  it('uses a chosen SMS sender, normalised to digits', async () => {
    const r = await sb.call('POST', '/v2/notifications/sms', {
      body: {
        phone_number: '07700900123',
        template_id: T.sms,
        personalisation: { name: 'A', code: 1 },
        sms_sender_id: SENDERS.smsNumber,
      },
    });
    expect(r.json.content.from_number).toBe('447700900500');
  });

  it('follows an SMS from created to delivered with cost data', async () => {
    const sent = await slow.call('POST', '/v2/notifications/sms', {
      body: {
        phone_number: '+447700900123',
        template_id: T.sms,
        personalisation: { name: 'Ann', code: '1' },
      },
    });
    const first = await slow.call('GET', `/v2/notifications/${sent.json.id}`);
    expect(first.json.status).toBe('created');
    expect(first.json.is_cost_data_ready).toBe(false);
    expect(first.json.cost_in_pounds).toBeNull();
    const done = await eventually(
      () => slow.call('GET', `/v2/notifications/${sent.json.id}`),
      (r) => r.json.status === 'delivered',
      500,
    );
    const n = done.json;
    expect(n).toMatchObject({
      template: { id: T.sms, version: 1, uri: `${slow.url}/v2/template/${T.sms}/version/1` },
      type: 'sms',
      phone_number: '+447700900123',
      email_address: null,
      line_1: null,
      postage: null,
      body: 'Hello Ann, your code is 1.',
      subject: null,
      is_cost_data_ready: true,
      cost_details: { billable_sms_fragments: 1, international_rate_multiplier: 1 },
    });
    expect(n.created_at).toMatch(DATETIME);
    expect(n.sent_at).toMatch(DATETIME);
    expect(n.completed_at).toMatch(DATETIME);
    expect('estimated_delivery' in n).toBe(false);
    expect(done.text).toContain('"international_rate_multiplier":1.0');
  });

  it('test keys: 07700900003 fails temporarily via pending, 07700900002 permanently', async () => {
    const send = (phone: string) =>
      sb.call('POST', '/v2/notifications/sms', {
        key: 'test',
        body: { phone_number: phone, template_id: T.sms, personalisation: { name: 'a', code: 1 } },
      });
    const temp = await send('07700900003');
    const perm = await send('+447700900002');
    const t = await eventually(
      () => sb.call('GET', `/v2/notifications/${temp.json.id}`),
      (r) => r.json.status === 'temporary-failure',
    );
    const p = await eventually(
      () => sb.call('GET', `/v2/notifications/${perm.json.id}`),
      (r) => r.json.status === 'permanent-failure',
    );
    expect(t.json.completed_at).toMatch(DATETIME);
    expect(p.json.status).toBe('permanent-failure');
    const history = (await (await fetch(`${sb.url}/_sandbox/notifications/${temp.json.id}`)).json()) as any;
    expect(history.history.map((h: { status: string }) => h.status)).toEqual([
      'created',
      'sending',
      'pending',
      'temporary-failure',
    ]);
  });

  it('smoke-test recipients get a 201 but are never stored', async () => {
    const r = await sb.call('POST', '/v2/notifications/sms', {
      body: { phone_number: '07700 900000', template_id: T.sms, personalisation: { name: 'a', code: 1 } },
    });
    expect(r.status).toBe(201);
    const g = await sb.call('GET', `/v2/notifications/${r.json.id}`);
    expect(g.status).toBe(404);
    expect(g.json).toEqual({
      status_code: 404,
      errors: [{ error: 'NoResultFound', message: 'No result found' }],
    });
  });

  it('sends an email with lists, sanitised content and a typographic subject', async () => {
    const r = await sb.call('POST', '/v2/notifications/email', {
      body: {
        email_address: 'Someone@Example.gov.uk ',
        template_id: T.email,
        personalisation: { name: 'evil.com', 'file link': 'x', items: ['passport', null, ' ', 'bill'] },
        sanitise_content_for: ['NAME'],
        email_reply_to_id: SENDERS.replyTo,
      },
    });
    expect(r.status).toBe(201);
    expect(r.json.content.from_email).toBe('test.service@notifications.service.gov.uk');
    expect(r.json.content.body).toContain('* passport\n* bill');
    expect(r.json.sanitised_content).toEqual({ name: { sanitised: 'evil\\. com', unsanitised: 'evil.com' } });
    expect(r.json.content.one_click_unsubscribe_url).toBeNull();
    const g = await sb.call('GET', `/v2/notifications/${r.json.id}`);
    expect(g.json.email_address).toBe('Someone@Example.gov.uk');
    expect(g.json.cost_in_pounds).toBe(0);
    expect(g.text).toContain('"cost_in_pounds":0.0');
  });

  it('sends a file by email as a working download link', async () => {
    const r = await sb.call('POST', '/v2/notifications/email', {
      body: {
        email_address: 'a@example.gov.uk',
        template_id: T.email,
        personalisation: {
          name: 'A',
          items: [],
          'file link': { file: Buffer.from('col\n1\n').toString('base64'), filename: 'report.csv' },
        },
      },
    });
    expect(r.status).toBe(201);
    const link = /http:\/\/\S+\/d\/\S+/.exec(r.json.content.body)![0];
    const file = await fetch(link);
    expect(file.status).toBe(200);
    expect(await file.text()).toBe('col\n1\n');
    const bad = await sb.call('POST', '/v2/notifications/email', {
      body: {
        email_address: 'a@example.gov.uk',
        template_id: T.email,
        personalisation: { name: 'A', items: [], 'file link': { file: 'YQ==', filename: 'x.exe' } },
      },
    });
    expect(bad.json.errors[0].message).toBe(
      "Unsupported file type '.exe'. Supported types are: '.csv', '.doc', '.docx', '.jpeg', '.jpg', '.json', '.odt', '.pdf', '.png', '.rtf', '.txt', '.xlsx'",
    );
    const period = await sb.call('POST', '/v2/notifications/email', {
      body: {
        email_address: 'a@example.gov.uk',
        template_id: T.email,
        personalisation: { name: 'A', items: [], 'file link': { file: 'YQ==', retention_period: '1 month' } },
      },
    });
    expect(period.json.errors[0].message).toBe(
      'retention_period Unsupported value for retention_period: 1 month. Supported periods are from 1 to 78 weeks.',
    );
  });

  it('sends a letter, renders its PDF, and shows accepted then received', async () => {
    const r = await sb.call('POST', '/v2/notifications/letter', {
      key: 'test',
      body: {
        template_id: T.letter,
        reference: 'letter-1',
        personalisation: {
          address_line_1: 'Ann Example',
          address_line_2: '1 High Street',
          postcode: 'sw1a1aa',
          name: 'Ann',
          team: '0300 123',
        },
      },
    });
    expect(r.status).toBe(201);
    expect(r.json.content).toEqual({
      body: 'Dear Ann,\n\nYour appointment.',
      subject: 'Appointment &amp; more',
    });
    const g = await sb.call('GET', `/v2/notifications/${r.json.id}`);
    expect(g.json).toMatchObject({
      type: 'letter',
      status: 'accepted',
      line_1: 'Ann Example',
      line_2: '1 High Street',
      postcode: 'sw1a1aa',
      postage: 'second',
    });
    expect(g.json.estimated_delivery).toMatch(DATETIME);
    const pdf = await eventually(
      () => sb.call('GET', `/v2/notifications/${r.json.id}/pdf`),
      (x) => x.status === 200,
    );
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.text.startsWith('%PDF-')).toBe(true);
    await eventually(
      () => sb.call('GET', `/v2/notifications/${r.json.id}`),
      (x) => x.json.status === 'received',
    );
  });

  it('serves a precompiled letter back byte for byte', async () => {
    const { makeTestPdf } = await import('../../../src-sandbox/letters/test-pdf');
    const bytes = Buffer.from(await makeTestPdf(2));
    const r = await slow.call('POST', '/v2/notifications/letter', {
      key: 'test',
      body: { reference: 'pre-1', content: bytes.toString('base64'), postage: 'first' },
    });
    expect(r.status).toBe(201);
    expect(r.json).toEqual({ id: r.json.id, postage: 'first', reference: 'pre-1' });
    const early = await slow.call('GET', `/v2/notifications/${r.json.id}/pdf`);
    expect(early.json).toEqual({
      status_code: 400,
      errors: [{ error: 'PDFNotReadyError', message: 'PDF not available yet, try again later' }],
    });
    const res = await eventually(
      () =>
        fetch(`${slow.url}/v2/notifications/${r.json.id}/pdf`, {
          headers: { Authorization: `Bearer ${tokenFor('test')}` },
        }),
      (x) => x.status === 200,
      500,
    );
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('refuses the PDF of a non-letter', async () => {
    const s = await sb.call('POST', '/v2/notifications/sms', {
      body: { phone_number: '07700900123', template_id: T.sms, personalisation: { name: 'a', code: 1 } },
    });
    const r = await sb.call('GET', `/v2/notifications/${s.json.id}/pdf`);
    expect(r.json.errors).toEqual([{ error: 'BadRequestError', message: 'Notification is not a letter' }]);
  });
});

function tokenFor(key: 'test'): string {
  return signToken(SERVICE_ID, slow.secrets[key]);
}
