/**
 * Notification costs for `cost_in_pounds` and `cost_details` (reference §4.5).
 *
 * Sources (alphagov/notifications-api `migrations/versions/`):
 * - SMS: `0492_sms_rate_april_2025` inserts £0.0233 per fragment, valid from 2025-03-31 23:00 UTC
 *   (1 April 2025, UK time). It is the newest SMS rate migration found.
 * - Letters: `0543_letter_rates_from_5_01_26` (valid from 2026-01-05) sets economy, second, europe and
 *   rest-of-world; first class was last set by `0491_letter_rates_april_2025` (valid from 2025-04-01).
 *   Crown and non-crown services pay the same. Rates exist for 1–5 sheets (10 pages, Notify’s maximum).
 */

/**
 * Notify’s current per-fragment SMS rate, in pounds (API migration `0492_sms_rate_april_2025`, valid from
 * 2025-03-31T23:00:00Z).
 */
export const SMS_RATE_POUNDS = 0.0233;

type LetterRatePostage = 'first' | 'second' | 'economy' | 'europe' | 'rest-of-world';

/** Current letter rates in pounds, by postage, for 1 to 5 sheets. */
const LETTER_RATES: Readonly<Record<LetterRatePostage, readonly number[]>> = {
  economy: [0.64, 0.69, 0.73, 0.78, 0.82],
  second: [0.73, 0.77, 0.82, 0.87, 0.91],
  first: [1.49, 1.53, 1.57, 1.63, 1.67],
  europe: [1.72, 1.77, 1.82, 1.85, 1.9],
  'rest-of-world': [1.72, 1.77, 1.82, 1.85, 1.9],
};

/**
 * The price of one letter for a number of sheets and a postage class, in pounds.
 *
 * Throws RangeError for a postage or sheet count (1–5) that has no rate, as the API has no row for it.
 */
export function letterRate(sheets: number, postage: string): number {
  const rates = Object.hasOwn(LETTER_RATES, postage) ? LETTER_RATES[postage as LetterRatePostage] : undefined;
  const rate = Number.isInteger(sheets) ? rates?.[sheets - 1] : undefined;
  if (rate === undefined) throw new RangeError(`No letter rate for ${sheets} sheet(s) of ${postage} post`);
  return rate;
}

/**
 * `cost_in_pounds` of a text message: fragments × international rate multiplier × rate. The one SMS
 * cost rule: the sandbox's cost data and the console's estimate both come from it.
 *
 * Multiplied in the API’s order (`billable_units * rate_multiplier * sms_rate`) so floating-point results
 * match (the API's own test: 2 fragments at an older rate of £0.0227 give 0.0454).
 */
export function smsCostInPounds(
  fragments: number,
  rateMultiplier: number,
  rate: number = SMS_RATE_POUNDS,
): number {
  return fragments * rateMultiplier * rate;
}
