/**
 * Phone number validation: a port of UTILS `recipient_validation/phone_number.py` (`PhoneNumber`) and
 * `errors.py` (`InvalidPhoneError`), reference §10.1.
 *
 * UTILS uses Python `phonenumbers` (a port of Google’s libphonenumber); this uses `libphonenumber-js`
 * with the `max` metadata so number types (mobile, fixed line, premium rate…) are exact. The parts of
 * `phonenumbers` whose behaviour differs are reproduced here: input extraction and the “viable number”
 * check before the library is called, and the possible-length test, which Python makes against the
 * calling code's main region (GB for every +44 number) and with local-only lengths.
 */

import { Metadata } from 'libphonenumber-js/core';
import { parsePhoneNumberWithError } from 'libphonenumber-js/max';
import type { PhoneNumber as LibPhoneNumber, PhoneNumberType } from 'libphonenumber-js/max';
import maxMetadata from 'libphonenumber-js/max/metadata';
import { sanitiseAscii } from '../template/sanitise-text';
import { INTERNATIONAL_BILLING_RATES, RATE_MULTIPLIER_OVERRIDES } from './billing-rates-data';
import type { BillingRateRow } from './billing-rates-data';
import { UK, countryNameForRegion } from './countries';
import { numberTypeAndValidity } from './phone-number-type';
import { ALL_WHITESPACE } from './text';

/** UTILS `InvalidPhoneError.Codes` that the API can produce. */
export type PhoneErrorCode =
  | 'INVALID_NUMBER'
  | 'TOO_LONG'
  | 'TOO_SHORT'
  | 'NOT_A_UK_MOBILE'
  | 'UNKNOWN_CHARACTER'
  | 'UNSUPPORTED_COUNTRY_CODE';

/** UTILS `InvalidPhoneError.LEGACY_V2_API_ERROR_MESSAGES`: what the v2 API returns (en dash U+2013). */
export const LEGACY_PHONE_MESSAGES: Readonly<Record<PhoneErrorCode, string>> = {
  INVALID_NUMBER: 'Number is not valid \u2013 double check the phone number you entered',
  TOO_LONG: 'Too many digits',
  TOO_SHORT: 'Not enough digits',
  NOT_A_UK_MOBILE: 'Not a UK mobile number',
  UNKNOWN_CHARACTER: 'Must not contain letters or symbols',
  UNSUPPORTED_COUNTRY_CODE: 'Not a valid country prefix',
};

/** UTILS `InvalidPhoneError.ERROR_MESSAGES`: the wording of the admin UI and spreadsheet checks. */
export const MODERN_PHONE_MESSAGES: Readonly<Record<PhoneErrorCode, string>> = {
  INVALID_NUMBER: 'Number is not valid \u2013 double check the phone number you entered',
  TOO_LONG: 'Mobile number is too long',
  TOO_SHORT: 'Mobile number is too short',
  NOT_A_UK_MOBILE:
    'This does not look like a UK mobile number \u2013 double check the mobile number you entered',
  UNKNOWN_CHARACTER: 'Mobile numbers can only include: 0 1 2 3 4 5 6 7 8 9 ( ) + -',
  UNSUPPORTED_COUNTRY_CODE: 'Country code not found - double check the mobile number you entered',
};

/** The API’s message when a service without `international_sms` sends to a non-UK number. */
const INTERNATIONAL_NOT_ALLOWED_MESSAGE = 'Cannot send to international mobile numbers';

/** A parsed, service-independent phone number. */
export interface PhoneNumberInfo {
  /** E.164 without `+`, e.g. `447700900123` (UTILS `get_normalised_format`). */
  normalised: string;
  countryCode: number;
  /** Country code +44, including Jersey, Guernsey and the Isle of Man (UTILS `is_uk_phone_number`). */
  isUk: boolean;
  /** +44 and a landline type: fixed line, fixed line or mobile, or UAN (UTILS `LANDLINE_CODES`). */
  isUkLandline: boolean;
  /** A mobile: Ofcom TV number, mobile type, or (outside +44) fixed-line-or-mobile. */
  isMobile: boolean;
  /** The SMS rate multiplier Notify bills this number at. */
  rateMultiplier: number;
  /** Whether the destination country sends delivery receipts (`dlr: YES`); else the SMS stays `sent`. */
  hasDeliveryReceipts: boolean;
  countryName: string | null;
  /** UTILS `is_international_number`: not a GB number and not an Ofcom TV number. */
  international: boolean;
  /** UTILS `is_a_crown_dependency_number`: +44 but Jersey, Guernsey or the Isle of Man. */
  crownDependency: boolean;
  /** The key into the billing rates table: the country code, or `1` plus area code (e.g. `1664`). */
  countryPrefix: string;
  /** The libphonenumber type, or null for numbers only accepted as Ofcom TV numbers. */
  numberType: PhoneNumberType | null;
  /** An Ofcom drama number (national number `7700` followed by a digit). */
  isTvNumber: boolean;
  /** ISO region of the number (`GB`, `JE`, `US`…), null when libphonenumber assigns none. */
  regionCode: string | null;
}

type Result<T> = { ok: true; value: T } | { ok: false; code: PhoneErrorCode };

const LANDLINE_TYPES: ReadonlySet<PhoneNumberType> = new Set(['FIXED_LINE', 'FIXED_LINE_OR_MOBILE', 'UAN']);
const ALLOWED_TYPES: ReadonlySet<PhoneNumberType> = new Set([
  'FIXED_LINE',
  'MOBILE',
  'FIXED_LINE_OR_MOBILE',
  'UAN',
  'PERSONAL_NUMBER',
]);

/** UTILS’ character check: `ALL_WHITESPACE + "()-+" + digits`. */
const ALLOWED_CHARACTERS: ReadonlySet<string> = new Set(`${ALL_WHITESPACE}()-+0123456789`);

/** `phonenumbers` `_VALID_PUNCTUATION` plus `*`. */
const PUNCTUATION =
  '-x\\u2010-\\u2015\\u2212\\u30FC\\uFF0D-\\uFF0F \\u00A0\\u00AD\\u200B\\u2060\\u3000()\\uFF08\\uFF09\\uFF3B\\uFF3D.\\[\\]/~\\u2053\\u223C\\uFF5E*';
/** `phonenumbers` `_VALID_PHONE_NUMBER` (the alphabetic parts cannot occur after the character check). */
const VIABLE_PHONE_NUMBER = new RegExp(
  `^(?:[0-9]{2}|\\+*(?:[${PUNCTUATION}]*[0-9]){3,}[${PUNCTUATION}0-9]*)$`,
);
const MAX_INPUT_LENGTH = 250;

/**
 * Lengths that `phonenumbers` reports as IS_POSSIBLE_LOCAL_ONLY (numbers without their area code), which
 * `libphonenumber-js` metadata does not carry. Only the regions whose metadata `is_possible_number_with_reason`
 * consults for +44 and +1 numbers are listed (GB and US general descriptions).
 */
const LOCAL_ONLY_LENGTHS: Readonly<Record<string, readonly number[]>> = {
  '44': [4, 5, 6, 8],
  '1': [7],
};

const RATES = new Map<string, BillingRateRow>(INTERNATIONAL_BILLING_RATES.map((row) => [row[0], row]));

/** `phonenumbers._extract_possible_number`, for input that passed the character check. */
function extractPossibleNumber(value: string): string {
  const start = value.search(/[+0-9]/);
  if (start < 0) return '';
  return value.slice(start).replace(/[^0-9]+$/, '');
}

/**
 * `phonenumbers.parse`; null where it raises `NumberParseException` (UTILS turns that into INVALID_NUMBER).
 *
 * The extraction and viability check are Python’s; the digits then go to libphonenumber-js.
 */
function libParse(value: string, withDefaultRegion: boolean): LibPhoneNumber | null {
  if (value.length > MAX_INPUT_LENGTH && Array.from(value).length > MAX_INPUT_LENGTH) return null;
  const extracted = extractPossibleNumber(value);
  if (extracted.length < 2 || !VIABLE_PHONE_NUMBER.test(extracted)) return null;
  let canonical = (extracted.startsWith('+') ? '+' : '') + extracted.replace(/[^0-9]/g, '');
  // `phonenumbers` retries a `+` that has no valid country code after it without the plus, stripping
  // the default region’s international prefix (`00` for GB) when a non-zero digit follows it.
  if (withDefaultRegion && /^\+00[1-9]/.test(canonical)) canonical = `+${canonical.slice(3)}`;
  try {
    return withDefaultRegion
      ? parsePhoneNumberWithError(canonical, 'GB')
      : parsePhoneNumberWithError(canonical);
  } catch {
    return null;
  }
}

type Possibility =
  | 'IS_POSSIBLE'
  | 'IS_POSSIBLE_LOCAL_ONLY'
  | 'TOO_SHORT'
  | 'TOO_LONG'
  | 'INVALID_LENGTH'
  | 'INVALID_COUNTRY_CODE';

const lengthMetadata = new Metadata(maxMetadata);
const mainRegionLengths = new Map<string, readonly number[]>();

/**
 * The possible national-number lengths of the main region for a calling code (GB for +44, US for +1),
 * which is the metadata `phonenumbers` judges every number of that calling code by.
 */
function possibleLengthsFor(callingCode: string): readonly number[] {
  const known = mainRegionLengths.get(callingCode);
  if (known !== undefined) return known;
  const mainRegion = maxMetadata.country_calling_codes[callingCode]?.[0];
  let lengths: readonly number[] = [];
  if (mainRegion !== undefined) {
    lengthMetadata.selectNumberingPlan(mainRegion);
    lengths = lengthMetadata.numberingPlan?.possibleLengths() ?? [];
  }
  mainRegionLengths.set(callingCode, lengths);
  return lengths;
}

/**
 * `phonenumbers.is_possible_number_with_reason`: the length test against the calling code's main
 * region, not the region the number's digits point at. `07624 12345` has 9 digits: possible for GB,
 * though the Isle of Man (whose range 7624 is) only has 10-digit numbers; it is then refused as not
 * valid, not as too short.
 */
function possibility(number: LibPhoneNumber): Possibility {
  const length = number.nationalNumber.length;
  if (LOCAL_ONLY_LENGTHS[number.countryCallingCode]?.includes(length)) return 'IS_POSSIBLE_LOCAL_ONLY';
  const lengths = possibleLengthsFor(number.countryCallingCode);
  const shortest = lengths[0];
  const longest = lengths[lengths.length - 1];
  if (shortest === undefined || longest === undefined) return 'INVALID_COUNTRY_CODE';
  if (length === shortest) return 'IS_POSSIBLE';
  if (length < shortest) return 'TOO_SHORT';
  if (length > longest) return 'TOO_LONG';
  return lengths.includes(length) ? 'IS_POSSIBLE' : 'INVALID_LENGTH';
}

/** UTILS `InvalidPhoneError.from_phonenumbers_validation_result`. */
function codeForPossibility(reason: Possibility): PhoneErrorCode {
  switch (reason) {
    case 'TOO_LONG':
      return 'TOO_LONG';
    case 'TOO_SHORT':
    case 'IS_POSSIBLE_LOCAL_ONLY':
      return 'TOO_SHORT';
    case 'INVALID_COUNTRY_CODE':
      return 'UNSUPPORTED_COUNTRY_CODE';
    default:
      return 'INVALID_NUMBER';
  }
}

/** UTILS `_is_tv_number`: `re.match("7700[900000-900999]", str(national_number))`, any country. */
function isTvNumber(number: LibPhoneNumber): boolean {
  return /^7700[0-9]/.test(number.nationalNumber.replace(/^0+/, ''));
}

/** A parsed number and its libphonenumber type (computed once: type detection is the costly part). */
interface Parsed {
  number: LibPhoneNumber;
  type: PhoneNumberType | null;
}

/** UTILS `PhoneNumber.parse_phone_number`. */
function parseOnce(value: string): Result<Parsed> {
  for (const c of value) if (!ALLOWED_CHARACTERS.has(c)) return { ok: false, code: 'UNKNOWN_CHARACTER' };
  if (value === '') return { ok: false, code: 'TOO_SHORT' };
  let number = libParse(value, true);
  if (number === null) return { ok: false, code: 'INVALID_NUMBER' };
  const reason = possibility(number);
  if (reason !== 'IS_POSSIBLE') {
    // Spreadsheets strip a leading `+`: try the number as international before giving up.
    const forced = libParse(`+${value}`, false);
    const forcedReason = forced === null ? null : possibility(forced);
    if (forced !== null && (forcedReason === 'IS_POSSIBLE' || forcedReason === 'IS_POSSIBLE_LOCAL_ONLY')) {
      number = forced;
    } else {
      return { ok: false, code: codeForPossibility(reason) };
    }
  }
  const { type, valid } = numberTypeAndValidity(number);
  if (!(type !== undefined && ALLOWED_TYPES.has(type) && valid) && !isTvNumber(number)) {
    return { ok: false, code: 'INVALID_NUMBER' };
  }
  return { ok: true, value: { number, type: type ?? null } };
}

/**
 * UTILS `PhoneNumber._thoroughly_normalise_number`: every `+` and the leading zeros removed, and the text
 * downgraded to ASCII as `SanitiseASCII` does, so a tab or narrow no-break space becomes a space, a
 * zero-width character or U+2028 disappears and a dash becomes `-` (`0+44(0)7700…`, `1‑202–555—0104`).
 */
function thoroughlyNormalise(raw: string): string {
  return sanitiseAscii(raw.replaceAll('+', '').replace(/^0+/, ''));
}

/**
 * UTILS `PhoneNumber.__init__`: parse, and on failure parse the thoroughly normalised text once more;
 * the second attempt's error is the one reported.
 */
function construct(raw: string): Result<Parsed> {
  const first = parseOnce(raw);
  return first.ok ? first : parseOnce(thoroughlyNormalise(raw));
}

/** UTILS `PhoneNumber.prefix`: the billing-table key (`1664` for Montserrat, else the country code). */
function billingPrefix(number: LibPhoneNumber): string {
  if (number.countryCallingCode === '1') {
    const areaPrefix = number.number.slice(1, 5);
    if (RATES.has(areaPrefix)) return areaPrefix;
  }
  return number.countryCallingCode;
}

function describeNumber({ number, type }: Parsed): PhoneNumberInfo {
  const tv = isTvNumber(number);
  const countryCode = Number(number.countryCallingCode);
  const region = number.country ?? null;
  const isUk = countryCode === 44;
  const international = region !== 'GB' && !tv;
  const crownDependency = !tv && isUk && region !== 'GB';
  const prefix = billingPrefix(number);
  const rate = RATES.get(prefix);
  const rateMultiplier = international ? (RATE_MULTIPLIER_OVERRIDES[prefix] ?? rate?.[1] ?? 1) : 1;
  let countryName: string | null;
  if (tv || region === 'GB') countryName = UK;
  else countryName = (region === null ? null : countryNameForRegion(region)) ?? rate?.[3][0] ?? null;
  return Object.freeze({
    normalised: number.number.slice(1),
    countryCode,
    isUk,
    isUkLandline: isUk && type !== null && LANDLINE_TYPES.has(type),
    isMobile: tv || type === 'MOBILE' || (type === 'FIXED_LINE_OR_MOBILE' && !isUk),
    rateMultiplier,
    hasDeliveryReceipts: (rate?.[2] ?? '').toLowerCase() === 'yes',
    countryName,
    international,
    crownDependency,
    countryPrefix: prefix,
    numberType: type,
    isTvNumber: tv,
    regionCode: region,
  });
}

const CACHE_LIMIT = 8192;
const cache = new Map<string, Result<PhoneNumberInfo>>();

/** `PhoneNumber(raw)`, described; cached because the API parses the same recipients over and over. */
function constructInfo(raw: string): Result<PhoneNumberInfo> {
  const cached = cache.get(raw);
  if (cached !== undefined) return cached;
  const parsed = construct(raw);
  const result: Result<PhoneNumberInfo> = parsed.ok
    ? { ok: true, value: describeNumber(parsed.value) }
    : parsed;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(raw, result);
  return result;
}

/**
 * Schema-level check (format `phone_number`): allows international numbers and UK landlines; the §10.1
 * parsing retries.
 *
 * Mirrors the API’s format checker, `PhoneNumber(value).validate(allow_international_number=True,
 * allow_uk_landline=True)`: parse (with the forced-international and “strip + and leading zeros” retries),
 * then reject country codes missing from the billing table.
 */
export function parsePhoneNumber(
  raw: string,
): { ok: true; value: PhoneNumberInfo } | { ok: false; code: PhoneErrorCode } {
  const result = validatePhoneNumberForService(raw, { internationalSms: true, smsToUkLandlines: true });
  return result.ok ? result : { ok: false, code: result.code };
}

/**
 * Service-permission check after parsing: returns null if allowed, else the code (international without
 * permission -> NOT_A_UK_MOBILE, caller maps to "Cannot send to international mobile numbers"; UK landline
 * without sms_to_uk_landlines -> NOT_A_UK_MOBILE).
 *
 * The permission half of UTILS `PhoneNumber.validate(allow_international_number, allow_uk_landline)`;
 * the country-prefix check follows it in `validatePhoneNumberForService`. Crown-dependency numbers (+44)
 * are not international.
 */
export function checkPhoneNumberPermissions(
  info: PhoneNumberInfo,
  perms: { internationalSms: boolean; smsToUkLandlines: boolean },
): PhoneErrorCode | null {
  if (!perms.internationalSms && info.countryCode !== 44) return 'NOT_A_UK_MOBILE';
  if (info.isUkLandline && !perms.smsToUkLandlines) return 'NOT_A_UK_MOBILE';
  return null;
}

/**
 * The v2 API message for a phone error found while validating a recipient.
 *
 * The API’s `validate_and_return_extended_phone_number_info`: NOT_A_UK_MOBILE for an international number
 * that is not a Crown dependency becomes “Cannot send to international mobile numbers”; everything else
 * uses the legacy v2 wording.
 */
export function phoneErrorMessage(code: PhoneErrorCode, info?: PhoneNumberInfo): string {
  if (code === 'NOT_A_UK_MOBILE' && info !== undefined && info.international && !info.crownDependency) {
    return INTERNATIONAL_NOT_ALLOWED_MESSAGE;
  }
  return LEGACY_PHONE_MESSAGES[code];
}

/**
 * Validates an SMS recipient for a service: parsing, then the service's permissions, then the country
 * prefix, in the order of UTILS `PhoneNumber.validate` (a service without `international_sms` is told
 * it cannot send abroad before it is told the prefix is not supported).
 *
 * Returns the parsed number, or the error code and the exact v2 message.
 */
export function validatePhoneNumberForService(
  raw: string,
  perms: { internationalSms: boolean; smsToUkLandlines: boolean },
): { ok: true; value: PhoneNumberInfo } | { ok: false; code: PhoneErrorCode; message: string } {
  const parsed = constructInfo(raw);
  if (!parsed.ok) return { ...parsed, message: phoneErrorMessage(parsed.code) };
  const code =
    checkPhoneNumberPermissions(parsed.value, perms) ??
    (RATES.has(String(parsed.value.countryCode)) ? null : 'UNSUPPORTED_COUNTRY_CODE');
  return code === null ? parsed : { ok: false, code, message: phoneErrorMessage(code, parsed.value) };
}

/**
 * E.164 without `+` for guest-list and simulated-number matching, or null if the number does not parse.
 *
 * UTILS `PhoneNumber(raw).get_normalised_format()`; no country-code support check, as in UTILS’
 * `format_recipient`.
 */
export function normalisePhoneNumber(raw: string): string | null {
  const result = constructInfo(raw);
  return result.ok ? result.value.normalised : null;
}
