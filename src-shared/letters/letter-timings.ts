/**
 * A letter's estimated delivery date: the part of UTILS `letter_timings.py` (`get_letter_timings`) the API
 * uses for `estimated_delivery` (`LetterTimings(created_at, postage).latest_delivery`), reference §4.5.
 *
 * Times are Europe/London. British Summer Time follows the rule in force since 1996 (last Sunday of March
 * to last Sunday of October, changing at 01:00 UTC), computed directly so no time-zone database is needed;
 * earlier years fall back to `Intl` when it has time-zone data.
 */

import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from './bank-holidays-data';

export type LetterPostage = 'first' | 'second' | 'economy' | 'europe' | 'rest-of-world';

/**
 * The latest number of days in transit, from UTILS `get_min_and_max_days_in_transit` (its maximum: the
 * API's `estimated_delivery` is the latest delivery date; the earliest is not part of the API).
 */
const MAX_DAYS_IN_TRANSIT: Readonly<Record<LetterPostage, number>> = {
  // First class is printed early and posted the same day, so it spends no full day in transit.
  first: 0,
  second: 4,
  economy: 6,
  europe: 5,
  'rest-of-world': 7,
};

/** UTILS `LETTER_PROCESSING_DEADLINE`: letters created after 17:30 London time are processed next day. */
const LETTER_PROCESSING_DEADLINE = { hour: 17, minute: 30 } as const;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const BANK_HOLIDAY_DAYS: ReadonlySet<number> = new Set(
  ENGLAND_AND_WALES_BANK_HOLIDAYS.map((iso) => Date.parse(`${iso}T00:00:00Z`) / DAY),
);

/** Day number (days since 1970-01-01) of the last Sunday of a month. */
function lastSundayDay(year: number, month: number): number {
  const lastDay = Date.UTC(year, month + 1, 0) / DAY;
  const weekday = (lastDay + 4) % 7; // 1970-01-01 was a Thursday
  return lastDay - weekday;
}

const bstCache = new Map<number, readonly [number, number]>();

function bstBounds(year: number): readonly [number, number] {
  let bounds = bstCache.get(year);
  if (bounds === undefined) {
    bounds = [lastSundayDay(year, 2) * DAY + HOUR, lastSundayDay(year, 9) * DAY + HOUR];
    bstCache.set(year, bounds);
  }
  return bounds;
}

let intlFormatter: Intl.DateTimeFormat | null | undefined;

function intlLondonOffset(utcMs: number): number | null {
  if (intlFormatter === undefined) {
    try {
      intlFormatter = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/London',
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
      });
    } catch {
      intlFormatter = null;
    }
  }
  if (intlFormatter === null) return null;
  const parts: Record<string, number> = {};
  for (const part of intlFormatter.formatToParts(new Date(utcMs))) parts[part.type] = Number(part.value);
  const wall = Date.UTC(
    parts['year'] ?? 0,
    (parts['month'] ?? 1) - 1,
    parts['day'] ?? 1,
    parts['hour'] ?? 0,
    parts['minute'] ?? 0,
  );
  return wall - (utcMs - (utcMs % MINUTE));
}

/**
 * Europe/London’s offset from UTC, in milliseconds, at a UTC instant.
 *
 * 0 in winter (GMT), one hour in summer (BST).
 */
function londonOffsetMs(utcMs: number): number {
  const year = new Date(utcMs).getUTCFullYear();
  if (year < 1996) {
    const offset = intlLondonOffset(utcMs);
    if (offset !== null) return offset;
  }
  const [start, end] = bstBounds(year);
  return utcMs >= start && utcMs < end ? HOUR : 0;
}

/** The UTC instant of a London wall-clock time on a given day (16:00 is never ambiguous). */
function londonWallToUtc(day: number, msIntoDay: number): number {
  const wall = day * DAY + msIntoDay;
  const summer = wall - HOUR;
  return londonOffsetMs(summer) === HOUR ? summer : wall;
}

function weekday(day: number): number {
  return (day + 3) % 7; // 0 = Monday … 6 = Sunday, like Python’s date.weekday()
}

/** DVLA prints Monday to Friday, except England and Wales bank holidays. */
function isDvlaWorkingDay(day: number): boolean {
  return weekday(day) < 5 && !BANK_HOLIDAY_DAYS.has(day);
}

/** Royal Mail delivers Monday to Friday, and on Saturdays for first class; never on bank holidays. */
function isRoyalMailWorkingDay(day: number, postage: LetterPostage): boolean {
  const limit = postage === 'first' ? 6 : 5;
  return weekday(day) < limit && !BANK_HOLIDAY_DAYS.has(day);
}

function nextWorkingDay(day: number, isWorkingDay: (d: number) => boolean): number {
  let next = day + 1;
  while (!isWorkingDay(next)) next++;
  return next;
}

/** UTILS `get_delivery_day`: `daysToDeliver` Royal Mail working days after `day`. */
function deliveryDay(day: number, daysToDeliver: number, postage: LetterPostage): number {
  let result = day;
  const isWorkingDay = (d: number): boolean => isRoyalMailWorkingDay(d, postage);
  for (let i = 0; i < daysToDeliver; i++) result = nextWorkingDay(result, isWorkingDay);
  return result;
}

/**
 * The API's `estimated_delivery`: UTILS `LetterTimings(created_at, postage).latest_delivery`, from
 * `get_letter_timings` (reference §4.5).
 *
 * Anything created after 17:30 London time is processed the next day; printing happens on the next DVLA
 * working day after that; delivery takes 1 + the latest days in transit Royal Mail working days, at 16:00
 * London time. Like Python's `replace(hour=16, minute=0)`, the seconds and milliseconds of `createdAt` are
 * kept. Throws RangeError for a postage Notify does not have.
 */
export function estimatedDelivery(createdAt: Date, postage: LetterPostage): Date {
  const maxDays = Object.hasOwn(MAX_DAYS_IN_TRANSIT, postage) ? MAX_DAYS_IN_TRANSIT[postage] : undefined;
  if (maxDays === undefined) throw new RangeError(`Unknown postage: ${String(postage)}`);
  const createdMs = createdAt.getTime();
  const localMs = createdMs + londonOffsetMs(createdMs);
  const localDay = Math.floor(localMs / DAY);
  const keptSeconds = (localMs - localDay * DAY) % MINUTE;
  // Shift anything after the deadline to the next day: the date of (local time + (24h - 17:30)).
  const deadlineMs = LETTER_PROCESSING_DEADLINE.hour * HOUR + LETTER_PROCESSING_DEADLINE.minute * MINUTE;
  const processingDay = Math.floor((localMs + DAY - deadlineMs) / DAY);
  const printDay = nextWorkingDay(processingDay, isDvlaWorkingDay);
  const latest = deliveryDay(printDay, 1 + maxDays, postage);
  return new Date(londonWallToUtc(latest, 16 * HOUR + keptSeconds));
}
