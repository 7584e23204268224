import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBatch } from '../../../src-main/core/bulk/batches';
import type { BulkNotifyPort, SendResult } from '../../../src-main/core/bulk/notify-port';
import { NotifyClient } from '../../../src-main/core/notify/client';
import { checkSheet } from '../../../src-shared/spreadsheet/index';
import { clientPort, writeBatch } from '../../support/bulk-batches';
import { SERVICE_ID, startTestSandbox, T, type TestKeys, type TestSandbox } from '../../support/sandbox';

// The engine against the sandbox with Notify's limits on: rate-limit 429s slow it down, a daily
// limit stops it with Notify's message until it is resumed, a row Notify refuses fails alone.

let sb: TestSandbox;
let root: string;
beforeEach(async () => {
  sb = await startTestSandbox({ limits: true });
  root = await mkdtemp(join(tmpdir(), 'bulk-limits-'));
});
afterEach(async () => {
  await sb.sandbox.close();
  await rm(root, { recursive: true, force: true });
});

const template = { type: 'sms' as const, content: 'Hello ((name)), your code is ((code)).' };
const rules = { internationalSms: true, smsToUkLandlines: false, internationalLetters: true };

async function patchService(body: unknown): Promise<void> {
  const res = await fetch(`${sb.url}/_sandbox/services/${SERVICE_ID}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
}

async function batchOf(phones: string[]): Promise<string> {
  const dataRows = phones.map((phone, i) => [phone, `person ${i}`, String(i)]);
  const check = checkSheet({
    fileName: 'x.csv',
    headers: ['phone number', 'name', 'code'],
    dataRows,
    template,
    rules,
  });
  const created = await writeBatch({
    root,
    fileName: 'x.csv',
    profileId: 'p',
    templateId: T.sms,
    templateVersion: 1,
    template,
    check,
  });
  if (!created.ok) throw new Error(created.message);
  return created.batchId;
}

/** The bulk service's port over the client, counting what Notify answered. */
function countingPort(key: keyof TestKeys): {
  port: BulkNotifyPort;
  answers: SendResult[];
  client: NotifyClient;
} {
  const client = new NotifyClient({ baseUrl: sb.url, apiKey: sb.apiKeys[key] });
  const inner = clientPort(client);
  const answers: SendResult[] = [];
  return {
    client,
    answers,
    port: {
      send: async (r) => {
        const result = await inner.send(r);
        answers.push(result);
        return result;
      },
      findByReference: (ref) => inner.findByReference(ref),
    },
  };
}

describe('within Notify’s limits', () => {
  it('stops at the daily limit with Notify’s message, and finishes when resumed', async () => {
    await patchService({ limits: { sms: 10 } });
    const id = await batchOf(Array.from({ length: 15 }, () => '07700900123'));
    const { port, client } = countingPort('live');
    const batch = await openBatch(root, id);
    const stopped = await batch.runner.run({ port, concurrency: 1 });
    expect(stopped).toMatchObject({
      state: 'stopped',
      message: 'Exceeded send limits (sms: 10) for today',
      sent: 10,
      queued: 5,
    });
    await patchService({ limits: { sms: 100 } });
    expect(await batch.runner.run({ port })).toMatchObject({ state: 'done', sent: 15, failed: 0 });
    await batch.close();
    await client.close();
  });

  it('slows down on 429 (rate limit) and still sends every row once', async () => {
    // 60 a minute: a bucket of 21, refilled one a second; the batch is set to 20 times that.
    await patchService({ rate_limit: 60 });
    const id = await batchOf(Array.from({ length: 25 }, () => '07700900123'));
    const { port, answers, client } = countingPort('test');
    const batch = await openBatch(root, id);
    const done = await batch.runner.run({ port, ratePerMinute: 1_200, concurrency: 2 });
    expect(done).toMatchObject({ state: 'done', sent: 25 });
    const limited = answers.filter((a) => a.kind === 'error' && a.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(answers.filter((a) => a.kind === 'created')).toHaveLength(25);
    await batch.close();
    await client.close();
  }, 60_000);

  it('a row Notify refuses fails with Notify’s error; the others are sent', async () => {
    // A team key may only send to team members and the guest list.
    const id = await batchOf(['07700900123', '07723456789', '07700900456']);
    const { port, client } = countingPort('team');
    const batch = await openBatch(root, id);
    expect(await batch.runner.run({ port })).toMatchObject({ state: 'done', sent: 2, failed: 1 });
    expect(batch.resultsCsv()).toContain(
      `3,${id}-3,07723456789,,failed,400 BadRequestError: Can’t send to this recipient using a team-only API key`,
    );
    await batch.close();
    await client.close();
  });
});
