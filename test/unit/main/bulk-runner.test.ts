import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { batchDir } from '../../../src-main/core/bulk/batch-files';
import type { BatchProgress } from '../../../src-main/core/bulk/batch-runner';
import { openBatch } from '../../../src-main/core/bulk/batches';
import { Journal } from '../../../src-main/core/bulk/journal';
import type { BulkNotifyPort, FoundNotification, SendResult } from '../../../src-main/core/bulk/notify-port';
import type { JournalEntry } from '../../../src-main/core/bulk/row-states';
import { checkSheet, type NotificationRequest } from '../../../src-shared/spreadsheet/index';
import type { TemplateParts } from '../../../src-shared/template/index';
import { writeBatch } from '../../support/bulk-batches';

// The batch engine against an in-memory Notify whose every answer the test chooses.

const template: TemplateParts = { type: 'sms', content: 'Hi ((name))' };
const rules = { internationalSms: false, smsToUkLandlines: false, internationalLetters: false };
let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'bulk-runner-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function newBatch(rows: number, extra: (i: number) => string[] = () => []): Promise<string> {
  const headers = ['phone number', 'name', ...(extra(0).length ? ['reference'] : [])];
  const dataRows = Array.from({ length: rows }, (_v, i) => ['07723456789', `person ${i}`, ...extra(i)]);
  const check = checkSheet({ fileName: 'list.csv', headers, dataRows, template, rules });
  const created = await writeBatch({
    root,
    fileName: 'list.csv',
    profileId: 'profile-1',
    templateId: 'template-1',
    templateVersion: 1,
    template,
    check,
  });
  if (!created.ok) throw new Error(created.message);
  return created.batchId;
}

type Behaviour = (
  request: NotificationRequest,
  attempt: number,
) => SendResult | 'create-then-drop' | 'create';

/** An in-memory Notify: keeps created notifications, counts POSTs per reference. */
class FakeNotify implements BulkNotifyPort {
  readonly created: Array<{ id: string; reference: string; createdAt: string; templateId: string }> = [];
  readonly posts = new Map<string, number>();
  lookups = 0;
  failLookups = 0;
  constructor(private behaviour: Behaviour = () => 'create') {}

  async send(request: NotificationRequest): Promise<SendResult> {
    await new Promise((resolve) => setImmediate(resolve));
    const attempt = (this.posts.get(request.reference) ?? 0) + 1;
    this.posts.set(request.reference, attempt);
    const what = this.behaviour(request, attempt);
    if (what === 'create' || what === 'create-then-drop') {
      const id = `n-${this.created.length + 1}`;
      this.created.push({
        id,
        reference: request.reference,
        createdAt: new Date().toISOString(),
        templateId: 'template-1',
      });
      return what === 'create' ? { kind: 'created', id } : { kind: 'unknown', message: 'connection dropped' };
    }
    return what;
  }

  async findByReference(reference: string): Promise<FoundNotification[]> {
    this.lookups++;
    if (this.failLookups > 0) {
      this.failLookups--;
      throw new Error('lookup failed');
    }
    return this.created.filter((n) => n.reference === reference);
  }

  duplicates(): number {
    const seen = new Set<string>();
    let dups = 0;
    for (const n of this.created) {
      if (seen.has(n.reference)) dups++;
      seen.add(n.reference);
    }
    return dups;
  }
}

const fast = { ratePerMinute: null, concurrency: 4, settleMs: 5, progressIntervalMs: 0 } as const;

describe('sending a batch', () => {
  it('sends every row once and records each id', async () => {
    const id = await newBatch(50);
    const notify = new FakeNotify();
    const batch = await openBatch(root, id);
    const progress = await batch.runner.run({ ...fast, port: notify });
    expect(progress).toMatchObject({ state: 'done', total: 50, sent: 50, failed: 0, queued: 0, unknown: 0 });
    expect(notify.created).toHaveLength(50);
    expect([...notify.posts.values()].every((n) => n === 1)).toBe(true);
    const csv = batch.resultsCsv().split('\r\n');
    expect(csv[0]).toBe('row,reference,recipient,notification_id,status,reason');
    expect(csv[1]).toBe(`2,${id}-2,07723456789,n-1,sent,`);
    await batch.close();
  });

  it('looks up a row whose answer was lost, and does not send it again when Notify has it', async () => {
    const id = await newBatch(20);
    const notify = new FakeNotify((r, attempt) =>
      r.rowNumber % 5 === 0 && attempt === 1 ? 'create-then-drop' : 'create',
    );
    const batch = await openBatch(root, id);
    const progress = await batch.runner.run({ ...fast, port: notify });
    expect(progress).toMatchObject({ state: 'done', sent: 20 });
    expect(notify.duplicates()).toBe(0);
    expect(Math.max(...notify.posts.values())).toBe(1);
    expect(notify.lookups).toBe(4);
    await batch.close();
  });

  it('sends again only when the lookup finds nothing (the request never reached Notify)', async () => {
    const id = await newBatch(10);
    const lost: SendResult = { kind: 'unknown', message: 'timed out' };
    const notify = new FakeNotify((r, attempt) => (r.rowNumber === 4 && attempt === 1 ? lost : 'create'));
    const batch = await openBatch(root, id);
    await batch.runner.run({ ...fast, port: notify });
    expect(notify.posts.get(`${id}-4`)).toBe(2);
    expect(notify.created).toHaveLength(10);
    expect(notify.duplicates()).toBe(0);
    await batch.close();
  });

  it('ignores a notification with the same reference made before the row went in flight', async () => {
    const id = await newBatch(3, (i) => [`ref-${i}`]);
    const notify = new FakeNotify((r, attempt) =>
      r.reference === 'ref-1' && attempt === 1 ? { kind: 'unknown', message: 'x' } : 'create',
    );
    notify.created.push({
      id: 'old',
      reference: 'ref-1',
      createdAt: '2020-01-01T00:00:00.000000Z',
      templateId: 'template-1',
    });
    const batch = await openBatch(root, id);
    await batch.runner.run({ ...fast, port: notify });
    expect(notify.posts.get('ref-1')).toBe(2);
    expect(batch.resultsCsv()).toContain('3,ref-1,07723456789,n-4,sent');
    await batch.close();
  });

  it('retries a lookup that failed, and never sends while the outcome is open', async () => {
    const id = await newBatch(3);
    const notify = new FakeNotify((r, attempt) =>
      r.rowNumber === 2 && attempt === 1 ? 'create-then-drop' : 'create',
    );
    notify.failLookups = 2;
    const batch = await openBatch(root, id);
    await batch.runner.run({ ...fast, settleMs: 1, port: notify });
    expect(notify.lookups).toBe(3);
    expect(notify.posts.get(`${id}-2`)).toBe(1);
    expect(notify.duplicates()).toBe(0);
    await batch.close();
  }, 20_000);

  it('fails a row Notify refuses, with Notify’s error, and carries on', async () => {
    const id = await newBatch(5);
    const refused: SendResult = {
      kind: 'error',
      status: 400,
      errorClass: 'BadRequestError',
      message: "Can't send to this recipient using a team-only API key",
      retryAfterMs: null,
    };
    const notify = new FakeNotify((r) => (r.rowNumber === 3 ? refused : 'create'));
    const batch = await openBatch(root, id);
    const progress = await batch.runner.run({ ...fast, port: notify });
    expect(progress).toMatchObject({ state: 'done', sent: 4, failed: 1 });
    expect(batch.resultsCsv()).toContain(
      `3,${id}-3,07723456789,,failed,400 BadRequestError: Can't send to this recipient using a team-only API key`,
    );
    await batch.close();
  });

  it('slows down on a rate-limit 429 and sends the row again (Notify created nothing)', async () => {
    const id = await newBatch(6);
    const limited: SendResult = {
      kind: 'error',
      status: 429,
      errorClass: 'RateLimitError',
      message: 'Exceeded rate limit for key type TEST of 3000 requests per 60 seconds',
      retryAfterMs: 20,
    };
    const notify = new FakeNotify((r, attempt) => (r.rowNumber === 3 && attempt === 1 ? limited : 'create'));
    const batch = await openBatch(root, id);
    const seen: BatchProgress[] = [];
    const progress = await batch.runner.run({
      ...fast,
      ratePerMinute: 60_000,
      port: notify,
      onProgress: (p) => seen.push(p),
    });
    expect(progress).toMatchObject({ state: 'done', sent: 6 });
    expect(notify.posts.get(`${id}-3`)).toBe(2);
    // Never above the limit the 429 names (3,000), and halved below it.
    expect(seen.some((p) => p.pacePerMinute === 1_500)).toBe(true);
    await batch.close();
  });

  it('stops at a daily limit with Notify’s message, and resumes the rest later', async () => {
    const id = await newBatch(10);
    let limitReached = true;
    const daily: SendResult = {
      kind: 'error',
      status: 429,
      errorClass: 'TooManyRequestsError',
      message: 'Exceeded send limits (sms: 5) for today',
      retryAfterMs: null,
    };
    const notify: FakeNotify = new FakeNotify(() =>
      limitReached && notify.created.length >= 5 ? daily : 'create',
    );
    const batch = await openBatch(root, id);
    const stopped = await batch.runner.run({ ...fast, concurrency: 1, port: notify });
    expect(stopped).toMatchObject({
      state: 'stopped',
      message: 'Exceeded send limits (sms: 5) for today',
      sent: 5,
      queued: 5,
    });
    await batch.close();

    limitReached = false;
    const reopened = await openBatch(root, id);
    const done = await reopened.runner.run({ ...fast, port: notify });
    expect(done).toMatchObject({ state: 'done', sent: 10 });
    expect(notify.duplicates()).toBe(0);
    await reopened.close();
  });

  it('stops when the key is refused, instead of failing every row', async () => {
    const id = await newBatch(30);
    const revoked: SendResult = {
      kind: 'error',
      status: 403,
      errorClass: 'AuthError',
      message: 'Invalid token: API key revoked',
      retryAfterMs: null,
    };
    const notify = new FakeNotify(() => revoked);
    const batch = await openBatch(root, id);
    const progress = await batch.runner.run({ ...fast, port: notify });
    expect(progress).toMatchObject({
      state: 'stopped',
      message: 'Invalid token: API key revoked',
      failed: 0,
      sent: 0,
      queued: 30,
    });
    expect([...notify.posts.values()].reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(4);
    await batch.close();
  });

  it('sends again a request that never left (connection refused)', async () => {
    const id = await newBatch(3);
    const notify = new FakeNotify((r, attempt) =>
      r.rowNumber === 2 && attempt === 1 ? { kind: 'not-sent', message: 'ECONNREFUSED' } : 'create',
    );
    const batch = await openBatch(root, id);
    expect(await batch.runner.run({ ...fast, port: notify })).toMatchObject({ state: 'done', sent: 3 });
    expect(notify.posts.get(`${id}-2`)).toBe(2);
    await batch.close();
  });
});

describe('pause, resume, cancel, crash', () => {
  it('pauses between rows and resumes where it stopped', async () => {
    const id = await newBatch(40);
    const notify = new FakeNotify();
    const batch = await openBatch(root, id);
    const run = batch.runner.run({
      ...fast,
      concurrency: 2,
      port: notify,
      onProgress: (p) => p.sent >= 10 && batch.runner.pause(),
    });
    const paused = await run;
    expect(paused.state).toBe('paused');
    expect(paused.sent).toBeGreaterThanOrEqual(10);
    expect(paused.sent).toBeLessThan(40);
    const done = await batch.runner.run({ ...fast, port: notify });
    expect(done).toMatchObject({ state: 'done', sent: 40 });
    expect(notify.duplicates()).toBe(0);
    await batch.close();
  });

  it('cancel leaves queued rows unsent but still settles rows whose outcome is unknown', async () => {
    const id = await newBatch(20);
    const notify = new FakeNotify((r) => (r.rowNumber === 2 ? 'create-then-drop' : 'create'));
    const batch = await openBatch(root, id);
    const progress = await batch.runner.run({
      ...fast,
      concurrency: 1,
      settleMs: 30,
      port: notify,
      onProgress: (p) => p.unknown === 1 && batch.runner.cancel(),
    });
    expect(progress.state).toBe('cancelled');
    expect(progress.unknown).toBe(0);
    expect(batch.resultsCsv()).toContain(`2,${id}-2,07723456789,n-1,sent`);
    expect(progress.queued).toBeGreaterThan(0);
    expect(batch.resultsCsv()).toContain(',not sent,');
    await batch.close();
  });

  it('a batch cancelled while paused still settles its unknown rows when run, and sends nothing', async () => {
    const id = await newBatch(10);
    const notify = new FakeNotify((r) => (r.rowNumber === 2 ? 'create-then-drop' : 'create'));
    const batch = await openBatch(root, id);
    await batch.runner.run({
      ...fast,
      concurrency: 1,
      settleMs: 60_000,
      port: notify,
      onProgress: (p) => p.unknown === 1 && batch.runner.pause(),
    });
    batch.runner.cancel();
    const posts = notify.posts.size;
    const settled = await batch.runner.run({ ...fast, settleMs: 1, port: notify });
    expect(settled).toMatchObject({ state: 'cancelled', unknown: 0 });
    expect(notify.posts.size).toBe(posts);
    expect(batch.resultsCsv()).toContain(`2,${id}-2,07723456789,n-1,sent`);
    await batch.close();
  });

  it('after a crash, a row left in flight is looked up, not sent blindly', async () => {
    const id = await newBatch(3);
    // What a crash right after the POST leaves: "in flight" on disk, the notification at Notify.
    const notify = new FakeNotify();
    const { journal } = await Journal.open<JournalEntry>(join(batchDir(root, id), 'journal.jsonl'));
    await journal.append({ k: 'batch', at: Date.now(), state: 'running' });
    await journal.append({ k: 'flight', r: 2, at: Date.now() });
    await journal.close();
    notify.created.push({
      id: 'n-crash',
      reference: `${id}-2`,
      createdAt: new Date().toISOString(),
      templateId: 'template-1',
    });

    const batch = await openBatch(root, id);
    expect(batch.runner.progress()).toMatchObject({ unknown: 1, queued: 2 });
    const progress = await batch.runner.run({ ...fast, port: notify });
    expect(progress).toMatchObject({ state: 'done', sent: 3 });
    expect(notify.posts.has(`${id}-2`)).toBe(false);
    expect(batch.resultsCsv()).toContain(`2,${id}-2,07723456789,n-crash,sent`);
    await batch.close();
  });
});

describe('creating a batch', () => {
  // A sheet with errors never becomes a batch: bulk.create refuses it (test/integration/bulk/bulk-rpc.test.ts).
  it('refuses rows that share a reference, and writes nothing', async () => {
    const shared = checkSheet({
      fileName: 'x.csv',
      headers: ['phone number', 'name', 'reference'],
      dataRows: [
        ['07723456789', 'a', 'same'],
        ['07723456789', 'b', 'same'],
      ],
      template,
      rules,
    });
    const result = await writeBatch({
      root,
      fileName: 'x.csv',
      profileId: 'p',
      templateId: 't',
      templateVersion: 1,
      template,
      check: shared,
    });
    expect(result).toMatchObject({
      ok: false,
      message: 'Some references cannot be used: each row needs its own, of at most 1,000 characters.',
      problems: [{ rowNumber: 3, message: expect.stringMatching(/^Row 2 has the same reference/) }],
    });
    expect(await readdir(root)).toEqual([]);
  });

  it('guards the results file against formula injection', async () => {
    const id = await newBatch(1, () => ['=HYPERLINK("http://evil")']);
    const batch = await openBatch(root, id);
    await batch.runner.run({ ...fast, port: new FakeNotify() });
    expect(batch.resultsCsv()).toContain(`2,"'=HYPERLINK(""http://evil"")",07723456789,n-1,sent,`);
    await batch.close();
  });
});
