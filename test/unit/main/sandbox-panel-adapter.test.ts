/**
 * The Sandbox panel's core adapter on a fake `EmbeddedSandbox` port: what it asks the control API
 * (paths, queries, bodies), how it reads the inbox's shapes (src-sandbox/control-inbox.ts), the
 * change feed's events and back-off, refusals in the sandbox's words, and a sandbox that is off.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { methods } from '../../../src-main/contract/methods';
import { CoreEvents } from '../../../src-main/core/events';
import { silentLogger, type SandboxControlAnswer } from '../../../src-main/core/ports';
import { fakeEmbeddedSandbox, jsonAnswer, type ControlRoute } from '../../support/fake-embedded-sandbox';
import { SandboxControlApi } from '../../../src-main/core/sandbox-panel/control-api';
import { SandboxInbox } from '../../../src-main/core/sandbox-panel/inbox';
import { PanelFaults } from '../../../src-main/core/sandbox-panel/panel-faults';
import { SandboxPanelService } from '../../../src-main/core/sandbox-panel/panel-service';
import type { ProfileService } from '../../../src-main/core/profiles/profile-service';

const SERVICE = '64463fc4-02e5-43e7-b441-aac003ef740a';
const ID = 'a1b2c3d4-0000-4000-8000-00000000beef';

const json = jsonAnswer;
const fakeSandbox = (route: ControlRoute, state: 'running' | 'stopped' = 'running') =>
  fakeEmbeddedSandbox(route, state, 'it kept crashing');

const item = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  service_id: SERVICE,
  service_name: 'Demo service',
  key_type: 'test',
  api_key_name: 'my app',
  created_by_name: null,
  job: false,
  type: 'sms',
  status: 'delivered',
  api_status: 'delivered',
  to: '07700900123',
  reference: null,
  template_id: ID,
  template_name: 'Verification code',
  template_version: 2,
  subject: null,
  body_preview: 'Your code is 123',
  postage: null,
  precompiled: false,
  created_at: '2026-11-27T10:15:00.123456Z',
  sent_at: null,
  updated_at: null,
  history: [],
  ...extra,
});

describe('the inbox adapter', () => {
  it('asks for a page with the sandbox’s filter names and reads the next page’s cursor', async () => {
    const { sandbox, requests } = fakeSandbox((r) =>
      r.path === '/notifications'
        ? json(200, {
            cursor: 'c1',
            links: { next: `/_sandbox/notifications?recipient=07700900123&older_than=${ID}` },
            notifications: [item(ID)],
          })
        : json(200, { complete: true, cursor: 'c1', notifications: [], removed: [] }),
    );
    const inbox = new SandboxInbox(new SandboxControlApi(sandbox), new CoreEvents(), silentLogger);
    const page = await inbox.page({ recipient: '07700 900123', templateId: ID, type: 'sms' }, undefined, 50);
    expect(requests[0]).toMatchObject({
      method: 'GET',
      path: '/notifications',
      query: { recipient: '07700 900123', template_id: ID, type: 'sms', page_size: '50' },
    });
    expect(page.nextOlderThan).toBe(ID);
    expect(page.notifications[0]).toMatchObject({
      id: ID,
      apiKeyName: 'my app',
      templateName: 'Verification code',
      templateVersion: 2,
      status: 'delivered',
      to: '07700900123',
    });
    await inbox.close();
  });

  it('tells the window when the change feed reports something, and not for the first cursor', async () => {
    let n = 0;
    const events = new CoreEvents();
    const seen: unknown[] = [];
    events.subscribe((name, payload) => name === 'sandbox.inboxChanged' && seen.push(payload));
    const { sandbox, requests } = fakeSandbox((r) => {
      if (r.path === '/notifications') return json(200, { cursor: 'c0', links: {}, notifications: [] });
      n++;
      if (n === 1) return json(200, { complete: true, cursor: 'c1', notifications: [], removed: [] });
      if (n === 2) return json(200, { complete: true, cursor: 'c2', notifications: [item(ID)], removed: [] });
      return new Promise<SandboxControlAnswer>((_, reject) =>
        r.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
      );
    });
    const inbox = new SandboxInbox(new SandboxControlApi(sandbox), events, silentLogger);
    await inbox.page({});
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual([{ cursor: 'c2' }]);
    const changes = requests.filter((r) => r.path === '/notifications/changes');
    expect(changes[0]!.query).toEqual({ wait: '0' });
    expect(changes[1]!.query).toEqual({ since: 'c1', wait: '25' });
    expect(changes[2]!.query).toEqual({ since: 'c2', wait: '25' });
    await inbox.close();
  });

  it('backs off after a failed poll and starts again from a fresh cursor', async () => {
    const sleeps: number[] = [];
    let n = 0;
    const { sandbox, requests } = fakeSandbox((r) => {
      if (r.path === '/notifications') return json(200, { cursor: 'c0', links: {}, notifications: [] });
      n++;
      if (n <= 3) return json(503, { message: 'down', result: 'error' });
      return new Promise<SandboxControlAnswer>((_, reject) =>
        r.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
      );
    });
    const inbox = new SandboxInbox(
      new SandboxControlApi(sandbox),
      new CoreEvents(),
      silentLogger,
      async (ms) => {
        sleeps.push(ms);
      },
    );
    await inbox.page({});
    await new Promise((r) => setTimeout(r, 20));
    expect(sleeps).toEqual([1000, 2000, 4000]);
    expect(
      requests.filter((r) => r.path === '/notifications/changes').every((r) => r.query?.since === undefined),
    ).toBe(true);
    await inbox.close();
  });

  it('renders a text, an email (with its subject) and a letter, and says when a PDF is not ready', async () => {
    const answers: Record<string, SandboxControlAnswer> = {
      sms: {
        status: 200,
        contentType: 'text/plain; charset=utf-8',
        body: new TextEncoder().encode('Demo: hi'),
      },
      email: {
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: new TextEncoder().encode(
          '<html><head><title>A &amp; B</title></head><body><p>Hi</p></body></html>',
        ),
      },
      letter: { status: 200, contentType: 'application/pdf', body: new Uint8Array([37, 80, 68, 70]) },
      wait: json(409, { message: 'This letter’s PDF is not ready yet.', result: 'error' }),
    };
    let kind = 'sms';
    const { sandbox } = fakeSandbox(() => answers[kind]!);
    const inbox = new SandboxInbox(new SandboxControlApi(sandbox), new CoreEvents(), silentLogger);
    expect(await inbox.rendered(ID)).toEqual({ kind: 'sms', text: 'Demo: hi' });
    kind = 'email';
    expect(await inbox.rendered(ID)).toMatchObject({ kind: 'email', subject: 'A & B' });
    kind = 'letter';
    expect(await inbox.rendered(ID)).toEqual({ kind: 'letter', pdfBase64: 'JVBERg==' });
    kind = 'wait';
    expect(await inbox.rendered(ID)).toEqual({
      kind: 'unavailable',
      message: 'This letter’s PDF is not ready yet.',
    });
  });

  it('passes the filters on exactly as given, for any filter the contract accepts', async () => {
    const filters = methods['sandbox.inbox'].input.shape.filters.unwrap();
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            recipient: fc.string({ minLength: 1, maxLength: 40 }),
            type: fc.constantFrom('sms', 'email', 'letter'),
          },
          { requiredKeys: [] },
        ),
        async (raw) => {
          const parsed = filters.safeParse(raw);
          if (!parsed.success) return;
          const { sandbox, requests } = fakeSandbox((r) =>
            r.path === '/notifications'
              ? json(200, { cursor: 'c0', links: {}, notifications: [] })
              : new Promise<SandboxControlAnswer>((_, reject) =>
                  r.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
                ),
          );
          const inbox = new SandboxInbox(new SandboxControlApi(sandbox), new CoreEvents(), silentLogger);
          await inbox.page(parsed.data);
          await inbox.close();
          const q = requests.find((r) => r.path === '/notifications')!.query!;
          expect(q.recipient).toBe(parsed.data.recipient);
          expect(q.type).toBe(parsed.data.type);
          expect(Object.keys(q).every((k) => ['recipient', 'type'].includes(k))).toBe(true);
        },
      ),
    );
  });
});

describe('the panel without an embedded sandbox', () => {
  it('says it is off, and every change is refused as unavailable', async () => {
    const control = new SandboxControlApi(null);
    const faults = new PanelFaults(control, new CoreEvents(), silentLogger);
    const panel = new SandboxPanelService({
      control,
      sandbox: null,
      faults,
      profiles: {} as ProfileService,
      clipboard: null,
    });
    expect(await panel.overview()).toMatchObject({ state: 'off', services: [], faults: [], clock: null });
    await expect(panel.createKey({ serviceId: SERVICE, name: 'k', keyType: 'test' })).rejects.toMatchObject({
      code: 'sandbox_unavailable',
    });
  });

  it('writes the clipboard itself when the host has one, and answers no key', async () => {
    const key = `my_app-${SERVICE}-3d3c3e2a-1c1b-4e5e-8f8f-0a0b0c0d0e0f`;
    const { sandbox } = fakeSandbox(() =>
      json(200, {
        base_url: 'http://127.0.0.1:6012',
        services: [
          {
            id: SERVICE,
            name: 'Demo service',
            restricted: false,
            api_keys: [{ id: ID, name: 'my app', key_type: 'test', api_key: key, revoked: false }],
            templates: [],
          },
        ],
      }),
    );
    const written: string[] = [];
    const control = new SandboxControlApi(sandbox);
    const panel = new SandboxPanelService({
      control,
      sandbox,
      faults: new PanelFaults(control, new CoreEvents(), silentLogger),
      profiles: {} as ProfileService,
      clipboard: { writeText: (t) => void written.push(t) },
    });
    expect(await panel.copyKey(ID)).toEqual({ copied: true });
    expect(written).toEqual([key]);
  });
});

describe('the control API client', () => {
  it('says the sandbox is off, or not running, without calling it', async () => {
    await expect(new SandboxControlApi(null).info()).rejects.toMatchObject({ code: 'sandbox_unavailable' });
    const { sandbox, requests } = fakeSandbox(() => json(200, {}), 'stopped');
    await expect(new SandboxControlApi(sandbox).info()).rejects.toMatchObject({
      code: 'sandbox_unavailable',
      message: expect.stringContaining('it kept crashing'),
    });
    expect(requests).toEqual([]);
  });

  it('gives the sandbox’s own refusal, and refuses an answer of another shape', async () => {
    const { sandbox } = fakeSandbox((r) =>
      r.path === '/faults'
        ? json(400, { message: 'status: Too small', result: 'error' })
        : json(200, { nope: 1 }),
    );
    const api = new SandboxControlApi(sandbox);
    await expect(api.addFault({ kind: 'error', status: 1 })).rejects.toMatchObject({
      code: 'sandbox_refused',
      message: 'The sandbox said: status: Too small',
    });
    await expect(api.info()).rejects.toMatchObject({
      code: 'sandbox_refused',
      message: /not what this console expects/,
    });
  });
});

describe('the panel’s faults', () => {
  it('word each fault for a person', async () => {
    const base = { remaining: null, hits: 0, path_prefix: '/v2/', phase: 'before' as const };
    const active = [
      { ...base, id: 'f1', kind: 'error', status: 500 },
      { ...base, id: 'f2', kind: 'error', status: 429, remaining: 1 },
      { ...base, id: 'f3', kind: 'latency', latency_ms: 5000, method: 'POST' },
      { ...base, id: 'f4', kind: 'drop', phase: 'after' },
    ];
    const { sandbox } = fakeSandbox(() => json(200, { faults: active }));
    const faults = new PanelFaults(new SandboxControlApi(sandbox), new CoreEvents(), silentLogger);
    const summaries = (await faults.list()).map((f) => f.summary);
    expect(summaries[0]).toBe('500 Internal server error, on /v2/… requests, until removed');
    expect(summaries[1]).toBe('429 rate limit (RateLimitError), on /v2/… requests, 1 more time');
    expect(summaries[2]).toContain('Answers 5,000 ms late, on POST /v2/…');
    expect(summaries[3]).toContain('outcome is unknown');
    faults.close();
  });

  it('sets the daily limits to 0 and puts back the ones it replaced', async () => {
    const limits = { email: 10, sms: 20, letter: 30, international_sms: 5 };
    const service = (l: typeof limits) => ({
      service: {
        id: SERVICE,
        name: 'Demo service',
        restricted: false,
        rate_limit: 3000,
        limits: l,
        permissions: [],
      },
    });
    const { sandbox, requests } = fakeSandbox((r) => {
      if (r.path === '/faults') return json(200, { faults: [] });
      const body = r.body as { limits?: typeof limits };
      return json(200, service(body.limits ?? limits));
    });
    const events = new CoreEvents();
    const told: unknown[] = [];
    events.subscribe((name, payload) => name === 'sandbox.faults' && told.push(payload));
    const faults = new PanelFaults(new SandboxControlApi(sandbox), events, silentLogger);
    const on = await faults.setDailyLimitReached(SERVICE, true);
    expect(on).toMatchObject([{ id: `daily-limit:${SERVICE}`, kind: 'daily-limit', status: 429 }]);
    const off = await faults.remove(`daily-limit:${SERVICE}`);
    expect(off).toEqual([]);
    const patches = requests.filter((r) => r.method === 'PATCH').map((r) => r.body);
    expect(patches).toEqual([
      {},
      { limits: { email: 0, sms: 0, letter: 0, international_sms: 0 } },
      { limits },
    ]);
    expect(told).toHaveLength(2);
  });
});
