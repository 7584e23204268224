import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArchiveStore } from '../../../src-main/core/archive/archive-store';
import { ArchiveInputError } from '../../../src-main/core/archive/errors';
import {
  TEMPLATE_IDS,
  TestVault,
  fakeNotification,
  notificationId,
  tempArchivePath,
  removeTempArchives,
} from '../../integration/archive/support/archive-fixtures';

afterAll(removeTempArchives);

let store: ArchiveStore;
const COUNT = 300;

beforeAll(async () => {
  store = ArchiveStore.open({ path: tempArchivePath(), vault: new TestVault() });
  await store.setOptIn('p1', true);
  await store.setOptIn('p2', true);
  // Even numbers through profile p1, odd through p2; one minute apart from 2026-01-01.
  for (const profile of ['p1', 'p2']) {
    await store.upsertMany(
      { id: profile },
      Array.from({ length: COUNT }, (_, i) => i)
        .filter((i) => (i % 2 === 0) === (profile === 'p1'))
        .map((i) => ({ notification: fakeNotification(i) })),
    );
  }
  await store.upsert({ id: 'p1' }, fakeNotification(COUNT, { phone_number: '+44 7700 900777', type: 'sms' }));
  await store.upsert(
    { id: 'p2' },
    fakeNotification(COUNT + 1, {
      type: 'email',
      email_address: 'Jo.Bloggs@Example.gov.uk',
      phone_number: null,
    }),
  );
});
afterAll(() => store.close());

const ids = (r: { results: { id: string }[] }) => r.results.map((n) => n.id);

describe('archive search', () => {
  it('finds a phone number however it is written, as Notify normalises it', async () => {
    for (const typed of [
      '07700900777',
      '07700 900 777',
      '+447700900777',
      '(0)7700-900-777',
      '00447700900777',
    ]) {
      expect(ids(await store.search({ recipient: typed })), typed).toEqual([notificationId(COUNT)]);
    }
  });

  it('finds an email address in any case, and a letter by its postcode', async () => {
    expect(ids(await store.search({ recipient: ' jo.bloggs@EXAMPLE.gov.uk ' }))).toEqual([
      notificationId(COUNT + 1),
    ]);
    // fakeNotification gives letter i (i % 3 == 2) the postcode SW1A {1 + i % 9}AA.
    const letters = await store.search({ recipient: 'sw1a 3aa', limit: 500 });
    expect(letters.results.length).toBeGreaterThan(0);
    for (const n of letters.results) expect(n.record!.notification['postcode']).toBe('SW1A 3AA');
  });

  it('finds by exact reference and by id, across profiles', async () => {
    const r = await store.search({ reference: fakeNotification(77)['reference'] as string });
    expect(ids(r)).toEqual([notificationId(77)]);
    expect(r.results[0]!.profileId).toBe('p2');
    expect((await store.search({ reference: 'REF-0000004D-CASE' })).results).toEqual([]);
    expect(ids(await store.search({ id: notificationId(42).toUpperCase() }))).toEqual([notificationId(42)]);
  });

  it('filters by template, status (with Notify\'s "failed" alias), channel, profile and date range, newest first', async () => {
    const all = await store.search({ limit: 500 });
    const meta = all.results;
    expect(meta.length).toBe(COUNT + 2);
    const created = meta.map((n) => Date.parse(n.createdAt));
    expect(created).toEqual([...created].sort((a, b) => b - a));

    const byTemplate = await store.search({ templateId: TEMPLATE_IDS[1], limit: 500 });
    expect(byTemplate.results.length).toBe(meta.filter((n) => n.templateId === TEMPLATE_IDS[1]).length);
    const failed = await store.search({ status: 'failed', limit: 500 });
    expect(failed.results.length).toBeGreaterThan(0);
    expect(new Set(failed.results.map((n) => n.status))).toEqual(new Set(['permanent-failure']));
    const letters = await store.search({ type: 'letter', profileId: 'p1', limit: 500 });
    expect(letters.results.every((n) => n.type === 'letter' && n.profileId === 'p1')).toBe(true);
    const range = await store.search({
      from: '2026-01-01T01:00:00Z',
      to: '2026-01-01T02:00:00Z',
      limit: 500,
    });
    expect(range.results.length).toBe(60);
    expect(range.results[0]!.id).toBe(notificationId(119));
    expect(range.results.at(-1)!.id).toBe(notificationId(60));
    const combined = await store.search({
      type: 'sms',
      status: ['delivered', 'sending'],
      from: '2026-01-01',
    });
    expect(
      combined.results.every((n) => n.type === 'sms' && ['delivered', 'sending'].includes(n.status)),
    ).toBe(true);
  });

  it('pages with a cursor: every notification once, in order', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await store.search({ limit: 37, cursor });
      seen.push(...ids(page));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(Math.ceil((COUNT + 2) / 37));
    expect(new Set(seen).size).toBe(COUNT + 2);
    expect(seen).toEqual(ids(await store.search({ limit: 500 })));
  });

  it('rejects bad queries with a message naming the field', async () => {
    const cases: [unknown, RegExp][] = [
      [{ limit: 0 }, /limit/],
      [{ limit: 501 }, /limit/],
      [{ from: 'last tuesday' }, /from is not an ISO date/],
      [{ from: '2026-02-01', to: '2026-01-01' }, /"from" must be before "to"/],
      [{ cursor: 'DROP TABLE' }, /cursor/],
      [{ type: 'fax' }, /type/],
      [{ recipient: '   ' }, /recipient/],
      [{ colour: 'red' }, /query|colour/],
    ];
    for (const [query, message] of cases) {
      const err = await store.search(query as never).catch((e: unknown) => e);
      expect(err, JSON.stringify(query)).toBeInstanceOf(ArchiveInputError);
      expect((err as Error).message).toMatch(message);
    }
  });

  it('any query either answers or says what is wrong (fuzz)', async () => {
    const field = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.integer(),
      fc.constant(null),
      fc.array(fc.string()),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            recipient: field,
            reference: field,
            id: field,
            status: field,
            type: field,
            from: field,
            to: field,
            limit: fc.oneof(fc.integer({ min: -5, max: 600 }), fc.string()),
            cursor: fc.oneof(field, fc.constant('1:1'), fc.constant('99999999999:5')),
          },
          { requiredKeys: [] },
        ),
        async (query) => {
          try {
            const r = await store.search(query as never);
            expect(Array.isArray(r.results)).toBe(true);
          } catch (err) {
            expect(err).toBeInstanceOf(ArchiveInputError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
