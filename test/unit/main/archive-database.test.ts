import {
  existsSync,
  openSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
  closeSync,
} from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ArchiveStore } from '../../../src-main/core/archive/archive-store';
import { ArchiveDamagedError, ArchiveTooNewError } from '../../../src-main/core/archive/errors';
import {
  TestVault,
  fakeNotification,
  notificationId,
  tempArchivePath,
  removeTempArchives,
} from '../../integration/archive/support/archive-fixtures';

afterAll(removeTempArchives);

const stores: ArchiveStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});
const open = (path: string, extra: { quickCheckOnOpenMaxBytes?: number } = {}) => {
  const s = ArchiveStore.open({ path, vault: new TestVault(), ...extra });
  stores.push(s);
  return s;
};

async function filledArchive(rows = 300): Promise<string> {
  const path = tempArchivePath();
  const s = open(path);
  await s.setOptIn('p', true);
  await s.upsertMany(
    { id: 'p' },
    Array.from({ length: rows }, (_, i) => ({
      notification: fakeNotification(i, { body: 'b'.repeat(400 + i) }),
    })),
  );
  s.close();
  return path;
}

function expectMovedAside(err: unknown, path: string, reason: RegExp): string {
  expect(err).toBeInstanceOf(ArchiveDamagedError);
  expect((err as Error).message).toMatch(reason);
  expect((err as Error).message).toMatch(/moved aside to .*archive\.sqlite\.damaged-.*nothing was deleted/);
  const movedTo = (err as ArchiveDamagedError).movedTo!;
  expect(existsSync(movedTo)).toBe(true);
  expect(existsSync(path)).toBe(false);
  return movedTo;
}

describe('archive schema', () => {
  it('a new file gets the latest schema, WAL, synchronous=FULL and incremental auto-vacuum', () => {
    const path = tempArchivePath();
    open(path).close();
    const db = new Database(path, { readonly: true });
    // Version 2: the notifications (1), then the opt-ins and sync state (2).
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('auto_vacuum', { simple: true })).toBe(2);
    db.close();
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const s = open(path);
    expect(s.database().pragma('synchronous', { simple: true })).toBe(2);
  });

  it('an empty (0-byte) file is set up as a new archive', async () => {
    const path = tempArchivePath();
    writeFileSync(path, '');
    const s = open(path);
    expect(await s.count()).toBe(0);
  });

  it('migrates each older version up, keeping what it holds', async () => {
    const path = await filledArchive(20);
    // What a version-1 file is: the first step's tables only.
    const db = new Database(path);
    db.exec('DROP TABLE archive_profiles; DROP TABLE sync_state; PRAGMA user_version = 1;');
    db.close();
    const s = open(path);
    expect(s.database().pragma('user_version', { simple: true })).toBe(2);
    expect(await s.count()).toBe(20);
    expect((await s.get(notificationId(7)))!.record!.notification['body']).toMatch(/^b+$/);
    await s.setOptIn('p', true);
    expect((await s.syncState('p')).run).toBeNull();
  });

  it('refuses a file from a newer console and leaves it untouched', () => {
    const path = tempArchivePath();
    open(path).close();
    const db = new Database(path);
    db.pragma('user_version = 99');
    db.close();
    const before = readFileSync(path);
    expect(() => open(path)).toThrow(ArchiveTooNewError);
    expect(() => open(path)).toThrow(/newer version of Notify Console \(schema 99/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});

describe('a damaged archive is reported and moved aside, never silently recreated', () => {
  it('a truncated file', async () => {
    const path = await filledArchive();
    truncateSync(path, Math.floor(statSync(path).size / 2));
    const err = (() => {
      try {
        open(path);
      } catch (e) {
        return e;
      }
    })();
    expectMovedAside(err, path, /cut short|malformed/);
    // Only the next open starts afresh, and says nothing was there.
    expect(await open(path).count()).toBe(0);
  });

  it('a garbage header', () => {
    const path = tempArchivePath();
    writeFileSync(path, Buffer.concat([Buffer.from('garbage!'), Buffer.alloc(5000, 7)]));
    let err: unknown;
    try {
      open(path);
    } catch (e) {
      err = e;
    }
    expectMovedAside(err, path, /not a SQLite database/);
  });

  it('a damaged page inside, found by the quick check on open', async () => {
    const path = await filledArchive();
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, 4096 * 3);
    closeSync(fd);
    let err: unknown;
    try {
      open(path);
    } catch (e) {
      err = e;
    }
    expectMovedAside(err, path, /SQLite|check failed/);
  });

  it('a damaged page found while reading a big archive (no check on open)', async () => {
    const path = await filledArchive();
    const size = statSync(path).size;
    const fd = openSync(path, 'r+');
    for (let page = 20; page * 4096 < size; page++)
      writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, page * 4096);
    closeSync(fd);
    const s = open(path, { quickCheckOnOpenMaxBytes: 0 });
    const err = await s.search({ limit: 500 }).catch((e: unknown) => e);
    expectMovedAside(err, path, /SQLite found it damaged/);
    await expect(s.count()).rejects.toThrow(/closed/);
  });
});
