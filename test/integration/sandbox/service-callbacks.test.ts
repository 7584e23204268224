/**
 * Returned letters and complaints reach the service's own endpoints as Notify sends them: the
 * returned-letter callback gets Notify's body when a letter comes back (and no delivery receipt is
 * sent for it), the complaint callback gets Notify's body when an email's recipient complains.
 * A real HTTP endpoint on 127.0.0.1 receives them; each test checks the exact body and bearer token.
 *
 * Notify's behaviour (notifications-api): `process_returned_letters_list` marks letters returned in
 * bulk and queues `send_returned_letter_to_service` only; `_check_and_queue_complaint_callback_task`
 * sends to the service's `complaint` callback API, not its delivery-status one.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeTestPdf } from '../../../src-sandbox/letters/test-pdf';
import { startSandbox } from '../../../src-sandbox/server';
import {
  controlFetch,
  eventually,
  SERVICE_ID,
  startTestSandbox,
  T,
  testFixture,
  type TestSandbox,
} from '../../support/sandbox';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  raw: string;
  body: any;
}

const TOKENS = {
  status: 'status-token-0001',
  returned: 'returned-token-0002',
  complaint: 'complaint-token-0003',
};

let sb: TestSandbox;
let received: Received[];
let endpoint: string;
let closeEndpoint: () => Promise<void>;

beforeAll(async () => {
  received = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, raw, body: JSON.parse(raw) });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  closeEndpoint = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  sb = await startTestSandbox({ timeScale: 1000 });
  const set = await sb.control('PATCH', `/services/${SERVICE_ID}`, { callbacks: allCallbacks() });
  expect(set.status).toBe(200);
});
afterAll(async () => {
  await sb?.sandbox.close();
  await closeEndpoint?.();
});
beforeEach(async () => {
  await sb.sandbox.idle();
  received.length = 0;
});

function allCallbacks() {
  return {
    delivery_status: { url: `${endpoint}/status`, bearer_token: TOKENS.status },
    returned_letter: { url: `${endpoint}/returned`, bearer_token: TOKENS.returned },
    complaint: { url: `${endpoint}/complaint`, bearer_token: TOKENS.complaint },
  };
}

const address = { address_line_1: 'A Person', address_line_2: '1 Street', postcode: 'SW1A 1AA' };
const letter = { template_id: T.letter, personalisation: { name: 'Sam', team: 'Benefits', ...address } };

const inbox = async (id: string) => (await (await sb.control('GET', `/notifications/${id}`)).json()) as any;

async function force(id: string, status: string): Promise<void> {
  const r = await sb.control('POST', `/notifications/${id}/status`, { status });
  expect(r.status).toBe(200);
  await sb.sandbox.idle();
}

/** The notification's `created_at` as Notify's API shows it. */
async function createdAt(id: string): Promise<string> {
  return (await sb.call('GET', `/v2/notifications/${id}`, { key: 'test' })).json.created_at;
}

describe('a returned letter', () => {
  it('sent with an API key: Notify’s body on the returned-letter callback, and no delivery receipt', async () => {
    const sent = await sb.call('POST', '/v2/notifications/letter', {
      key: 'test',
      body: { ...letter, reference: 'letter-ref-1' },
    });
    expect(sent.status).toBe(201);
    const id: string = sent.json.id;
    await eventually(
      () => inbox(id),
      (n) => n.status === 'delivered',
    );
    await sb.sandbox.idle();
    received.length = 0;

    await force(id, 'returned-letter');

    expect((await inbox(id)).status).toBe('returned-letter');
    expect(received.map((r) => r.path)).toEqual(['/returned']);
    const [callback] = received;
    expect(callback!.headers.authorization).toBe(`Bearer ${TOKENS.returned}`);
    expect(callback!.headers['content-type']).toBe('application/json');
    expect(callback!.body).toEqual({
      notification_id: id,
      reference: 'letter-ref-1',
      date_sent: await createdAt(id),
      sent_by: 'API',
      template_name: 'Letter',
      template_id: T.letter,
      template_version: 1,
      spreadsheet_file_name: null,
      spreadsheet_row_number: null,
      upload_letter_file_name: null,
    });
    // Serialised as Python's json.dumps writes it, in Notify's field order.
    expect(callback!.raw.startsWith(`{"notification_id": "${id}", "reference": "letter-ref-1", `)).toBe(true);
  });

  it('sent from the admin site: sent_by is the sender’s email address, and there is no reference', async () => {
    const sent = await sb.control('POST', `/services/${SERVICE_ID}/send`, {
      type: 'letter',
      created_by_name: 'Team',
      ...letter,
      reference: 'not-shown',
    });
    expect(sent.status).toBe(201);
    const { id } = (await sent.json()) as { id: string };
    await sb.sandbox.idle();
    received.length = 0;

    await force(id, 'returned-letter');

    expect(received.map((r) => r.path)).toEqual(['/returned']);
    expect(received[0]!.body).toMatchObject({
      notification_id: id,
      reference: null,
      sent_by: 'team@example.gov.uk',
      template_name: 'Letter',
      template_id: T.letter,
      upload_letter_file_name: null,
    });
  });

  it('precompiled: the hidden template is withheld, its id the string "None", as Notify sends it', async () => {
    const pdf = Buffer.from(await makeTestPdf(1)).toString('base64');
    const sent = await sb.call('POST', '/v2/notifications/letter', {
      body: { reference: 'pdf-ref', content: pdf },
    });
    expect(sent.status).toBe(201);
    const id: string = sent.json.id;
    await sb.sandbox.idle();
    received.length = 0;

    await force(id, 'returned-letter');

    expect(received.map((r) => r.path)).toEqual(['/returned']);
    expect(received[0]!.body).toEqual({
      notification_id: id,
      reference: 'pdf-ref',
      date_sent: await createdAt(id),
      sent_by: 'API',
      template_name: null,
      template_id: 'None',
      template_version: null,
      spreadsheet_file_name: null,
      spreadsheet_row_number: null,
      upload_letter_file_name: null,
    });
  });

  it('calls nothing when the service has no returned-letter callback', async () => {
    const sent = await sb.call('POST', '/v2/notifications/letter', { key: 'test', body: letter });
    const id: string = sent.json.id;
    await eventually(
      () => inbox(id),
      (n) => n.status === 'delivered',
    );
    await sb.sandbox.idle();
    await sb.control('PATCH', `/services/${SERVICE_ID}`, { callbacks: { returned_letter: null } });
    try {
      received.length = 0;
      await force(id, 'returned-letter');
      expect((await inbox(id)).status).toBe('returned-letter');
      expect(received).toEqual([]);
    } finally {
      await sb.control('PATCH', `/services/${SERVICE_ID}`, { callbacks: allCallbacks() });
    }
  });

  it('a text forced to another status still sends its delivery receipt', async () => {
    const sent = await sb.call('POST', '/v2/notifications/sms', {
      key: 'test',
      body: { phone_number: '07700900123', template_id: T.sms, personalisation: { name: 'a', code: 1 } },
    });
    // Its own lifecycle's receipts (sending, delivered) come first; only the forced one is counted.
    await eventually(
      () => inbox(sent.json.id),
      (n) => n.status === 'delivered',
    );
    await sb.sandbox.idle();
    received.length = 0;
    await force(sent.json.id, 'permanent-failure');
    expect(received.map((r) => [r.path, r.headers.authorization, r.body.status])).toEqual([
      ['/status', `Bearer ${TOKENS.status}`, 'permanent-failure'],
    ]);
  });
});

describe('a complaint about an email', () => {
  async function sendEmail(reference: string): Promise<string> {
    const sent = await sb.call('POST', '/v2/notifications/email', {
      key: 'test',
      body: {
        email_address: 'Someone@Example.gov.uk',
        template_id: T.emailUnsub,
        personalisation: { name: 'Sam' },
        reference,
      },
    });
    expect(sent.status).toBe(201);
    await eventually(
      () => inbox(sent.json.id),
      (n) => n.status === 'delivered',
    );
    await sb.sandbox.idle();
    received.length = 0;
    return sent.json.id;
  }

  it('is recorded, and Notify’s body goes to the complaint callback, not the delivery-status one', async () => {
    const id = await sendEmail('news-1');
    const r = await sb.control('POST', `/notifications/${id}/complaint`, {});
    expect(r.status).toBe(201);
    const complaint = (await r.json()) as any;
    expect(complaint).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      notification_id: id,
      service_id: SERVICE_ID,
      email_address: 'Someone@Example.gov.uk',
      complaint_date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/),
    });
    await sb.sandbox.idle();

    expect(received.map((x) => x.path)).toEqual(['/complaint']);
    expect(received[0]!.headers.authorization).toBe(`Bearer ${TOKENS.complaint}`);
    expect(received[0]!.headers['content-type']).toBe('application/json');
    expect(received[0]!.body).toEqual({
      notification_id: id,
      complaint_id: complaint.id,
      reference: 'news-1',
      to: 'Someone@Example.gov.uk',
      complaint_date: complaint.complaint_date,
    });
    expect(received[0]!.raw.startsWith(`{"notification_id": "${id}", "complaint_id": "`)).toBe(true);
    // The email itself is as it was: a complaint is not a status.
    expect((await inbox(id)).status).toBe('delivered');
    const listed = (await (await sb.control('GET', '/complaints')).json()) as any;
    expect(listed.complaints).toContainEqual(complaint);
  });

  it('each complaint is a complaint of its own', async () => {
    const id = await sendEmail('news-2');
    const first = (await (await sb.control('POST', `/notifications/${id}/complaint`, {})).json()) as any;
    const second = (await (await sb.control('POST', `/notifications/${id}/complaint`, {})).json()) as any;
    await sb.sandbox.idle();
    expect(first.id).not.toBe(second.id);
    expect(received.map((x) => x.body.complaint_id)).toEqual([first.id, second.id]);
  });

  it('is recorded without a call when the service has no complaint callback', async () => {
    const id = await sendEmail('news-3');
    await sb.control('PATCH', `/services/${SERVICE_ID}`, { callbacks: { complaint: null } });
    try {
      const r = await sb.control('POST', `/notifications/${id}/complaint`, {});
      expect(r.status).toBe(201);
      const { id: complaintId } = (await r.json()) as { id: string };
      await sb.sandbox.idle();
      expect(received).toEqual([]);
      const listed = (await (await sb.control('GET', '/complaints')).json()) as any;
      expect(listed.complaints.map((c: any) => c.id)).toContain(complaintId);
    } finally {
      await sb.control('PATCH', `/services/${SERVICE_ID}`, { callbacks: allCallbacks() });
    }
  });

  it('is refused for a text message or a letter (400), and for an unknown notification (404)', async () => {
    const sms = await sb.call('POST', '/v2/notifications/sms', {
      key: 'test',
      body: { phone_number: '07700900123', template_id: T.sms, personalisation: { name: 'a', code: 1 } },
    });
    const sentLetter = await sb.call('POST', '/v2/notifications/letter', { key: 'test', body: letter });
    await sb.sandbox.idle();
    received.length = 0;
    const before = sb.sandbox.ctx.store.complaints.length;
    for (const [id, what] of [
      [sms.json.id, 'a text message'],
      [sentLetter.json.id, 'a letter'],
    ]) {
      const r = await sb.control('POST', `/notifications/${id}/complaint`, {});
      expect(r.status).toBe(400);
      expect(await r.json()).toEqual({
        message: `Only an email can get a complaint (its recipient reports it as spam): this notification is ${what}.`,
        result: 'error',
      });
    }
    for (const id of ['7c4d6a9e-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const r = await sb.control('POST', `/notifications/${id}/complaint`, {});
      expect(r.status).toBe(404);
      expect(await r.json()).toEqual({
        message: 'No such notification (smoke-test recipients are never stored).',
        result: 'error',
      });
    }
    await sb.sandbox.idle();
    expect(sb.sandbox.ctx.store.complaints).toHaveLength(before);
    // (The text and the letter go on sending their delivery receipts meanwhile.)
    expect(received.filter((r) => r.path !== '/status')).toEqual([]);
  });

  it('takes no fields: any is refused with its name, and nothing is recorded', async () => {
    const id = await sendEmail('news-4');
    const before = sb.sandbox.ctx.store.complaints.length;
    const r = await sb.control('POST', `/notifications/${id}/complaint`, { complaint_type: 'abuse' });
    expect(r.status).toBe(400);
    expect(((await r.json()) as any).message).toMatch(/complaint_type/);
    await sb.sandbox.idle();
    expect(sb.sandbox.ctx.store.complaints).toHaveLength(before);
    expect(received).toEqual([]);
  });
});

describe('complaints in a data folder', () => {
  it('are kept across a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sandbox-complaints-'));
    try {
      const { fixture } = testFixture();
      const first = await startSandbox({ fixture, dataDir: dir, latency: 'none', onError: () => {} });
      const control = (method: string, path: string, body?: unknown) =>
        controlFetch(first.url, method, path, body);
      const sent = await control('POST', `/services/${SERVICE_ID}/send`, {
        type: 'email',
        email_address: 'someone@example.gov.uk',
        template_id: T.emailUnsub,
        personalisation: { name: 'Sam' },
      });
      const { id } = (await sent.json()) as { id: string };
      const complaint = await (await control('POST', `/notifications/${id}/complaint`, {})).json();
      await first.close();

      const again = await startSandbox({ dataDir: dir, latency: 'none', onError: () => {} });
      try {
        const listed = (await (await controlFetch(again.url, 'GET', '/complaints')).json()) as any;
        expect(listed.complaints).toEqual([complaint]);
        await again.reset();
        expect(
          ((await (await controlFetch(again.url, 'GET', '/complaints')).json()) as any).complaints,
        ).toEqual([]);
      } finally {
        await again.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
