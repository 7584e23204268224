/**
 * The Archive screen's address: a search survives a reload exactly as typed, one archived
 * notification has its own link, and anything else (unknown or repeated fields, values longer than
 * the contract takes, another encoding) is not an archive route, so the console opens its default
 * screen instead of guessing. Random fragments never throw (fast-check).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  archiveToHash,
  cleanQuery,
  hashToArchive,
  type ArchiveQuery,
} from '../../../src-renderer/features/archive/archive-route';
import { hashToRoute, routeToHash } from '../../../src-renderer/state/url-route';
import { MAX_EMAIL_ADDRESS_LENGTH } from '../../../src-shared/notify/limits';

const ID = 'a1b2c3d4-0000-4000-8000-00000000beef';

describe('the archive route', () => {
  it('carries every search field, in a fixed order, and reads it back', () => {
    const query: ArchiveQuery = {
      to: '2026-11-30',
      recipient: 'Ann.Other+case@example.gov.uk',
      reference: 'case 4471 & co/2',
      id: ID,
      templateId: ID.toUpperCase(),
      status: 'permanent-failure',
      type: 'letter',
      profileId: 'sandbox-live',
      from: '2026-11-01',
    };
    const hash = archiveToHash({ query });
    expect(hash.startsWith('#/archive?recipient=Ann.Other%2Bcase%40example.gov.uk&reference=case+4471')).toBe(
      true,
    );
    expect(hashToArchive(hash)).toEqual({ query: cleanQuery(query) });
    expect(hashToRoute(hash)).toEqual({ screen: 'archive', query: cleanQuery(query) });
    expect(routeToHash({ screen: 'archive', query })).toBe(hash);
  });

  it('drops empty and invalid fields when writing, so the link still opens the screen', () => {
    expect(archiveToHash({ query: { recipient: '  ', type: 'fax', from: '2026-02-30x' } })).toBe('#/archive');
    expect(archiveToHash({ id: 'not-an-id' })).toBe('#/archive');
    expect(archiveToHash({ query: { reference: ' r ' } })).toBe('#/archive?reference=r');
  });

  it.each([
    ['an unknown field', '#/archive?apiKey=x'],
    ['a repeated field', '#/archive?reference=a&reference=b'],
    ['an empty value', '#/archive?reference='],
    [
      'a recipient longer than an email address may be',
      `#/archive?recipient=${'a'.repeat(MAX_EMAIL_ADDRESS_LENGTH + 1)}`,
    ],
    ['another encoding of the same search', '#/archive?recipient=07700%20900%20789'],
    ['another order', '#/archive?from=2026-11-01&recipient=x'],
    ['a bad date', '#/archive?from=2026-13-01'],
    ['a query with nothing in it', '#/archive?'],
    ['an id that is not one', '#/archive/123'],
    ['more segments', `#/archive/${ID}/x`],
    ['an over-long fragment', `#/archive?reference=${'r'.repeat(9000)}`],
  ])('refuses %s', (_what, hash) => {
    expect(hashToArchive(hash)).toBeNull();
    expect(hashToRoute(hash)).toBeNull();
  });

  it('never throws, and whatever parses is written back exactly (fast-check)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (tail) => {
        const hash = `#/archive${tail}`;
        const route = hashToRoute(hash);
        if (route) expect(routeToHash(route)).toBe(hash);
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(
        fc.record(
          {
            recipient: fc.string({ maxLength: 40 }),
            reference: fc.string({ maxLength: 40 }),
            status: fc.string(),
          },
          { requiredKeys: [] },
        ),
        (query) => {
          const hash = archiveToHash({ query });
          expect(hashToRoute(hash)).toEqual({
            screen: 'archive',
            ...(hash === '#/archive' ? {} : { query: cleanQuery(query) }),
          });
        },
      ),
      { numRuns: 2000 },
    );
  });
});
