import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TEMPLATES } from '../../support/demo-fixture';
import { waitUntil } from '../../support/wait';

// Crash safety of bulk send in the console itself: the console process (core, embedded sandbox
// and all) is killed with SIGKILL while a batch is sending, then started again on the same data
// folder. The batch shows as interrupted, resumes when asked, and the sandbox's own records hold
// every row exactly once.

interface Child {
  process: ChildProcess;
  sandboxUrl: string;
  /** The embedded sandbox's control secret (`X-Sandbox-Secret`). */
  sandboxSecret: string;
  call(method: string, input?: unknown): Promise<any>;
}

/** Rows of the batch; numbers 07700900300–599 avoid Notify's smoke-test numbers, which are not stored. */
const ROWS = 300;
let dataDir: string;
const children: ChildProcess[] = [];

async function startChild(): Promise<Child> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'support', 'console-child.ts'), dataDir],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  children.push(child);
  const pending = new Map<number, (result: unknown) => void>();
  let next = 1;
  const lines = createInterface({ input: child.stdout! });
  const first = new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the console exited with ${code}`)));
  });
  const { sandboxUrl, sandboxSecret } = JSON.parse(await first) as {
    sandboxUrl: string;
    sandboxSecret: string;
  };
  lines.on('line', (line) => {
    const { id, result } = JSON.parse(line) as { id: number; result: unknown };
    pending.get(id)?.(result);
    pending.delete(id);
  });
  return {
    process: child,
    sandboxUrl,
    sandboxSecret,
    call: (method, input = {}) =>
      new Promise((resolve) => {
        const id = next++;
        pending.set(id, resolve);
        child.stdin!.write(`${JSON.stringify({ id, method, input })}\n`);
      }),
  };
}

function kill9(child: Child): Promise<void> {
  return new Promise((resolve) => {
    child.process.once('exit', () => resolve());
    child.process.kill('SIGKILL');
  });
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'bulk-crash-'));
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

describe('a bulk send survives kill -9 of the console', () => {
  it('shows the batch interrupted after the restart, resumes it, and sends every row exactly once', async () => {
    const first = await startChild();
    const csv = [
      'phone number,name,code',
      ...Array.from({ length: ROWS }, (_v, i) => `07700900${String(i + 300)},P${i},${i}`),
    ].join('\n');
    const inspected = await first.call('bulk.inspect', {
      profileId: 'sandbox-test',
      templateId: DEMO_TEMPLATES.smsVerification,
      fileName: 'crash.csv',
      base64: Buffer.from(csv).toString('base64'),
    });
    expect(inspected.value.sendable).toBe(true);
    const created = await first.call('bulk.create', {
      inspectionId: inspected.value.inspectionId,
      ratePerMinute: 3000,
    });
    const { batchId } = created.value;
    expect((await first.call('bulk.start', { batchId })).value.state).toBe('running');
    // Mid-batch: some rows sent, most still to go.
    const before = await waitUntil(
      () => first.call('bulk.get', { batchId }),
      (g) => g.value.counts.sent >= 40,
      { tries: 600, intervalMs: 10 },
    );
    expect(before.value.counts.sent).toBeLessThan(ROWS);
    await kill9(first);

    const second = await startChild();
    const reopened = await second.call('bulk.get', { batchId });
    expect(reopened.value.state).toBe('interrupted');
    expect(reopened.value.counts.sent).toBeGreaterThanOrEqual(before.value.counts.sent);
    const listed = await second.call('bulk.list');
    expect(listed.value.batches.map((b: any) => [b.batchId, b.state])).toEqual([[batchId, 'interrupted']]);

    expect((await second.call('bulk.resume', { batchId })).value.state).toBe('running');
    const done = await waitUntil(
      () => second.call('bulk.get', { batchId }),
      (g) => g.value.state === 'done',
      { tries: 1500, intervalMs: 20 },
    );
    expect(done.value.counts).toMatchObject({ total: ROWS, sent: ROWS, failed: 0, unknown: 0 });

    // Counted on the sandbox side: each row's reference exactly once, none missing.
    const listedBySandbox = (await fetch(`${second.sandboxUrl}/_sandbox/notifications?page_size=1000`, {
      headers: { 'X-Sandbox-Secret': second.sandboxSecret },
    }).then((r) => r.json())) as {
      notifications: Array<{ reference: string }>;
    };
    const perReference = new Map<string, number>();
    for (const n of listedBySandbox.notifications) {
      perReference.set(n.reference, (perReference.get(n.reference) ?? 0) + 1);
    }
    const counts = Array.from({ length: ROWS }, (_v, i) => perReference.get(`${batchId}-${i + 2}`) ?? 0);
    expect(counts.filter((c) => c === 0)).toHaveLength(0);
    expect(counts.filter((c) => c > 1)).toHaveLength(0);
    expect([...perReference.keys()].filter((r) => r.startsWith(batchId))).toHaveLength(ROWS);
    await kill9(second);
  }, 120_000);
});
