/**
 * The archive end to end through the console's RPC methods, on the embedded Notify Sandbox: a text
 * sent from the console and an email sent by "another system" (a CSV job row) are archived (the
 * first by the capture hook, the second by the sync); once the sandbox's clock has moved past
 * Notify's 7 days, Notify answers 404 for both and the archive still finds them by recipient (typed
 * another way), reference and id. Then locking, a passphrase change, a restart, export, retention,
 * and a damaged file reported rather than recreated.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName } from '../../../src-main/contract/methods';
import { startConsole, type RunningConsole } from '../../../src-main/host/start-console';
import { DEMO_SERVICE_ID, DEMO_TEMPLATES } from '../../support/demo-fixture';
import { waitUntil } from '../../support/wait';

const PASSPHRASE = 'archive integration passphrase';
const NEXT_PASSPHRASE = 'archive integration passphrase 2';
const PROFILE = 'sandbox-live';

let dataDir: string;
let running: RunningConsole;
const events: { name: EventName; payload: any }[] = [];

async function start(): Promise<void> {
  running = await startConsole({
    dataDir,
    mode: 'browser',
    platform: 'linux',
    sandboxTimeScale: 500,
    tracker: { minIntervalMs: 20, maxIntervalMs: 100 },
    archive: { syncIntervalMs: 3_600_000, pageIntervalMs: 0, exportPageSize: 1 },
  });
  running.endpoint.subscribe((name, payload) => events.push({ name, payload }));
}

const call = async (method: string, input: unknown = {}): Promise<any> =>
  running.endpoint.call(method, input, { transport: 'test' });

async function ok(method: string, input: unknown = {}): Promise<any> {
  const r = await call(method, input);
  if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
  return r.value;
}

async function control(method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${running.sandboxUrl}/_sandbox/${path}`, {
    method,
    headers: {
      'X-Sandbox-Secret': running.sandbox!.controlSecret,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  expect(res.status, `${method} /_sandbox/${path}: ${text}`).toBeLessThan(300);
  return JSON.parse(text);
}

async function restart(): Promise<void> {
  await running.close();
  await start();
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'console-archive-'));
  await start();
});
afterAll(async () => {
  await running.close();
  await rm(dataDir, { recursive: true, force: true });
});

let sentId = '';
let jobId = '';

describe('the archive through the console', () => {
  it('says it needs the vault before anything else, and has no file until a profile opts in', async () => {
    const status = await ok('archive.status');
    expect(status.state).toBe('locked');
    expect(status.message).toMatch(/no passphrase yet.*Profiles screen/);
    expect((await call('archive.setOptIn', { profileId: PROFILE, optedIn: true })).error.code).toBe(
      'archive_locked',
    );
    await ok('vault.setup', { passphrase: PASSPHRASE });
    expect((await ok('archive.status')).state).toBe('off');
    expect(existsSync(join(dataDir, 'archive.sqlite'))).toBe(false);
    expect(await ok('archive.search', { recipient: '07700900789' })).toEqual({
      results: [],
      nextCursor: null,
    });
  });

  it('captures a send from the console with its personalisation and the observed timeline', async () => {
    expect(await ok('archive.setOptIn', { profileId: PROFILE, optedIn: true })).toEqual({
      profileId: PROFILE,
      optedIn: true,
    });
    const status = await ok('archive.status');
    expect(status).toMatchObject({ state: 'open', optedIn: [PROFILE], retentionMonths: 12 });
    const sent = await ok('notifications.send', {
      profileId: PROFILE,
      request: {
        type: 'sms',
        phone_number: '07700 900 789',
        template_id: DEMO_TEMPLATES.smsVerification,
        personalisation: { name: 'Amara', code: '482913' },
        reference: 'support-case-4471',
      },
    });
    sentId = sent.id;
    // The status tracker follows it to delivered; each status it reads reaches the archive.
    const archived = await waitUntil(
      () => ok('archive.get', { id: sentId }),
      (v) => v.notification?.status === 'delivered',
      { tries: 500 },
    );
    expect(archived.notification).toMatchObject({
      profileId: PROFILE,
      profileName: 'Local sandbox (live key)',
      type: 'sms',
      recipient: '07700 900 789',
      reference: 'support-case-4471',
      personalisation: { name: 'Amara', code: '482913' },
    });
    const timeline = archived.notification.timeline.map((o: any) => `${o.status}/${o.source}`);
    expect(timeline[0]).toBe('created/response');
    expect(timeline.at(-1)).toBe('delivered/poll');
    expect(archived.notification.notification.body).toContain('482913');
  });

  it('syncs what another system sent with the same key type (a CSV job row), with progress events', async () => {
    const job = await control('POST', `services/${DEMO_SERVICE_ID}/send`, {
      type: 'email',
      job: true,
      email_address: 'Row.Person@Example.gov.uk',
      template_id: DEMO_TEMPLATES.emailWelcome,
      personalisation: { name: 'Row', 'reference number': 'R-17' },
      reference: 'csv-job-row-17',
    });
    jobId = job.id;
    expect((await ok('archive.get', { id: jobId })).notification).toBeNull();
    events.length = 0;
    expect(await ok('archive.sync', { profileId: PROFILE })).toEqual({ started: [PROFILE] });
    await waitUntil(
      async () => events,
      (e) => e.some((x) => x.name === 'archive.syncProgress' && x.payload.phase === 'finished'),
      { tries: 500 },
    );
    const progress = events.filter((e) => e.name === 'archive.syncProgress').map((e) => e.payload);
    expect(progress.at(-1)).toMatchObject({ profileId: PROFILE, phase: 'finished', outcome: 'completed' });
    expect(progress.at(-1).seen).toBeGreaterThanOrEqual(2);
    const status = await ok('archive.status');
    expect(status.profiles[0]).toMatchObject({
      profileId: PROFILE,
      running: false,
      interrupted: false,
      lastRun: { outcome: 'completed', error: null },
    });
    expect((await ok('archive.get', { id: jobId })).notification).toMatchObject({
      type: 'email',
      reference: 'csv-job-row-17',
    });
  });

  it('still finds both by recipient, reference and id once Notify has forgotten them (404 after 7 days)', async () => {
    await control('POST', 'clock', { advance_seconds: 8 * 86_400 });
    for (const id of [sentId, jobId]) {
      const live = await call('notifications.get', { profileId: PROFILE, id });
      expect(live.ok).toBe(false);
      expect(live.error).toMatchObject({ code: 'notify', details: { status: 404 } });
    }
    const ids = (r: any) => r.results.map((x: any) => x.id);
    expect(ids(await ok('archive.search', { recipient: '+44 7700 900789' }))).toEqual([sentId]);
    expect(ids(await ok('archive.search', { recipient: 'row.person@example.GOV.uk' }))).toEqual([jobId]);
    expect(ids(await ok('archive.search', { reference: 'support-case-4471' }))).toEqual([sentId]);
    expect(ids(await ok('archive.search', { reference: 'csv-job-row-17' }))).toEqual([jobId]);
    expect(ids(await ok('archive.search', { id: sentId.toUpperCase().replaceAll('-', '') }))).toEqual([
      sentId,
    ]);
    expect(ids(await ok('archive.search', { type: 'email' }))).toEqual([jobId]);
    expect(ids(await ok('archive.search', { templateId: DEMO_TEMPLATES.smsVerification }))).toEqual([sentId]);
    expect(ids(await ok('archive.search', { status: ['delivered'], type: 'sms' }))).toEqual([sentId]);
    const today = new Date().toISOString().slice(0, 10);
    expect(ids(await ok('archive.search', { from: '2000-01-01', to: '2000-01-02' }))).toEqual([]);
    expect(ids(await ok('archive.search', { from: today }))).toHaveLength(2);
    // Across profiles: nothing was archived for the profile that did not opt in.
    expect(ids(await ok('archive.search', { profileId: 'sandbox-test' }))).toEqual([]);
    // Paged: one at a time, newest first, then the end.
    const first = await ok('archive.search', { limit: 1 });
    expect(first.results).toHaveLength(1);
    const second = await ok('archive.search', { limit: 1, cursor: first.nextCursor });
    expect(second.nextCursor).toBeNull();
    expect([...ids(first), ...ids(second)].sort()).toEqual([sentId, jobId].sort());
  });

  it('answers nothing secret: no API key in any archive output or event', async () => {
    const info = await control('GET', 'info');
    const secrets: string[] = info.services.flatMap((s: any) =>
      s.api_keys.flatMap((k: any) => [k.api_key, k.api_key.slice(-36)]),
    );
    const outputs = JSON.stringify([
      await ok('archive.status'),
      await ok('archive.search', {}),
      await ok('archive.get', { id: sentId }),
      await ok('archive.export', { from: '2000-01-01', to: '2100-01-01' }),
      events.filter((e) => e.name.startsWith('archive.')),
    ]);
    for (const secret of secrets) expect(outputs).not.toContain(secret);
  });

  it('locks with the vault and comes back on unlock', async () => {
    await ok('vault.lock');
    expect((await ok('archive.status')).state).toBe('locked');
    const refused = await call('archive.search', { reference: 'support-case-4471' });
    expect(refused.error).toMatchObject({ code: 'archive_locked' });
    expect(refused.error.message).toMatch(/Unlock it with your passphrase/);
    await ok('vault.unlock', { passphrase: PASSPHRASE });
    expect((await ok('archive.search', { reference: 'support-case-4471' })).results).toHaveLength(1);
  });

  it('keeps its key through a passphrase change and a restart', async () => {
    await ok('vault.changePassphrase', { current: PASSPHRASE, next: NEXT_PASSPHRASE });
    await restart();
    expect((await ok('archive.status')).state).toBe('locked');
    await ok('vault.unlock', { passphrase: NEXT_PASSPHRASE });
    const status = await ok('archive.status');
    expect(status).toMatchObject({ state: 'open', optedIn: [PROFILE] });
    expect(status.size.notifications).toBe(2);
    expect((await ok('archive.get', { id: sentId })).notification.reference).toBe('support-case-4471');
  });

  it('exports a date range to CSV a page at a time, oldest first', async () => {
    const pages: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await ok('archive.export', {
        from: '2000-01-01',
        to: '2100-01-01',
        ...(cursor ? { cursor } : {}),
      });
      pages.push(page.csv);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const lines = pages.join('').trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^id,reference,type,status,recipient,/);
    expect(lines).toHaveLength(3);
    expect(lines.slice(1).map((l) => l.slice(0, 36))).toEqual([sentId, jobId]);
    expect(lines[1]).toContain('support-case-4471');
    const backwards = await call('archive.export', { from: '2100-01-01', to: '2000-01-01' });
    expect(backwards.error).toMatchObject({ code: 'archive_input', details: { field: 'from' } });
  });

  it('applies a retention period and purges everything when asked', async () => {
    expect(await ok('archive.setRetention', { months: 1 })).toEqual({ months: 1, purged: 0 });
    expect((await ok('archive.status')).retentionMonths).toBe(1);
    expect(await ok('archive.purge', { scope: 'all' })).toEqual({ purged: 2 });
    expect((await ok('archive.status')).size.notifications).toBe(0);
  });

  it('reports a damaged file with where it was moved, across restarts, until a new archive is started', async () => {
    await running.close();
    writeFileSync(join(dataDir, 'archive.sqlite'), Buffer.from('this is not a database at all'));
    await start();
    await ok('vault.unlock', { passphrase: NEXT_PASSPHRASE });
    const status = await ok('archive.status');
    expect(status.state).toBe('damaged');
    expect(status.movedTo).toMatch(/archive\.sqlite\.damaged-/);
    expect(status.message).toContain(status.movedTo);
    expect(existsSync(status.movedTo)).toBe(true);
    expect(existsSync(join(dataDir, 'archive.sqlite'))).toBe(false);
    const refused = await call('archive.search', {});
    expect(refused.error).toMatchObject({ code: 'archive_damaged', details: { movedTo: status.movedTo } });
    // A capture does not recreate it either.
    await ok('notifications.send', {
      profileId: PROFILE,
      request: {
        type: 'sms',
        phone_number: '07700900111',
        template_id: DEMO_TEMPLATES.smsVerification,
        personalisation: { name: 'A', code: '1' },
      },
    });
    await restart();
    await ok('vault.unlock', { passphrase: NEXT_PASSPHRASE });
    expect(await ok('archive.status')).toMatchObject({ state: 'damaged', movedTo: status.movedTo });
    expect(existsSync(join(dataDir, 'archive.sqlite'))).toBe(false);
    const fresh = await ok('archive.startNew');
    expect(fresh).toMatchObject({ state: 'open', optedIn: [], movedTo: null });
    expect(readdirSync(dataDir).filter((f) => f.startsWith('archive.sqlite.damaged-'))).toHaveLength(1);
  });
});
