import { describe, expect, it } from 'vitest';
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from '../../../src-shared/letters/bank-holidays-data';
import { estimatedDelivery } from '../../../src-shared/letters/letter-timings';
import type { LetterPostage } from '../../../src-shared/letters/letter-timings';

// Cases ported from alphagov/notifications-utils tests/test_letter_timings.py (newest, with economy) and the
// API's estimated_delivery tests (reference §4.5). The API's `estimated_delivery` is UTILS'
// `latest_delivery`, so the latest delivery date of each case is what is checked here.

const HOUR = 3_600_000;
const MINUTE = 60_000;
const DAY = 24 * HOUR;

/** Europe/London wall clock from the platform's time-zone database, independent of the code under test. */
const londonClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  weekday: 'long',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

function londonParts(date: Date): Record<string, string> {
  return Object.fromEntries(londonClock.formatToParts(date).map((p) => [p.type, p.value]));
}

/** UTILS' `format_dt`: `%A %Y-%m-%d %H:%M` in Europe/London. */
function formatLondon(date: Date): string {
  const p = londonParts(date);
  return `${p['weekday']} ${p['year']}-${p['month']}-${p['day']} ${p['hour']}:${p['minute']}`;
}

/** UTILS' upload times are naive UTC strings. */
function utc(s: string): Date {
  return new Date(`${s.replace(' ', 'T')}Z`);
}

/** A Python `isoformat` with microseconds and `Z`, as the API's DATETIME_FORMAT writes it. */
function apiDateTime(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

describe('estimatedDelivery (UTILS get_letter_timings: latest delivery)', () => {
  // UTILS get_min_and_max_days_in_transit, latest: first 0, second 4, economy 6, europe 5, rest of world 7
  // Royal Mail working days after the day after printing (first class also delivers on Saturdays).
  // upload time (UTC), then the latest delivery for first, second, economy, europe, rest of world
  it.each([
    // BST: first thing Monday (printed by Tuesday 15:00)
    [
      '2017-07-10 00:00:01',
      'Wednesday 2017-07-12 16:00',
      'Tuesday 2017-07-18 16:00',
      'Thursday 2017-07-20 16:00',
      'Wednesday 2017-07-19 16:00',
      'Friday 2017-07-21 16:00',
    ],
    // Monday at 17:29 BST (sent on Monday)
    [
      '2017-07-10 16:29:59',
      'Wednesday 2017-07-12 16:00',
      'Tuesday 2017-07-18 16:00',
      'Thursday 2017-07-20 16:00',
      'Wednesday 2017-07-19 16:00',
      'Friday 2017-07-21 16:00',
    ],
    // Monday at 17:30 BST (sent on Tuesday, printed by Wednesday 15:00)
    [
      '2017-07-10 16:30:01',
      'Thursday 2017-07-13 16:00',
      'Wednesday 2017-07-19 16:00',
      'Friday 2017-07-21 16:00',
      'Thursday 2017-07-20 16:00',
      'Monday 2017-07-24 16:00',
    ],
    // Tuesday before 17:30 BST
    [
      '2017-07-11 12:00:00',
      'Thursday 2017-07-13 16:00',
      'Wednesday 2017-07-19 16:00',
      'Friday 2017-07-21 16:00',
      'Thursday 2017-07-20 16:00',
      'Monday 2017-07-24 16:00',
    ],
    // Wednesday before 17:30 BST
    [
      '2017-07-12 12:00:00',
      'Friday 2017-07-14 16:00',
      'Thursday 2017-07-20 16:00',
      'Monday 2017-07-24 16:00',
      'Friday 2017-07-21 16:00',
      'Tuesday 2017-07-25 16:00',
    ],
    // Thursday before 17:30 BST: printed on Friday, first class is delivered on Saturday
    [
      '2017-07-13 12:00:00',
      'Saturday 2017-07-15 16:00',
      'Friday 2017-07-21 16:00',
      'Tuesday 2017-07-25 16:00',
      'Monday 2017-07-24 16:00',
      'Wednesday 2017-07-26 16:00',
    ],
    // Friday any time (and Saturday): printed on Monday
    ...['2017-07-14 00:00:00', '2017-07-14 12:00:00', '2017-07-14 22:00:00', '2017-07-15 15:59:59'].map(
      (upload) =>
        [
          upload,
          'Tuesday 2017-07-18 16:00',
          'Monday 2017-07-24 16:00',
          'Wednesday 2017-07-26 16:00',
          'Tuesday 2017-07-25 16:00',
          'Thursday 2017-07-27 16:00',
        ] as const,
    ),
    // Sunday after 17:30 BST: processed on Monday, printed by Tuesday 15:00
    [
      '2017-07-16 16:30:01',
      'Wednesday 2017-07-19 16:00',
      'Tuesday 2017-07-25 16:00',
      'Thursday 2017-07-27 16:00',
      'Wednesday 2017-07-26 16:00',
      'Friday 2017-07-28 16:00',
    ],
    // GMT: Monday at 17:29
    [
      '2017-01-02 17:29:59',
      'Wednesday 2017-01-04 16:00',
      'Tuesday 2017-01-10 16:00',
      'Thursday 2017-01-12 16:00',
      'Wednesday 2017-01-11 16:00',
      'Friday 2017-01-13 16:00',
    ],
    // GMT: Monday at 17:30
    [
      '2017-01-02 17:30:01',
      'Thursday 2017-01-05 16:00',
      'Wednesday 2017-01-11 16:00',
      'Friday 2017-01-13 16:00',
      'Thursday 2017-01-12 16:00',
      'Monday 2017-01-16 16:00',
    ],
    // Over the Easter bank holiday weekend: printed by Tuesday 15:00
    [
      '2020-04-09 16:29:59',
      'Wednesday 2020-04-15 16:00',
      'Tuesday 2020-04-21 16:00',
      'Thursday 2020-04-23 16:00',
      'Wednesday 2020-04-22 16:00',
      'Friday 2020-04-24 16:00',
    ],
  ] as const)('uploaded %s', (upload, first, second, economy, europe, restOfWorld) => {
    const expected: Record<LetterPostage, string> = {
      first,
      second,
      economy,
      europe,
      'rest-of-world': restOfWorld,
    };
    for (const [postage, latest] of Object.entries(expected)) {
      expect(formatLondon(estimatedDelivery(utc(upload), postage as LetterPostage)), postage).toBe(latest);
    }
  });

  it('skips the Christmas 2022 bank holidays (Monday 26 and Tuesday 27 December)', () => {
    // Friday 23 December after the deadline: DVLA's next working day is Wednesday 28 December.
    expect(formatLondon(estimatedDelivery(utc('2022-12-23 18:00:00'), 'first'))).toBe(
      'Thursday 2022-12-29 16:00',
    );
    // Thursday 22 December: printed Friday; first class comes on Saturday. Second class needs five Royal Mail
    // working days (28, 29, 30 December and, after the 2 January holiday, 3 and 4 January).
    expect(formatLondon(estimatedDelivery(utc('2022-12-22 10:00:00'), 'first'))).toBe(
      'Saturday 2022-12-24 16:00',
    );
    expect(formatLondon(estimatedDelivery(utc('2022-12-22 10:00:00'), 'second'))).toBe(
      'Wednesday 2023-01-04 16:00',
    );
  });

  it('keeps the seconds and fraction of the upload time, like Python’s replace(hour=…, minute=0)', () => {
    expect(estimatedDelivery(new Date('2017-07-10T09:08:07.654Z'), 'first').toISOString()).toBe(
      '2017-07-12T15:00:07.654Z',
    );
  });

  it.each(['foo', 'toString', 'united-kingdom'])('rejects the unknown postage %j', (postage) => {
    expect(() => estimatedDelivery(new Date(), postage as LetterPostage)).toThrow(RangeError);
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
});

describe('estimatedDelivery in British Summer Time and GMT', () => {
  it.each([
    // Delivery days either side of a change (first class also delivers on Saturdays).
    ['2024-03-21T12:00:00Z', '2024-03-23T16:00:00.000Z'], // Saturday 23 March: still GMT
    ['2025-03-27T12:00:00Z', '2025-03-29T16:00:00.000Z'], // Saturday 29 March: still GMT
    ['2025-03-28T12:00:00Z', '2025-04-01T15:00:00.000Z'], // printed Monday, Tuesday 1 April: BST
    ['2024-03-28T12:00:00Z', '2024-04-03T15:00:00.000Z'], // after Good Friday and Easter Monday: BST
    ['2024-10-24T12:00:00Z', '2024-10-26T15:00:00.000Z'], // Saturday 26 October: still BST
    ['2024-10-25T12:00:00Z', '2024-10-29T16:00:00.000Z'], // printed Monday, Tuesday 29 October: GMT
    ['2030-07-01T12:00:00Z', '2030-07-03T15:00:00.000Z'],
    // 17:00 UTC is after the 17:30 deadline in summer (18:00 BST), before it in winter (17:00 GMT).
    ['2024-07-01T17:00:00Z', '2024-07-04T15:00:00.000Z'], // processed Tuesday, printed Wednesday
    ['2024-01-08T17:00:00Z', '2024-01-10T16:00:00.000Z'], // processed Monday, printed Tuesday
  ])('a first class letter created %s arrives at 16:00 London time, %s', (created, expected) => {
    expect(estimatedDelivery(new Date(created), 'first').toISOString()).toBe(expected);
  });

  it('uses the time-zone database before 1996, when British Summer Time ended in late October by other rules', () => {
    // 1995: BST ended on Sunday 22 October, a week before the last Sunday. Thursday 19th: printed Friday,
    // delivered Saturday 21st at 16:00 BST.
    expect(estimatedDelivery(new Date('1995-10-19T12:00:00Z'), 'first').toISOString()).toBe(
      '1995-10-21T15:00:00.000Z',
    );
    // Wednesday 25th at 16:45 UTC is 16:45 GMT, before the deadline: printed Thursday, delivered Friday at
    // 16:00 GMT. (Under the post-1996 rule it would be 17:45 BST: printed Friday, delivered Saturday.)
    expect(estimatedDelivery(new Date('1995-10-25T16:45:00Z'), 'first').toISOString()).toBe(
      '1995-10-27T16:00:00.000Z',
    );
  });

  it('agrees with Intl’s Europe/London for letters created every hour around the changes of 2000–2030', () => {
    for (let year = 2000; year <= 2030; year++) {
      for (const month of [2, 9]) {
        const start = Date.UTC(year, month, 24);
        for (let t = start; t < start + 8 * DAY; t += HOUR) {
          const created = new Date(t);
          const label = created.toISOString();
          const delivery = estimatedDelivery(created, 'first');
          // Delivered at 16:00 on the London clock, whether that day is in BST or GMT.
          expect(formatLondon(delivery).slice(-5), label).toBe('16:00');
          // The 17:30 deadline is read on the London clock: a letter counts as created on the London date
          // (the next one after 17:30), so it is delivered like one created at noon that day.
          const local = londonParts(created);
          const minutes = Number(local['hour']) * 60 + Number(local['minute']);
          const localDate = Date.UTC(Number(local['year']), Number(local['month']) - 1, Number(local['day']));
          const processingDate = localDate + (minutes >= 17 * 60 + 30 ? DAY : 0);
          const sameDayNoon = new Date(processingDate + 11 * HOUR + 30 * MINUTE);
          expect(delivery, label).toEqual(estimatedDelivery(sameDayNoon, 'first'));
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
