import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsole, type RunningConsole } from '../../../src-main/host/start-console';
import type { MethodName } from '../../../src-main/contract/methods';
import { DEMO_TEMPLATES } from '../../support/demo-fixture';
import { waitUntil } from '../../support/wait';

// Issue 11 end to end through the RPC methods, against the embedded sandbox: a sheet with errors
// gets Notify's report and an error report; the fixed sheet is sent, its statuses are followed
// to the end and the results file says what happened to every row; failed rows go again as a
// new batch.

let core: RunningConsole;
let dataDir: string;
const events: { name: string; payload: any }[] = [];
const call = async (method: MethodName | string, input: unknown = {}) =>
  core.endpoint.call(method, input, { transport: 'test' }) as Promise<any>;
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const inspect = (csv: string, extra: Record<string, unknown> = {}) =>
  call('bulk.inspect', {
    profileId: 'sandbox-test',
    templateId: DEMO_TEMPLATES.smsVerification,
    fileName: 'reminders.csv',
    base64: b64(csv),
    ...extra,
  });

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'bulk-rpc-'));
  core = await startConsole({
    dataDir,
    mode: 'browser',
    platform: 'linux',
    sandboxTimeScale: 200,
    tracker: { minIntervalMs: 20, maxIntervalMs: 100 },
    bulkSettleMs: 200,
  });
  core.endpoint.subscribe((name, payload) => events.push({ name, payload }));
});
afterAll(async () => {
  await core.close();
  await rm(dataDir, { recursive: true, force: true });
});

const WITH_ERRORS = [
  'phone number,name,code',
  '07700900123,Ann,111',
  '12345,Bob,222',
  '07700900456,Cat,',
  '07700900789,Dan,444',
].join('\n');

const FIXED = [
  'phone number,name,code',
  '07700900123,Ann,111',
  '07700900002,Bob,222', // Notify's test number for a permanent failure
  '07700900456,Cat,333',
  '07700900789,Dan,444',
].join('\n');

describe('bulk send through the RPC methods', () => {
  it('reports a sheet with errors as Notify does, with a downloadable error report, and sends nothing', async () => {
    const r = await inspect(WITH_ERRORS);
    expect(r.ok).toBe(true);
    const v = r.value;
    expect(v.fileError).toBeNull();
    expect(v.banner).toBeNull();
    expect(v.sendable).toBe(false);
    expect(v.rowErrors.title).toBe('There are some problems with reminders.csv');
    expect(v.rowErrors.lines.join(' ')).toMatch(/fix 1 phone number/);
    expect(v.rowErrors.lines.join(' ')).toMatch(/enter missing data in 1 row/);
    // Only rows with errors are on show, each with Notify's message for its cell.
    expect(v.rows.map((row: any) => row.row)).toEqual([3, 4]);
    expect(v.rows[0].cellErrors).toEqual([{ column: 'phone number', message: 'Mobile number is too short' }]);
    expect(v.rows[1].cellErrors).toEqual([{ column: 'code', message: 'Missing' }]);
    expect(v.footer).toBe('Only showing the first 2 rows with errors');
    expect(v.hasErrorReport).toBe(true);

    const report = await call('bulk.errorReport', { inspectionId: v.inspectionId });
    expect(report.value.fileName).toBe('reminders-errors.csv');
    expect(report.value.csv.split('\r\n')).toEqual([
      'row,errors,phone number,name,code',
      '3,phone number: Mobile number is too short,12345,Bob,222',
      '4,code: Missing,07700900456,Cat,',
      '',
    ]);
    const created = await call('bulk.create', { inspectionId: v.inspectionId });
    expect(created).toMatchObject({ ok: false, error: { code: 'not-applicable' } });
    expect((await call('bulk.list')).value.batches).toEqual([]);
  });

  it('lists rows that share a reference, and makes no batch of them', async () => {
    const r = await inspect(
      ['phone number,name,code,reference', '07700900123,Ann,111,case-1', '07700900456,Bob,222,case-1'].join(
        '\n',
      ),
    );
    const v = r.value;
    expect(v.fileError).toBeNull();
    expect(v.referenceProblems).toEqual([
      { row: 3, message: expect.stringMatching(/^Row 2 has the same reference/) },
    ]);
    expect(v.sendable).toBe(false);
    const created = await call('bulk.create', { inspectionId: v.inspectionId });
    expect(created).toMatchObject({ ok: false, error: { code: 'not-applicable' } });
    expect((await call('bulk.list')).value.batches).toEqual([]);
  });

  it('sends the fixed sheet, follows every status to the end and exports the results', async () => {
    const r = await inspect(FIXED);
    const v = r.value;
    expect(v.sendable).toBe(true);
    expect(v.totals).toMatchObject({ rows: 4, sendable: 4, fragments: 4, international: 0 });
    expect(v.totals.costInPounds).toBeGreaterThan(0);
    // Each row as it will be sent: the template filled with the row's values.
    expect(v.rows[0].preview.body).toBe(
      'Hello Ann, your verification code is 111. It expires in 10 minutes.',
    );
    expect(v.hasErrorReport).toBe(false);

    const created = await call('bulk.create', { inspectionId: v.inspectionId, ratePerMinute: 600 });
    expect(created.value).toMatchObject({
      state: 'ready',
      ratePerMinute: 600,
      counts: { total: 4, queued: 4 },
    });
    const { batchId } = created.value;
    // The batch lives in the data folder, and the inspection is used up.
    expect(await readdir(join(dataDir, 'bulk', batchId))).toEqual(
      expect.arrayContaining(['manifest.json', 'rows.jsonl', 'settings.json']),
    );
    expect((await call('bulk.create', { inspectionId: v.inspectionId })).error.code).toBe('not-found');

    const started = await call('bulk.start', { batchId });
    expect(started.value.state).toBe('running');
    const done = await waitUntil(
      () => call('bulk.get', { batchId }),
      (g) => g.value.state === 'done' && !g.value.deliveries.tracking && g.value.deliveries.pending === 0,
      { tries: 500, intervalMs: 20 },
    );
    expect(done.value.counts).toMatchObject({ sent: 4, failed: 0, queued: 0, unknown: 0 });
    expect(done.value.deliveries).toMatchObject({ delivered: 3, failed: 1, pending: 0 });
    expect(done.value.deliveries.failures).toEqual([
      expect.objectContaining({ status: 'permanent-failure', count: 1 }),
    ]);
    expect(done.value.deliveries.failures[0].explanation.title).toBeTruthy();
    expect(done.value.failedRows).toBe(1);
    // Progress went out as events while it ran.
    expect(events.some((e) => e.name === 'bulk.updated' && e.payload.batchId === batchId)).toBe(true);

    const page = await call('bulk.rows', { batchId, offset: 0, limit: 10, filter: 'failed' });
    expect(page.value.total).toBe(1);
    expect(page.value.rows[0]).toMatchObject({
      row: 3,
      recipient: '07700900002',
      status: 'permanent-failure',
    });

    const results = await call('bulk.results', { batchId });
    expect(results.value.fileName).toBe('reminders-results.csv');
    const lines = results.value.csv.trim().split('\r\n');
    expect(lines[0]).toBe('row,reference,recipient,notification_id,status,reason');
    expect(lines).toHaveLength(5);
    for (const line of lines.slice(1))
      expect(line).toMatch(/^\d,[^,]+,\d+,[0-9a-f-]{36},(delivered|permanent-failure),/);
    expect(lines[2]).toMatch(/permanent-failure,.+/);

    // The sandbox has each row once, by its reference.
    const sb = (await fetch(`${core.sandboxUrl}/_sandbox/notifications`, {
      headers: { 'X-Sandbox-Secret': core.sandbox!.controlSecret },
    }).then((res) => res.json())) as {
      notifications: Array<{ reference: string }>;
    };
    const refs = (sb.notifications as Array<{ reference: string }>).map((n) => n.reference);
    for (let row = 2; row <= 5; row++) expect(refs.filter((x) => x === `${batchId}-${row}`)).toHaveLength(1);

    // Failed rows go again as a new batch, not started until asked.
    const resend = await call('bulk.resendFailed', { batchId });
    expect(resend.value).toMatchObject({ state: 'ready', resendOf: batchId, counts: { total: 1 } });
    const resentRows = await call('bulk.rows', { batchId: resend.value.batchId, offset: 0, limit: 10 });
    expect(resentRows.value.rows[0]).toMatchObject({ row: 3, recipient: '07700900002', state: 'queued' });
    expect(resentRows.value.rows[0].reference).not.toBe(`${batchId}-3`);
    const list = await call('bulk.list');
    expect(list.value.batches.map((b: any) => b.batchId)).toEqual(
      expect.arrayContaining([batchId, resend.value.batchId]),
    );
  });

  it('pauses, resumes and cancels; a live key needs the live-send confirmation', async () => {
    const rows = Array.from({ length: 40 }, (_v, i) => `07700900${String(100 + i)},P${i},${i}`);
    const v = (await inspect(['phone number,name,code', ...rows].join('\n'), { profileId: 'sandbox-live' }))
      .value;
    expect(v.keyType).toBe('live');
    const { batchId } = (await call('bulk.create', { inspectionId: v.inspectionId, ratePerMinute: 120 }))
      .value;
    const refused = await call('bulk.start', { batchId });
    expect(refused.error).toMatchObject({
      code: 'not-applicable',
      message: expect.stringMatching(/live key/),
    });
    expect((await call('bulk.get', { batchId })).value.counts.sent).toBe(0);

    expect((await call('bulk.start', { batchId, liveConfirmed: true })).value.state).toBe('running');
    await waitUntil(
      () => call('bulk.get', { batchId }),
      (g) => g.value.counts.sent >= 2,
    );
    const paused = await call('bulk.pause', { batchId });
    expect(paused.value.state).toBe('paused');
    const at = (
      await waitUntil(
        () => call('bulk.get', { batchId }),
        (g) => g.value.counts.inFlight === 0,
      )
    ).value.counts.sent;
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await call('bulk.get', { batchId })).value.counts.sent).toBe(at);
    expect((await call('bulk.resume', { batchId })).error.code).toBe('not-applicable');
    expect((await call('bulk.resume', { batchId, liveConfirmed: true })).value.state).toBe('running');
    await waitUntil(
      () => call('bulk.get', { batchId }),
      (g) => g.value.counts.sent > at,
    );
    const cancelled = await call('bulk.cancel', { batchId });
    expect(cancelled.value.state).toBe('cancelled');
    const end = await waitUntil(
      () => call('bulk.get', { batchId }),
      (g) => g.value.counts.inFlight === 0 && g.value.counts.unknown === 0,
    );
    expect(end.value.counts.queued).toBeGreaterThan(0);
    expect(end.value.counts.sent + end.value.counts.queued).toBe(40);
  });

  it('gives Notify’s upload-form messages for files it cannot read', async () => {
    const latin1 = Buffer.from('phone number,name,code\n07700900123,Zo\xeb,1\n', 'latin1').toString('base64');
    const r = await call('bulk.inspect', {
      profileId: 'sandbox-test',
      templateId: DEMO_TEMPLATES.smsVerification,
      fileName: 'latin.csv',
      base64: latin1,
    });
    expect(r.value.fileError).toEqual({
      message: 'Notify cannot read this file - try using a different file type',
      suggestedEncoding: 'windows-1252',
    });
    const again = await call('bulk.inspect', {
      profileId: 'sandbox-test',
      templateId: DEMO_TEMPLATES.smsVerification,
      fileName: 'latin.csv',
      base64: latin1,
      encoding: 'windows-1252',
    });
    expect(again.value.fileError).toBeNull();
    expect(again.value.rows[0].cells).toEqual(['07700900123', 'Zoë', '1']);
    const odd = await inspect('a,b', { fileName: 'notes.txt' });
    expect(odd.value.fileError.message).toBe('The file must be a spreadsheet that Notify can read');
    const empty = await inspect('phone number,name,code\n');
    expect(empty.value.banner.kind).toBe('no-rows');
  });
});
