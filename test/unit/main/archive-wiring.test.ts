/**
 * The archive's wiring into the console, piece by piece: the capture hook on the Notify access
 * layer, the data key's re-wrap on a passphrase change (including a crash between the vault's
 * write and the archive's, a failed vault write, a change made while locked, and an archive whose
 * key is not this vault's), and the scheduler stopping a sync when the vault locks and resuming it
 * on unlock.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ArchiveFile } from '../../../src-main/core/archive/archive-file';
import { ArchiveStore } from '../../../src-main/core/archive/archive-store';
import { capturingAccess, type CaptureSink } from '../../../src-main/core/archive/capture-access';
import { rekeyingCipher, type RewrapTarget } from '../../../src-main/core/archive/rekey-cipher';
import { SyncEngine } from '../../../src-main/core/archive/sync-engine';
import { SyncScheduler } from '../../../src-main/core/archive/sync-scheduler';
import { ProfileNotFoundError } from '../../../src-main/core/profiles/profile-errors';
import type { NotifyAccess } from '../../../src-main/core/notify/notify-access';
import { silentLogger, type JsonValue, type RekeyableCipher } from '../../../src-main/core/ports';
import { MemoryStore } from '../../support/memory-store';
import { PassphraseCipher } from '../../../src-main/core/vault/passphrase-cipher';
import {
  TestVault,
  fakeNotification,
  removeTempArchives,
  tempArchivePath,
} from '../../integration/archive/support/archive-fixtures';
import { FakeNotify } from '../../integration/archive/support/fake-notify';

afterAll(removeTempArchives);

const OLD = 'old passphrase here';
const NEW = 'new passphrase here';
const PROFILE = { id: 'p1', name: 'Profile one' };

/** A client with its state in #private fields, as NotifyClient keeps its key. */
class FakeClient {
  readonly #secret = 'key';
  calls: string[] = [];
  get baseUrl(): string {
    return `https://example.test/${this.#secret.length}`;
  }
  async getNotification(id: string) {
    this.calls.push(`get ${id}`);
    return fakeNotification(1);
  }
  async getNotifications() {
    return { notifications: [fakeNotification(2), fakeNotification(3)], links: {} };
  }
  async findByReference(reference: string) {
    return (await this.getNotifications()).notifications.filter(() => reference.length > 0);
  }
  async sendSms(request: Record<string, unknown>) {
    return {
      id: '11111111-1111-4111-8111-111111111111',
      reference: request['reference'] ?? null,
      content: { body: 'Your code is 4821', from_number: 'GOVUK' },
      template: { id: '22222222-2222-4222-8222-222222222222', version: 3, uri: 'u' },
      uri: 'u',
    };
  }
  secretLength(): number {
    return this.#secret.length;
  }
}

function fakeAccess(client: FakeClient): NotifyAccess {
  return {
    requestLog: [],
    withClient: (_profileId: string, fn: (c: never) => Promise<unknown>) => fn(client as never),
    dispatcherFor: () => null,
  } as unknown as NotifyAccess;
}

describe('the capture hook on the Notify access layer', () => {
  function setup(sink?: Partial<CaptureSink>) {
    const seen: { as: string; ids: string[] }[] = [];
    const sent: { notification: Record<string, unknown>; personalisation: unknown }[] = [];
    const client = new FakeClient();
    const access = capturingAccess(
      fakeAccess(client),
      {
        seen: (_p, list, as) => seen.push({ as, ids: list.map((n) => (n as { id: string }).id) }),
        sent: (_p, notification, personalisation) => sent.push({ notification, personalisation }),
        ...sink,
      },
      () => Date.parse('2026-03-01T10:00:00Z'),
    );
    return { access, client, seen, sent };
  }

  it('reports single reads, list pages and reference lookups, whichever service made them', async () => {
    const { access, seen } = setup();
    await access.withClient('p1', (c) => c.getNotification('abc'));
    await access.withClient('p1', (c) => c.getNotifications({}));
    await access.withClient('p1', (c) => c.findByReference('ref'));
    expect(seen.map((s) => s.as)).toEqual(['poll', 'list', 'list']);
    expect(seen[1]!.ids).toHaveLength(2);
  });

  it('reports a send with the recipient and personalisation from the request, file contents left out', async () => {
    const { access, sent } = setup();
    await access.withClient('p1', (c) =>
      c.sendSms({
        phone_number: '07700 900 123',
        template_id: 't',
        reference: 'case-9',
        personalisation: { code: '4821', doc: { file: 'QUJDRA==', filename: 'a.pdf' } } as never,
      }),
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]!.notification).toMatchObject({
      id: '11111111-1111-4111-8111-111111111111',
      type: 'sms',
      status: 'created',
      phone_number: '07700 900 123',
      reference: 'case-9',
      body: 'Your code is 4821',
      created_at: '2026-03-01T10:00:00.000Z',
      template: { id: '22222222-2222-4222-8222-222222222222', version: 3 },
    });
    expect(sent[0]!.personalisation).toEqual({
      code: '4821',
      doc: { file: '(6 bytes, not archived)', filename: 'a.pdf' },
    });
  });

  it('leaves everything else to the client itself (its #private state works) and never fails a call', async () => {
    const { access } = setup({
      seen: () => {
        throw new Error('sink broken');
      },
    });
    const n = await access.withClient('p1', (c) => c.getNotification('abc'));
    expect(n.id).toBe(fakeNotification(1)['id']);
    expect(await access.withClient('p1', async (c) => (c as unknown as FakeClient).secretLength())).toBe(3);
    expect(await access.withClient('p1', async (c) => c.baseUrl)).toBe('https://example.test/3');
    expect(access.requestLog).toEqual([]);
  });
});

class FlakyStore extends MemoryStore {
  failNextWrite = false;
  override async setMany(entries: Readonly<Record<string, JsonValue | undefined>>): Promise<void> {
    if (this.failNextWrite) {
      this.failNextWrite = false;
      throw new Error('ENOSPC: no space left on device');
    }
    return super.setMany(entries);
  }
}

async function vaultWithArchive() {
  const settings = new FlakyStore();
  const cipher = new PassphraseCipher(settings);
  await cipher.initialise(OLD);
  const path = tempArchivePath();
  const store = ArchiveStore.open({ path, vault: cipher });
  await store.setOptIn(PROFILE.id, true);
  await store.upsert(PROFILE, fakeNotification(7));
  const reopen = async () => {
    const again = ArchiveStore.open({ path, vault: cipher });
    const found = await again.get(fakeNotification(7)['id'] as string);
    const staged = again.database().prepare("SELECT 1 FROM meta WHERE key = 'data_key_next'").get();
    again.close();
    return { found: found?.id ?? null, staged: staged !== undefined };
  };
  return { settings, cipher, store, reopen };
}

// Each case derives several scrypt keys at the vault's real cost (N = 2^17): slow on a busy machine.
describe('the data key across a passphrase change', { timeout: 60_000 }, () => {
  it('is re-wrapped with the profiles’ keys, so the archive opens under the new passphrase', async () => {
    const { cipher, store, reopen } = await vaultWithArchive();
    const decorated = rekeyingCipher(cipher, () => store.rewrapping(), silentLogger) as RekeyableCipher;
    await decorated.changePassphrase(OLD, NEW);
    store.close();
    cipher.lock();
    await cipher.unlock(NEW);
    expect(await reopen()).toEqual({ found: fakeNotification(7)['id'], staged: false });
  });

  it('survives a crash after the vault wrote its new header and before the archive promoted its key', async () => {
    const { cipher, store, reopen } = await vaultWithArchive();
    const crashing: RewrapTarget = {
      wrappedDataKey: () => store.rewrapping().wrappedDataKey(),
      stageRewrapped: (e) => store.rewrapping().stageRewrapped(e),
      commitRewrapped: () => undefined, // the process died here
    };
    await (rekeyingCipher(cipher, () => crashing, silentLogger) as RekeyableCipher).changePassphrase(
      OLD,
      NEW,
    );
    store.close();
    cipher.lock();
    await cipher.unlock(NEW);
    // The old wrap no longer opens; the staged one does, and is promoted.
    expect(await reopen()).toEqual({ found: fakeNotification(7)['id'], staged: false });
  });

  it('keeps the old key when the vault’s write fails, dropping the staged one', async () => {
    const { settings, cipher, store, reopen } = await vaultWithArchive();
    settings.failNextWrite = true;
    const decorated = rekeyingCipher(cipher, () => store.rewrapping(), silentLogger) as RekeyableCipher;
    await expect(decorated.changePassphrase(OLD, NEW)).rejects.toThrow(/ENOSPC/);
    store.close();
    cipher.lock();
    await cipher.unlock(OLD);
    expect(await reopen()).toEqual({ found: fakeNotification(7)['id'], staged: false });
  });

  it('re-wraps while the vault is locked (the archive file opened without its keys)', async () => {
    const { cipher, store, reopen } = await vaultWithArchive();
    store.close();
    cipher.lock();
    const file = new ArchiveFile(
      dirname(store.path),
      cipher,
      { now: () => Date.now() },
      silentLogger,
      () => undefined,
    );
    const decorated = rekeyingCipher(cipher, () => file.forRewrap()?.rewrapping() ?? null, silentLogger);
    await (decorated as RekeyableCipher).changePassphrase(OLD, NEW);
    file.close();
    expect(cipher.isLocked()).toBe(false);
    expect(await reopen()).toEqual({ found: fakeNotification(7)['id'], staged: false });
  });

  it('does not stop a passphrase change when the archive’s key is not this vault’s', async () => {
    const settings = new MemoryStore();
    const cipher = new PassphraseCipher(settings);
    await cipher.initialise(OLD);
    const foreign = ArchiveStore.open({ path: tempArchivePath(), vault: new TestVault('another vault') });
    await foreign.setOptIn(PROFILE.id, true);
    const warnings: string[] = [];
    const logger = { ...silentLogger, warn: (msg: string) => void warnings.push(msg) };
    await (rekeyingCipher(cipher, () => foreign.rewrapping(), logger) as RekeyableCipher).changePassphrase(
      OLD,
      NEW,
    );
    foreign.close();
    cipher.lock();
    await cipher.unlock(NEW);
    expect(warnings).toEqual(['archive key not re-wrapped: the old passphrase does not open it']);
  });
});

/** `GET /v2/notifications` as Notify pages it: strictly older than the `older_than` notification's instant. */
class InstantNotify {
  requests = 0;
  constructor(readonly notifications: Record<string, unknown>[]) {}
  async fetchPage(olderThan: string | null) {
    this.requests++;
    const pivot = olderThan === null ? null : this.notifications.find((n) => n['id'] === olderThan);
    const older = pivot
      ? this.notifications.filter((n) => (n['created_at'] as string) < (pivot['created_at'] as string))
      : this.notifications;
    return { kind: 'page' as const, notifications: older.slice(0, 250) };
  }
}

describe('paging Notify by older_than', () => {
  it('archives notifications that share an instant with the last one on a page (a CSV job’s rows)', async () => {
    // 1,000 notifications, seven to an instant, newest first: every page boundary splits an instant.
    const list = Array.from({ length: 1000 }, (_, i) => {
      const n = fakeNotification(999 - i);
      const second = Math.floor((999 - i) / 7);
      return { ...n, created_at: new Date(Date.UTC(2026, 0, 1) + second * 1000).toISOString() };
    });
    const store = ArchiveStore.open({ path: tempArchivePath(), vault: new TestVault() });
    await store.setOptIn(PROFILE.id, true);
    const source = new InstantNotify(list);
    const result = await new SyncEngine(store, { pageIntervalMs: 0 }).run(PROFILE, source);
    expect(result.outcome).toBe('completed');
    expect(await store.count()).toBe(1000);
    // A few re-read at each boundary, never a loop: five pages and the empty one.
    expect(source.requests).toBeLessThanOrEqual(6);
    store.close();
  });
});

describe('the background sync and the vault', () => {
  it('stops a sync when the vault locks, says the run was interrupted, and resumes it after unlock', async () => {
    const vault = new TestVault();
    const dir = mkdtempSync(join(tmpdir(), 'archive-sched-'));
    const file = new ArchiveFile(dir, vault, { now: () => Date.now() }, silentLogger, () => undefined);
    const store = (await file.ready(true))!;
    await store.setOptIn(PROFILE.id, true);
    const notify = new FakeNotify(1000);
    const progress: string[] = [];
    let lockAfterPages = 2;
    const scheduler = new SyncScheduler(
      file,
      () => (profileId, fn) => fn(notify, { id: profileId, name: PROFILE.name }),
      { intervalMs: 3_600_000, engine: { pageIntervalMs: 0 } },
      silentLogger,
      (p) => {
        progress.push(`${p.phase}:${p.pages}${p.outcome ? `:${p.outcome}` : ''}`);
        if (p.phase === 'paging' && p.pages === lockAfterPages) {
          vault.lock();
          scheduler.abortAll();
        }
      },
      () => undefined,
    );
    await scheduler.runNow();
    expect(progress.at(-1)).toBe('finished:2:cancelled');
    vault.unlock();
    const state = await store.syncState(PROFILE.id);
    expect(state.run).toMatchObject({ pages: 2, seen: 500 });
    lockAfterPages = -1;
    await scheduler.runNow();
    expect(progress.at(-1)).toBe('finished:6:completed');
    expect(await store.count()).toBe(1000);
    // The resumed run started from the cursor: no page was asked for twice.
    expect(new Set(notify.requests).size).toBe(notify.requests.length);
    await scheduler.close();
    file.close();
  });

  it('stops syncing a profile that was deleted, and keeps what it archived', async () => {
    const vault = new TestVault();
    const dir = mkdtempSync(join(tmpdir(), 'archive-sched-'));
    const file = new ArchiveFile(dir, vault, { now: () => Date.now() }, silentLogger, () => undefined);
    const store = (await file.ready(true))!;
    await store.setOptIn(PROFILE.id, true);
    const notify = new FakeNotify(300);
    let deleted = false;
    const scheduler = new SyncScheduler(
      file,
      () => (profileId, fn) => {
        if (deleted) throw new ProfileNotFoundError(profileId);
        return fn(notify, { id: profileId, name: PROFILE.name });
      },
      { intervalMs: 3_600_000, engine: { pageIntervalMs: 0 } },
      silentLogger,
      () => undefined,
      () => undefined,
    );
    await scheduler.runNow();
    expect(await store.count()).toBe(300);
    deleted = true;
    await scheduler.runNow();
    expect(store.isOptedIn(PROFILE.id)).toBe(false);
    expect(store.optedInProfileIds()).toEqual([]);
    expect(await store.count()).toBe(300);
    await scheduler.close();
    file.close();
  });
});
