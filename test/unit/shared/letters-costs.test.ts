import { describe, expect, it } from 'vitest';
import { SMS_RATE_POUNDS, letterRate, smsCostInPounds } from '../../../src-shared/letters/costs';
import { parsePhoneNumber } from '../../../src-shared/recipients/phone-number';

// Rates from alphagov/notifications-api migrations (0492_sms_rate_april_2025, 0491_letter_rates_april_2025,
// 0543_letter_rates_from_5_01_26); the cost formula from the API's serialize_with_cost_data (reference §4.5).

describe('SMS costs', () => {
  it('uses the current SMS rate', () => {
    expect(SMS_RATE_POUNDS).toBe(0.0233);
  });

  it.each([
    [2, 1, 0.0227, 0.0454], // the API test's example
    [1, 1, 0.0233, 0.0233],
    [3, 2, 0.0233, 0.1398],
    [0, 1, 0.0233, 0],
  ])('%d fragment(s) × %d × £%d = £%d', (fragments, multiplier, rate, expected) => {
    expect(smsCostInPounds(fragments, multiplier, rate)).toBe(expected);
  });

  it('multiplies in the API’s order, so floating-point results match Python', () => {
    expect(smsCostInPounds(7, 10, 0.0233)).toBe(7 * 10 * 0.0233);
    expect(smsCostInPounds(3, 1.5, 0.0233)).toBe(3 * 1.5 * 0.0233);
  });

  it('defaults to the current rate', () => {
    expect(smsCostInPounds(1, 1)).toBe(SMS_RATE_POUNDS);
  });

  it('bills international numbers at their rate multiplier', () => {
    const egypt = parsePhoneNumber('+201212341234');
    expect(egypt.ok && smsCostInPounds(1, egypt.value.rateMultiplier)).toBe(7 * 0.0233);
    const uk = parsePhoneNumber('07700900123');
    expect(uk.ok && smsCostInPounds(1, uk.value.rateMultiplier)).toBe(0.0233);
  });
});

describe('letter costs', () => {
  it.each([
    ['economy', [0.64, 0.69, 0.73, 0.78, 0.82]],
    ['second', [0.73, 0.77, 0.82, 0.87, 0.91]],
    ['first', [1.49, 1.53, 1.57, 1.63, 1.67]],
    ['europe', [1.72, 1.77, 1.82, 1.85, 1.9]],
    ['rest-of-world', [1.72, 1.77, 1.82, 1.85, 1.9]],
  ])('%s post costs %j for 1–5 sheets', (postage, rates) => {
    rates.forEach((rate, index) => {
      expect(letterRate(index + 1, postage)).toBe(rate);
    });
  });

  it.each(['first', 'second', 'economy', 'europe', 'rest-of-world'])(
    '%s post has a rate for 1 to 5 sheets (10 pages, Notify’s maximum) and none beyond',
    (postage) => {
      for (let sheets = 1; sheets <= 5; sheets++) expect(letterRate(sheets, postage)).toBeGreaterThan(0);
      expect(() => letterRate(6, postage)).toThrow(RangeError);
    },
  );

  it.each([
    [0, 'second'],
    [6, 'second'],
    [1.5, 'second'],
    [1, 'united-kingdom'],
    [1, 'toString'],
    [1, ''],
  ])('throws for %d sheet(s) of %j post', (sheets, postage) => {
    expect(() => letterRate(sheets, postage)).toThrow(RangeError);
  });
});
