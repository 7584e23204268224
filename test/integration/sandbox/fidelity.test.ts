/**
 * Behaviours found by reading the sandbox against the reference and Notify's sources: each test pins one
 * fix, named after the reference section (or the Notify source) it follows.
 */
import { createHmac } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../../support/notify-token';
import { headerLimitPage } from '../../../src-sandbox/gateway';
import { makeTestPdf } from '../../../src-sandbox/letters/test-pdf';
import {
  SERVICE_ID,
  T,
  TRIAL_ID,
  eventually,
  startTestSandbox,
  type TestSandbox,
} from '../../support/sandbox';

let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox({ timeScale: 1000 });
});
afterAll(() => sb.sandbox.close());

const control = async (method: string, path: string, body?: unknown) =>
  (await (await sb.control(method, path, body)).json()) as any;
const sms = (extra: Record<string, unknown> = {}) => ({
  phone_number: '07700900123',
  template_id: T.sms,
  personalisation: { name: 'Ann', code: '1' },
  ...extra,
});
const letterBody = (extra: Record<string, unknown> = {}) => ({
  template_id: T.letter,
  personalisation: {
    address_line_1: 'A Person',
    address_line_2: '1 Street',
    postcode: 'SW1A 1AA',
    name: 'A',
    team: 'B',
  },
  ...extra,
});
const messages = (r: { json: any }) => (r.json.errors as { message: string }[]).map((e) => e.message);

/** A request with nothing normalised on the way: raw path, raw bytes. */
function raw(method: string, path: string, headers: Record<string, string> = {}, body?: Buffer) {
  return new Promise<{ status: number; headers: Record<string, unknown>; text: string }>(
    (resolve, reject) => {
      const req = request(`${sb.url}${path}`, { method, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      });
      req.on('error', reject);
      req.end(body);
    },
  );
}
const auth = (key: 'live' | 'test' = 'live') => ({
  Authorization: `Bearer ${signToken(SERVICE_ID, sb.secrets[key])}`,
});

describe('rate limit: whole tokens, as UTILS’ tally-bucket-rate-limit script (§8.1)', () => {
  it('keeps part-earned tokens across refused requests', async () => {
    await control('PATCH', `/services/${SERVICE_ID}`, { rate_limit: 6 }); // capacity 3, one token every 10 s
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++)
        statuses.push((await sb.call('POST', '/v2/notifications/sms', { key: 'team', body: sms() })).status);
      expect(statuses).toEqual([201, 201, 429]);
      await control('POST', '/clock', { advance_seconds: 5 });
      // Half a token earned: still refused, but the half is not thrown away with the refusal.
      expect((await sb.call('POST', '/v2/notifications/sms', { key: 'team', body: sms() })).status).toBe(429);
      await control('POST', '/clock', { advance_seconds: 15 });
      // 20 s since the bucket emptied: two whole tokens, one taken, one left.
      expect((await sb.call('POST', '/v2/notifications/sms', { key: 'team', body: sms() })).status).toBe(201);
    } finally {
      await control('PATCH', `/services/${SERVICE_ID}`, { rate_limit: 3000 });
    }
  });

  it('a templated letter takes two tokens: the precompiled route checks, then post_notification again', async () => {
    await control('PATCH', `/services/${SERVICE_ID}`, { rate_limit: 6 });
    try {
      expect(
        (await sb.call('POST', '/v2/notifications/letter', { key: 'test', body: letterBody() })).status,
      ).toBe(201);
      const second = await sb.call('POST', '/v2/notifications/letter', { key: 'test', body: letterBody() });
      expect(second.status).toBe(429);
      expect(second.json.errors).toEqual([
        {
          error: 'RateLimitError',
          message: 'Exceeded rate limit for key type TEST of 6 requests per 60 seconds',
        },
      ]);
    } finally {
      await control('PATCH', `/services/${SERVICE_ID}`, { rate_limit: 3000 });
      await control('POST', '/clock', { advance_seconds: 60 });
    }
  });
});

describe('scheduled_for: iso8601.parse_date(…).replace(tzinfo=None) (§4.1, §6)', () => {
  const wall = (ms: number) => new Date(ms).toISOString().slice(0, 19);
  it('drops an offset instead of converting it', async () => {
    const soon = Date.now() + 2 * 3600_000;
    // Read as UTC wall-clock time: two hours ahead, so accepted (converted, it would be in the past).
    const ok = await sb.call('POST', '/v2/notifications/sms', {
      body: sms({ scheduled_for: `${wall(soon)}+05:00` }),
    });
    expect(ok.status).toBe(201);
    expect(ok.json.scheduled_for).toBeNull();
    // Two hours ago as wall-clock time: refused (converted, it would be three hours ahead).
    const past = await sb.call('POST', '/v2/notifications/sms', {
      body: sms({ scheduled_for: `${wall(Date.now() - 2 * 3600_000)}-05:00` }),
    });
    expect(messages(past)).toEqual(['scheduled_for datetime can not be in the past']);
  });

  it('accepts the iso8601 package’s forms and refuses what it refuses', async () => {
    const soon = new Date(Date.now() + 3600_000).toISOString();
    const basic = `${soon.slice(0, 4)}${soon.slice(5, 7)}${soon.slice(8, 10)}T${soon.slice(11, 13)}${soon.slice(14, 16)}`;
    expect(
      (await sb.call('POST', '/v2/notifications/sms', { body: sms({ scheduled_for: basic }) })).status,
    ).toBe(201);
    const invalid =
      'scheduled_for datetime format is invalid. It must be a valid ISO8601 date time format, https://en.wikipedia.org/wiki/ISO_8601';
    for (const [value, message] of [
      ['2020-08', 'scheduled_for datetime can not be in the past'], // year and month alone parse
      ['202008', invalid], // …but YYYYMM does not
      [`${soon.slice(0, 10)}T24:00`, invalid], // Python’s datetime has no hour 24
      [`${soon.slice(0, 10)}Z`, invalid], // no offset without a time
      [`${soon.slice(0, 16)}+24:00`, invalid], // an offset of a day is refused
      [`${soon.slice(0, 10)}t10:00`, invalid],
    ]) {
      const r = await sb.call('POST', '/v2/notifications/sms', { body: sms({ scheduled_for: value }) });
      expect({ value, messages: messages(r) }).toEqual({ value, messages: [message] });
    }
  });
});

describe('links: url_for with Werkzeug’s query encoding (§4.6)', () => {
  it('encodes like urlencode(safe="!$\'()*,/:;?@"): spaces as +, those characters as they are', async () => {
    const reference = 'a b/c@d$e:f;g,h?i&j=k%l~m';
    await sb.call('POST', '/v2/notifications/sms', { body: sms({ reference }) });
    const r = await sb.call('GET', `/v2/notifications?reference=${encodeURIComponent(reference)}`);
    expect(r.json.notifications).toHaveLength(1);
    expect(r.json.links.current).toBe(`${sb.url}/v2/notifications?reference=a+b/c@d$e:f;g,h?i%26j%3Dk%25l~m`);
    expect(r.json.links.next).toBe(`${r.json.links.current}&older_than=${r.json.notifications[0].id}`);
  });
});

describe('query strings read with request.args.to_dict(): the first value of a repeated name', () => {
  it('GET /v2/templates and /v2/received-text-messages take the first value', async () => {
    const r = await sb.call('GET', '/v2/templates?type=sms&type=coconut');
    expect(r.status).toBe(200);
    expect(r.json.templates.every((t: { type: string }) => t.type === 'sms')).toBe(true);
    const bad = await sb.call('GET', '/v2/templates?type=coconut&type=sms');
    expect(messages(bad)).toEqual(['type coconut is not one of [sms, email, letter]']);
    const texts = await sb.call(
      'GET',
      '/v2/received-text-messages?older_than=x&older_than=99999999-9999-4999-8999-999999999999',
    );
    expect(messages(texts)).toEqual(['older_than is not a valid UUID']);
  });
});

describe('routing as Werkzeug does it (§1)', () => {
  it('routes on the percent-decoded path', async () => {
    const sent = await sb.call('POST', '/v2/notifications/sms', { body: sms() });
    const r = await raw('GET', `/v2/notifications%2F${sent.json.id}`, auth());
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text).id).toBe(sent.json.id);
  });

  it('answers a broken escape in an id with the id’s validation message, not a 500', async () => {
    const r = await raw('GET', '/v2/template/%E0%A4%A', auth());
    expect(r.status).toBe(400);
    expect(JSON.parse(r.text)).toEqual({
      errors: [{ error: 'ValidationError', message: 'id is not a valid UUID' }],
      status_code: 400,
    });
  });

  it('redirects a doubled slash with 308 to the merged path, query kept (merge_slashes)', async () => {
    const r = await raw('GET', '//v2/templates?type=sms', auth());
    expect(r.status).toBe(308);
    expect(r.headers.location).toBe(`${sb.url}/v2/templates?type=sms`);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    // Each `//` merges once, so `///` still leaves `//`: no rule, the app-level 404.
    expect((await raw('GET', '///v2/templates', auth())).status).toBe(404);
  });

  it('runs auth before Flask’s automatic OPTIONS answer on v2 paths, but not elsewhere', async () => {
    const noAuth = await raw('OPTIONS', '/v2/templates');
    expect(noAuth.status).toBe(401);
    expect(JSON.parse(noAuth.text).errors[0].error).toBe('AuthError');
    const withAuth = await raw('OPTIONS', '/v2/templates', auth());
    expect(withAuth.status).toBe(200);
    expect(withAuth.headers.allow).toBe('GET, HEAD, OPTIONS');
    expect(withAuth.text).toBe('');
    const status = await raw('OPTIONS', '/_status');
    expect(status.status).toBe(200);
    expect(status.headers.allow).toBe('GET, HEAD, OPTIONS');
  });

  it('answers HEAD like GET without the body', async () => {
    const get = await raw('GET', '/v2/templates', auth());
    const head = await raw('HEAD', '/v2/templates', auth());
    expect(head.status).toBe(200);
    expect(head.text).toBe('');
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(get.text)));
    const post = await raw('HEAD', `/v2/template/${T.sms}/preview`, auth());
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('OPTIONS, POST');
    // GET /v2/notifications/sms is the by-id rule with the id "sms", so HEAD reaches its validation.
    const byId = await raw('HEAD', '/v2/notifications/sms', auth());
    expect(byId.status).toBe(400);
  });

  it('answers a request Node cannot parse in the app-level envelope', async () => {
    const r = await raw('GET', '/v2/templates', { ...auth(), 'Content-Length': 'x' });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.text)).toEqual({
      message: 'The browser (or proxy) sent a request that this server could not understand.',
      result: 'error',
    });
  });

  it('answers a header line over gunicorn’s 8190 bytes as gunicorn does; one just under reaches Notify’s check', async () => {
    // `Authorization: Bearer <token>\r\n` is 24 bytes besides the token: 8190 in all is the most allowed.
    const under = await raw('GET', '/v2/templates', { Authorization: `Bearer ${'a'.repeat(8190 - 24)}` });
    expect(under.status).toBe(403);
    expect(JSON.parse(under.text).errors[0].message).toMatch(
      /^Invalid token: make sure your API token matches/,
    );
    for (const token of ['a'.repeat(8190 - 23), 'a'.repeat(100_000)]) {
      const over = await raw('GET', '/v2/templates', { Authorization: `Bearer ${token}` });
      expect(over.status).toBe(400);
      expect(over.headers['content-type']).toBe('text/html');
      expect(over.headers.connection).toBe('close');
      expect(over.headers['access-control-allow-origin']).toBeUndefined();
      expect(over.text).toBe(headerLimitPage('size'));
      expect(over.text).toContain('Error parsing headers: &#x27;limit request headers fields size&#x27;');
    }
    const many = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`X-Extra-${i}`, 'x']));
    const tooMany = await raw('GET', '/v2/templates', many);
    expect(tooMany.status).toBe(400);
    expect(tooMany.text).toBe(headerLimitPage('count'));
  });

  it('maps a template version past Postgres’ integer range to 404 DataError', async () => {
    const r = await sb.call('GET', `/v2/template/${T.sms}/version/2147483648`);
    expect(r.json).toEqual({
      errors: [{ error: 'DataError', message: 'No result found' }],
      status_code: 404,
    });
  });
});

describe('request bodies as Python’s json.loads reads them (§1, §5.3)', () => {
  it('treats every JSON value Python counts as false as {}', async () => {
    for (const body of ['[]', '0', '""', 'false', '{}']) {
      const r = await sb.call('POST', '/v2/notifications/sms', { rawBody: body });
      expect({ body, m: messages(r) }).toEqual({
        body,
        m: ['phone_number is a required property', 'template_id is a required property'],
      });
    }
  });

  it('accepts NaN and Infinity, as Python does, and reports them in Python’s spelling', async () => {
    expect(messages(await sb.call('POST', '/v2/notifications/sms', { rawBody: 'NaN' }))).toEqual([
      'nan is not of type object',
    ]);
    const r = await sb.call('POST', '/v2/notifications/sms', {
      rawBody: `${JSON.stringify(sms()).slice(0, -1)},"reference":-Infinity}`,
    });
    expect(messages(r)).toEqual(['reference -inf is not of type string']);
  });

  it('reads UTF-16 and BOM-prefixed bodies, and refuses bytes that are not valid UTF-8', async () => {
    const text = JSON.stringify(sms());
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect((await raw('POST', '/v2/notifications/sms', auth(), utf16)).status).toBe(201);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    expect((await raw('POST', '/v2/notifications/sms', auth(), bom)).status).toBe(201);
    const bad = Buffer.from(text.replace('"Ann"', '"A\u0000nn"').replace('\\u0000', '\u00ff'), 'latin1');
    const r = await raw('POST', '/v2/notifications/sms', auth(), bad);
    expect(JSON.parse(r.text).errors).toEqual([
      { error: 'BadRequestError', message: 'Invalid JSON supplied in POST data' },
    ]);
  });

  it('answers nesting deeper than Python’s recursion limit as unparsable, never a 500', async () => {
    const deep = await sb.call('POST', '/v2/notifications/sms', {
      rawBody: '['.repeat(5000) + ']'.repeat(5000),
    });
    expect(deep.status).toBe(400);
    expect(messages(deep)).toEqual(['Invalid JSON supplied in POST data']);
    const fine = await sb.call('POST', '/v2/notifications/sms', { rawBody: '['.repeat(50) + ']'.repeat(50) });
    expect(messages(fine)).toEqual([`${'['.repeat(50)}${']'.repeat(50)} is not of type object`]);
  });

  it('echoes values with Python’s repr: escapes for unprintable characters, Python floats', async () => {
    const r = await sb.call('POST', '/v2/notifications/sms', {
      body: sms({ reference: ['a\u00a0b', 'it’s', 0.00001, 1.5e300, 'tab\there'] }),
    });
    expect(messages(r)).toEqual([
      'reference [a\\xa0b, it’s, 1e-05, 1.5e+300, tab\\there] is not of type string',
    ]);
    // Flask's ensure_ascii: everything outside space…tilde goes out as a \u escape, DEL included.
    const echoed = await sb.call('POST', '/v2/notifications/sms', { body: sms({ reference: ['\u007f'] }) });
    expect(echoed.text).toContain('"reference [\\\\x7f] is not of type string"');
    // Additional properties are listed with repr too, sorted by code point.
    const extras = await sb.call('POST', '/v2/notifications/sms', {
      body: sms({ foo: 1, '\u007f': 1, "it's": 1 }),
    });
    expect(messages(extras)).toEqual([
      'Additional properties are not allowed (foo, "its", \\x7f were unexpected)',
    ]);
  });

  it('preview: an empty-ish body is {}; another non-object is refused with the schema’s message', async () => {
    const empty = await sb.call('POST', `/v2/template/${T.sms}/preview`, { rawBody: '[]' });
    expect(messages(empty)).toEqual(['Missing personalisation: name, code']);
    // Notify raises TypeError (a 500) on `_data["id"] = …` here; the sandbox answers a 400 instead.
    const list = await sb.call('POST', `/v2/template/${T.sms}/preview`, { rawBody: '[1]' });
    expect(list.status).toBe(400);
    expect(messages(list)).toEqual(['[1] is not of type object']);
  });
});

describe('auth details (§2.2)', () => {
  it('an iss that is present but null is “not the right data type”, not “not provided”', async () => {
    const h = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url');
    const p = Buffer.from(JSON.stringify({ iss: null, iat: Math.floor(Date.now() / 1000) })).toString(
      'base64url',
    );
    const token = `${h}.${p}.${createHmac('sha256', sb.secrets.live).update(`${h}.${p}`).digest('base64url')}`;
    const r = await sb.call('GET', '/v2/templates', { token });
    expect(r.json.errors).toEqual([
      { error: 'AuthError', message: 'Invalid token: service id is not the right data type' },
    ]);
  });
});

describe('one-click unsubscribe (API app/one_click_unsubscribe/rest.py)', () => {
  it('needs a UUID in the path, checks the token first, then the notification', async () => {
    const sent = await sb.call('POST', '/v2/notifications/email', {
      body: {
        email_address: 'reader@example.gov.uk',
        template_id: T.emailUnsub,
        personalisation: { name: 'R' },
      },
    });
    const link: string = (await sb.call('GET', `/v2/notifications/${sent.json.id}`)).json
      .one_click_unsubscribe_url;
    const token = link.slice(link.lastIndexOf('/') + 1);
    const notFound = await fetch(`${sb.url}/unsubscribe/not-a-uuid/${token}`, { method: 'POST' });
    expect(notFound.status).toBe(404);
    expect(((await notFound.json()) as any).message).toMatch(
      /^The requested URL was not found on the server/,
    );
    const other = '99999999-9999-4999-8999-999999999999';
    const forged = await fetch(`${sb.url}/unsubscribe/${other}/forged`, { method: 'POST' });
    expect((await forged.json()) as any).toEqual({
      message: { 'unsubscribe request': 'This is not a valid unsubscribe link.' },
      result: 'error',
    });
    const expired = await fetch(`${sb.url}/unsubscribe/${other}/${token}`, { method: 'POST' });
    expect((await expired.json()) as any).toEqual({
      message: { 'unsubscribe request': 'This unsubscribe link is invalid or expired.' },
      result: 'error',
    });
    expect((await fetch(link, { method: 'POST' })).status).toBe(200);
    const log = await control('GET', '/unsubscribes');
    expect(log.unsubscribes.at(-1)).toMatchObject({
      notificationId: sent.json.id,
      emailAddress: 'reader@example.gov.uk',
    });
  });
});

describe('trial mode and simulated recipients (§7.5)', () => {
  it('the trial and team restrictions run before the simulated-recipient check', async () => {
    const trial = await sb.call('POST', '/v2/notifications/sms', {
      key: 'trialLive',
      body: { phone_number: '07700900000', template_id: T.trialSms, personalisation: { name: 'x' } },
    });
    expect(trial.json.errors).toEqual([
      {
        error: 'BadRequestError',
        message:
          'Can’t send to this recipient when service is in trial mode – see https://www.notifications.service.gov.uk/trial-mode',
      },
    ]);
    const team = await sb.call('POST', '/v2/notifications/email', {
      key: 'team',
      body: {
        email_address: 'simulate-delivered@notifications.service.gov.uk',
        template_id: T.emailUnsub,
        personalisation: { name: 'x' },
      },
    });
    expect(team.json.errors).toEqual([
      { error: 'BadRequestError', message: 'Can’t send to this recipient using a team-only API key' },
    ]);
    // A test key skips the restriction: 201, and nothing is stored.
    const test = await sb.call('POST', '/v2/notifications/sms', {
      key: 'trialTest',
      body: { phone_number: '+44 7700 900000', template_id: T.trialSms, personalisation: { name: 'x' } },
    });
    expect(test.status).toBe(201);
    const token = signToken(TRIAL_ID, sb.secrets.trialTest);
    expect((await sb.call('GET', `/v2/notifications/${test.json.id}`, { token })).status).toBe(404);
  });
});

describe('international text messages (§7.2, §8.2)', () => {
  it('a number without delivery receipts ends at `sent`, and has its own daily limit', async () => {
    await control('PATCH', `/services/${SERVICE_ID}`, { limits: { international_sms: 1 } });
    try {
      const first = await sb.call('POST', '/v2/notifications/sms', {
        body: sms({ phone_number: '+14158961600' }),
      });
      expect(first.status).toBe(201);
      const done = await eventually(
        () => sb.call('GET', `/v2/notifications/${first.json.id}`),
        (r) => r.json.status !== 'created',
      );
      expect(done.json).toMatchObject({
        status: 'sent',
        phone_number: '+14158961600',
        is_cost_data_ready: true,
      });
      expect(done.json.completed_at).not.toBeNull();
      const second = await sb.call('POST', '/v2/notifications/sms', {
        body: sms({ phone_number: '+14158961600' }),
      });
      expect(second.status).toBe(429);
      expect(second.json.errors).toEqual([
        { error: 'TooManyRequestsError', message: 'Exceeded send limits (international_sms: 1) for today' },
      ]);
      // UK numbers are not counted against it.
      expect((await sb.call('POST', '/v2/notifications/sms', { body: sms() })).status).toBe(201);
    } finally {
      await control('PATCH', `/services/${SERVICE_ID}`, { limits: { international_sms: 100 } });
    }
  });
});

describe('letters', () => {
  it('a QR code over 504 bytes: 400 with data, num_bytes and max_bytes in the error (§6)', async () => {
    const created = await control('POST', `/services/${SERVICE_ID}/templates`, {
      name: 'QR letter',
      type: 'letter',
      subject: 'QR',
      content: 'Scan this:\n\nqr: ((code))',
    });
    const code = 'too much data '.repeat(50);
    const r = await sb.call('POST', '/v2/notifications/letter', {
      key: 'test',
      body: letterBody({
        template_id: created.id,
        personalisation: { ...letterBody().personalisation, code },
      }),
    });
    expect(r.status).toBe(400);
    expect(r.text).toBe(
      JSON.stringify({
        errors: [
          {
            data: code,
            error: 'ValidationError',
            max_bytes: 504,
            message: 'Cannot create a usable QR code - the link is too long',
            num_bytes: 700,
          },
        ],
        status_code: 400,
      }),
    );
  });

  it('estimated_delivery keeps created_at’s seconds and microseconds (set_gmt_hour replaces hour and minute)', async () => {
    const sent = await sb.call('POST', '/v2/notifications/letter', { key: 'test', body: letterBody() });
    const got = (await sb.call('GET', `/v2/notifications/${sent.json.id}`)).json;
    expect(got.estimated_delivery.slice(16)).toBe(got.created_at.slice(16));
    expect(got.estimated_delivery.slice(14, 16)).toBe('00');
  });

  it('a test letter’s cost is not ready until its PDF (and sheet count) exists, never a 500', async () => {
    const slow = await startTestSandbox({ timeScale: 0.001 });
    try {
      const sent = await slow.call('POST', '/v2/notifications/letter', { key: 'test', body: letterBody() });
      const got = await slow.call('GET', `/v2/notifications/${sent.json.id}`);
      expect(got.status).toBe(200);
      expect(got.json).toMatchObject({
        status: 'accepted',
        is_cost_data_ready: false,
        cost_details: {},
        cost_in_pounds: null,
      });
    } finally {
      await slow.sandbox.close();
    }
  });

  it('a templated letter over 10 pages fails validation, costing nothing', async () => {
    const created = await control('POST', `/services/${SERVICE_ID}/templates`, {
      name: 'Long letter',
      type: 'letter',
      subject: 'Long',
      content: Array.from({ length: 400 }, (_, i) => `Paragraph ${i} of a very long letter.`).join('\n\n'),
    });
    const sent = await sb.call('POST', '/v2/notifications/letter', {
      key: 'test',
      body: letterBody({ template_id: created.id, personalisation: letterBody().personalisation }),
    });
    expect(sent.status).toBe(201);
    const done = await eventually(
      () => sb.call('GET', `/v2/notifications/${sent.json.id}`),
      (r) => r.json.status === 'validation-failed',
      1000,
    );
    expect(done.json).toMatchObject({
      cost_details: { billable_sheets_of_paper: 0, postage: 'second' },
      cost_in_pounds: 0,
      is_cost_data_ready: true,
    });
  });

  it('a precompiled letter keeps line_1 "Provided as PDF" while `to` becomes the address read from it', async () => {
    const pdf = Buffer.from(await makeTestPdf(1));
    const sent = await sb.call('POST', '/v2/notifications/letter', {
      key: 'test',
      body: { reference: 'pre', content: pdf.toString('base64') },
    });
    const done = await eventually(
      () => control('GET', `/notifications/${sent.json.id}`),
      (n) => n.status === 'delivered',
      1000,
    );
    expect(done.to).toBe('A. TEST\n1 TEST STREET\nLONDON\nSW1A 1AA');
    const got = await sb.call('GET', `/v2/notifications/${sent.json.id}`);
    expect(got.json).toMatchObject({
      line_1: 'Provided as PDF',
      line_2: null,
      postcode: null,
      status: 'received',
    });
  });
});

describe('sends from the admin site (§4.5 created_by_name, §4.6 include_jobs)', () => {
  it('a one-off send carries created_by_name; a job row is listed only with include_jobs', async () => {
    const oneOff = await control('POST', `/services/${SERVICE_ID}/send`, {
      type: 'sms',
      created_by_name: 'Ada Lovelace',
      ...sms({ reference: 'admin-one-off' }),
    });
    const job = await control('POST', `/services/${SERVICE_ID}/send`, {
      type: 'email',
      job: true,
      email_address: 'row@example.gov.uk',
      template_id: T.emailUnsub,
      personalisation: { name: 'Row' },
      reference: 'admin-job',
    });
    expect((await sb.call('GET', `/v2/notifications/${oneOff.id}`)).json.created_by_name).toBe(
      'Ada Lovelace',
    );
    expect((await sb.call('GET', `/v2/notifications/${job.id}`)).json.created_by_name).toBeNull();
    // Listed for live keys (key type normal), job rows only with include_jobs.
    const listed = await sb.call('GET', '/v2/notifications?reference=admin-one-off');
    expect(listed.json.notifications.map((n: { id: string }) => n.id)).toEqual([oneOff.id]);
    expect((await sb.call('GET', '/v2/notifications?reference=admin-job')).json.notifications).toEqual([]);
    const withJobs = await sb.call('GET', '/v2/notifications?reference=admin-job&include_jobs=true');
    expect(withJobs.json.notifications.map((n: { id: string }) => n.id)).toEqual([job.id]);
    expect(
      (await sb.call('GET', '/v2/notifications?reference=admin-one-off', { key: 'test' })).json.notifications,
    ).toEqual([]);
    // Notify's validation still applies, in its envelope.
    const bad = await control('POST', `/services/${SERVICE_ID}/send`, {
      type: 'sms',
      ...sms({ template_id: 'x' }),
    });
    expect(bad).toEqual({
      errors: [{ error: 'ValidationError', message: 'template_id is not a valid UUID' }],
      status_code: 400,
    });
  });
});

describe('the control API', () => {
  it('answers its errors in Notify’s app-level envelope', async () => {
    expect(await control('GET', '/notifications/nope')).toEqual({
      message: 'No such notification (smoke-test recipients are never stored).',
      result: 'error',
    });
    const bad = await fetch(`${sb.url}/_sandbox/clock`, {
      headers: { 'Content-Type': 'application/json' },
      method: 'POST',
      body: '{',
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).result).toBe('error');
  });
});
