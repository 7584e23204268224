import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ArchiveStore } from '../../../src-main/core/archive/archive-store';
import { ArchiveInputError } from '../../../src-main/core/archive/errors';
import { notifyClientSource } from '../../../src-main/core/archive/notify-client-source';
import { SyncEngine, type SyncProgress } from '../../../src-main/core/archive/sync-engine';
import { NotifyApiError } from '../../../src-main/core/notify/errors';
import { CoreError } from '../../../src-main/core/ports';
import {
  TestVault,
  fakeNotification,
  notificationId,
  tempArchivePath,
  removeTempArchives,
} from '../../integration/archive/support/archive-fixtures';
import { FakeNotify } from '../../integration/archive/support/fake-notify';

afterAll(removeTempArchives);

const PROFILE = { id: 'live-profile', name: 'Live' };
const stores: ArchiveStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

async function setup() {
  const vault = new TestVault();
  const store = ArchiveStore.open({ path: tempArchivePath(), vault });
  stores.push(store);
  await store.setOptIn(PROFILE.id, true);
  const sleeps: number[] = [];
  const progress: SyncProgress[] = [];
  const engine = new SyncEngine(store, {
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    onProgress: (p) => progress.push(p),
  });
  return { store, engine, sleeps, progress, vault };
}

describe('archive sync', () => {
  it('pages back from the newest to the end of what Notify holds, reporting progress and the last run', async () => {
    const { store, engine, progress } = await setup();
    const notify = new FakeNotify(600);
    const result = await engine.run(PROFILE, notify);
    expect(result.outcome).toBe('completed');
    expect(await store.count()).toBe(600);
    // 250 + 250 + 102, then an empty page. After a full page the next one starts one notification
    // back (the start of its last one's instant, which Notify's older_than would otherwise skip
    // the rest of: sync-engine.ts cursorAfterPage), so each full page re-reads one.
    expect(notify.requests).toEqual([null, notificationId(351), notificationId(102), notificationId(0)]);
    expect(result.state.lastRun).toMatchObject({
      outcome: 'completed',
      pages: 4,
      seen: 602,
      added: 600,
      error: null,
    });
    expect(result.state.run).toBeNull();
    expect(progress.filter((p) => p.phase === 'paging').map((p) => p.seen)).toEqual([250, 500, 602]);
    expect(progress.at(-1)).toMatchObject({ phase: 'finished', outcome: 'completed', seen: 602 });
    const got = await store.get(notificationId(10));
    expect(got!.record!.timeline).toEqual([
      { status: got!.status, observedAt: expect.any(String), source: 'sync' },
    ]);
  });

  it('the next run stops at what it already has', async () => {
    const { store, engine } = await setup();
    const notify = new FakeNotify(600);
    await engine.run(PROFILE, notify);
    notify.add(600, 300);
    notify.requests = [];
    const result = await engine.run(PROFILE, notify);
    expect(result.outcome).toBe('completed');
    // Page 1: 899..650; page 2: 650..401 holds 599, the last run's newest: stop there.
    expect(notify.requests).toEqual([null, notificationId(651)]);
    expect(await store.count()).toBe(900);
    expect(result.state.lastRun).toMatchObject({ pages: 2, added: 300 });
    // A full run pages everything again and refreshes statuses of older notifications.
    notify.notifications[800] = fakeNotification(99, { status: 'delivered' });
    notify.requests = [];
    expect((await engine.run(PROFILE, notify, { full: true })).outcome).toBe('completed');
    expect(notify.requests).toHaveLength(5);
    expect((await store.get(notificationId(99)))!.status).toBe('delivered');
  });

  it('waits out 429s with Retry-After, then carries on', async () => {
    const { store, engine, sleeps, progress } = await setup();
    const notify = new FakeNotify(300);
    notify.script = [
      { kind: 'rate-limited', retryAfterMs: 7000 },
      { kind: 'rate-limited', retryAfterMs: null },
    ];
    const result = await engine.run(PROFILE, notify);
    expect(result.outcome).toBe('completed');
    expect(sleeps.filter((ms) => ms !== 250)).toEqual([7000, 60_000]);
    expect(progress.filter((p) => p.phase === 'waiting-rate-limit').map((p) => p.waitMs)).toEqual([
      7000, 60_000,
    ]);
    expect(await store.count()).toBe(300);
  });

  it('gives up for now after repeated 429s and resumes where it stopped', async () => {
    const { store, engine } = await setup();
    const notify = new FakeNotify(1000);
    const first = notify.fetchPage.bind(notify);
    let calls = 0;
    notify.fetchPage = async (olderThan) => {
      calls++;
      if (calls >= 3) return { kind: 'rate-limited', retryAfterMs: 1000 };
      return first(olderThan);
    };
    const stopped = await engine.run(PROFILE, notify);
    expect(stopped.outcome).toBe('rate-limited');
    expect(stopped.error).toMatch(/rate-limiting this key/);
    expect(stopped.state.run).toMatchObject({ pages: 2, cursor: notificationId(502) });
    expect(await store.count()).toBe(499);

    notify.fetchPage = first;
    notify.requests = [];
    const resumed = await engine.run(PROFILE, notify);
    expect(resumed.outcome).toBe('completed');
    expect(notify.requests[0]).toBe(notificationId(502));
    expect(await store.count()).toBe(1000);
    expect(resumed.state.lastRun).toMatchObject({ seen: 1004, added: 1000 });
  });

  it('a failure is recorded with a message fit for the user, and the run resumes later', async () => {
    const { store, engine } = await setup();
    const notify = new FakeNotify(400);
    const real = notify.fetchPage.bind(notify);
    let n = 0;
    notify.fetchPage = async (o) => {
      if (++n === 2) throw new CoreError('notify_network', 'Notify could not be reached (connection reset).');
      return real(o);
    };
    const failed = await engine.run(PROFILE, notify);
    expect(failed).toMatchObject({
      outcome: 'failed',
      error: 'Notify could not be reached (connection reset).',
    });
    expect(failed.state.lastRun).toMatchObject({ outcome: 'failed' });
    const done = await engine.run(PROFILE, notify);
    expect(done.outcome).toBe('completed');
    expect(await store.count()).toBe(400);
    const unknown = new FakeNotify(10);
    unknown.script = [new Error('secret-key-material in a message')];
    const r = await engine.run({ id: PROFILE.id }, unknown, { full: true });
    expect(r.error).toBe('The sync stopped on an unexpected error (Error).');
  });

  it('locking the vault stops the run; it resumes after unlocking', async () => {
    const { store, engine, vault } = await setup();
    const notify = new FakeNotify(600);
    const real = notify.fetchPage.bind(notify);
    let n = 0;
    notify.fetchPage = async (o) => {
      if (++n === 2) vault.lock();
      return real(o);
    };
    const locked = await engine.run(PROFILE, notify);
    expect(locked.outcome).toBe('failed');
    expect(locked.error).toMatch(/archive is locked/);
    vault.unlock();
    expect((await store.syncState(PROFILE.id)).run).toMatchObject({ pages: 1 });
    expect((await engine.run(PROFILE, notify)).outcome).toBe('completed');
    expect(await store.count()).toBe(600);
  });

  it('a run asked for while the vault is locked fails at once, saying why', async () => {
    const { engine, vault, progress } = await setup();
    vault.lock();
    const r = await engine.run(PROFILE, new FakeNotify(10));
    expect(r.outcome).toBe('failed');
    expect(r.error).toMatch(/archive is locked because your vault is locked/);
    expect(progress.at(-1)).toMatchObject({ phase: 'finished', outcome: 'failed' });
  });

  it('skips page items that are not notifications, counting them', async () => {
    const { store, engine } = await setup();
    const notify = new FakeNotify(3);
    notify.notifications.splice(1, 0, { id: 'aaaaaaaa-0000-4000-8000-00000000ffff', type: 'pigeon' });
    const r = await engine.run(PROFILE, notify);
    expect(r.outcome).toBe('completed');
    expect(await store.count()).toBe(3);
    expect((await store.syncState(PROFILE.id)).lastRun).toMatchObject({ seen: 4, added: 3 });
  });

  it('one run at a time per profile; profiles that have not opted in are refused', async () => {
    const { engine } = await setup();
    const notify = new FakeNotify(300);
    const a = engine.run(PROFILE, notify);
    const b = engine.run(PROFILE, notify);
    expect(b).toBe(a);
    await a;
    await expect(engine.run({ id: 'nobody' }, notify)).rejects.toBeInstanceOf(ArchiveInputError);
  });

  it('cancelling stops between pages and keeps the cursor', async () => {
    const { store, engine } = await setup();
    const notify = new FakeNotify(900);
    const controller = new AbortController();
    const real = notify.fetchPage.bind(notify);
    notify.fetchPage = async (o) => {
      const page = await real(o);
      if (notify.requests.length === 2) controller.abort();
      return page;
    };
    const r = await engine.run(PROFILE, notify, { signal: controller.signal });
    expect(r.outcome).toBe('cancelled');
    expect(await store.count()).toBe(499);
    expect(r.state.run).toMatchObject({ pages: 2 });
  });

  it('the Notify client adapter asks for include_jobs and older_than, and turns a 429 into a wait', async () => {
    const calls: unknown[] = [];
    const source = notifyClientSource({
      async getNotifications(filters) {
        calls.push(filters);
        if (calls.length === 2) {
          throw new NotifyApiError(
            {
              status: 429,
              errors: [{ error: 'RateLimitError', message: 'Exceeded rate limit' }],
              app: null,
              explanation: { title: 'x', detail: 'x' } as never,
              retryAfterSeconds: 12,
              method: 'GET',
              path: '/v2/notifications',
            },
            'rate limited',
          );
        }
        return { notifications: [fakeNotification(1)] };
      },
    });
    expect(await source.fetchPage(null)).toEqual({ kind: 'page', notifications: [fakeNotification(1)] });
    expect(await source.fetchPage(notificationId(5))).toEqual({ kind: 'rate-limited', retryAfterMs: 12_000 });
    expect(calls).toEqual([{ include_jobs: true }, { include_jobs: true, older_than: notificationId(5) }]);
  });
});
