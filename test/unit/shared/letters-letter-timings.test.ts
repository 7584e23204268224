import { describe, expect, it } from 'vitest';
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from '../../../src-shared/letters/bank-holidays-data';
import {
  DAYS_IN_TRANSIT,
  estimatedDelivery,
  letterTimings,
  londonOffsetMs,
} from '../../../src-shared/letters/letter-timings';
import type { LetterPostage } from '../../../src-shared/letters/letter-timings';

// Cases ported from alphagov/notifications-utils tests/test_letter_timings.py (newest, with economy) and the
// API's estimated_delivery tests (reference §4.5).

const HOUR = 3_600_000;
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** UTILS' `format_dt`: `%A %Y-%m-%d %H:%M` in Europe/London. */
function formatLondon(date: Date): string {
  const local = new Date(date.getTime() + londonOffsetMs(date.getTime()));
  const iso = local.toISOString();
  return `${DAYS[local.getUTCDay()] ?? ''} ${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** UTILS' upload times are naive UTC strings. */
function utc(s: string): Date {
  return new Date(`${s.replace(' ', 'T')}Z`);
}

/** A Python `isoformat` with microseconds and `Z`, as the API's DATETIME_FORMAT writes it. */
function apiDateTime(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

describe('DAYS_IN_TRANSIT (UTILS get_min_and_max_days_in_transit)', () => {
  it('matches UTILS', () => {
    expect(DAYS_IN_TRANSIT).toEqual({
      first: [0, 0],
      second: [3, 4],
      economy: [3, 6],
      europe: [3, 5],
      'rest-of-world': [5, 7],
    });
  });
});

describe('letterTimings (UTILS get_letter_timings)', () => {
  const now = utc('2017-07-14 13:59:59'); // Friday, before the print deadline (3pm BST)

  // upload time (UTC), printed by, is printed, first class, second (earliest, latest), economy, europe, rest of world
  it.each([
    // BST: first thing Monday
    [
      '2017-07-10 00:00:01',
      'Tuesday 2017-07-11 15:00',
      true,
      'Wednesday 2017-07-12 16:00',
      ['Monday 2017-07-17 16:00', 'Tuesday 2017-07-18 16:00'],
      ['Monday 2017-07-17 16:00', 'Thursday 2017-07-20 16:00'],
      ['Monday 2017-07-17 16:00', 'Wednesday 2017-07-19 16:00'],
      ['Wednesday 2017-07-19 16:00', 'Friday 2017-07-21 16:00'],
    ],
    // Monday at 17:29 BST (sent on Monday)
    [
      '2017-07-10 16:29:59',
      'Tuesday 2017-07-11 15:00',
      true,
      'Wednesday 2017-07-12 16:00',
      ['Monday 2017-07-17 16:00', 'Tuesday 2017-07-18 16:00'],
      ['Monday 2017-07-17 16:00', 'Thursday 2017-07-20 16:00'],
      ['Monday 2017-07-17 16:00', 'Wednesday 2017-07-19 16:00'],
      ['Wednesday 2017-07-19 16:00', 'Friday 2017-07-21 16:00'],
    ],
    // Monday at 17:30 BST (sent on Tuesday)
    [
      '2017-07-10 16:30:01',
      'Wednesday 2017-07-12 15:00',
      true,
      'Thursday 2017-07-13 16:00',
      ['Tuesday 2017-07-18 16:00', 'Wednesday 2017-07-19 16:00'],
      ['Tuesday 2017-07-18 16:00', 'Friday 2017-07-21 16:00'],
      ['Tuesday 2017-07-18 16:00', 'Thursday 2017-07-20 16:00'],
      ['Thursday 2017-07-20 16:00', 'Monday 2017-07-24 16:00'],
    ],
    // Tuesday before 17:30 BST
    [
      '2017-07-11 12:00:00',
      'Wednesday 2017-07-12 15:00',
      true,
      'Thursday 2017-07-13 16:00',
      ['Tuesday 2017-07-18 16:00', 'Wednesday 2017-07-19 16:00'],
      ['Tuesday 2017-07-18 16:00', 'Friday 2017-07-21 16:00'],
      ['Tuesday 2017-07-18 16:00', 'Thursday 2017-07-20 16:00'],
      ['Thursday 2017-07-20 16:00', 'Monday 2017-07-24 16:00'],
    ],
    // Wednesday before 17:30 BST
    [
      '2017-07-12 12:00:00',
      'Thursday 2017-07-13 15:00',
      true,
      'Friday 2017-07-14 16:00',
      ['Wednesday 2017-07-19 16:00', 'Thursday 2017-07-20 16:00'],
      ['Wednesday 2017-07-19 16:00', 'Monday 2017-07-24 16:00'],
      ['Wednesday 2017-07-19 16:00', 'Friday 2017-07-21 16:00'],
      ['Friday 2017-07-21 16:00', 'Tuesday 2017-07-25 16:00'],
    ],
    // Thursday before 17:30 BST: first class is delivered on Saturday
    [
      '2017-07-13 12:00:00',
      'Friday 2017-07-14 15:00',
      false,
      'Saturday 2017-07-15 16:00',
      ['Thursday 2017-07-20 16:00', 'Friday 2017-07-21 16:00'],
      ['Thursday 2017-07-20 16:00', 'Tuesday 2017-07-25 16:00'],
      ['Thursday 2017-07-20 16:00', 'Monday 2017-07-24 16:00'],
      ['Monday 2017-07-24 16:00', 'Wednesday 2017-07-26 16:00'],
    ],
    // Friday any time
    ...['2017-07-14 00:00:00', '2017-07-14 12:00:00', '2017-07-14 22:00:00', '2017-07-15 15:59:59'].map(
      (upload) =>
        [
          upload,
          'Monday 2017-07-17 15:00',
          false,
          'Tuesday 2017-07-18 16:00',
          ['Friday 2017-07-21 16:00', 'Monday 2017-07-24 16:00'],
          ['Friday 2017-07-21 16:00', 'Wednesday 2017-07-26 16:00'],
          ['Friday 2017-07-21 16:00', 'Tuesday 2017-07-25 16:00'],
          ['Tuesday 2017-07-25 16:00', 'Thursday 2017-07-27 16:00'],
        ] as const,
    ),
    // Sunday after 17:30 BST
    [
      '2017-07-16 16:30:01',
      'Tuesday 2017-07-18 15:00',
      false,
      'Wednesday 2017-07-19 16:00',
      ['Monday 2017-07-24 16:00', 'Tuesday 2017-07-25 16:00'],
      ['Monday 2017-07-24 16:00', 'Thursday 2017-07-27 16:00'],
      ['Monday 2017-07-24 16:00', 'Wednesday 2017-07-26 16:00'],
      ['Wednesday 2017-07-26 16:00', 'Friday 2017-07-28 16:00'],
    ],
    // GMT: Monday at 17:29
    [
      '2017-01-02 17:29:59',
      'Tuesday 2017-01-03 15:00',
      true,
      'Wednesday 2017-01-04 16:00',
      ['Monday 2017-01-09 16:00', 'Tuesday 2017-01-10 16:00'],
      ['Monday 2017-01-09 16:00', 'Thursday 2017-01-12 16:00'],
      ['Monday 2017-01-09 16:00', 'Wednesday 2017-01-11 16:00'],
      ['Wednesday 2017-01-11 16:00', 'Friday 2017-01-13 16:00'],
    ],
    // GMT: Monday at 17:30
    [
      '2017-01-02 17:30:01',
      'Wednesday 2017-01-04 15:00',
      true,
      'Thursday 2017-01-05 16:00',
      ['Tuesday 2017-01-10 16:00', 'Wednesday 2017-01-11 16:00'],
      ['Tuesday 2017-01-10 16:00', 'Friday 2017-01-13 16:00'],
      ['Tuesday 2017-01-10 16:00', 'Thursday 2017-01-12 16:00'],
      ['Thursday 2017-01-12 16:00', 'Monday 2017-01-16 16:00'],
    ],
    // Over the Easter bank holiday weekend
    [
      '2020-04-09 16:29:59',
      'Tuesday 2020-04-14 15:00',
      false,
      'Wednesday 2020-04-15 16:00',
      ['Monday 2020-04-20 16:00', 'Tuesday 2020-04-21 16:00'],
      ['Monday 2020-04-20 16:00', 'Thursday 2020-04-23 16:00'],
      ['Monday 2020-04-20 16:00', 'Wednesday 2020-04-22 16:00'],
      ['Wednesday 2020-04-22 16:00', 'Friday 2020-04-24 16:00'],
    ],
  ] as const)('uploaded %s', (upload, printedBy, isPrinted, first, second, economy, europe, restOfWorld) => {
    const expected: Record<LetterPostage, readonly [string, string]> = {
      first: [first, first],
      second,
      economy,
      europe,
      'rest-of-world': restOfWorld,
    };
    for (const [postage, [earliest, latest]] of Object.entries(expected)) {
      const timings = letterTimings(utc(upload), postage as LetterPostage, now);
      expect(formatLondon(timings.printedBy), postage).toBe(printedBy);
      expect(timings.isPrinted, postage).toBe(isPrinted);
      expect(formatLondon(timings.earliestDelivery), postage).toBe(earliest);
      expect(formatLondon(timings.latestDelivery), postage).toBe(latest);
    }
  });

  it('skips the Christmas 2022 bank holidays (Monday 26 and Tuesday 27 December)', () => {
    // Friday 23 December after the deadline: DVLA's next working day is Wednesday 28 December.
    const timings = letterTimings(utc('2022-12-23 18:00:00'), 'first', utc('2022-12-23 18:00:00'));
    expect(formatLondon(timings.printedBy)).toBe('Wednesday 2022-12-28 15:00');
    expect(formatLondon(timings.latestDelivery)).toBe('Thursday 2022-12-29 16:00');
    // Thursday 22 December: printed Friday; first class comes on Saturday. Second class needs four Royal Mail
    // working days (28, 29, 30 December and, after the 2 January holiday, 3 January).
    expect(formatLondon(letterTimings(utc('2022-12-22 10:00:00'), 'first').latestDelivery)).toBe(
      'Saturday 2022-12-24 16:00',
    );
    expect(formatLondon(letterTimings(utc('2022-12-22 10:00:00'), 'second').earliestDelivery)).toBe(
      'Tuesday 2023-01-03 16:00',
    );
  });

  it('keeps the seconds and fraction of the upload time, like Python’s replace(hour=…, minute=0)', () => {
    const timings = letterTimings(new Date('2017-07-10T09:08:07.654Z'), 'first');
    expect(timings.printedBy.toISOString()).toBe('2017-07-11T14:00:07.654Z');
    expect(timings.latestDelivery.toISOString()).toBe('2017-07-12T15:00:07.654Z');
  });

  it('rejects an unknown postage', () => {
    expect(() => letterTimings(new Date(), 'foo' as LetterPostage)).toThrow(RangeError);
  });
});

describe('estimatedDelivery (API estimated_delivery)', () => {
  it.each([
    ['2000-12-01T00:00:00Z', 'second', '2000-12-11T16:00:00.000000Z'],
    ['2000-12-01T00:00:00Z', 'first', '2000-12-05T16:00:00.000000Z'],
    ['2000-12-01T00:00:00Z', 'economy', '2000-12-13T16:00:00.000000Z'],
    ['2000-06-01T00:00:00Z', 'second', '2000-06-09T15:00:00.000000Z'],
    ['2000-06-01T00:00:00Z', 'first', '2000-06-03T15:00:00.000000Z'],
    ['2000-06-01T00:00:00Z', 'economy', '2000-06-13T15:00:00.000000Z'],
  ] as const)('created %s, %s class: %s', (created, postage, expected) => {
    expect(apiDateTime(estimatedDelivery(new Date(created), postage))).toBe(expected);
  });

  it('gives the latest delivery date', () => {
    const created = new Date('2024-03-05T10:00:00Z');
    expect(estimatedDelivery(created, 'europe')).toEqual(letterTimings(created, 'europe').latestDelivery);
  });
});

describe('londonOffsetMs', () => {
  it.each([
    // Spring forward: last Sunday of March at 01:00 UTC.
    ['2024-03-31T00:59:59Z', 0],
    ['2024-03-31T01:00:00Z', HOUR],
    // Fall back: last Sunday of October at 01:00 UTC.
    ['2024-10-27T00:59:59Z', HOUR],
    ['2024-10-27T01:00:00Z', 0],
    ['2000-06-01T00:00:00Z', HOUR],
    ['2000-12-01T00:00:00Z', 0],
    ['2030-07-01T12:00:00Z', HOUR],
  ])('%s is %d', (instant, offset) => {
    expect(londonOffsetMs(Date.parse(instant))).toBe(offset);
  });

  it('uses the time-zone database before 1996, when British Summer Time ended in late October by other rules', () => {
    // 1995: BST ended on 22 October, a week before the last Sunday.
    expect(londonOffsetMs(Date.parse('1995-10-21T12:00:00Z'))).toBe(HOUR);
    expect(londonOffsetMs(Date.parse('1995-10-25T12:00:00Z'))).toBe(0);
  });

  it('agrees with Intl’s Europe/London for every hour of 2000–2030 around the changes', () => {
    const formatter = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'short' });
    for (let year = 2000; year <= 2030; year++) {
      for (const month of [2, 9]) {
        const start = Date.UTC(year, month, 24);
        for (let t = start; t < start + 8 * 24 * HOUR; t += HOUR) {
          const zone = formatter.formatToParts(new Date(t)).find((p) => p.type === 'timeZoneName')?.value;
          expect(londonOffsetMs(t), new Date(t).toISOString()).toBe(zone === 'BST' ? HOUR : 0);
        }
      }
    }
  });
});

describe('bank holidays (England and Wales)', () => {
  it('covers 2000–2040, sorted, one ISO date per entry', () => {
    expect(ENGLAND_AND_WALES_BANK_HOLIDAYS[0]).toBe('2000-01-03');
    expect(ENGLAND_AND_WALES_BANK_HOLIDAYS.at(-1)).toBe('2040-12-26');
    expect([...ENGLAND_AND_WALES_BANK_HOLIDAYS].sort()).toEqual(ENGLAND_AND_WALES_BANK_HOLIDAYS);
    expect(new Set(ENGLAND_AND_WALES_BANK_HOLIDAYS).size).toBe(ENGLAND_AND_WALES_BANK_HOLIDAYS.length);
    for (const day of ENGLAND_AND_WALES_BANK_HOLIDAYS) {
      expect(day).toMatch(/^20[0-4]\d-\d\d-\d\d$/);
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      expect(weekday, day).not.toBe(0);
      expect(weekday, day).not.toBe(6);
    }
  });

  it.each([
    '2002-06-03', // Golden Jubilee
    '2002-06-04',
    '2011-04-29', // Royal wedding
    '2012-06-04', // Diamond Jubilee
    '2012-06-05',
    '2020-04-10', // Good Friday
    '2020-05-08', // VE day
    '2022-06-02', // Platinum Jubilee
    '2022-06-03',
    '2022-09-19', // State funeral
    '2022-12-26',
    '2022-12-27',
    '2023-05-08', // Coronation
    '2026-12-28', // Boxing Day substitute
    '2032-12-27', // Christmas Day on a Saturday: Monday and Tuesday instead
    '2032-12-28',
    '2033-12-26', // Christmas Day on a Sunday: Boxing Day Monday, Christmas Tuesday
    '2033-12-27',
    '2037-12-28', // Boxing Day on a Saturday: the Monday
    '2039-01-03', // New Year’s Day on a Saturday
  ])('includes %s', (day) => {
    expect(ENGLAND_AND_WALES_BANK_HOLIDAYS).toContain(day);
  });

  it('has eight holidays in an ordinary year', () => {
    for (const year of [2001, 2015, 2019, 2021, 2024, 2025, 2027, 2030, 2031, 2035, 2040]) {
      expect(
        ENGLAND_AND_WALES_BANK_HOLIDAYS.filter((d) => d.startsWith(`${year}-`)),
        String(year),
      ).toHaveLength(8);
    }
  });
});
