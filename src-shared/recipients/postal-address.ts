/**
 * Postal address validation: a port of UTILS `recipient_validation/postal_address.py` (`PostalAddress`)
 * and the API’s `validate_address` (`app/notifications/validators.py`), reference §10.3.
 */

import { UK, findCountry, postageZone } from './countries';
import { UK_POSTCODE_ZONES } from './countries-data';
import { StringBuilder } from '../template/string-builder';
import { removeWhitespaceBeforePunctuation } from '../template/typography';
import { PY_WHITESPACE_CLASS, linesWithNormalisedWhitespace, removeWhitespace } from './text';

/** A valid address, normalised as Notify prints it. */
export interface AddressResult {
  ok: true;
  /** UTILS `normalised_lines`: whitespace normalised, blank lines dropped, postcode as `SW1A 1AA`. */
  lines: string[];
  /** The formatted UK postcode, or null for international and postcode-less BFPO addresses. */
  postcode: string | null;
  international: boolean;
  /** The postage the API switches an international letter to; null for UK addresses (keep the template’s). */
  postage: 'europe' | 'rest-of-world' | null;
  /** Canonical country name (`United Kingdom` for UK, Channel Islands and Isle of Man addresses). */
  country: string | null;
  isBfpo: boolean;
  /** The BFPO number, when `isBfpo`. */
  bfpoNumber: number | null;
}

interface AddressError {
  ok: false;
  message: string;
}

/** The 400 ValidationError messages of `validate_address`, byte-exact. */
export const ADDRESS_MESSAGES = {
  tooFewLines: 'Address must be at least 3 lines',
  tooManyLines: 'Address must be no more than 7 lines',
  notAlphanumeric: 'The first 2 lines of the address must both include at least one alphanumeric character',
  bfpoWithCountry: 'The last line of a BFPO address must not be a country.',
  invalidLastLineInternational: 'Last line of address must be a real UK postcode or another country',
  invalidPostcode: 'Must be a real UK postcode',
  invalidCharacters:
    'Address lines must not start with any of the following characters: @ ( ) = [ ] \u201D \\ / , < >',
  noFixedAbode: 'Must be a real address',
} as const;

/** UTILS `PostalAddress.MIN_LINES` / `MAX_LINES`. */
const MIN_ADDRESS_LINES = 3;
const MAX_ADDRESS_LINES = 7;

const ADDRESS_LINE_KEYS_1_TO_6 = [
  'address_line_1',
  'address_line_2',
  'address_line_3',
  'address_line_4',
  'address_line_5',
  'address_line_6',
] as const;

/** UTILS `INVALID_CHARACTERS_AT_START_OF_ADDRESS_LINE` (note: a straight `"` and `~`, unlike the message). */
const INVALID_FIRST_CHARACTERS = new Set('@()=[]"\\/,<>~');

const POSTCODE_PATTERN = new RegExp(
  `^(?:${UK_POSTCODE_ZONES.join('|')})[0-9][0-9A-Z]?[0-9][A-BD-HJLNP-UW-Z]{2}$`,
);
const BFPO_LINE = new RegExp(
  `^[${PY_WHITESPACE_CLASS}]*bfpo[${PY_WHITESPACE_CLASS}]*(?:c\\/o)?(?:[${PY_WHITESPACE_CLASS}]*(\\p{Nd}+))?[${PY_WHITESPACE_CLASS}]*$`,
  'u',
);
const NO_FIXED_ABODE = /no fixed (abode|address)/i;
const ASCII_DIGITS = /^[0-9]+$/;
const ALPHANUMERIC = /[a-zA-Z0-9]/;

/**
 * `line.rstrip(" ,")`, without a regex: `/[ ,]+$/` retries from every space or comma in a line of
 * them, which is quadratic.
 */
function stripTrailingSpacesAndCommas(line: string): string {
  let end = line.length;
  while (end > 0 && (line.charCodeAt(end - 1) === 0x20 || line.charCodeAt(end - 1) === 0x2c)) end--;
  return end === line.length ? line : line.slice(0, end);
}

/** UTILS `normalise_postcode`: all whitespace removed, upper case. */
function normalisePostcode(postcode: string): string {
  return removeWhitespace(postcode).toUpperCase();
}

/**
 * Whether a string is a real UK postcode, with any spacing or case.
 *
 * UTILS `_is_a_real_uk_postcode`: the outward code must start with a Royal Mail postcode area.
 */
function isUkPostcode(s: string): boolean {
  return POSTCODE_PATTERN.test(normalisePostcode(s));
}

/**
 * Formats a postcode for printing as `OUTWARD INWARD` (`sw1a1aa` → `SW1A 1AA`).
 *
 * UTILS `format_postcode_for_printing`; like UTILS it assumes the input is already a valid postcode.
 */
function formatPostcode(s: string): string {
  const normalised = normalisePostcode(s);
  return `${normalised.slice(0, -3)} ${normalised.slice(-3)}`;
}

function formatPostcodeOrNull(s: string | undefined): string | null {
  return s !== undefined && isUkPostcode(s) ? formatPostcode(s) : null;
}

const digitValues = new Map<string, number>();

/** The value of a Unicode decimal digit (Python `int()` accepts every `Nd` digit, not just ASCII). */
function digitValue(c: string): number {
  const known = digitValues.get(c);
  if (known !== undefined) return known;
  let cp = c.codePointAt(0) ?? 48;
  let offset = 0;
  // Decimal digits come in aligned runs of ten: walk back to the start of the run.
  while (/\p{Nd}/u.test(String.fromCodePoint(cp - 1))) {
    cp--;
    offset++;
  }
  digitValues.set(c, offset % 10);
  return offset % 10;
}

/**
 * Python `int()` of a BFPO number, as the nearest double. A decimal string converts to the same
 * correctly rounded double as the integer it spells, so no BigInt is needed (parsing a BigInt from
 * megabytes of digits is quadratic).
 */
function pyInt(digits: string): number {
  if (ASCII_DIGITS.test(digits)) return Number(digits);
  const ascii = new StringBuilder();
  for (const c of digits) ascii.pushCode(48 + digitValue(c));
  return Number(ascii.toString());
}

/**
 * Python `str()` of a personalisation value, after UTILS’ `value or ""`.
 *
 * Falsy values (null, false, 0, empty string, list or object) give an empty string.
 */
function pyStr(value: unknown): string {
  if (value === null || value === undefined || value === false || value === 0 || value === '') return '';
  if (typeof value === 'string') return value;
  if (value === true) return 'True';
  if (typeof value === 'number') return Number.isNaN(value) ? 'nan' : String(value);
  if (Array.isArray(value)) return value.length === 0 ? '' : `[${value.map(pyRepr).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length === 0
      ? ''
      : `{${entries.map(([k, v]) => `${pyRepr(k)}: ${pyRepr(v)}`).join(', ')}}`;
  }
  return String(value);
}

function pyRepr(value: unknown): string {
  if (typeof value === 'string')
    return value.includes("'") && !value.includes('"') ? `"${value}"` : `'${value}'`;
  if (value === null || value === undefined) return 'None';
  if (value === false) return 'False';
  if (value === 0) return '0';
  if (Array.isArray(value) && value.length === 0) return '[]';
  if (typeof value === 'object' && Object.keys(value).length === 0) return '{}';
  return pyStr(value);
}

/**
 * UTILS `PostalAddress.from_personalisation`: lines 1–6 plus `postcode`, or lines 1–7 when the key
 * `address_line_7` is present. Keys are matched exactly (the API passes the raw request dict).
 */
function rawAddressFromPersonalisation(personalisation: Record<string, unknown>): string {
  const hasLine7 = Object.hasOwn(personalisation, 'address_line_7');
  const keys: string[] = [...ADDRESS_LINE_KEYS_1_TO_6, hasLine7 ? 'address_line_7' : 'postcode'];
  return keys
    .map((key) => pyStr(Object.hasOwn(personalisation, key) ? personalisation[key] : undefined))
    .join('\n');
}

interface ParsedAddress {
  lines: string[];
  country: string;
  international: boolean;
  bfpoNumber: number | null;
  postcode: string | null;
  normalisedLines: string[];
}

/** UTILS `PostalAddress.__init__` and its properties, computed once. */
function parseAddress(raw: string): ParsedAddress {
  let lines = linesWithNormalisedWhitespace(raw)
    .map(stripTrailingSpacesAndCommas)
    .filter((line) => line !== '')
    .map(removeWhitespaceBeforePunctuation);
  if (lines.length === 0) lines = [''];

  // _parse_and_extract_bfpo
  let bfpoNumber: number | null = null;
  let linesWithoutBfpo = lines;
  for (const line of lines) {
    const digits = BFPO_LINE.exec(line.toLowerCase())?.[1];
    if (digits) {
      bfpoNumber = pyInt(digits);
      linesWithoutBfpo = lines.filter((l) => !BFPO_LINE.test(l.toLowerCase()));
      break;
    }
  }

  // trailing_uk_countries: count UK-country lines from the end, skipping non-countries, stopping at a
  // non-UK country.
  let trailingUk = 0;
  for (let i = linesWithoutBfpo.length - 1; i >= 0; i--) {
    const found = findCountry(linesWithoutBfpo[i] ?? '');
    if (found === null) continue;
    if (found === UK) trailingUk++;
    else break;
  }

  const lastLine = linesWithoutBfpo[linesWithoutBfpo.length - 1];
  const lastCountry = lastLine === undefined ? null : findCountry(lastLine);
  const country = lastCountry ?? UK;
  const linesWithoutCountryOrBfpo =
    lastCountry === null ? linesWithoutBfpo : linesWithoutBfpo.slice(0, -(trailingUk || 1));
  const international = postageZone(country) !== 'united-kingdom';
  const postcode = international
    ? null
    : formatPostcodeOrNull(linesWithoutCountryOrBfpo[linesWithoutCountryOrBfpo.length - 1]);

  let normalisedLines: string[];
  if (bfpoNumber !== null) {
    const bfpoLine = `BFPO ${bfpoNumber}`;
    if (international) normalisedLines = [...linesWithoutCountryOrBfpo, bfpoLine, country];
    else if (postcode) normalisedLines = [...linesWithoutCountryOrBfpo.slice(0, -1), postcode, bfpoLine];
    else normalisedLines = [...linesWithoutCountryOrBfpo, bfpoLine];
  } else if (international) {
    normalisedLines = [...linesWithoutCountryOrBfpo, country];
  } else if (postcode) {
    normalisedLines = [...linesWithoutCountryOrBfpo.slice(0, -1), postcode];
  } else {
    normalisedLines = linesWithoutCountryOrBfpo;
  }

  return { lines, country, international, bfpoNumber, postcode, normalisedLines };
}

/**
 * Validates a letter’s address from its personalisation, as `POST /v2/notifications/letter` does.
 *
 * Runs the checks of the API’s `validate_address` in order and returns the first failure’s exact
 * message, or the normalised address with the postage an international letter switches to.
 */
export function validatePostalAddress(
  personalisation: Record<string, unknown>,
  opts: { allowInternational: boolean },
): AddressResult | AddressError {
  const address = parseAddress(rawAddressFromPersonalisation(personalisation));
  const normalisedLines = address.normalisedLines;
  const isBfpo = address.bfpoNumber !== null;
  // line_count = len(normalised.splitlines()): lines are single-line and only an empty address is blank.
  const lineCount = normalisedLines.filter((line) => line !== '').length;

  if (lineCount < MIN_ADDRESS_LINES) return { ok: false, message: ADDRESS_MESSAGES.tooFewLines };
  if (lineCount > MAX_ADDRESS_LINES) return { ok: false, message: ADDRESS_MESSAGES.tooManyLines };
  if (!normalisedLines.slice(0, 2).every((line) => ALPHANUMERIC.test(line))) {
    return { ok: false, message: ADDRESS_MESSAGES.notAlphanumeric };
  }
  const invalidCountryForBfpo = address.international && isBfpo;
  if (invalidCountryForBfpo) return { ok: false, message: ADDRESS_MESSAGES.bfpoWithCountry };
  const validLastLine =
    (opts.allowInternational && address.international && !isBfpo) ||
    address.postcode !== null ||
    (isBfpo && !invalidCountryForBfpo);
  if (!validLastLine) {
    return {
      ok: false,
      message: opts.allowInternational
        ? ADDRESS_MESSAGES.invalidLastLineInternational
        : ADDRESS_MESSAGES.invalidPostcode,
    };
  }
  if (normalisedLines.some((line) => line !== '' && INVALID_FIRST_CHARACTERS.has(line[0] ?? ''))) {
    return { ok: false, message: ADDRESS_MESSAGES.invalidCharacters };
  }
  if (
    normalisedLines.some((line) => line.toLowerCase() === 'nfa') ||
    NO_FIXED_ABODE.test(normalisedLines.join('\n'))
  ) {
    return { ok: false, message: ADDRESS_MESSAGES.noFixedAbode };
  }

  const zone = postageZone(address.country);
  return {
    ok: true,
    lines: normalisedLines,
    postcode: address.postcode,
    international: address.international,
    postage: zone === 'united-kingdom' ? null : zone,
    country: address.country,
    isBfpo,
    bfpoNumber: address.bfpoNumber,
  };
}
