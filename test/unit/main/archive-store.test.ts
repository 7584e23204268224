import fc from 'fast-check';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ArchiveStore } from '../../../src-main/core/archive/archive-store';
import { ArchiveInputError } from '../../../src-main/core/archive/errors';
import { MAX_RECORD_BYTES, parseCapture } from '../../../src-main/core/archive/record';
import {
  TestVault,
  fakeNotification,
  notificationId,
  tempArchivePath,
  removeTempArchives,
} from '../../integration/archive/support/archive-fixtures';

afterAll(removeTempArchives);

/**
 * What the archive takes of Notify's notification JSON, stated as a schema: the fields it indexes,
 * checked; any other field kept as it came. The archive checks by hand, for speed (record.ts).
 */
const archivableNotification = z.looseObject({
  id: z.string().min(1).max(100),
  type: z.enum(['sms', 'email', 'letter']),
  status: z.string().min(1).max(64),
  template: z.looseObject({ id: z.string().min(1).max(100), version: z.number().int().nonnegative() }),
  created_at: z
    .string()
    .max(64)
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/)
    .refine((s) => Number.isFinite(Date.parse(s))),
  reference: z.string().max(1000).nullable().optional(),
  email_address: z.string().max(1000).nullable().optional(),
  phone_number: z.string().max(1000).nullable().optional(),
  postcode: z.string().max(1000).nullable().optional(),
});

const PROFILE = { id: 'profile-a', name: 'Benefits live' };
const stores: ArchiveStore[] = [];

async function openStore(now = Date.parse('2026-02-01T00:00:00Z')) {
  const clock = { t: now, now: () => clock.t };
  const store = ArchiveStore.open({ path: tempArchivePath(), vault: new TestVault(), clock });
  stores.push(store);
  await store.setOptIn(PROFILE.id, true);
  return { store, clock };
}

afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

describe('archive capture', () => {
  it('keeps the whole notification and its timeline, and finds it by id', async () => {
    const { store } = await openStore();
    const n = fakeNotification(1, { status: 'sending' });
    const timeline = [{ status: 'created', observedAt: '2026-01-01T00:01:00.000Z', source: 'response' }];
    expect(await store.upsert(PROFILE, n, timeline, { personalisation: { name: 'Ada' } })).toBe('added');

    const got = await store.get(notificationId(1));
    expect(got).toMatchObject({
      id: notificationId(1),
      profileId: 'profile-a',
      type: 'email',
      status: 'sending',
    });
    expect(got!.record!.notification).toEqual(n);
    expect(got!.record!.timeline).toEqual(timeline);
    expect(got!.record!.personalisation).toEqual({ name: 'Ada' });
    expect(got!.record!.profileName).toBe('Benefits live');
    expect(got!.createdAt).toBe('2026-01-01T00:01:00.000Z');
    expect(await store.get(notificationId(2))).toBeNull();
  });

  it('is idempotent: the same notification twice is stored once and unchanged the second time', async () => {
    const { store } = await openStore();
    const n = fakeNotification(3);
    expect(await store.upsert(PROFILE, n)).toBe('added');
    expect(await store.upsert(PROFILE, n)).toBe('unchanged');
    expect(await store.count()).toBe(1);
  });

  it('the later status wins whichever sighting arrives last, and timelines merge', async () => {
    const { store } = await openStore();
    const id = notificationId(5);
    const delivered = fakeNotification(5, {
      status: 'delivered',
      completed_at: '2026-01-01T00:06:00.000000Z',
    });
    const sending = fakeNotification(5, { status: 'sending' });
    await store.upsert(PROFILE, delivered, [
      { status: 'delivered', observedAt: '2026-01-01T00:06:00.000Z', source: 'callback' },
    ]);
    // A list page read earlier, arriving later, must not roll the status back.
    expect(
      await store.upsert(PROFILE, sending, [
        { status: 'sending', observedAt: '2026-01-01T00:05:30.000Z', source: 'poll' },
      ]),
    ).toBe('updated');
    const got = await store.get(id);
    expect(got!.status).toBe('delivered');
    expect(got!.record!.notification['completed_at']).toBe('2026-01-01T00:06:00.000000Z');
    expect(got!.record!.timeline.map((o) => o.status)).toEqual(['sending', 'delivered']);
    expect((await store.search({ status: 'sending' })).results).toEqual([]);
  });

  it('a returned letter follows received', async () => {
    const { store } = await openStore();
    await store.upsert(PROFILE, fakeNotification(2, { status: 'returned-letter' }));
    await store.upsert(PROFILE, fakeNotification(2, { status: 'received' }));
    expect((await store.get(notificationId(2)))!.status).toBe('returned-letter');
  });

  it('ignores profiles that have not opted in, and stops after opting out', async () => {
    const { store } = await openStore();
    expect(await store.upsert({ id: 'other' }, fakeNotification(1))).toBe('not-opted-in');
    await store.setOptIn(PROFILE.id, false);
    expect(await store.upsert(PROFILE, fakeNotification(2))).toBe('not-opted-in');
    expect(await store.count()).toBe(0);
    expect(store.optedInProfileIds()).toEqual([]);
  });

  it('writes a batch in one transaction: one bad item and nothing is written', async () => {
    const { store } = await openStore();
    const items = [
      fakeNotification(1),
      { ...fakeNotification(2), created_at: 'yesterday' },
      fakeNotification(3),
    ];
    const err = await store
      .upsertMany(
        PROFILE,
        items.map((notification) => ({ notification })),
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ArchiveInputError);
    expect((err as Error).message).toMatch(/^Item 2 of 3: .*created_at/);
    expect((err as Error).message).not.toContain('yesterday');
    expect(await store.count()).toBe(0);
    const ok = await store.upsertMany(
      PROFILE,
      [1, 2, 3].map((i) => ({ notification: fakeNotification(i) })),
    );
    expect(ok).toEqual({ added: 3, updated: 0, unchanged: 0 });
  });

  it('refuses a record over the size limit with a clear error, and accepts the largest body Notify sends', async () => {
    const { store } = await openStore();
    const big = fakeNotification(1, { body: 'x'.repeat(2 * 1024 * 1024) });
    expect(await store.upsert(PROFILE, big)).toBe('added');
    const huge = fakeNotification(2, { body: 'x'.repeat(MAX_RECORD_BYTES) });
    await expect(store.upsert(PROFILE, huge)).rejects.toThrow(/too large to archive/);
    expect(await store.count()).toBe(1);
  });

  it('keeps a timeline of up to 200 sightings, and refuses a longer one', async () => {
    const { store } = await openStore();
    const sightings = (n: number) =>
      Array.from({ length: n }, (_, k) => ({
        status: 'sending',
        observedAt: new Date(Date.parse('2026-01-01T00:00:00Z') + k * 1000).toISOString(),
        source: 'poll' as const,
      }));
    expect(await store.upsert(PROFILE, fakeNotification(1), sightings(200))).toBe('added');
    expect((await store.get(notificationId(1)))!.record!.timeline).toHaveLength(200);
    await expect(store.upsert(PROFILE, fakeNotification(2), sightings(201))).rejects.toThrow(/timeline/);
    // Merging more sightings keeps the newest 200.
    await store.upsert(PROFILE, fakeNotification(1), [
      { status: 'delivered', observedAt: '2026-01-02T00:00:00.000Z', source: 'callback' },
    ]);
    const timeline = (await store.get(notificationId(1)))!.record!.timeline;
    expect(timeline).toHaveLength(200);
    expect(timeline.at(-1)!.status).toBe('delivered');
  });

  it('rejects input that is not a notification, naming the field and not echoing values', async () => {
    const { store } = await openStore();
    for (const bad of [
      null,
      'x',
      {},
      { ...fakeNotification(1), id: 5 },
      { ...fakeNotification(1), type: 'fax' },
    ]) {
      await expect(store.upsert(PROFILE, bad)).rejects.toBeInstanceOf(ArchiveInputError);
    }
    await expect(
      store.upsert(PROFILE, fakeNotification(1), [{ status: 'sent', observedAt: 'soon', source: 'poll' }]),
    ).rejects.toThrow(/timeline/);
  });

  it('the fast hand check accepts exactly what the schema above accepts (fuzz)', () => {
    const base = fakeNotification(1);
    const value = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom('sms', 'email', 'letter', '2026-01-01T00:00:00Z', '2026-13-01T00:00:00Z', ''),
      fc.integer({ min: -2, max: 5 }),
      fc.double(),
      fc.constant(null),
      fc.constant(undefined),
      fc.record({
        id: fc.string({ maxLength: 5 }),
        version: fc.oneof(fc.integer({ min: -1, max: 3 }), fc.double()),
      }),
    );
    const keys = fc.constantFrom(
      'id',
      'type',
      'status',
      'template',
      'created_at',
      'reference',
      'email_address',
      'phone_number',
      'postcode',
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(keys, value), { maxLength: 3 }), (changes) => {
        const n: Record<string, unknown> = { ...base };
        for (const [k, v] of changes) n[k] = v;
        const schemaOk = archivableNotification.safeParse(n).success;
        let handOk = true;
        try {
          parseCapture(n, []);
        } catch (err) {
          expect(err).toBeInstanceOf(ArchiveInputError);
          handOk = false;
        }
        expect(handOk).toBe(schemaOk);
      }),
      { numRuns: 2000 },
    );
  });
});
