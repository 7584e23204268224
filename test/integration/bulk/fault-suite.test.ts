import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBatch } from '../../../src-main/core/bulk/batches';
import { checkSheet } from '../../../src-shared/spreadsheet/index';
import { writeBatch } from '../../support/bulk-batches';
import { startTestSandbox, T, type TestSandbox } from '../../support/sandbox';
import { blindRetries, startRecordingProxy } from './recording-proxy';

// The exactly-once fault suite (issue 11): a 5,000-row batch runs in a child process that is killed
// with SIGKILL twice mid-batch, while the sandbox drops connections (before and after doing the
// work), answers 5xx and 429, and slows down. After the last resume every row was sent exactly once
// (checked against the sandbox's own records) and no POST was retried blindly (counted per
// reference by a recording proxy in front of the sandbox).

const ROWS = 5_000;
const child = new URL('./batch-child.ts', import.meta.url).pathname;
let sb: TestSandbox;
let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;
let root: string;

beforeAll(async () => {
  sb = await startTestSandbox({ limits: false });
  proxy = await startRecordingProxy(sb.url);
  root = await mkdtemp(join(tmpdir(), 'bulk-faults-'));
});
afterAll(async () => {
  await proxy.close();
  await sb.sandbox.close();
  await rm(root, { recursive: true, force: true });
});

async function control(method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${sb.url}${path}`, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  return res.json();
}

/** The kinds of fault, each fed on its own (a request takes one use of every fault that matches it). */
const FAULTS = [
  { kind: 'drop', phase: 'after', count: 4 },
  { kind: 'drop', phase: 'before', count: 4 },
  { kind: 'error', status: 500, count: 3 },
  { kind: 'error', status: 502, count: 3 },
  { kind: 'error', status: 429, retry_after: 1, count: 2 },
  { kind: 'latency', latency_ms: 300, count: 4 },
];

/**
 * Feeds the faults one kind at a time, each 300 ms after the previous one was used up, for
 * `rounds` rounds of every kind (spread over the whole batch). Returns how many of each were fed.
 */
function feedFaults(rounds: number): { stop: () => Promise<Record<string, number>> } {
  const fed: Record<string, number> = {};
  let running = true;
  const loop = (async () => {
    for (let n = 0; running && n < rounds * FAULTS.length; n++) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const fault = FAULTS[n % FAULTS.length]!;
      await control('POST', '/_sandbox/faults', {
        ...fault,
        method: 'POST',
        path_prefix: '/v2/notifications/sms',
      });
      const name = `${fault.kind}${'phase' in fault ? `-${fault.phase}` : ''}${'status' in fault ? `-${fault.status}` : ''}`;
      fed[name] = (fed[name] ?? 0) + fault.count;
      while (running && (await control('GET', '/_sandbox/faults')).faults.length > 0) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      await control('DELETE', '/_sandbox/faults');
      return fed;
    },
  };
}

/** Runs the child until `until(sent)` says to kill it (SIGKILL), or to the end. Returns its exit. */
function runChild(
  batchId: string,
  until: ((sent: number) => boolean) | null,
  onSent: (sent: number) => void,
) {
  const proc: ChildProcess = spawn(process.execPath, ['--import', 'tsx', child, root, batchId, proxy.url], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NOTIFY_API_KEY: sb.apiKeys.test },
  });
  const lines = createInterface({ input: proc.stdout! });
  let killed = false;
  lines.on('line', (line) => {
    const progress = JSON.parse(line) as { sent: number };
    onSent(progress.sent);
    if (until && !killed && until(progress.sent)) {
      killed = true;
      proc.kill('SIGKILL');
    }
  });
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.once('exit', (code, signal) => resolve({ code, signal })),
  );
}

/** Every notification the sandbox holds for the service, paged through its API. */
async function sandboxNotifications(): Promise<Array<{ id: string; reference: string }>> {
  const all: Array<{ id: string; reference: string }> = [];
  let olderThan: string | null = null;
  for (;;) {
    const page = await sb.call('GET', `/v2/notifications${olderThan ? `?older_than=${olderThan}` : ''}`, {
      key: 'test',
    });
    const list = page.json.notifications as Array<{ id: string; reference: string }>;
    all.push(...list);
    if (list.length < 250) return all;
    olderThan = list[list.length - 1]!.id;
  }
}

describe('bulk send fault suite', () => {
  it('sends 5,000 rows exactly once through two kill -9s and dropped connections', async () => {
    const template = { type: 'sms' as const, content: 'Hello ((name)), your code is ((code)).' };
    const dataRows = Array.from({ length: ROWS }, (_v, i) => [
      '07700900123',
      `person ${i}`,
      String(100_000 + i),
    ]);
    const check = checkSheet({
      fileName: 'five-thousand.csv',
      headers: ['phone number', 'name', 'code'],
      dataRows,
      template,
      rules: { internationalSms: true, smsToUkLandlines: false, internationalLetters: true },
    });
    expect(check.sendable).toBe(true);
    const created = await writeBatch({
      root,
      fileName: 'five-thousand.csv',
      profileId: 'sandbox-test',
      templateId: T.sms,
      templateVersion: 1,
      template,
      check,
    });
    if (!created.ok) throw new Error(created.message);
    const batchId = created.batchId;

    let sent = 0;
    const track = (n: number) => {
      sent = n;
    };
    const feeder = feedFaults(8);
    const first = await runChild(batchId, (n) => n >= 1_500, track);
    const sentAtFirstKill = sent;
    const second = await runChild(batchId, (n) => n >= 3_200, track);
    const sentAtSecondKill = sent;
    const last = await runChild(batchId, null, track);
    const faultsFed = await feeder.stop();

    expect(first.signal).toBe('SIGKILL');
    expect(second.signal).toBe('SIGKILL');
    expect(last.code).toBe(0);

    // The sandbox's own records: each reference exactly once, none missing.
    const stored = await sandboxNotifications();
    const stats = await control('GET', '/_sandbox/stats');
    const perReference = new Map<string, number>();
    for (const n of stored) perReference.set(n.reference, (perReference.get(n.reference) ?? 0) + 1);
    const expected = Array.from({ length: ROWS }, (_v, i) => `${batchId}-${i + 2}`);
    const missing = expected.filter((ref) => !perReference.has(ref));
    const duplicates = [...perReference.values()].filter((n) => n > 1).length;

    // What the engine recorded agrees with the sandbox, row by row.
    const batch = await openBatch(root, batchId);
    const results = batch
      .resultsCsv()
      .trim()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(','));
    await batch.close();
    const idsByReference = new Map(stored.map((n) => [n.reference, n.id]));
    const disagreeing = results.filter(
      ([, ref, , id, status]) => status !== 'sent' || idsByReference.get(ref!) !== id,
    );

    // And the wire: no second POST for a reference unless Notify refused the first, or a lookup
    // made after the first ended found nothing.
    const blind = blindRetries(proxy.calls);
    const posts = proxy.calls.filter((c) => c.method === 'POST');
    const lookups = proxy.calls.filter((c) => c.method === 'GET');
    const resent = posts.length - new Set(posts.map((c) => c.reference)).size;

    console.log(
      JSON.stringify({
        rows: ROWS,
        killedAtSent: [sentAtFirstKill, sentAtSecondKill],
        storedNotifications: stats.notifications,
        duplicates,
        missing: missing.length,
        posts: posts.length,
        postsResentAfterEvidence: resent,
        droppedPosts: posts.filter((c) => c.status === null).length,
        answered5xx: posts.filter((c) => (c.status ?? 0) >= 500).length,
        answered429: posts.filter((c) => c.status === 429).length,
        lookups: lookups.length,
        lookupsFound: lookups.filter((c) => (c.found ?? 0) > 0).length,
        blindRetries: blind.length,
        faultsFed,
      }),
    );

    expect(stats.notifications).toBe(ROWS);
    expect(stored).toHaveLength(ROWS);
    expect(missing).toEqual([]);
    expect(duplicates).toBe(0);
    expect(disagreeing).toEqual([]);
    expect(blind).toEqual([]);
    // The faults did happen: connections dropped after the work (found by lookup) and before it.
    expect(lookups.some((c) => (c.found ?? 0) > 0)).toBe(true);
    expect(lookups.some((c) => c.found === 0)).toBe(true);
    expect(resent).toBeGreaterThan(0);
  }, 300_000);

  it('the blind-retry check itself catches a blind retry', () => {
    const call = (
      method: 'POST' | 'GET',
      startedAt: number,
      status: number | null,
      found: number | null = null,
    ) => ({
      method,
      reference: 'r',
      startedAt,
      endedAt: startedAt + 1,
      status,
      found,
    });
    expect(blindRetries([call('POST', 0, null), call('POST', 10, 201)])).toEqual([
      { reference: 'r', post: 2 },
    ]);
    expect(blindRetries([call('POST', 0, 201), call('POST', 10, 201)])).toHaveLength(1);
    expect(blindRetries([call('POST', 0, null), call('GET', 5, 200, 0), call('POST', 10, 201)])).toEqual([]);
    expect(blindRetries([call('POST', 0, null), call('GET', 5, 200, 1), call('POST', 10, 201)])).toHaveLength(
      1,
    );
    expect(blindRetries([call('POST', 0, 429), call('POST', 10, 201)])).toEqual([]);
    expect(blindRetries([call('POST', 0, 500), call('POST', 10, 201)])).toHaveLength(1);
  });
});
