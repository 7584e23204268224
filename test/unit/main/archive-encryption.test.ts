import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ArchiveStore } from '../../../src-main/core/archive/archive-store';
import { ArchiveDamagedError, ArchiveLockedError } from '../../../src-main/core/archive/errors';
import type { ArchiveVault } from '../../../src-main/core/archive/ports';
import { purgeAll } from '../../../src-main/core/archive/retention';
import { MemoryStore } from '../../support/memory-store';
import { PassphraseCipher } from '../../../src-main/core/vault/passphrase-cipher';
import {
  TestVault,
  fakeNotification,
  notificationId,
  tempArchivePath,
  removeTempArchives,
} from '../../integration/archive/support/archive-fixtures';

afterAll(removeTempArchives);

const PROFILE = { id: 'profile-a', name: 'Council tax reminders' };
const stores: ArchiveStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

function open(path: string, vault: ArchiveVault = new TestVault()) {
  const store = ArchiveStore.open({ path, vault });
  stores.push(store);
  return store;
}

/** Every file of the archive (main, -wal, -shm) as bytes. */
function archiveBytes(path: string): Buffer {
  return Buffer.concat(
    ['', '-wal', '-shm'].filter((s) => existsSync(path + s)).map((s) => readFileSync(path + s)),
  );
}

/** The values that must never appear in the file, in every form the archive handles them. */
function secretsOf(n: Record<string, unknown>, personalisation: Record<string, string>): string[] {
  const values = [n['reference'], n['body'], n['subject'], n['email_address'], n['phone_number']];
  values.push(n['line_1'], n['line_2'], n['postcode']);
  const out = values.filter((v): v is string => typeof v === 'string');
  if (typeof n['email_address'] === 'string') out.push(n['email_address'].toLowerCase());
  if (typeof n['phone_number'] === 'string') out.push('447700' + n['phone_number'].slice(6).replace(' ', ''));
  if (typeof n['postcode'] === 'string') out.push(n['postcode'].replace(/\s/g, '').toLowerCase());
  return [...out, ...Object.values(personalisation), PROFILE.name];
}

describe('archive encryption at rest', () => {
  it('no recipient, personalisation, body, subject or reference appears in the database, its WAL or its shm', async () => {
    const path = tempArchivePath();
    const store = open(path);
    await store.setOptIn(PROFILE.id, true);
    const secrets: string[] = [];
    for (let i = 0; i < 30; i++) {
      const n = fakeNotification(i, {
        body: `Dear Ms Marguerite Okonkwo-${i}, your claim UNIQUEBODY${i} is ready.`,
      });
      const personalisation = { name: `Marguerite Okonkwo-${i}`, claim: `CLAIM-PERSONAL-${i}` };
      await store.upsert(PROFILE, n, [], { personalisation });
      secrets.push(...secretsOf(n, personalisation));
    }
    // Updates rewrite records: the WAL then holds old and new page images.
    for (let i = 0; i < 30; i += 2) await store.upsert(PROFILE, fakeNotification(i, { status: 'delivered' }));
    expect(existsSync(`${path}-wal`)).toBe(true);

    const scan = (bytes: Buffer) => secrets.filter((s) => bytes.includes(Buffer.from(s, 'utf8')));
    // The scan itself works: plain metadata (the profile id, a notification id) is found.
    expect(archiveBytes(path).includes(Buffer.from(PROFILE.id))).toBe(true);
    expect(archiveBytes(path).includes(Buffer.from(notificationId(7)))).toBe(true);
    expect(scan(archiveBytes(path))).toEqual([]);

    store.close();
    expect(scan(archiveBytes(path))).toEqual([]);
    // Nothing else was written beside it.
    expect(readdirSync(dirname(path)).sort()).toEqual(['archive.sqlite']);
  });

  it('a purge leaves no plaintext behind either', async () => {
    const path = tempArchivePath();
    const store = open(path);
    await store.setOptIn(PROFILE.id, true);
    const n = fakeNotification(4, { body: 'PURGED-BODY-TEXT' });
    await store.upsert(PROFILE, n);
    await purgeAll(store);
    store.close();
    expect(archiveBytes(path).includes(Buffer.from('PURGED-BODY-TEXT'))).toBe(false);
  });

  it('an envelope copied onto another row does not open (the id is bound to it)', async () => {
    const path = tempArchivePath();
    const store = open(path);
    await store.setOptIn(PROFILE.id, true);
    await store.upsert(PROFILE, fakeNotification(1));
    await store.upsert(PROFILE, fakeNotification(2));
    store.close();
    const raw = new Database(path);
    raw
      .prepare(
        'UPDATE notifications SET record = (SELECT record FROM notifications WHERE id = ?) WHERE id = ?',
      )
      .run(notificationId(1), notificationId(2));
    raw.close();
    const again = open(path);
    const got = await again.get(notificationId(2));
    expect(got).toMatchObject({ id: notificationId(2), status: 'permanent-failure', record: null });
    expect((await again.get(notificationId(1)))!.record).not.toBeNull();
  });
});

describe('locking the vault locks the archive', () => {
  it('no reads or writes while the passphrase vault is locked; everything back after unlocking', async () => {
    const settings = new MemoryStore();
    const vault = new PassphraseCipher(settings);
    await vault.initialise('correct horse battery');
    const path = tempArchivePath();
    const store = open(path, vault);
    await store.setOptIn(PROFILE.id, true);
    await store.upsert(PROFILE, fakeNotification(1));

    vault.lock();
    expect(store.isLocked()).toBe(true);
    const attempts = [
      store.upsert(PROFILE, fakeNotification(2)),
      store.get(notificationId(1)),
      store.search({}),
      store.count(),
      store.setOptIn('profile-b', true),
      purgeAll(store),
    ];
    for (const attempt of attempts) {
      const err = await attempt.then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(ArchiveLockedError);
      expect((err as Error).message).toMatch(/archive is locked because your vault is locked/);
    }

    await vault.unlock('correct horse battery');
    expect(store.isLocked()).toBe(false);
    expect((await store.get(notificationId(1)))!.record!.notification['body']).toContain('person 1');
    expect(await store.count()).toBe(1);
    // Reopened with the same vault later: the wrapped data key still opens.
    store.close();
    expect(await open(path, vault).count()).toBe(1);
  });

  it('an archive made under another vault key is reported and moved aside, never recreated in place', async () => {
    const path = tempArchivePath();
    const store = open(path, new TestVault('first vault'));
    await store.setOptIn(PROFILE.id, true);
    await store.upsert(PROFILE, fakeNotification(1));
    store.close();

    const other = open(path, new TestVault('another vault'));
    const err = await other.count().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ArchiveDamagedError);
    expect((err as Error).message).toMatch(/encrypted with a key this vault does not hold/);
    const movedTo = (err as ArchiveDamagedError).movedTo!;
    expect(movedTo).toMatch(/archive\.sqlite\.damaged-\d{4}-\d{2}-\d{2}T/);
    expect(existsSync(movedTo)).toBe(true);
    expect(existsSync(path)).toBe(false);

    // The moved file still opens with its own vault.
    const restored = open(movedTo, new TestVault('first vault'));
    expect(await restored.count()).toBe(1);
  });
});
