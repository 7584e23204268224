import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCountry } from '../../../src-shared/recipients/countries';
import { validateEmailAddress } from '../../../src-shared/recipients/email-address';
import { toAscii } from '../../../src-shared/recipients/idna';
import { parsePhoneNumber, validatePhoneNumberForService } from '../../../src-shared/recipients/phone-number';

// Recipient rules as Notify runs them (reference §10.1–10.2, issue 15 point 5). Cases restate, in our
// words, notifications-utils `tests/recipient_validation/test_phone_number.py` and
// `test_email_address.py`, plus every example in the issue.

const ALL = { internationalSms: true, smsToUkLandlines: true };
const NONE = { internationalSms: false, smsToUkLandlines: false };

describe('phone numbers: the second attempt cleans the text as SanitiseASCII does', () => {
  it.each([
    ['a tab', '07700\t900123'],
    ['a narrow no-break space', '07700\u202f900123'],
    ['a line separator', '07700\u2028900123'],
    ['a paragraph separator', '07700\u2029900123'],
    ['a no-break space', '07700\u00a0900123'],
    ['a zero-width space', '07700\u200b900123'],
    ['a word joiner and a tab after a plus', '+44\u2060\t7700 900123'],
    ['dashes of every kind', '07700\u2011900\u2013123'],
  ])('%s inside 07700 900123 is accepted and normalised', (_what, raw) => {
    const result = validatePhoneNumberForService(raw, NONE);
    expect(result.ok && result.value.normalised).toBe('447700900123');
  });

  it.each<[string, string, string]>([
    ['letters stay letters', '07890x32109', 'Must not contain letters or symbols'],
    [
      'an accented digit-like letter becomes its base letter',
      '0772345678é',
      'Must not contain letters or symbols',
    ],
    ['a symbol with no ASCII form becomes ?', '07723 ☟☜⬇⬆☞☝', 'Must not contain letters or symbols'],
    ['a newline becomes ? in ASCII', '07700\n900\n123', 'Must not contain letters or symbols'],
    ['stray plus and zeros before a UK number', '0+44(0)7779123456', ''],
    ['a leading plus with no country code', '+07044123456', ''],
  ])('%s: %j', (_what, raw, message) => {
    const result = validatePhoneNumberForService(raw, ALL);
    expect(result.ok ? '' : result.message).toBe(message);
  });
});

describe('phone numbers: possible length is judged for the calling code’s main region', () => {
  it.each<[string, string]>([
    // 9 national digits: possible for GB, though the Isle of Man range 7624 has only 10-digit numbers.
    ['07624 12345', 'Number is not valid – double check the phone number you entered'],
    ['07624 123456', ''],
    ['0772345678', 'Number is not valid – double check the phone number you entered'],
    ['0772345678910', 'Too many digits'],
    ['+44 (0)7723 456 789 10', 'Too many digits'],
    ['0044772345678910', 'Too many digits'],
    ['004477234567', 'Number is not valid – double check the phone number you entered'],
    ['00447723456', 'Number is not valid – double check the phone number you entered'],
    ['', 'Not enough digits'],
    ['80100000000', 'Too many digits'],
    ['1234567', 'Number is not valid – double check the phone number you entered'],
    ['+682 1234', 'Number is not valid – double check the phone number you entered'],
    ['+12345 12345 12345 6', 'Too many digits'],
    ['0033877123456', 'Number is not valid – double check the phone number you entered'],
  ])('%j: %j', (raw, message) => {
    const result = validatePhoneNumberForService(raw, ALL);
    expect(result.ok ? '' : result.message).toBe(message);
  });
});

describe('phone numbers: permissions before the country prefix, as PhoneNumber.validate orders them', () => {
  // +850 (North Korea) parses, but Notify's billing table has no rate for it.
  it.each<[string, typeof ALL, string]>([
    ['+850 192 123 4567', NONE, 'Cannot send to international mobile numbers'],
    ['+850 192 123 4567', ALL, 'Not a valid country prefix'],
    ['+14158961600', NONE, 'Cannot send to international mobile numbers'],
    ['020 7946 0991', NONE, 'Not a UK mobile number'],
    ['020 7946 0991', { internationalSms: true, smsToUkLandlines: false }, 'Not a UK mobile number'],
    ['020 7946 0991', ALL, ''],
    ['07797 800123', NONE, ''], // Jersey: +44, so not international
  ])('%j with %j: %j', (raw, perms, message) => {
    const result = validatePhoneNumberForService(raw, perms);
    expect(result.ok ? '' : result.message).toBe(message);
  });

  it('the schema-level parse (every permission) still refuses the prefix', () => {
    expect(parsePhoneNumber('+850 192 123 4567')).toEqual({ ok: false, code: 'UNSUPPORTED_COUNTRY_CODE' });
  });
});

describe('phone numbers: properties', () => {
  // UK numbers as people type them: a 0, a non-zero digit, then 8 or 9 more digits.
  const digits = fc
    .tuple(
      fc.constantFrom(...'123456789'),
      fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 8, maxLength: 9 }),
    )
    .map(([first, rest]) => `0${first}${rest}`);
  const clutter = fc.constantFrom('\t', '\u202f', '\u00a0', '\u2028', '\u200b', ' ', '-');

  it('obscure whitespace between a number’s digits never changes the verdict or the normalised number', () => {
    fc.assert(
      fc.property(digits, fc.nat(20), clutter, (number, at, extra) => {
        // Between digits. (Before the first digit, or splitting an international `00`, whitespace
        // changes how the leading zeros are read, in Notify as here.)
        const position = 1 + (at % (number.length - 1));
        const cluttered = number.slice(0, position) + extra + number.slice(position);
        const plain = validatePhoneNumberForService(number, ALL);
        const withExtra = validatePhoneNumberForService(cluttered, ALL);
        expect(withExtra.ok).toBe(plain.ok);
        if (plain.ok && withExtra.ok) expect(withExtra.value.normalised).toBe(plain.value.normalised);
      }),
      { numRuns: 300 },
    );
  });

  it('any text gets a verdict (a normalised number or a message), never an exception', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (raw) => {
        const result = validatePhoneNumberForService(raw, ALL);
        if (result.ok) expect(result.value.normalised).toMatch(/^[1-9]\d{5,16}$/);
        else expect(result.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('email addresses: obscure whitespace is stripped before validation', () => {
  it.each([
    ['a line separator', 'test@example.com\u2028'],
    ['a paragraph separator', '\u2029test@example.com'],
    ['a separator inside', 'test@exam\u2028ple.com'],
    ['a zero-width space', 'test@\u200bexample.com'],
    ['a narrow no-break space', 'test@example.com\u202f'],
    ['a byte order mark', '\ufefftest@example.com'],
  ])('%s', (_what, raw) => {
    expect(validateEmailAddress(raw)).toEqual({ ok: true, normalised: 'test@example.com' });
  });
});

describe('email addresses: the IDNA bidi rule goes by bidirectional class, not by script', () => {
  it.each<[string, string, boolean]>([
    ['Arabic letters only', 'test@مثال.com', true],
    ['Hebrew letters only', 'test@דוגמה.com', true],
    [
      'Arabic letters around Arabic-Indic digits (class AN, not right-to-left letters)',
      'test@م١٢٣ل.com',
      true,
    ],
    ['Arabic-Indic digits only (no right-to-left letter, so no bidi rule)', 'test@١٢٣.com', true],
    ['Arabic letters then a Latin letter', 'test@مثالa.com', false],
    ['Arabic letters ending in an Arabic-Indic digit', 'test@مثال١.com', false],
    ['Hebrew and Latin mixed', 'test@דוגמהx.com', false],
    ['a Latin label before an Arabic one is fine', 'test@example.مثال.com', true],
    ['European digits inside Arabic letters', 'test@م12ل.com', true],
    // ᴬ came after Unicode 3.2: Python neither normalises it to A nor gives it a class, so it passes
    ['a letter newer than Unicode 3.2 between Arabic letters', 'test@\u0627\u1d2c\u0627.com', true],
  ])('%s: %j valid %s', (_what, address, valid) => {
    expect(validateEmailAddress(address).ok).toBe(valid);
  });

  it('matches Python’s idna codec on the Arabic-Indic digits the script rule got wrong', () => {
    // "م١٢٣ل".encode("idna") succeeds in CPython; the old rule treated ١٢٣ as right-to-left letters
    // and "١٢٣" alone as needing right-to-left ends.
    expect(toAscii('م١٢٣ل.com')).toBe('xn--ghbb8fef.com');
    expect(toAscii('\u0627\u1d2c\u0627.com')).toBe('xn--mgba297o.com');
  });
});

describe('postal addresses: country names Notify accepts', () => {
  it.each<[string, string | null]>([
    // names from Notify's crowdsourced list that the older data files lacked
    ['Austrailia', 'Australia'],
    ['austrailia', 'Australia'],
    ['Argentinia', 'Argentina'],
    // Sri Lanka in Sinhala, written with the zero-width joiner that “Sri” takes, with and without spaces
    ['\u0dc1\u0dca\u200d\u0dbb\u0dd3 \u0dbd\u0d82\u0d9a\u0dcf', 'Sri Lanka'],
    ['\u0dc1\u0dca\u200d\u0dbb\u0dd3\u0dbd\u0d82\u0d9a\u0dcf', 'Sri Lanka'],
    ['\u0dc1\u0dca\u200d\u0dbb\u0dd3 \u0dbd\u0d82\u0d9a\u0dcf\u0dc0', 'Sri Lanka'],
    [
      '\u0dc1\u0dca\u200d\u0dbb\u0dd3 \u0dbd\u0d82\u0d9a\u0dcf \u0b87\u0bb2\u0b99\u0bcd\u0b95\u0bc8',
      'Sri Lanka',
    ],
    // and without the joiner, as the graph has them
    ['\u0dc1\u0dca\u0dbb\u0dd3 \u0dbd\u0d82\u0d9a\u0dcf', 'Sri Lanka'],
    // countries that no longer exist and have no successor are not countries
    ['USSR', null],
    ['yugoslavia', null],
  ])('%j is %j', (name, canonical) => {
    expect(findCountry(name)).toBe(canonical);
  });
});
