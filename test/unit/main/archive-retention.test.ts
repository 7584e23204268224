import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ArchiveStore } from '../../../src-main/core/archive/archive-store';
import { exportCsvPage, ARCHIVE_CSV_HEADER } from '../../../src-main/core/archive/csv-export';
import { ArchiveInputError } from '../../../src-main/core/archive/errors';
import {
  archiveSize,
  purge,
  purgeAll,
  retentionMonths,
  setRetentionMonths,
} from '../../../src-main/core/archive/retention';
import {
  TestVault,
  fakeNotification,
  notificationId,
  tempArchivePath,
  removeTempArchives,
} from '../../integration/archive/support/archive-fixtures';

afterAll(removeTempArchives);

const DAY = 86_400_000;
const stores: ArchiveStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

/** An archive at 2027-03-15 holding one notification a day from 2026-01-01 for `days` days. */
async function archiveOfDays(days: number) {
  const clock = { t: Date.parse('2027-03-15T12:00:00Z'), now: () => clock.t };
  const store = ArchiveStore.open({ path: tempArchivePath(), vault: new TestVault(), clock });
  stores.push(store);
  await store.setOptIn('p', true);
  const start = Date.parse('2026-01-01T09:00:00Z');
  await store.upsertMany(
    { id: 'p', name: 'Profile P' },
    Array.from({ length: days }, (_, i) => ({
      notification: fakeNotification(i, { created_at: new Date(start + i * DAY).toISOString() }),
    })),
  );
  return { store, clock };
}

describe('archive retention', () => {
  it('keeps 12 months by default and purges what is older', async () => {
    const { store } = await archiveOfDays(440);
    // The default the README promises: 12 months.
    expect(await retentionMonths(store)).toBe(12);
    // The cutoff is 12 calendar months before now (2027-03-15 12:00 UTC): 2026-03-15T12:00:00Z.
    // One notification a millisecond before it goes, one at it stays.
    await store.upsertMany({ id: 'p' }, [
      { notification: fakeNotification(1000, { created_at: '2026-03-15T11:59:59.999Z' }) },
      { notification: fakeNotification(1001, { created_at: '2026-03-15T12:00:00.000Z' }) },
    ]);
    // 2026-01-01 .. 2026-03-15 (09:00) are older than the cutoff: 31 + 28 + 15 = 74 days, and 1 more.
    expect(await purge(store)).toBe(75);
    expect(await store.count()).toBe(440 + 2 - 75);
    expect(await store.get(notificationId(73))).toBeNull();
    expect(await store.get(notificationId(74))).not.toBeNull();
    expect(await store.get(notificationId(1000))).toBeNull();
    expect(await store.get(notificationId(1001))).not.toBeNull();
    expect(await purge(store)).toBe(0);
  });

  it('a shorter period purges more; bad periods are refused', async () => {
    const { store } = await archiveOfDays(440);
    await setRetentionMonths(store, 3);
    expect(await retentionMonths(store)).toBe(3);
    await purge(store);
    const oldest = (await store.search({ limit: 500 })).results.at(-1)!;
    expect(Date.parse(oldest.createdAt)).toBeGreaterThanOrEqual(Date.parse('2026-12-15T12:00:00Z'));
    for (const bad of [0, -1, 1.5, 121, Number.NaN]) {
      await expect(setRetentionMonths(store, bad)).rejects.toBeInstanceOf(ArchiveInputError);
    }
  });

  it('purge now empties the archive in batches and gives the space back', async () => {
    const { store } = await archiveOfDays(5000);
    const full = await archiveSize(store);
    expect(full.notifications).toBe(5000);
    expect(await purgeAll(store)).toBe(5000);
    const empty = await archiveSize(store);
    expect(empty.notifications).toBe(0);
    expect(empty.freeBytes).toBe(0);
    expect(empty.bytesOnDisk).toBeLessThan(full.bytesOnDisk / 4);
    // Opt-ins and settings stay.
    expect(store.isOptedIn('p')).toBe(true);
  });

  it('purges one profile only', async () => {
    const { store } = await archiveOfDays(10);
    await store.setOptIn('q', true);
    await store.upsert({ id: 'q' }, fakeNotification(100));
    expect(await purge(store, { before: Number.MAX_SAFE_INTEGER, profileId: 'q' })).toBe(1);
    expect(await store.count()).toBe(10);
  });
});

describe('archive CSV export', () => {
  it('exports a date range decrypted, oldest first, with formula cells neutralised', async () => {
    const { store } = await archiveOfDays(30);
    await store.upsert(
      { id: 'p' },
      fakeNotification(500, {
        created_at: '2026-01-10T10:00:00Z',
        reference: '=HYPERLINK("http://evil.example")',
        body: 'Line one\nline "two"',
      }),
    );
    const page = await exportCsvPage(
      store,
      { from: Date.parse('2026-01-05T00:00:00Z'), to: Date.parse('2026-01-12T00:00:00Z') },
      null,
      1000,
    );
    const { count } = page;
    const csv = ARCHIVE_CSV_HEADER + page.csv;
    expect(count).toBe(8);
    const lines = csv.split('\r\n');
    // Notify's field names (its notification JSON), then the archive's own: the file support staff share.
    expect(lines[0]).toBe(
      'id,reference,type,status,recipient,template_id,template_version,created_at,sent_at,completed_at,' +
        'cost_in_pounds,subject,body,profile_id,profile_name,archived_at,last_seen_at',
    );
    expect(lines[1]).toMatch(new RegExp(`^${notificationId(4)},ref-00000004-case,`));
    expect(csv).toContain(`'=HYPERLINK(""http://evil.example"")`);
    expect(csv).toContain('"Line one\nline ""two"""');
    expect(csv).toContain('Profile P');
    // A letter's address is one cell on one line, as in history's export.
    expect(csv).toContain(',"Resident 500, 500 Privet Drive, Little Whinging, SW1A 6AA",');
    expect(csv).not.toContain(notificationId(12));
  });

  it('refuses a date range the wrong way round', async () => {
    const { store } = await archiveOfDays(3);
    await expect(exportCsvPage(store, { from: 10, to: 5 }, null)).rejects.toBeInstanceOf(ArchiveInputError);
  });
});
