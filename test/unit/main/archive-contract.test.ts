/**
 * The archive's methods at the contract's door: every input is a strict, bounded object; the
 * largest accepted value of each bounded field passes and one character more is refused with the
 * field named; random inputs (fast-check) are either accepted whole or refused as a validation
 * error, never passed on to the core; and the largest accepted search runs against a real archive
 * (its time and the event loop's longest delay are printed, not asserted).
 */
import fc from 'fast-check';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { archiveMethods } from '../../../src-main/contract/archive';
import { methods } from '../../../src-main/contract/methods';
import { ArchiveStore } from '../../../src-main/core/archive/archive-store';
import {
  expectBoundAtTheDoor,
  expectValidInputsAndClosedSchemas,
  expectWholeOrRefused,
} from '../../support/contract-harness';
import { MAX_EMAIL_ADDRESS_LENGTH, MAX_REFERENCE_LENGTH } from '../../../src-shared/notify/limits';
import {
  TestVault,
  removeTempArchives,
  tempArchivePath,
} from '../../integration/archive/support/archive-fixtures';

afterAll(removeTempArchives);

/** The largest page a search returns: the archive screen's product decision (issue 12). */
const LARGEST_PAGE = 200;

const ID = '6f1f4b0e-2c1a-4c7e-9d1e-0a0b0c0d0e0f';
type ArchiveMethod = keyof typeof archiveMethods;

/** A valid input for every archive method. */
const VALID: Record<ArchiveMethod, Record<string, unknown>> = {
  'archive.status': {},
  'archive.setOptIn': { profileId: 'sandbox-live', optedIn: true },
  'archive.search': {
    recipient: '07700 900 789',
    reference: 'case-1',
    id: ID,
    templateId: ID,
    status: ['delivered', 'failed'],
    type: 'sms',
    profileId: 'p1',
    from: '2026-01-01',
    to: '2026-02-01T00:00:00Z',
    limit: 50,
    cursor: '1767225600000:42',
  },
  'archive.get': { id: ID },
  'archive.sync': { profileId: 'p1', full: true },
  'archive.setRetention': { months: 12 },
  'archive.purge': { scope: 'expired' },
  'archive.export': { from: '2026-01-01', to: '2026-12-31', cursor: '1:2' },
  'archive.check': {},
  'archive.startNew': {},
};

/** [what, method, largest accepted, one over (or out of range), field named]. */
const BOUNDS: [string, ArchiveMethod, Record<string, unknown>, Record<string, unknown>, string][] = [
  [
    'a recipient (as long as an email address may be)',
    'archive.search',
    { recipient: 'a'.repeat(MAX_EMAIL_ADDRESS_LENGTH) },
    { recipient: 'a'.repeat(MAX_EMAIL_ADDRESS_LENGTH + 1) },
    'recipient',
  ],
  [
    'a reference',
    'archive.search',
    { reference: 'r'.repeat(MAX_REFERENCE_LENGTH) },
    { reference: 'r'.repeat(MAX_REFERENCE_LENGTH + 1) },
    'reference',
  ],
  [
    'the statuses',
    'archive.search',
    { status: Array.from({ length: 20 }, () => 's'.repeat(40)) },
    { status: Array.from({ length: 21 }, () => 'failed') },
    'status',
  ],
  ['a status', 'archive.search', { status: ['s'.repeat(40)] }, { status: ['s'.repeat(41)] }, 'status.0'],
  ['a page', 'archive.search', { limit: LARGEST_PAGE }, { limit: LARGEST_PAGE + 1 }, 'limit'],
  [
    'a profile id',
    'archive.search',
    { profileId: 'p'.repeat(64) },
    { profileId: 'p'.repeat(65) },
    'profileId',
  ],
  [
    'a cursor',
    'archive.search',
    { cursor: `${'9'.repeat(16)}:${'9'.repeat(16)}` },
    { cursor: '1:2:3' },
    'cursor',
  ],
  [
    'a start date',
    'archive.search',
    { from: '2026-01-01T00:00:00.123456789+01:00' },
    { from: '2026-02-30x' },
    'from',
  ],
  [
    'an impossible date',
    'archive.export',
    { from: '2026-01-01', to: '2026-01-31' },
    { from: '2026-13-45', to: '2026-01-31' },
    'from',
  ],
  ['a retention period', 'archive.setRetention', { months: 120 }, { months: 121 }, 'months'],
  ['a retention period (whole months)', 'archive.setRetention', { months: 1 }, { months: 1.5 }, 'months'],
  ['a purge scope', 'archive.purge', { scope: 'all' }, { scope: 'everything' }, 'scope'],
  ['an id', 'archive.get', { id: ID.toUpperCase().replaceAll('-', '') }, { id: `${ID}0` }, 'id'],
  [
    'an opt-in',
    'archive.setOptIn',
    { profileId: 'p1', optedIn: false },
    { profileId: 'p1', optedIn: 'yes' },
    'optedIn',
  ],
];

describe('archive inputs at the contract', () => {
  it('accepts a full valid input for every archive method and refuses any unknown field', () => {
    expectValidInputsAndClosedSchemas(VALID, 'apiKey');
  });

  it.each(BOUNDS)(
    '%s: the largest accepted passes, one more is refused naming the field',
    async (_what, name, largest, over, field) => {
      await expectBoundAtTheDoor(name, VALID[name], largest, over, field);
    },
  );

  it('random inputs are accepted whole or refused as validation errors, never half-handled (fast-check)', async () => {
    const names = Object.keys(archiveMethods) as ArchiveMethod[];
    const fieldValue = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.string({ maxLength: 5 }), { maxLength: 25 }),
      fc.string({ minLength: 990, maxLength: 1100 }),
    );
    await expectWholeOrRefused(
      names,
      [
        'recipient',
        'reference',
        'id',
        'templateId',
        'status',
        'type',
        'profileId',
        'from',
        'to',
        'limit',
        'cursor',
        'months',
        'scope',
        'optedIn',
        'full',
      ],
      fieldValue,
      { maxKeys: 5, numRuns: 2000 },
    );
  });

  it('runs the largest accepted search against a real archive (time and event-loop delay printed)', async () => {
    const store = ArchiveStore.open({ path: tempArchivePath(), vault: new TestVault() });
    await store.setOptIn('p1', true);
    const largest = methods['archive.search'].input.parse({
      ...VALID['archive.search'],
      recipient: `${'a'.repeat(MAX_EMAIL_ADDRESS_LENGTH - 13)}@example.com`,
      reference: 'r'.repeat(MAX_REFERENCE_LENGTH),
      status: Array.from({ length: 20 }, (_, i) => `status-${i}`),
      limit: LARGEST_PAGE,
    });
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const t0 = performance.now();
    const page = await store.search({ ...largest, id: ID, templateId: ID });
    const ms = performance.now() - t0;
    delay.disable();
    store.close();
    expect(page.results).toEqual([]);
    // Reported, not asserted against a time: a search is a few indexed lookups (bench/RESULTS.md).
    console.log(
      `largest accepted search: ${ms.toFixed(1)} ms, event loop max delay ${(delay.max / 1e6).toFixed(1)} ms`,
    );
  });
});
