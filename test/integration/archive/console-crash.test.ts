/**
 * A crash of the console itself during a sync: the console runs as its own process (browser mode,
 * its embedded sandbox holding a few thousand notifications sent by "another system"), a profile is
 * opted in, and the process is killed with SIGKILL at a random moment while the sync pages. The
 * archive it leaves must open sound, hold exactly the pages the sync committed (its cursor past
 * them), and after a restart and an unlock the sync must carry on from its cursor (no page read
 * twice) and end with every notification archived once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ArchiveStore } from '../../../src-main/core/archive/archive-store';
import { silentLogger } from '../../../src-main/core/ports';
import { SettingsStore } from '../../../src-main/core/store/settings-store';
import { appVersion } from '../../../src-main/host/app-version';
import { PassphraseCipher } from '../../../src-main/core/vault/passphrase-cipher';
import { DEMO_SERVICE_ID, DEMO_TEMPLATES } from '../../support/demo-fixture';
import { startConsoleProcess, type ConsoleProcess } from '../../support/console-process';
import { waitUntil } from '../../support/wait';

const PASSPHRASE = 'crash test passphrase';
const PROFILE = 'sandbox-live';
const NOTIFICATIONS = 2000;
const PAGE = 250;

const dataDir = mkdtempSync(join(tmpdir(), 'console-crash-'));
let proc: ConsoleProcess | null = null;

afterAll(async () => {
  await proc?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

function rpc(p: ConsoleProcess) {
  const url = new URL(p.url);
  const token = url.hash.replace(/^#token=/, '');
  return async (method: string, input: unknown = {}): Promise<any> => {
    const res = await fetch(`${url.origin}/rpc`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ method, input }),
    });
    const result = (await res.json()) as { ok: boolean; value?: unknown; error?: unknown };
    if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
    return result.value;
  };
}

/** What the archive holds, read the way the console would, with the console dead. */
async function inspect(): Promise<{
  count: number;
  check: string | null;
  run: any;
  cursorArchived: boolean;
}> {
  const settings = await SettingsStore.open(join(dataDir, 'settings.json'), {
    version: appVersion(),
    logger: silentLogger,
  });
  const cipher = new PassphraseCipher(settings);
  await cipher.unlock(PASSPHRASE);
  const store = ArchiveStore.open({ path: join(dataDir, 'archive.sqlite'), vault: cipher });
  try {
    let check: string | null = null;
    await store.quickCheck().catch((err: Error) => (check = err.message));
    const { run } = await store.syncState(PROFILE);
    const cursorArchived = run?.cursor ? (await store.get(run.cursor)) !== null : false;
    return { count: await store.count(), check, run, cursorArchived };
  } finally {
    store.close();
  }
}

describe('the console killed during a sync', () => {
  it('leaves a consistent archive that resumes from its cursor and ends with every notification once', async () => {
    proc = await startConsoleProcess({ dataDir });
    let call = rpc(proc);
    await call('vault.setup', { passphrase: PASSPHRASE });
    // Notifications sent by another system with the live key type (CSV job rows), 16 at a time.
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < NOTIFICATIONS) {
          const i = next++;
          const res = await fetch(`${proc!.sandboxUrl}/_sandbox/services/${DEMO_SERVICE_ID}/send`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-Sandbox-Secret': proc!.sandboxSecret },
            body: JSON.stringify({
              type: 'sms',
              job: true,
              phone_number: `07700901${String(i).padStart(3, '0').slice(-3)}`,
              template_id: DEMO_TEMPLATES.smsVerification,
              personalisation: { name: `Row ${i}`, code: String(100000 + i) },
              reference: `job-row-${i}`,
            }),
          });
          expect(res.status).toBe(201);
        }
      }),
    );

    // Opting in starts the sync; it pages 250 at a time, a quarter of a second apart.
    await call('archive.setOptIn', { profileId: PROFILE, optedIn: true });
    await waitUntil(
      () => call('archive.status'),
      (s) => (s.profiles[0]?.progress?.pages ?? 0) >= 2,
      { tries: 1000, intervalMs: 10 },
    );
    await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 500)));
    await proc.kill();
    proc = null;

    const after = await inspect();
    expect(after.check).toBeNull();
    expect(after.run, 'the interrupted run is still recorded').not.toBeNull();
    // Every committed page is there with its cursor, and nothing past it.
    // (The sync steps back to the start of an instant shared across a page boundary, so a page
    // may re-read a few notifications it already has: seen ≥ archived, never fewer.)
    expect(after.run.seen).toBe(after.run.pages * PAGE);
    expect(after.count).toBeLessThanOrEqual(after.run.seen);
    expect(after.count).toBeGreaterThan(after.run.seen - after.run.pages * 50);
    expect(after.count).toBeGreaterThanOrEqual(2 * PAGE - 1); // two pages, one row read twice
    expect(after.count).toBeLessThan(NOTIFICATIONS);
    expect(after.cursorArchived).toBe(true);
    console.log(`killed after ${after.run.pages} pages (${after.count} of ${NOTIFICATIONS} archived)`);

    proc = await startConsoleProcess({ dataDir });
    call = rpc(proc);
    expect((await call('archive.status')).state).toBe('locked');
    await call('vault.unlock', { passphrase: PASSPHRASE });
    const done = await waitUntil(
      () => call('archive.status'),
      (s) => s.profiles[0]?.lastRun?.outcome === 'completed' && !s.profiles[0].running,
      { tries: 1500, intervalMs: 20 },
    );
    expect(done.size.notifications).toBe(NOTIFICATIONS);
    // The resumed run kept its counters and carried on from its cursor: had it started again from
    // the newest, it would have read the pages before the crash a second time.
    expect(done.profiles[0].lastRun.seen).toBeGreaterThanOrEqual(NOTIFICATIONS);
    expect(done.profiles[0].lastRun.seen).toBeLessThan(NOTIFICATIONS + after.count);
    expect(done.profiles[0].interrupted).toBe(false);
    const found = await call('archive.search', { reference: 'job-row-7' });
    expect(found.results).toHaveLength(1);
    await proc.stop();
    proc = null;
  }, 180_000);
});
