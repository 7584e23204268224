/**
 * A latency fault models a slow answer (the request is authenticated on arrival, the answer is
 * late); `slow_network` models a slow way in (the token ages before it arrives). And stopping a
 * sandbox is clean however it is asked: two close() calls at once, a close during a slow answer.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../../support/notify-token';
import { startSandbox } from '../../../src-sandbox/server';
import { SERVICE_ID, startTestSandbox, T, type TestSandbox } from '../../support/sandbox';

let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox({ timeScale: 1000 });
});
afterAll(() => sb.sandbox.close());

/** A token 29 s old: valid on arrival, stale 2.5 s later (Notify allows 30 s, in whole seconds). */
const nearlyStale = () => signToken(SERVICE_ID, sb.secrets.live, Math.floor(Date.now() / 1000) - 29);

describe('latency faults', () => {
  it('a latency fault delays the answer; the token is checked when the request arrives', async () => {
    const made = await sb.control('POST', '/faults', { kind: 'latency', latency_ms: 2500, count: 1 });
    expect(made.status).toBe(201);
    const started = Date.now();
    const r = await sb.call('GET', '/v2/templates', { token: nearlyStale() });
    expect(r.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2400);
  });

  it('a slow send exists before its 201 arrives', async () => {
    await sb.control('POST', '/faults', { kind: 'latency', latency_ms: 1000, count: 1, method: 'POST' });
    const sending = sb.call('POST', '/v2/notifications/sms', {
      body: {
        phone_number: '07700900123',
        template_id: T.sms,
        personalisation: { name: 'a', code: 1 },
        reference: 'slow-answer',
      },
    });
    await new Promise((r) => setTimeout(r, 300));
    const stored = [...sb.sandbox.ctx.store.notifications.values()].filter(
      (n) => n.reference === 'slow-answer',
    );
    expect(stored).toHaveLength(1);
    expect((await sending).status).toBe(201);
  });

  it('slow_network delays the arrival: a token that goes stale on the way is refused', async () => {
    await sb.control('POST', '/faults', { kind: 'slow_network', latency_ms: 2500, count: 1 });
    const r = await sb.call('GET', '/v2/templates', { token: nearlyStale() });
    expect(r.status).toBe(403);
    expect(r.json.errors).toEqual([
      { error: 'AuthError', message: 'Error: Your system clock must be accurate to within 30 seconds' },
    ]);
  });

  it('refuses an unknown kind, naming the kinds there are', async () => {
    const r = await sb.control('POST', '/faults', { kind: 'slow' });
    expect(r.status).toBe(400);
    expect(((await r.json()) as { message: string }).message).toContain('latency');
  });
});

describe('closing', () => {
  it('close() twice at once, with a data folder, resolves both without an error and leaves one snapshot', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sandbox-close-'));
    try {
      const sandbox = await startSandbox({ dataDir: dir, latency: 'none', onError: () => {} });
      const first = sandbox.close();
      expect(sandbox.close()).toBe(first);
      await Promise.all([first, sandbox.close()]);
      const files = await readdir(dir);
      expect(files).toContain('snapshot.jsonl');
      expect(files).not.toContain('snapshot.jsonl.tmp');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('close() during a 120 s latency fault ends at once', async () => {
    const other = await startTestSandbox();
    await other.control('POST', '/faults', { kind: 'latency', latency_ms: 120_000, count: 1 });
    const pending = other.call('GET', '/v2/templates').catch(() => 'dropped');
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    await other.sandbox.close();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await pending).toBe('dropped');
  });
});
