/**
 * The published `notifications-node-client` (8.4.0) against the sandbox: every method, with Notify's
 * response shapes (exact key sets, in Flask's sorted order) and error shapes (`err.response`).
 *
 * Also a minimal Python-client call pattern (`urljoin`, its headers, repeated `status`, the iterators
 * that follow `links.next`), since the Python client is the other official one (reference §12).
 */
import { NotifyClient } from 'notifications-node-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../../support/notify-token';
import { makeTestPdf } from '../../../src-sandbox/letters/test-pdf';
import {
  SENDERS,
  SERVICE_ID,
  T,
  eventually,
  startTestSandbox,
  type TestSandbox,
} from '../../support/sandbox';

let sb: TestSandbox;
let live: NotifyClient;
let test: NotifyClient;
beforeAll(async () => {
  sb = await startTestSandbox({ timeScale: 1000 });
  live = new NotifyClient(sb.url, sb.apiKeys.live);
  test = new NotifyClient(sb.url, sb.apiKeys.test);
});
afterAll(() => sb.sandbox.close());

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const POST_KEYS = ['content', 'id', 'reference', 'scheduled_for', 'template', 'uri'];
const NOTIFICATION_KEYS = [
  'body',
  'completed_at',
  'cost_details',
  'cost_in_pounds',
  'created_at',
  'created_by_name',
  'email_address',
  'id',
  'is_cost_data_ready',
  'line_1',
  'line_2',
  'line_3',
  'line_4',
  'line_5',
  'line_6',
  'one_click_unsubscribe_url',
  'phone_number',
  'postage',
  'postcode',
  'reference',
  'scheduled_for',
  'sent_at',
  'status',
  'subject',
  'template',
  'type',
];
const LETTER_KEYS = [...NOTIFICATION_KEYS, 'estimated_delivery'].sort();
const TEMPLATE_KEYS = [
  'body',
  'created_at',
  'created_by',
  'id',
  'letter_contact_block',
  'name',
  'personalisation',
  'postage',
  'subject',
  'type',
  'updated_at',
  'version',
];
const PREVIEW_KEYS = ['body', 'html', 'id', 'postage', 'subject', 'type', 'version'];

/** A notification as Notify sends it (the client's own typings lag behind: no `estimated_delivery`…). */
const notify = (data: unknown) => data as Record<string, unknown>;

/** Keys in the order they arrived: Flask sorts them, so this also checks the order. */
const keys = (o: unknown) => Object.keys(o as object);

/** The rejection of a client call: the axios error's `response`, as Notify's docs tell callers to read it. */
async function failure(p: Promise<unknown>): Promise<{ status: number; data: any }> {
  try {
    await p;
  } catch (err) {
    const response = (err as { response?: { status: number; data: unknown } }).response;
    if (!response) throw err;
    return { status: response.status, data: response.data };
  }
  throw new Error('expected the call to fail');
}

const envelope = (status: number, error: string, message: string) => ({
  status,
  data: { status_code: status, errors: [{ error, message }] },
});

const address = { address_line_1: 'Ann Example', address_line_2: '1 High Street', postcode: 'SW1A 1AA' };

describe('sending with every send method', () => {
  it('sendSms: 201 with Notify’s shape, a chosen sender normalised to digits', async () => {
    const r = await live.sendSms(T.sms, '07700 900123', {
      personalisation: { name: 'Ann', code: 42 },
      reference: 'node-sms',
      smsSenderId: SENDERS.smsNumber,
    });
    expect(r.status).toBe(201);
    expect(keys(r.data)).toEqual(POST_KEYS);
    expect(keys(r.data.content)).toEqual(['body', 'from_number']);
    expect(keys(r.data.template)).toEqual(['id', 'uri', 'version']);
    expect(r.data).toEqual({
      content: { body: 'Hello Ann, your code is 42.', from_number: '447700900500' },
      id: expect.stringMatching(UUID),
      reference: 'node-sms',
      scheduled_for: null,
      template: { id: T.sms, uri: `${sb.url}/services/${SERVICE_ID}/templates/${T.sms}`, version: 1 },
      uri: `${sb.url}/v2/notifications/${r.data.id}`,
    });
  });

  it('sendEmail: reply-to, one-click unsubscribe URL and sanitised content', async () => {
    const r = await live.sendEmail(T.email, 'reader@example.gov.uk', {
      personalisation: { name: 'evil.com', 'file link': 'x', items: ['a', 'b'] },
      reference: 'node-email',
      emailReplyToId: SENDERS.replyTo,
      oneClickUnsubscribeURL: 'https://example.gov.uk/unsubscribe?u=1',
      sanitiseContentFor: ['name'],
    });
    expect(r.status).toBe(201);
    expect(keys(r.data)).toEqual([
      'content',
      'id',
      'reference',
      'sanitised_content',
      'scheduled_for',
      'template',
      'uri',
    ]);
    expect(keys(r.data.content)).toEqual(['body', 'from_email', 'one_click_unsubscribe_url', 'subject']);
    expect(r.data.content).toEqual({
      body: '# Heading\n\nDear evil\\. com,\n\nx\n\nBring:\n\n* a\n* b',
      from_email: 'test.service@notifications.service.gov.uk',
      one_click_unsubscribe_url: 'https://example.gov.uk/unsubscribe?u=1',
      // The subject goes through smartypants, whose backslash escapes turn `\.` into `&#46;`.
      subject: 'Hello evil&#46; com',
    });
    expect(r.data.sanitised_content).toEqual({ name: { sanitised: 'evil\\. com', unsanitised: 'evil.com' } });
    // The client's typings call this field `one_click_unsubscribe` (as the docs do); Notify sends `…_url`.
    const got = notify((await live.getNotificationById(r.data.id)).data);
    expect(got.one_click_unsubscribe_url).toBe('https://example.gov.uk/unsubscribe?u=1');
  });

  it('prepareUpload + sendEmail: the file arrives as a working download link', async () => {
    const bare = live.prepareUpload(Buffer.from('%PDF-1.5 testpdf'));
    expect(bare).toEqual({
      file: Buffer.from('%PDF-1.5 testpdf').toString('base64'),
      filename: null,
      confirm_email_before_download: null,
      retention_period: null,
    });
    const csv = live.prepareUpload(Buffer.from('a,b\n1,2\n'), {
      filename: 'report.csv',
      confirmEmailBeforeDownload: false,
      retentionPeriod: '4 weeks',
    });
    expect(csv).toMatchObject({
      filename: 'report.csv',
      confirm_email_before_download: false,
      retention_period: '4 weeks',
    });
    for (const [upload, content] of [
      [bare, '%PDF-1.5 testpdf'],
      [csv, 'a,b\n1,2\n'],
    ] as const) {
      const r = await live.sendEmail(T.email, 'reader@example.gov.uk', {
        personalisation: { name: 'A', items: [], 'file link': upload },
      });
      expect(r.status).toBe(201);
      const link = /http:\/\/\S+\/d\/\S+/.exec(r.data.content.body)?.[0];
      expect(link).toBeDefined();
      const file = await fetch(link!);
      expect(file.status).toBe(200);
      expect(await file.text()).toBe(content);
    }
  });

  it('prepareUpload refuses a file over 2 MB on the client, by throwing a string', () => {
    let thrown: unknown;
    try {
      live.prepareUpload(Buffer.alloc(2 * 1024 * 1024 + 1));
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBe('File is larger than 2MB.');
  });

  it('sendLetter: 201 with the letter’s body and escaped subject', async () => {
    const r = await test.sendLetter(T.letter, {
      personalisation: { ...address, name: 'Ann', team: '0300 123' },
      reference: 'node-letter',
    });
    expect(r.status).toBe(201);
    expect(keys(r.data)).toEqual(POST_KEYS);
    expect(r.data.content).toEqual({
      body: 'Dear Ann,\n\nYour appointment.',
      subject: 'Appointment &amp; more',
    });
  });

  it('sendPrecompiledLetter: 201 {id, postage, reference}, and the PDF comes back byte for byte', async () => {
    const pdf = Buffer.from(await makeTestPdf(1));
    const r = await test.sendPrecompiledLetter('node-precompiled', pdf, 'first');
    expect(r.status).toBe(201);
    expect(r.data).toEqual({
      id: expect.stringMatching(UUID),
      postage: 'first',
      reference: 'node-precompiled',
    });
    const back = await eventually(
      () => test.getPdfForLetterNotification(r.data.id).catch(() => null),
      (b) => b !== null,
    );
    expect(Buffer.isBuffer(back)).toBe(true);
    expect(back!.equals(pdf)).toBe(true);
    const got = await test.getNotificationById(r.data.id);
    expect(got.data).toMatchObject({
      line_1: 'Provided as PDF',
      postage: 'first',
      reference: 'node-precompiled',
      type: 'letter',
    });
  });

  it('sendPrecompiledLetter refuses a PDF over 5 MB on the client, by throwing a string', () => {
    let thrown: unknown;
    try {
      void live.sendPrecompiledLetter('big', Buffer.alloc(5 * 1024 * 1024 + 1));
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBe('File is larger than 5MB.');
  });

  it('rejects an unknown option before sending anything', async () => {
    const call = live.sendSms(T.sms, '07700900123', { personalization: {} } as never);
    await expect(call).rejects.toThrow(
      'NotifyClient now uses an options configuration object. Options ["personalization"] not recognised. Please refer to the README.md for more information on method signatures.',
    );
  });
});

describe('reading notifications back', () => {
  it('getNotificationById: exact key sets for SMS, email and letter, with cost data', async () => {
    const sms = await test.sendSms(T.sms, '07700900123', { personalisation: { name: 'A', code: 1 } });
    const email = await test.sendEmail(T.email, 'someone@example.gov.uk', {
      personalisation: { name: 'A', 'file link': 'x', items: 'y' },
    });
    const letter = await test.sendLetter(T.letter, { personalisation: { ...address, name: 'A', team: 'B' } });
    const done = (id: string, status: string) =>
      eventually(
        () => test.getNotificationById(id),
        (r) => r.data.status === status,
      );
    const s = await done(sms.data.id, 'delivered');
    const e = await done(email.data.id, 'delivered');
    const l = await done(letter.data.id, 'received');
    expect(keys(s.data)).toEqual(NOTIFICATION_KEYS);
    expect(keys(e.data)).toEqual(NOTIFICATION_KEYS);
    expect(keys(l.data)).toEqual(LETTER_KEYS);
    expect(s.data).toMatchObject({
      type: 'sms',
      phone_number: '07700900123',
      email_address: null,
      postage: null,
      subject: null,
      created_by_name: null,
      scheduled_for: null,
      is_cost_data_ready: true,
      template: { id: T.sms, uri: `${sb.url}/v2/template/${T.sms}/version/1`, version: 1 },
    });
    expect(keys(s.data.cost_details)).toEqual([
      'billable_sms_fragments',
      'international_rate_multiplier',
      'sms_rate',
    ]);
    for (const field of ['created_at', 'sent_at', 'completed_at'])
      expect(notify(s.data)[field]).toMatch(DATETIME);
    expect(e.data).toMatchObject({
      type: 'email',
      email_address: 'someone@example.gov.uk',
      cost_details: {},
      cost_in_pounds: 0,
    });
    expect(l.data).toMatchObject({
      type: 'letter',
      line_1: 'Ann Example',
      line_2: '1 High Street',
      line_3: null,
      postcode: 'SW1A 1AA',
      postage: 'second',
      subject: 'Appointment &amp; more',
    });
    // Notify's serialize_with_cost_data gives a letter's sheets and postage, nothing else (this test
    // pinned an extra `letter_rate` key before).
    expect(keys(l.data.cost_details)).toEqual(['billable_sheets_of_paper', 'postage']);
    expect(notify(l.data).estimated_delivery).toMatch(DATETIME);
  });

  it('getNotifications: each filter, and paging with olderThanId', async () => {
    const tag = `list-${Date.now()}`;
    const sent = [];
    for (const phone of ['07700900123', '07700900002', '07700900123']) {
      sent.push(
        (await test.sendSms(T.sms, phone, { personalisation: { name: 'A', code: 1 }, reference: tag })).data
          .id,
      );
    }
    const failedEmail = (
      await test.sendEmail(T.emailUnsub, 'perm-fail@simulator.notify', {
        personalisation: { name: 'A' },
        reference: tag,
      })
    ).data.id;
    await eventually(
      () => test.getNotifications(undefined, undefined, tag),
      (r) =>
        r.data.notifications.every((n: { status: string }) => !['created', 'sending'].includes(n.status)),
    );

    const byRef = await test.getNotifications(undefined, undefined, tag);
    expect(keys(byRef.data)).toEqual(['links', 'notifications']);
    // Newest first.
    expect(byRef.data.notifications.map((n: { id: string }) => n.id)).toEqual([
      failedEmail,
      sent[2],
      sent[1],
      sent[0],
    ]);
    expect(byRef.data.links.current).toBe(`${sb.url}/v2/notifications?reference=${tag}`);
    expect(byRef.data.links.next).toBe(`${sb.url}/v2/notifications?reference=${tag}&older_than=${sent[0]}`);

    const smsOnly = await test.getNotifications('sms', undefined, tag);
    expect(smsOnly.data.notifications).toHaveLength(3);
    const failed = await test.getNotifications(undefined, 'failed', tag);
    expect(failed.data.notifications.map((n: { id: string }) => n.id).sort()).toEqual(
      [failedEmail, sent[1]].sort(),
    );
    const emailFailed = await test.getNotifications('email', 'permanent-failure', tag);
    expect(emailFailed.data.notifications.map((n: { id: string }) => n.id)).toEqual([failedEmail]);
    expect(emailFailed.data.links.current).toBe(
      `${sb.url}/v2/notifications?template_type=email&status=permanent-failure&reference=${tag}`,
    );

    // Walk the pages the way a client does: older_than = the last id seen, until a page is empty.
    const seen: string[] = [];
    let olderThan: string | undefined;
    for (;;) {
      const page = await test.getNotifications(undefined, undefined, tag, olderThan);
      if (page.data.notifications.length === 0) {
        expect(page.data.links.next).toBeUndefined();
        break;
      }
      // Step one notification at a time, so every page boundary is exercised.
      const first = page.data.notifications[0]!.id;
      seen.push(first);
      olderThan = first;
    }
    expect(seen).toEqual([failedEmail, ...[...sent].reverse()]);
  });

  it('getNotifications: the test key sees only test-key notifications', async () => {
    const tag = `scope-${Date.now()}`;
    await live.sendSms(T.sms, '07700900123', { personalisation: { name: 'A', code: 1 }, reference: tag });
    expect((await test.getNotifications(undefined, undefined, tag)).data.notifications).toEqual([]);
    expect((await live.getNotifications(undefined, undefined, tag)).data.notifications).toHaveLength(1);
  });

  it('getPdfForLetterNotification: a Buffer, and each PDF error parsed back from the arraybuffer', async () => {
    const letter = await test.sendLetter(T.letter, { personalisation: { ...address, name: 'A', team: 'B' } });
    const pdf = await eventually(
      () => test.getPdfForLetterNotification(letter.data.id).catch(() => null),
      (b) => b !== null,
    );
    expect(pdf!.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const force = (id: string, status: string) =>
      fetch(`${sb.url}/_sandbox/notifications/${id}/status`, {
        headers: { 'Content-Type': 'application/json' },
        method: 'POST',
        body: JSON.stringify({ status }),
      });
    await force(letter.data.id, 'pending-virus-check');
    expect(await failure(test.getPdfForLetterNotification(letter.data.id))).toEqual(
      envelope(400, 'PDFNotReadyError', 'PDF not available yet, try again later'),
    );
    await force(letter.data.id, 'virus-scan-failed');
    expect(await failure(test.getPdfForLetterNotification(letter.data.id))).toEqual(
      envelope(400, 'BadRequestError', 'File did not pass the virus scan'),
    );
    await force(letter.data.id, 'technical-failure');
    expect(await failure(test.getPdfForLetterNotification(letter.data.id))).toEqual(
      envelope(400, 'BadRequestError', 'PDF not available for letters in status technical-failure'),
    );
    const sms = await test.sendSms(T.sms, '07700900123', { personalisation: { name: 'A', code: 1 } });
    expect(await failure(test.getPdfForLetterNotification(sms.data.id))).toEqual(
      envelope(400, 'BadRequestError', 'Notification is not a letter'),
    );
    expect(await failure(test.getPdfForLetterNotification('99999999-9999-4999-8999-999999999999'))).toEqual(
      envelope(404, 'NoResultFound', 'No result found'),
    );
    expect(await failure(test.getPdfForLetterNotification('not-an-id'))).toEqual(
      envelope(400, 'ValidationError', 'notification_id is not a valid UUID'),
    );
  });
});

describe('templates and received texts', () => {
  it('getTemplateById and getTemplateByIdAndVersion', async () => {
    const latest = await live.getTemplateById(T.email);
    expect(keys(latest.data)).toEqual(TEMPLATE_KEYS);
    expect(latest.data).toMatchObject({
      id: T.email,
      type: 'email',
      version: 2,
      subject: 'Hello ((name))',
      postage: null,
    });
    expect(latest.data.created_at).toMatch(DATETIME);
    const v1 = await live.getTemplateByIdAndVersion(T.email, 1);
    expect(keys(v1.data)).toEqual(TEMPLATE_KEYS);
    expect(v1.data).toMatchObject({ version: 1, body: 'Old body ((name))', updated_at: null });
    const letter = await live.getTemplateById(T.letter);
    expect(letter.data).toMatchObject({ letter_contact_block: 'Contact ((team))', postage: 'second' });
    expect(await failure(live.getTemplateById('nope'))).toEqual(
      envelope(400, 'ValidationError', 'id is not a valid UUID'),
    );
    expect(await failure(live.getTemplateByIdAndVersion(T.email, 7))).toEqual(
      envelope(404, 'NoResultFound', 'No result found'),
    );
  });

  it('getAllTemplates, with and without a type', async () => {
    const all = await live.getAllTemplates();
    expect(keys(all.data)).toEqual(['templates']);
    for (const t of all.data.templates) expect(keys(t)).toEqual(TEMPLATE_KEYS);
    for (const type of ['sms', 'email', 'letter'] as const) {
      const some = await live.getAllTemplates(type);
      expect(some.data.templates.length).toBeGreaterThan(0);
      expect(some.data.templates.every((t: { type: string }) => t.type === type)).toBe(true);
    }
    expect(await failure(live.getAllTemplates('fax' as never))).toEqual(
      envelope(400, 'ValidationError', 'type fax is not one of [sms, email, letter]'),
    );
  });

  it('previewTemplateById, with and without personalisation', async () => {
    const email = await live.previewTemplateById(T.email, { name: 'Ann', 'file link': 'x', items: 'y' });
    expect(keys(email.data)).toEqual(PREVIEW_KEYS);
    expect(email.data).toMatchObject({
      id: T.email,
      type: 'email',
      version: 2,
      subject: 'Hello Ann',
      postage: null,
    });
    expect(email.data.html).toContain('Dear Ann');
    const letter = await live.previewTemplateById(T.letter, { name: 'Ann', team: 'x' });
    expect(letter.data).toMatchObject({ type: 'letter', html: null, postage: 'second' });
    expect(await failure(live.previewTemplateById(T.sms))).toEqual(
      envelope(400, 'BadRequestError', 'Missing personalisation: name, code'),
    );
  });

  it('getReceivedTexts, paging with olderThan', async () => {
    await fetch(`${sb.url}/_sandbox/services/${SERVICE_ID}/inbound`, {
      headers: { 'Content-Type': 'application/json' },
      method: 'POST',
      body: JSON.stringify({ user_number: '447700900222', content: 'Newest' }),
    });
    const r = await live.getReceivedTexts();
    expect(keys(r.data)).toEqual(['links', 'received_text_messages']);
    for (const m of r.data.received_text_messages) {
      expect(keys(m)).toEqual(['content', 'created_at', 'id', 'notify_number', 'service_id', 'user_number']);
    }
    const [newest, older] = r.data.received_text_messages as unknown as [{ id: string }, { id: string }];
    expect(newest).toMatchObject({ content: 'Newest', service_id: SERVICE_ID, notify_number: '07700900999' });
    const next = await live.getReceivedTexts(newest.id);
    expect(next.data.received_text_messages.map((m: { id: string }) => m.id)).toEqual([older.id]);
    expect(await failure(live.getReceivedTexts('nope'))).toEqual(
      envelope(400, 'ValidationError', 'older_than is not a valid UUID'),
    );
  });
});

describe('errors as the client surfaces them', () => {
  it('err.response carries Notify’s status and v2 envelope', async () => {
    expect(await failure(live.sendSms(T.sms, '07700900123'))).toEqual(
      envelope(400, 'BadRequestError', 'Missing personalisation: name, code'),
    );
    expect(
      await failure(
        live.sendSms(T.sms, '07700900123', { personalisation: { name: 'A', code: 1 }, smsSenderId: 'x' }),
      ),
    ).toEqual(envelope(400, 'ValidationError', 'sms_sender_id is not a valid UUID'));
    expect(await failure(live.sendEmail(T.email, 'not an email'))).toEqual(
      envelope(400, 'ValidationError', 'email_address Not a valid email address'),
    );
    expect(await failure(live.sendLetter(T.letter, { personalisation: { name: 'A', team: 'B' } }))).toEqual(
      envelope(400, 'ValidationError', 'Address must be at least 3 lines'),
    );
    expect(await failure(live.sendPrecompiledLetter('r', Buffer.from('%PDF-'), 'fifth' as never))).toEqual(
      envelope(400, 'ValidationError', 'postage invalid. It must be either first, second or economy.'),
    );
    expect(await failure(live.getNotificationById('99999999-9999-4999-8999-999999999999'))).toEqual(
      envelope(404, 'NoResultFound', 'No result found'),
    );
    expect(await failure(live.getNotifications('fax'))).toEqual(
      envelope(400, 'ValidationError', 'template_type fax is not one of [sms, email, letter]'),
    );
  });

  it('a wrong secret is a 403 AuthError', async () => {
    const stranger = new NotifyClient(sb.url, `name-${SERVICE_ID}-99999999-9999-4999-8999-999999999999`);
    expect(await failure(stranger.getAllTemplates())).toEqual(
      envelope(403, 'AuthError', 'Invalid token: API key not found'),
    );
  });

  it('a base URL with a trailing slash works, through Werkzeug’s merge-slashes redirect', async () => {
    const slashed = new NotifyClient(`${sb.url}/`, sb.apiKeys.live);
    const r = await slashed.sendSms(T.sms, '07700900123', { personalisation: { name: 'A', code: 1 } });
    expect(r.status).toBe(201);
    expect((await slashed.getNotificationById(r.data.id)).data.id).toBe(r.data.id);
  });
});

describe('a Python-client call pattern', () => {
  /** `NotificationsAPIClient` reduced to its HTTP: `urljoin`, its three headers, `requests` query encoding. */
  async function pyRequest(
    method: 'GET' | 'POST',
    path: string,
    params?: Record<string, string | string[]>,
    data?: unknown,
  ) {
    const url = new URL(path, `${sb.url}/`); // urljoin
    for (const [k, v] of Object.entries(params ?? {}))
      for (const x of [v].flat()) url.searchParams.append(k, x);
    const res = await fetch(url, {
      method,
      headers: {
        'Content-type': 'application/json',
        Authorization: `Bearer ${signToken(SERVICE_ID, sb.secrets.test)}`,
        'User-agent': 'NOTIFY-API-PYTHON-CLIENT/12.1.0',
      },
      body: data === undefined ? undefined : JSON.stringify(data),
    });
    return { status: res.status, body: (await res.json()) as any };
  }

  /** `get_all_notifications_iterator`: follows `links.next` by taking the first UUID in it. */
  async function* allNotifications(params: Record<string, string | string[]>) {
    let result = (await pyRequest('GET', '/v2/notifications', params)).body;
    while (result.notifications.length) {
      yield* result.notifications as { id: string; status: string }[];
      const olderThan = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i.exec(
        result.links.next,
      )![0];
      result = (await pyRequest('GET', '/v2/notifications', { ...params, older_than: olderThan })).body;
    }
  }

  it('sends, then iterates with a list of statuses and include_jobs', async () => {
    const tag = `py-${Date.now()}`;
    const ids: string[] = [];
    for (const phone of ['07700900123', '07700900002', '07700900003']) {
      const r = await pyRequest('POST', '/v2/notifications/sms', undefined, {
        phone_number: phone,
        template_id: T.sms,
        personalisation: { name: 'P', code: 2 },
        reference: tag,
      });
      expect(r.status).toBe(201);
      ids.push(r.body.id);
    }
    await eventually(
      async () => (await pyRequest('GET', '/v2/notifications', { reference: tag })).body.notifications,
      (ns: { status: string }[]) => ns.every((n) => n.status.endsWith('failure') || n.status === 'delivered'),
    );
    const params = {
      status: ['permanent-failure', 'temporary-failure'],
      reference: tag,
      include_jobs: 'True',
    };
    const first = await pyRequest('GET', '/v2/notifications', params);
    expect(first.body.links.current).toBe(
      `${sb.url}/v2/notifications?status=permanent-failure&status=temporary-failure&reference=${tag}&include_jobs=True`,
    );
    const found = [];
    for await (const n of allNotifications(params)) found.push(n.id);
    expect(found).toEqual([ids[2], ids[1]]);
  });

  it('get_received_texts_iterator follows links.next to the end', async () => {
    const found = [];
    let result = (await pyRequest('GET', '/v2/received-text-messages')).body;
    while (result.received_text_messages.length) {
      found.push(...result.received_text_messages.map((m: { id: string }) => m.id));
      const olderThan = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i.exec(
        result.links.next,
      )![0];
      result = (await pyRequest('GET', '/v2/received-text-messages', { older_than: olderThan })).body;
    }
    expect(found.length).toBeGreaterThanOrEqual(1);
    expect(new Set(found).size).toBe(found.length);
  });
});
