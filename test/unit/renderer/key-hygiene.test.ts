import { describe, expect, it } from 'vitest';
import { describeKeyHygiene } from '../../../src-renderer/features/profiles/key-hygiene';
import { formatAgo, formatDay } from '../../../src-renderer/lib/time';
import { profile } from './fake-api';

// Midday UTC, so the local day is the same in every time zone the tests may run in.
const NOW = Date.parse('2026-11-14T12:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function key(dates: { addedAt?: string | null; lastUsedAt?: string | null; revokedSeenAt?: string | null }) {
  return { ...profile().key!, addedAt: null, lastUsedAt: null, revokedSeenAt: null, ...dates };
}

describe('formatDay and formatAgo', () => {
  it('writes a day as 14 Mar 2026', () => {
    expect(formatDay('2026-03-14T12:00:00Z')).toBe('14 Mar 2026');
    expect(formatDay(null)).toBe('—');
  });

  it('says how long ago in the largest whole unit', () => {
    expect(formatAgo(NOW - 10_000, NOW)).toBe('just now');
    expect(formatAgo(NOW + 10_000, NOW)).toBe('just now');
    expect(formatAgo(NOW - 60_000, NOW)).toBe('1 minute ago');
    expect(formatAgo(NOW - 2 * HOUR - 5 * 60_000, NOW)).toBe('2 hours ago');
    expect(formatAgo(NOW - DAY, NOW)).toBe('1 day ago');
    expect(formatAgo(NOW - 29 * DAY, NOW)).toBe('29 days ago');
    expect(formatAgo('2026-03-14T12:00:00Z', NOW)).toBe('8 months ago');
    expect(formatAgo(NOW - 800 * DAY, NOW)).toBe('2 years ago');
  });
});

describe('describeKeyHygiene: the key line of a profile card', () => {
  it('says when the key was added and last used', () => {
    const view = describeKeyHygiene(
      key({ addedAt: '2026-03-14T12:00:00.000Z', lastUsedAt: new Date(NOW - 2 * HOUR).toISOString() }),
      NOW,
    );
    expect(view).toEqual({
      usage: 'Key added 14 Mar 2026 (8 months ago) · last used 2 hours ago',
      rotate: null,
      revoked: false,
    });
  });

  it('says a key was never used from this console, and leaves out an unknown added date', () => {
    expect(describeKeyHygiene(key({ addedAt: '2026-11-14T11:00:00Z' }), NOW)?.usage).toBe(
      'Key added 14 Nov 2026 (1 hour ago) · never used from this console',
    );
    expect(describeKeyHygiene(key({}), NOW)?.usage).toBe('Key never used from this console');
    expect(describeKeyHygiene(key({ lastUsedAt: new Date(NOW - 3 * DAY).toISOString() }), NOW)?.usage).toBe(
      'Key last used 3 days ago',
    );
  });

  it('reminds to rotate a key older than the console’s threshold, and only then', () => {
    // The console's own threshold (a product decision, not a Notify rule): a year, 365 days.
    const at = (days: number) => new Date(NOW - days * DAY).toISOString();
    const reminder =
      'Consider rotating this key: Notify recommends replacing keys regularly. Create a new key in Notify, enter it here, then revoke the old one.';
    expect(describeKeyHygiene(key({ addedAt: at(366) }), NOW)?.rotate).toBe(reminder);
    expect(describeKeyHygiene(key({ addedAt: at(364) }), NOW)?.rotate).toBeNull();
    // Unknown age: no reminder invented.
    expect(describeKeyHygiene(key({}), NOW)?.rotate).toBeNull();
    // Notify sets no period, so the reminder names none.
    expect(describeKeyHygiene(key({ addedAt: at(366) }), NOW)?.rotate).not.toMatch(/\d/);
  });

  it('flags a key Notify reported revoked, instead of the rotation reminder', () => {
    const view = describeKeyHygiene(
      key({
        addedAt: new Date(NOW - 400 * DAY).toISOString(),
        revokedSeenAt: new Date(NOW - HOUR).toISOString(),
      }),
      NOW,
    );
    expect(view).toMatchObject({ revoked: true, rotate: null });
  });

  it('has nothing to say without a key', () => {
    expect(describeKeyHygiene(null, NOW)).toBeNull();
  });
});
