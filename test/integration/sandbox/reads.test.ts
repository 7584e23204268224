import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_ID, T, startTestSandbox, type TestSandbox } from '../../support/sandbox';

let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox({ limits: false });
});
afterAll(() => sb.sandbox.close());

const NOT_FOUND =
  'The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.';

describe('routing envelopes', () => {
  it('answers an unknown path with the app-level 404', async () => {
    const r = await sb.call('GET', '/v2/nope');
    expect(r.status).toBe(404);
    expect(r.json).toEqual({ message: NOT_FOUND, result: 'error' });
  });
  it('answers a wrong method with 405 and Allow', async () => {
    const r = await sb.call('DELETE', '/v2/templates');
    expect(r.status).toBe(405);
    expect(r.json).toEqual({ message: 'The method is not allowed for the requested URL.', result: 'error' });
    expect(r.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });
  it('answers POST to an unknown notification type with 404 after auth', async () => {
    const unauth = await fetch(`${sb.url}/v2/notifications/fax`, { method: 'POST' });
    expect(unauth.status).toBe(401);
    const r = await sb.call('POST', '/v2/notifications/fax', { body: {} });
    expect(r.json).toEqual({ message: NOT_FOUND, result: 'error' });
  });
  it('sends Notify’s security headers and a health check without auth', async () => {
    const r = await fetch(`${sb.url}/_status?simple=1`);
    expect((await r.json()) as any).toEqual({ status: 'ok' });
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('cache-control')).toBe('no-store, no-cache, private, must-revalidate');
  });
  it('maps a non-integer template version to the app-level 404', async () => {
    const r = await sb.call('GET', `/v2/template/${T.sms}/version/x`);
    expect(r.status).toBe(404);
    expect(r.json.result).toBe('error');
  });
});

describe('templates', () => {
  it('returns a template with placeholders in Notify’s order', async () => {
    const r = await sb.call('GET', `/v2/template/${T.email}`);
    expect(r.json).toMatchObject({
      id: T.email,
      type: 'email',
      version: 2,
      subject: 'Hello ((name))',
      name: 'Email',
      postage: null,
      letter_contact_block: null,
      personalisation: {
        name: { required: true },
        'file link': { required: true },
        items: { required: true },
      },
      created_by: 'b@example.gov.uk',
    });
    // Flask sorts keys at every level, so the placeholders arrive alphabetically.
    expect(Object.keys(r.json.personalisation)).toEqual(['file link', 'items', 'name']);
    expect(r.json.updated_at).toMatch(/Z$/);
  });
  it('returns an older version, and version 0 as the latest', async () => {
    expect((await sb.call('GET', `/v2/template/${T.email}/version/1`)).json.body).toBe('Old body ((name))');
    expect((await sb.call('GET', `/v2/template/${T.email}/version/0`)).json.version).toBe(2);
    expect((await sb.call('GET', `/v2/template/${T.email}/version/9`)).status).toBe(404);
  });
  it('includes the letter contact block’s placeholders', async () => {
    const r = await sb.call('GET', `/v2/template/${T.letter}`);
    expect(Object.keys(r.json.personalisation)).toEqual(['name', 'team']);
    expect(r.json.postage).toBe('second');
  });
  it('validates ids and hides hidden templates; archived ones are returned', async () => {
    expect((await sb.call('GET', '/v2/template/abc')).json.errors).toEqual([
      { error: 'ValidationError', message: 'id is not a valid UUID' },
    ]);
    expect((await sb.call('GET', `/v2/template/${T.hidden}`)).status).toBe(404);
    expect((await sb.call('GET', `/v2/template/${T.archived}`)).status).toBe(200);
  });
  it('lists live templates by name, filtered by type', async () => {
    const all = await sb.call('GET', '/v2/templates');
    expect(all.json.templates.map((t: { name: string }) => t.name)).toEqual([
      'Email',
      'Empty',
      'Letter',
      'Newsletter',
      'SMS',
      'SMS list',
    ]);
    const sms = await sb.call('GET', '/v2/templates?type=sms');
    expect(sms.json.templates).toHaveLength(2);
    const bad = await sb.call('GET', '/v2/templates?type=coconut');
    expect(bad.json.errors).toEqual([
      { error: 'ValidationError', message: 'type coconut is not one of [sms, email, letter]' },
    ]);
    const extra = await sb.call('GET', '/v2/templates?foo=1');
    expect(extra.json.errors[0].message).toBe('Additional properties are not allowed (foo was unexpected)');
  });
  it('previews with html for email, and reports missing personalisation', async () => {
    const r = await sb.call('POST', `/v2/template/${T.email}/preview`, {
      body: { personalisation: { name: '<b>Ann</b>', 'file link': 'x', items: 'y' } },
    });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      id: T.email,
      type: 'email',
      version: 2,
      subject: 'Hello <b>Ann</b>',
      postage: null,
    });
    expect(r.json.html).toContain('&lt;b&gt;Ann&lt;/b&gt;');
    expect(r.json.html).not.toContain('<b>');
    const missing = await sb.call('POST', `/v2/template/${T.sms}/preview`, { rawBody: '' });
    expect(missing.json.errors).toEqual([
      { error: 'BadRequestError', message: 'Missing personalisation: name, code' },
    ]);
    const sms = await sb.call('POST', `/v2/template/${T.sms}/preview`, {
      body: { personalisation: { name: 'A', code: 1 } },
    });
    expect(sms.json).toMatchObject({ html: null, subject: null, body: 'Hello A, your code is 1.' });
  });
});

describe('received text messages', () => {
  it('lists them newest first with links, and validates params', async () => {
    await fetch(`${sb.url}/_sandbox/services/${SERVICE_ID}/inbound`, {
      headers: { 'Content-Type': 'application/json' },
      method: 'POST',
      body: JSON.stringify({ user_number: '447700900222', content: 'Newest' }),
    });
    const r = await sb.call('GET', '/v2/received-text-messages');
    expect(r.json.received_text_messages.map((m: { content: string }) => m.content)).toEqual([
      'Newest',
      'Hello there',
    ]);
    expect(r.json.received_text_messages[0]).toMatchObject({
      notify_number: '07700900999',
      user_number: '447700900222',
      service_id: SERVICE_ID,
    });
    expect(r.json.links.current).toBe(`${sb.url}/v2/received-text-messages`);
    const last = r.json.received_text_messages[1].id;
    expect(r.json.links.next).toBe(`${sb.url}/v2/received-text-messages?older_than=${last}`);
    const next = await sb.call('GET', `/v2/received-text-messages?older_than=${last}`);
    expect(next.json).toEqual({
      links: { current: `${sb.url}/v2/received-text-messages` },
      received_text_messages: [],
    });
    const bad = await sb.call('GET', '/v2/received-text-messages?user_number=1');
    expect(bad.json.errors[0].message).toBe(
      'Additional properties are not allowed (user_number was unexpected)',
    );
  });
});

describe('listing notifications', () => {
  it('pages 250 at a time with links, filters, key-type scoping', async () => {
    const sends = [];
    for (let i = 0; i < 260; i++) {
      sends.push(
        sb.call('POST', '/v2/notifications/sms', {
          body: {
            phone_number: '07700900123',
            template_id: T.sms,
            personalisation: { name: 'n', code: i },
            reference: i % 2 ? 'odd' : 'even',
          },
        }),
      );
    }
    const done = await Promise.all(sends);
    expect(done.every((d) => d.status === 201)).toBe(true);
    await sb.call('POST', '/v2/notifications/sms', {
      key: 'test',
      body: { phone_number: '07700900123', template_id: T.sms, personalisation: { name: 'n', code: 1 } },
    });

    const page1 = await sb.call('GET', '/v2/notifications?template_type=sms');
    expect(page1.json.notifications).toHaveLength(250);
    const lastId = page1.json.notifications[249].id;
    expect(page1.json.links).toEqual({
      current: `${sb.url}/v2/notifications?template_type=sms`,
      next: `${sb.url}/v2/notifications?template_type=sms&older_than=${lastId}`,
    });
    const times = page1.json.notifications.map((n: { created_at: string }) => n.created_at);
    expect([...times].sort().reverse()).toEqual(times);
    const page2 = await sb.call('GET', `/v2/notifications?template_type=sms&older_than=${lastId}`);
    expect(page2.json.notifications).toHaveLength(10);
    expect(page2.json.links.next).toContain(page2.json.notifications[9].id);
    const page3 = await sb.call(
      'GET',
      `/v2/notifications?template_type=sms&older_than=${page2.json.notifications[9].id}`,
    );
    expect(page3.json.notifications).toEqual([]);
    expect(page3.json.links.next).toBeUndefined();

    const test = await sb.call('GET', '/v2/notifications', { key: 'test' });
    expect(test.json.notifications).toHaveLength(1);
    const odd = await sb.call('GET', '/v2/notifications?reference=odd');
    expect(odd.json.notifications).toHaveLength(130);
  });
  it('validates filters with one error per bad value, and expands failed', async () => {
    const bad = await sb.call(
      'GET',
      '/v2/notifications?status=elephant&status=delivered&template_type=orange&include_jobs=yes&older_than=x',
    );
    expect(bad.json.errors.map((e: { message: string }) => e.message)).toEqual([
      'status elephant is not one of [cancelled, created, sending, sent, delivered, pending, failed, technical-failure, temporary-failure, permanent-failure, pending-virus-check, validation-failed, virus-scan-failed, returned-letter, accepted, received]',
      'template_type orange is not one of [sms, email, letter]',
      'include_jobs yes is not one of [true, True]',
      'older_than is not a valid UUID',
    ]);
    const failed = await sb.call('GET', '/v2/notifications?status=failed&status=created');
    expect(failed.json.links.current).toBe(`${sb.url}/v2/notifications?status=failed&status=created`);
    const unknown = await sb.call('GET', '/v2/notifications?older_than=99999999-9999-4999-8999-999999999999');
    expect(unknown.json.notifications).toEqual([]);
  });
});
