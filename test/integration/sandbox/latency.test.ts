/**
 * Realistic response times as a client sees them: each route's answers, sampled with a fixed seed,
 * take the time docs/sandbox.md documents for it; `--latency none` answers at once; the setting comes
 * from the option, the fixture, the CLI or the control API, and a reset starts the streams again.
 *
 * Timings here are lower bounds and quantiles of many answers against the documented figures (with
 * room for the sandbox's own work on a busy machine), never a single request's duration.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestPdf } from '../../../src-sandbox/letters/test-pdf';
import type { LatencyRoute } from '../../../src-sandbox/latency';
import { startSandbox } from '../../../src-sandbox/server';
import {
  controlFetch,
  eventually,
  startTestSandbox,
  T,
  testFixture,
  type TestSandbox,
} from '../../support/sandbox';

const SAMPLES = 80;
const CONCURRENCY = 16;

type Call = (sb: TestSandbox, i: number) => Promise<{ status: number }>;

let sb: TestSandbox;
let pdfBase64: string;
let letterId: string;
let notificationId: string;
let unsubscribePath: string;

beforeAll(async () => {
  sb = await startTestSandbox({ latency: { mode: 'realistic', seed: 14 }, limits: false });
  pdfBase64 = Buffer.from(await makeTestPdf(1)).toString('base64');
  const letter = await sb.call('POST', '/v2/notifications/letter', {
    body: { reference: 'pdf', content: pdfBase64 },
  });
  letterId = letter.json.id;
  const sms = await sb.call('POST', '/v2/notifications/sms', {
    body: { phone_number: '07700900123', template_id: T.sms, personalisation: { name: 'A', code: '1' } },
  });
  notificationId = sms.json.id;
  const news = await sb.call('POST', '/v2/notifications/email', {
    body: { email_address: 'a@example.gov.uk', template_id: T.emailUnsub, personalisation: { name: 'A' } },
  });
  const got = await sb.call('GET', `/v2/notifications/${news.json.id}`);
  unsubscribePath = new URL(got.json.one_click_unsubscribe_url).pathname;
  await eventually(
    () => sb.call('GET', `/v2/notifications/${letterId}/pdf`),
    (r) => r.status === 200,
  );
}, 60_000);
afterAll(() => sb?.sandbox.close());

const CALLS: Record<LatencyRoute, Call> = {
  post_sms: (s, i) =>
    s.call('POST', '/v2/notifications/sms', {
      body: { phone_number: '07700900123', template_id: T.sms, personalisation: { name: 'A', code: `${i}` } },
    }),
  post_email: (s) =>
    s.call('POST', '/v2/notifications/email', {
      body: { email_address: 'a@example.gov.uk', template_id: T.emailUnsub, personalisation: { name: 'A' } },
    }),
  post_email_with_file: (s) =>
    s.call('POST', '/v2/notifications/email', {
      body: {
        email_address: 'a@example.gov.uk',
        template_id: T.email,
        personalisation: { name: 'A', items: [], 'file link': { file: 'YQ==', filename: 'a.txt' } },
      },
    }),
  post_letter: (s) =>
    s.call('POST', '/v2/notifications/letter', {
      body: {
        template_id: T.letter,
        personalisation: {
          name: 'A',
          team: 'B',
          address_line_1: 'A Person',
          address_line_2: '1 Street',
          postcode: 'SW1A 1AA',
        },
      },
    }),
  post_precompiled_letter: (s, i) =>
    s.call('POST', '/v2/notifications/letter', { body: { reference: `r${i}`, content: pdfBase64 } }),
  get_notification: (s) => s.call('GET', `/v2/notifications/${notificationId}`),
  get_notifications: (s) => s.call('GET', '/v2/notifications?template_type=sms'),
  get_pdf: (s) => s.call('GET', `/v2/notifications/${letterId}/pdf`),
  get_template: (s) => s.call('GET', `/v2/template/${T.sms}`),
  get_templates: (s) => s.call('GET', '/v2/templates'),
  post_template_preview: (s) =>
    s.call('POST', `/v2/template/${T.sms}/preview`, { body: { personalisation: { name: 'A', code: '1' } } }),
  get_received_texts: (s) => s.call('GET', '/v2/received-text-messages'),
  status: (s) => s.call('GET', '/_status'),
  unsubscribe: (s) => fetch(`${s.url}${unsubscribePath}`, { method: 'POST' }),
  error: (s) => s.call('GET', '/v2/notifications/not-a-uuid'),
};

const EXPECTED_STATUS: Partial<Record<LatencyRoute, number>> = {
  post_sms: 201,
  post_email: 201,
  post_email_with_file: 201,
  post_letter: 201,
  post_precompiled_letter: 201,
  error: 400,
};

/** Client-side durations of `n` calls, `CONCURRENCY` at a time, sorted. */
async function timed(call: Call, n: number): Promise<{ ms: number[]; statuses: Set<number> }> {
  const ms: number[] = [];
  const statuses = new Set<number>();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < n) {
        const i = next++;
        const t0 = performance.now();
        const r = await call(sb, i);
        ms.push(performance.now() - t0);
        statuses.add(r.status);
      }
    }),
  );
  return { ms: ms.sort((a, b) => a - b), statuses };
}

const q = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

describe('realistic response times (the default), sampled with seed 14', () => {
  it.each(Object.keys(CALLS) as LatencyRoute[])(
    '%s answers in its documented range',
    async (route) => {
      await sb.control('POST', '/latency', { mode: 'realistic', seed: 14 }); // fresh streams
      const { ms, statuses } = await timed(CALLS[route], SAMPLES);
      expect([...statuses]).toEqual([EXPECTED_STATUS[route] ?? 200]);
      // The delays the sandbox added to this route's answers have its documented median and p95.
      const latency = (await (await sb.control('GET', '/latency')).json()) as any;
      const row = latency.routes.find((r: any) => r.route === route);
      // The route's figures as the sandbox reports them (test/unit/sandbox/latency.test.ts holds them
      // to the documented ones).
      const figure = { medianMs: row.median_ms as number, p95Ms: row.p95_ms as number };
      expect(row.requests).toBe(SAMPLES);
      expect(row.recent_median_ms).toBeGreaterThanOrEqual(figure.medianMs * 0.8);
      expect(row.recent_median_ms).toBeLessThanOrEqual(figure.medianMs * 1.2);
      expect(row.recent_p95_ms).toBeGreaterThanOrEqual(figure.p95Ms * 0.7);
      expect(row.recent_p95_ms).toBeLessThanOrEqual(figure.p95Ms * 1.35);
      // No other route was charged for them.
      const others = latency.routes.filter((r: any) => r.route !== route && r.requests > 0);
      expect(others.map((r: any) => r.route)).toEqual([]);
      // And the client really waited: every answer took at least the model's floor, and the median
      // answer at least the delays' median (lower bounds only: a busy machine only adds time).
      expect(ms[0]).toBeGreaterThanOrEqual(figure.medianMs / 4 - 1);
      expect(q(ms, 0.5)).toBeGreaterThanOrEqual(row.recent_median_ms - 1);
    },
    60_000,
  );
});

describe('the setting', () => {
  it('the control API turns it off and on; a seed gives the same delays again; a reset restores the start', async () => {
    const local = await startTestSandbox({ latency: 'realistic' });
    try {
      const set = async (body: unknown) =>
        (await (await local.control('POST', '/latency', body)).json()) as any;
      expect((await set({ mode: 'none' })).mode).toBe('none');
      const send = () =>
        local.call('POST', '/v2/notifications/sms', {
          body: {
            phone_number: '07700900123',
            template_id: T.sms,
            personalisation: { name: 'A', code: '1' },
          },
        });
      await send();
      const added = async () =>
        ((await (await local.control('GET', '/latency')).json()) as any).routes.find(
          (r: any) => r.route === 'post_sms',
        );
      expect(await added()).toMatchObject({ requests: 0, added_ms: 0 });
      await set({ mode: 'realistic', seed: 99 });
      for (let i = 0; i < 5; i++) await send();
      const first = (await added()).added_ms;
      expect(first).toBeGreaterThan(0);
      await set({ seed: 99 });
      for (let i = 0; i < 5; i++) await send();
      expect((await added()).added_ms).toBe(first);
      await set({ mode: 'none' });
      await local.control('POST', '/reset', {});
      expect(await (await local.control('GET', '/latency')).json()).toMatchObject({
        mode: 'realistic',
        seed: 14,
      });
    } finally {
      await local.sandbox.close();
    }
  });

  it('refuses a bad setting with the field to fix, and never answers 5xx to any body', async () => {
    const local = await startTestSandbox();
    try {
      for (const [body, word] of [
        [{ mode: 'fast' }, 'mode'],
        [{}, 'give a mode'],
        [{ seed: -1 }, 'seed'],
        [{ mode: 'none', extra: 1 }, 'extra'],
      ] as const) {
        const r = await local.control('POST', '/latency', body);
        expect(r.status).toBe(400);
        expect(((await r.json()) as any).message).toContain(word);
      }
      await fc.assert(
        fc.asyncProperty(fc.jsonValue(), async (body) => {
          const r = await local.control('POST', '/latency', body);
          expect([200, 400]).toContain(r.status);
        }),
        { numRuns: 60 },
      );
    } finally {
      await local.sandbox.close();
    }
  });

  it('a fixture sets it (and faults); the option wins over the fixture; a bad one is refused', async () => {
    const { fixture } = testFixture();
    const quiet = await startSandbox({
      fixture: {
        ...fixture,
        latency: 'none',
        faults: [{ kind: 'error', status: 503, path_prefix: '/_status' }],
      },
      onError: () => {},
    });
    try {
      expect(quiet.latency.mode).toBe('none');
      expect((await fetch(`${quiet.url}/_status`)).status).toBe(503);
      await controlFetch(quiet.url, 'DELETE', '/faults');
      expect((await fetch(`${quiet.url}/_status`)).status).toBe(200);
      // A reset brings the fixture's faults back.
      await controlFetch(quiet.url, 'POST', '/reset', {});
      expect((await fetch(`${quiet.url}/_status`)).status).toBe(503);
    } finally {
      await quiet.close();
    }
    const overridden = await startSandbox({
      fixture: { ...fixture, latency: { mode: 'none' } },
      latency: { mode: 'realistic', seed: 3 },
      onError: () => {},
    });
    expect([overridden.latency.mode, overridden.latency.seed]).toEqual(['realistic', 3]);
    await overridden.close();
    await expect(startSandbox({ fixture: { ...fixture, latency: 'fast' } })).rejects.toThrow(/latency/);
    await expect(startSandbox({ fixture: { ...fixture, faults: [{ kind: 'explode' }] } })).rejects.toThrow(
      /faults\.0\.kind/,
    );
  });
});

describe('npm run sandbox -- --latency none', () => {
  it('answers at once: no delay is added, and precompiled letters come back faster than the realistic floor', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src-sandbox/cli.ts', '--port', '0', '--json', '--latency', 'none'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const line = await new Promise<string>((resolve) =>
        createInterface({ input: child.stdout! }).once('line', resolve),
      );
      const info = JSON.parse(line);
      const base: string = info.base_url;
      const service = info.services[0];
      const key: string = service.api_keys.find((k: any) => k.key_type === 'test').api_key;
      const { NotifyClient } = await import('notifications-node-client');
      const client = new NotifyClient(base, key);
      const ms: number[] = [];
      for (let i = 0; i < 15; i++) {
        const t0 = performance.now();
        await client.sendPrecompiledLetter(`r${i}`, Buffer.from(pdfBase64, 'base64'));
        ms.push(performance.now() - t0);
      }
      const latency = (await (await controlFetch(base, 'GET', '/latency')).json()) as any;
      expect(latency.mode).toBe('none');
      expect(latency.routes.every((r: any) => r.added_ms === 0 && r.requests === 0)).toBe(true);
      ms.sort((a, b) => a - b);
      // The realistic model's floor for a precompiled letter: a quarter of its 420 ms median.
      expect(q(ms, 0.5)).toBeLessThan(420 / 4);
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('refuses an unknown mode or seed with exit code 2', async () => {
    for (const args of [
      ['--latency', 'fast'],
      ['--latency-seed', 'x'],
    ]) {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'src-sandbox/cli.ts', '--port', '0', ...args],
        {
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).toBe(2);
      expect(stderr).toMatch(/--latency/);
    }
  });
});
