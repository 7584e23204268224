/**
 * The sandbox's inbox through its control API: every notification from any key, newest first, with
 * filters and pages; the changes since a cursor, with a long poll; each one rendered as its recipient
 * sees it. Bad queries get a 400 naming the problem, never a 5xx.
 */
import { request } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTROL_SECRET_HEADER } from '../../../src-sandbox/control';
import { makeTestPdf } from '../../../src-sandbox/letters/test-pdf';
import {
  eventually,
  SERVICE_ID,
  startTestSandbox,
  T,
  TRIAL_ID,
  type TestSandbox,
} from '../../support/sandbox';

let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox({ timeScale: 1000, limits: false });
});
afterAll(() => sb.sandbox.close());

const list = async (query = '') => {
  const r = await sb.control('GET', `/notifications${query ? `?${query}` : ''}`);
  return { status: r.status, json: (await r.json()) as any };
};
const sms = (phone: string, extra: Record<string, unknown> = {}, key: 'live' | 'team' | 'test' = 'live') =>
  sb.call('POST', '/v2/notifications/sms', {
    key,
    body: { phone_number: phone, template_id: T.sms, personalisation: { name: 'A', code: '1' }, ...extra },
  });
const letter = (key: 'live' | 'test' = 'live') =>
  sb.call('POST', '/v2/notifications/letter', {
    key,
    body: {
      template_id: T.letter,
      personalisation: {
        name: 'Ann',
        team: 'B',
        address_line_1: 'Ann Example',
        address_line_2: '1 High Street',
        postcode: 'SW1A 1AA',
      },
    },
  });

describe('GET /_sandbox/notifications', () => {
  it('lists every key’s notifications and the admin site’s, newest first, with who sent each', async () => {
    await sb.control('POST', '/reset', {});
    const a = await sms('07700900123', { reference: 'one' }, 'live');
    const b = await sms('07700900123', { reference: 'two' }, 'team');
    const c = await sms('07700900456', { reference: 'three' }, 'test');
    const d = await sb.control('POST', `/services/${SERVICE_ID}/send`, {
      type: 'sms',
      phone_number: '07700900123',
      template_id: T.sms,
      personalisation: { name: 'A', code: '1' },
      created_by_name: 'Ada',
    });
    const { json } = await list();
    expect(json.notifications.map((n: any) => n.id)).toEqual([
      ((await d.json()) as any).id,
      c.json.id,
      b.json.id,
      a.json.id,
    ]);
    expect(json.notifications.map((n: any) => [n.key_type, n.api_key_name, n.created_by_name])).toEqual([
      ['normal', null, 'Ada'],
      ['test', 'test', null],
      ['team', 'team', null],
      ['normal', 'live', null],
    ]);
    expect(json.notifications[3]).toMatchObject({
      service_name: 'Test Service',
      template_name: 'SMS',
      body_preview: 'Hello A, your code is 1.',
      job: false,
    });
    expect(json.cursor).toMatch(/^[0-9a-f]{8}\.\d+$/);
    expect(json.links).toEqual({});
  });

  it('filters by recipient however it is written, template, reference, type, status, key type and service', async () => {
    await sb.control('POST', '/reset', {});
    const a = await sms('07700900123', { reference: 'r1' });
    await sms('07700900456', { reference: 'r2' });
    const l = await letter();
    const email = await sb.call('POST', '/v2/notifications/email', {
      body: {
        email_address: 'Someone@Example.gov.uk',
        template_id: T.emailUnsub,
        personalisation: { name: 'A' },
      },
    });
    const ids = async (q: string) => (await list(q)).json.notifications.map((n: any) => n.id);
    for (const written of ['07700900123', '+44 7700 900123', '447700900123', '(07700) 900-123'])
      expect(await ids(`recipient=${encodeURIComponent(written)}`)).toEqual([a.json.id]);
    expect(await ids('recipient=someone%40example.GOV.uk')).toEqual([email.json.id]);
    expect(await ids('recipient=sw1a')).toEqual([l.json.id]);
    expect(await ids(`template_id=${T.letter}`)).toEqual([l.json.id]);
    expect(await ids('reference=r1')).toEqual([a.json.id]);
    expect(await ids('type=email')).toEqual([email.json.id]);
    expect(await ids('status=accepted&type=letter')).toEqual([l.json.id]);
    expect(await ids('key_type=team')).toEqual([]);
    expect(await ids(`service_id=${TRIAL_ID}`)).toEqual([]);
    expect(await ids(`service_id=${SERVICE_ID}&type=sms&reference=r2`)).toHaveLength(1);
  });

  it('pages with page_size and older_than, links.next until the last page', async () => {
    await sb.control('POST', '/reset', {});
    const sent: string[] = [];
    for (let i = 0; i < 5; i++) sent.unshift((await sms('07700900123', { reference: `p${i}` })).json.id);
    const seen: string[] = [];
    let query = 'page_size=2&type=sms';
    for (;;) {
      const { json } = await list(query);
      expect(json.notifications.length).toBeLessThanOrEqual(2);
      seen.push(...json.notifications.map((n: any) => n.id));
      if (!json.links.next) break;
      query = json.links.next.replace('/_sandbox/notifications?', '');
    }
    expect(seen).toEqual(sent);
    expect((await list(`older_than=${crypto.randomUUID()}`)).json.notifications).toEqual([]);
  });

  it('one notification has its whole body and, for a letter, its address', async () => {
    const l = await letter();
    const r = await sb.control('GET', `/notifications/${l.json.id}`);
    expect(await r.json()).toMatchObject({
      body: 'Dear Ann,\n\nYour appointment.',
      address: { lines: ['Ann Example', '1 High Street', null, null, null, null], postcode: 'SW1A 1AA' },
    });
  });

  it('refuses a bad query with the field and the reason, and never answers 5xx', async () => {
    for (const [query, word] of [
      ['colour=red', 'colour'],
      ['type=fax', 'type'],
      ['page_size=0', 'page_size'],
      ['page_size=1001', 'page_size'],
      ['page_size=ten', 'page_size'],
      ['template_id=nope', 'template_id'],
      ['status=lost', 'status'],
      ['type=sms&type=email', 'given twice'],
      [`recipient=${'7'.repeat(501)}`, 'recipient'],
    ]) {
      const r = await list(query);
      expect(r.status, query).toBe(400);
      expect(r.json.message, query).toContain(word);
    }
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            fc.constantFrom('recipient', 'type', 'status', 'page_size', 'older_than', 'x', 'since', 'wait'),
            fc.string(),
          ),
          {
            maxLength: 4,
          },
        ),
        async (pairs) => {
          const q = new URLSearchParams(pairs).toString();
          for (const path of [`/notifications?${q}`, `/notifications/changes?${q}&wait=0`]) {
            const r = await sb.control('GET', path);
            expect([200, 400]).toContain(r.status);
            await r.arrayBuffer();
          }
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe('GET /_sandbox/notifications/changes', () => {
  // Statuses stand still here (a day's lifecycle takes years), so the only changes are the test's.
  let quiet: TestSandbox;
  beforeAll(async () => {
    quiet = await startTestSandbox({ timeScale: 0.0001 });
  });
  afterAll(() => quiet.sandbox.close());
  const changes = async (query: string) =>
    (await (await quiet.control('GET', `/notifications/changes?${query}`)).json()) as any;
  const cursorNow = async () => ((await (await quiet.control('GET', '/notifications')).json()) as any).cursor;
  const quietSms = (phone: string, extra: Record<string, unknown> = {}) =>
    quiet.call('POST', '/v2/notifications/sms', {
      body: { phone_number: phone, template_id: T.sms, personalisation: { name: 'A', code: '1' }, ...extra },
    });

  it('gives what was stored or changed since a cursor, newest change first, once each', async () => {
    const cursor = await cursorNow();
    const a = await quietSms('07700900123');
    const b = await quietSms('07700900456');
    await quiet.control('POST', `/notifications/${a.json.id}/status`, { status: 'sending' });
    const r = await changes(`since=${cursor}`);
    expect(r.complete).toBe(true);
    // Each appears once however many times it changed, the latest change first.
    expect(r.notifications.map((n: any) => [n.id, n.status])).toEqual([
      [a.json.id, 'sending'],
      [b.json.id, 'created'],
    ]);
    const nothing = await changes(`since=${r.cursor}`);
    expect(nothing).toMatchObject({ complete: true, notifications: [], removed: [] });
    // Filters apply as for the list.
    const c = await quietSms('07700900789');
    await quietSms('07700900123');
    const filtered = await changes(`since=${nothing.cursor}&recipient=07700900789`);
    expect(filtered.notifications.map((n: any) => n.id)).toEqual([c.json.id]);
  });

  it('waits for a change when asked to, and answers as soon as one comes', async () => {
    const cursor = await cursorNow();
    const t0 = performance.now();
    const waiting = changes(`since=${cursor}&wait=30`);
    await new Promise((r) => setTimeout(r, 50));
    const sent = await quietSms('07700900123', { reference: 'woken' });
    const r = await waiting;
    expect(r.notifications.map((n: any) => n.id)).toEqual([sent.json.id]);
    // Woken by the send, not by its 30-second wait running out.
    expect(performance.now() - t0).toBeLessThan(15_000);
    const idle = await changes(`since=${r.cursor}&wait=0.05`);
    expect(idle).toMatchObject({ complete: true, notifications: [] });
  });

  it('says “reload” (complete: false, with the newest page) after a reset, for an unknown cursor or none', async () => {
    const { cursor } = (await list()).json;
    await sms('07700900123');
    await sb.control('POST', '/reset', {});
    const kept = await sms('07700900456');
    for (const since of [cursor, 'ffffffff.1', 'garbage', '']) {
      const r = (await (await sb.control('GET', `/notifications/changes?since=${since}`)).json()) as any;
      expect(r.complete, since).toBe(false);
      expect(r.notifications.map((n: any) => n.id)).toEqual([kept.json.id]);
    }
  });

  it('a long poll in progress ends when the sandbox closes', async () => {
    const local = await startTestSandbox();
    const { cursor } = (await (await local.control('GET', '/notifications')).json()) as any;
    const waiting = local.control('GET', `/notifications/changes?since=${cursor}&wait=30`).then(
      (r) => r.status,
      () => 'closed',
    );
    await new Promise((r) => setTimeout(r, 50));
    await local.sandbox.close();
    expect([200, 'closed']).toContain(await waiting);
  });
});

describe('GET /_sandbox/notifications/{id}/rendered', () => {
  it('a text as the phone shows it: the service name first when the service says so', async () => {
    const s = await sms('07700900123');
    const r = await sb.control('GET', `/notifications/${s.json.id}/rendered`);
    expect(r.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await r.text()).toBe('Test Service: Hello A, your code is 1.');
    await sb.control('PATCH', `/services/${SERVICE_ID}`, { prefix_sms: false });
    const plain = await sms('07700900123');
    expect(await (await sb.control('GET', `/notifications/${plain.json.id}/rendered`)).text()).toBe(
      'Hello A, your code is 1.',
    );
    await sb.control('PATCH', `/services/${SERVICE_ID}`, { prefix_sms: true });
  });

  it('an email as an HTML page with its subject, markdown rendered and values escaped', async () => {
    const e = await sb.call('POST', '/v2/notifications/email', {
      body: {
        email_address: 'a@example.gov.uk',
        template_id: T.email,
        personalisation: { name: '<b>Ann</b>', items: ['passport', 'bill'], 'file link': 'x' },
      },
    });
    const r = await sb.control('GET', `/notifications/${e.json.id}/rendered`);
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await r.text();
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<title>Hello &lt;b&gt;Ann&lt;/b&gt;</title>');
    expect(html).toContain('<h2');
    expect(html).not.toContain('<b>Ann</b>');
  });

  it('a letter as its PDF once it is made; “not ready” before; a failed letter says why', async () => {
    const l = await letter();
    const first = await sb.control('GET', `/notifications/${l.json.id}/rendered`);
    if (first.status !== 200) {
      expect(first.status).toBe(409);
      expect(((await first.json()) as any).message).toContain('not ready yet');
    }
    const pdf = await eventually(
      () => sb.control('GET', `/notifications/${l.json.id}/rendered`),
      (r) => r.status === 200,
    );
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const infected = await sb.call('POST', '/v2/notifications/letter', {
      body: {
        reference: 'eicar',
        content: Buffer.from(await makeTestPdf(1, { eicar: true })).toString('base64'),
      },
    });
    await eventually(
      () => sb.control('GET', `/notifications/${infected.json.id}`).then((r) => r.json() as any),
      (n) => n.status === 'virus-scan-failed',
    );
    const failed = await sb.control('GET', `/notifications/${infected.json.id}/rendered`);
    expect(failed.status).toBe(409);
    expect(((await failed.json()) as any).message).toContain('failed the virus scan');
    const good = await sb.call('POST', '/v2/notifications/letter', {
      body: { reference: 'good', content: Buffer.from(await makeTestPdf(2)).toString('base64') },
    });
    const served = await sb.control('GET', `/notifications/${good.json.id}/rendered`);
    expect(served.status).toBe(200);
  });

  it('an unknown id is a 404', async () => {
    const r = await sb.control('GET', `/notifications/${crypto.randomUUID()}/rendered`);
    expect(r.status).toBe(404);
  });
});

describe('the inbox’s routes are guarded as every control route is', () => {
  const SECRET = `inbox-${crypto.randomUUID()}`;
  let guarded: TestSandbox;
  let paths: string[];
  beforeAll(async () => {
    guarded = await startTestSandbox({ controlSecret: SECRET, timeScale: 1000 });
    const sent = await guarded.call('POST', '/v2/notifications/email', {
      body: { email_address: 'a@example.gov.uk', template_id: T.emptyEmail, personalisation: { body: 'Hi' } },
    });
    const { cursor } = (await (await guarded.control('GET', '/notifications')).json()) as any;
    paths = [
      '/_sandbox/notifications',
      `/_sandbox/notifications/changes?since=${cursor}&wait=0`,
      `/_sandbox/notifications/${sent.json.id}`,
      `/_sandbox/notifications/${sent.json.id}/rendered`,
    ];
  });
  afterAll(() => guarded.sandbox.close());

  /** A GET with exactly these headers (fetch would set Host itself). */
  const get = (path: string, headers: Record<string, string>) =>
    new Promise<{ status: number; type: string; csp: string; text: string }>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: guarded.sandbox.port, path, headers, setHost: false },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              type: String(res.headers['content-type']),
              csp: String(res.headers['content-security-policy']),
              text,
            }),
          );
        },
      );
      req.on('error', reject);
      req.end();
    });

  it('refuses a foreign Host, a web page’s Origin or Sec-Fetch-Site, and a missing or wrong secret', async () => {
    const own = `127.0.0.1:${guarded.sandbox.port}`;
    const ok = { Host: own, [CONTROL_SECRET_HEADER]: SECRET };
    for (const path of paths) {
      expect((await get(path, ok)).status, path).toBe(200);
      for (const [headers, why] of [
        [{ ...ok, Host: `evil.example:${guarded.sandbox.port}` }, 'answers only requests addressed to it'],
        [{ ...ok, Origin: 'https://evil.example' }, 'does not answer web pages'],
        [{ ...ok, 'Sec-Fetch-Site': 'cross-site' }, 'does not answer web pages'],
        [{ Host: own }, 'needs this sandbox'],
        [{ ...ok, [CONTROL_SECRET_HEADER]: 'wrong' }, 'does not match'],
      ] as const) {
        const r = await get(path, headers);
        expect(r.status, `${path} ${JSON.stringify(headers)}`).toBe(403);
        expect(r.type).toBe('application/json');
        expect(JSON.parse(r.text).message).toContain(why);
        // A refusal never carries the secret back.
        expect(r.text).not.toContain(SECRET);
      }
    }
  });

  it('serves a rendered email under a policy that runs nothing it contains, and cannot be framed', async () => {
    const r = await get(paths[3]!, {
      Host: `localhost:${guarded.sandbox.port}`,
      [CONTROL_SECRET_HEADER]: SECRET,
    });
    expect(r.type).toBe('text/html; charset=utf-8');
    expect(r.csp).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});
