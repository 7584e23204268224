import { describe, expect, it } from 'vitest';
import { ADDRESS_MESSAGES, validatePostalAddress } from '../../../src-shared/recipients/postal-address';
import type { AddressResult } from '../../../src-shared/recipients/postal-address';

// Cases ported from alphagov/notifications-utils tests/recipient_validation/test_postal_address.py and the
// API's validate_address tests, plus every message of the reference (§10.3).

const UK_ONLY = { allowInternational: false };
const INTERNATIONAL = { allowInternational: true };

/** A whole multi-line address in `address_line_1`: `from_personalisation` joins and re-splits the lines. */
function raw(address: string): Record<string, unknown> {
  return { address_line_1: address };
}

function valid(personalisation: Record<string, unknown>, opts = INTERNATIONAL): AddressResult {
  const result = validatePostalAddress(personalisation, opts);
  if (!result.ok) throw new Error(`unexpectedly invalid: ${result.message}`);
  return result;
}

function message(personalisation: Record<string, unknown>, opts = INTERNATIONAL): string | null {
  const result = validatePostalAddress(personalisation, opts);
  return result.ok ? null : result.message;
}

describe('messages', () => {
  it('are byte-exact', () => {
    expect(ADDRESS_MESSAGES).toEqual({
      tooFewLines: 'Address must be at least 3 lines',
      tooManyLines: 'Address must be no more than 7 lines',
      notAlphanumeric:
        'The first 2 lines of the address must both include at least one alphanumeric character',
      bfpoWithCountry: 'The last line of a BFPO address must not be a country.',
      invalidLastLineInternational: 'Last line of address must be a real UK postcode or another country',
      invalidPostcode: 'Must be a real UK postcode',
      invalidCharacters:
        'Address lines must not start with any of the following characters: @ ( ) = [ ] ” \\ / , < >',
      noFixedAbode: 'Must be a real address',
    });
    expect(ADDRESS_MESSAGES.invalidCharacters).toContain('\u201D');
    expect(ADDRESS_MESSAGES.invalidCharacters).not.toContain('"');
    expect(ADDRESS_MESSAGES.invalidCharacters).not.toContain('~');
  });
});

describe('validatePostalAddress: each check, in order', () => {
  it.each([
    [{}, 'Address must be at least 3 lines'],
    [{ address_line_1: 'A', address_line_2: 'B' }, 'Address must be at least 3 lines'],
    [raw('Too short, valid postcode\nSW1A 1AA'), 'Address must be at least 3 lines'],
    [raw('Too short, valid country\nBhutan'), 'Address must be at least 3 lines'],
    [raw('\n\n  \n'), 'Address must be at least 3 lines'],
    [raw('123 Example Street\n\n\nCity of Town'), 'Address must be at least 3 lines'],
    [raw('1\n2\n3\n4\n5\n6\n7\n8'), 'Address must be no more than 7 lines'],
    [raw('Too long, valid postcode\n2\n3\n4\n5\n6\n7\nSW1A 1AA'), 'Address must be no more than 7 lines'],
    [raw('Too long, valid country\n2\n3\n4\n5\n6\n7\nBhutan'), 'Address must be no more than 7 lines'],
    [raw('!!!\n123 Example Street\nSW1A 1AA'), ADDRESS_MESSAGES.notAlphanumeric],
    [raw('123 Example Street\n...\nSW1A 1AA'), ADDRESS_MESSAGES.notAlphanumeric],
    [raw('£$%\n123 Example Street\nSW1A 1AA'), ADDRESS_MESSAGES.notAlphanumeric],
    // A trailing UK country is dropped before lines are counted.
    [raw('123 Example Street\nCity of Town\nWales'), 'Address must be at least 3 lines'],
    [
      raw(
        "International BFPO\nWe don't expect (or accept) explicit countries for BFPO addresses\nBFPO 1\nBF1 1AA\nFrance",
      ),
      'The last line of a BFPO address must not be a country.',
    ],
    [
      raw('No postcode or country\nService can send internationally\n3'),
      ADDRESS_MESSAGES.invalidLastLineInternational,
    ],
    [
      raw('123 Example Street\nSomewhere\nCity of Town\nWales'),
      ADDRESS_MESSAGES.invalidLastLineInternational,
    ],
    [raw('Valid\nExcept\n[For one character\nBhutan\n'), ADDRESS_MESSAGES.invalidCharacters],
    [raw('~123 Example Street\nCity of Town\nSW1 A 1 AA'), ADDRESS_MESSAGES.invalidCharacters],
    [raw('1 Example Street\n"Quoted" House\nSW1A 1AA'), ADDRESS_MESSAGES.invalidCharacters],
    [
      raw('123 Example Straße\nSW1A 1AA\n\\Deutschland'),
      'Last line of address must be a real UK postcode or another country',
    ],
    [raw('User with no Fixed Address,\nLondon\nSW1 1AA'), 'Must be a real address'],
    [raw('A Person\nNFA\nSW1A 1AA'), 'Must be a real address'],
    [raw('A Person\nNFA,\nSW1A 1AA'), 'Must be a real address'],
    [raw('A Person\nno fixed Abode\nSW1A 1AA'), 'Must be a real address'],
    [raw('A Person\nNO FIXED ADDRESS\nSW1A 1AA'), 'Must be a real address'],
    [raw('nfa\nBerlin\nDeutschland'), 'Must be a real address'],
    [raw('House\nNo fixed abode\nFrance'), 'Must be a real address'],
  ])('%j gives %j (international letters allowed)', (personalisation, expected) => {
    expect(message(personalisation)).toBe(expected);
  });

  it.each([
    [
      raw('Overseas address\nService can’t send internationally\nGuinea-Bissau'),
      'Must be a real UK postcode',
    ],
    [raw('No postcode or country\nService can’t send internationally\n3'), 'Must be a real UK postcode'],
    [
      raw('Postcode and country\nService can’t send internationally\nSW1 1AA\nFrance'),
      'Must be a real UK postcode',
    ],
    [raw('House\nNo fixed abode\nFrance'), 'Must be a real UK postcode'],
    [raw('Line 1\nLine 2\nLine 3\nLine 4\nLine 5\nLine 6\nLine 7\nScotland'), 'Must be a real UK postcode'],
    [{ address_line_1: 'A', address_line_2: 'B', address_line_3: 'Chad' }, 'Must be a real UK postcode'],
  ])('%j gives %j (UK only)', (personalisation, expected) => {
    expect(message(personalisation, UK_ONLY)).toBe(expected);
  });

  it('checks the start characters after the last line (a bad last line wins)', () => {
    expect(message(raw('[123 Example Street\n(ity of Town\n]S W1 A 1 AA'))).toBe(
      ADDRESS_MESSAGES.invalidLastLineInternational,
    );
    expect(message(raw('[123 Example Street\n(ity of Town\nSW1A 1AA'))).toBe(
      ADDRESS_MESSAGES.invalidCharacters,
    );
  });

  it.each(['@', '(', ')', '=', '[', ']', '"', '\\', '/', ',', '<', '>', '~'])(
    'rejects a line starting with %j',
    (c) => {
      expect(message(raw(`1 Example Street\nTown\n${c}Somewhere\nSW1A 1AA`))).toBe(
        ADDRESS_MESSAGES.invalidCharacters,
      );
    },
  );

  it.each(['”', '’', '-', '.', '#', '&'])('accepts a line starting with %j', (c) => {
    expect(message(raw(`1 Example Street\nTown\n${c}Somewhere\nSW1A 1AA`))).toBeNull();
  });

  it('accepts an NFA-like line that is not exactly NFA', () => {
    expect(message(raw('123 Example Street\nNFA NFA2024\nSW1 A 1 AA'))).toBeNull();
  });
});

describe('validatePostalAddress: valid addresses', () => {
  it.each([
    [raw('UK address\nService can’t send internationally\nSW1A 1AA'), UK_ONLY],
    [raw('UK address\nService can send internationally\nSW1A 1AA'), INTERNATIONAL],
    [raw('Overseas address\nService can send internationally\nGuinea-Bissau'), INTERNATIONAL],
    [{ address_line_1: 'A', address_line_2: 'B', address_line_3: 'Chad' }, INTERNATIONAL],
  ])('accepts %j', (personalisation, opts) => {
    expect(validatePostalAddress(personalisation, opts).ok).toBe(true);
  });

  it.each([
    {
      address_line_1: '123 Example Street',
      address_line_3: 'City of Town',
      address_line_4: '',
      postcode: 'SW1A1AA',
      'ignore me': 'ignore me',
    },
    { address_line_1: '123 Example Street', address_line_3: 'City of Town', address_line_4: 'SW1A1AA' },
    { address_line_2: '123 Example Street', address_line_5: 'City of Town', address_line_7: 'SW1A1AA' },
    {
      address_line_1: '123 Example Street',
      address_line_3: 'City of Town',
      address_line_7: 'SW1A1AA',
      postcode: 'ignored if address line 7 provided',
    },
    { address_line_1: '123 Example Street', address_line_2: 'City of Town', address_line_7: 'Sw1a  1aa' },
  ])('reads the lines of %j', (personalisation) => {
    expect(valid(personalisation)).toEqual({
      ok: true,
      lines: ['123 Example Street', 'City of Town', 'SW1A 1AA'],
      postcode: 'SW1A 1AA',
      international: false,
      postage: null,
      country: 'United Kingdom',
      isBfpo: false,
      bfpoNumber: null,
    });
  });

  it('matches keys exactly, as the API passes the request’s personalisation as it is', () => {
    expect(message({ 'address line 1': 'A', ADDRESS_LINE_2: 'B', 'Address-Line-7': 'SW1A 1AA' })).toBe(
      'Address must be at least 3 lines',
    );
  });

  it('stringifies numbers and ignores null values', () => {
    expect(
      valid({
        address_line_1: 123,
        address_line_2: 'Example Street',
        address_line_3: 'City of Town',
        address_line_4: 'SW1A1AA',
      }).lines,
    ).toEqual(['123', 'Example Street', 'City of Town', 'SW1A 1AA']);
    expect(
      valid({
        address_line_1: 'Notify user',
        address_line_2: 'Notifyland',
        address_line_3: null,
        address_line_4: null,
        address_line_5: null,
        address_line_6: null,
        address_line_7: 'SW1 1AA',
      }).lines,
    ).toEqual(['Notify user', 'Notifyland', 'SW1 1AA']);
  });

  it('stringifies other values as Python’s str() would', () => {
    expect(
      valid({
        address_line_1: true,
        address_line_2: { a: 1, b: null },
        address_line_3: 1.5,
        postcode: 'SW1A 1AA',
      }).lines,
    ).toEqual(['True', "{'a': 1, 'b': None}", '1.5', 'SW1A 1AA']);
    // False, 0, empty lists and empty objects are falsy: `value or ""`.
    expect(
      valid({
        address_line_1: 'A',
        address_line_2: false,
        address_line_3: 0,
        address_line_4: [],
        address_line_5: {},
        address_line_6: 'B',
        postcode: 'SW1A 1AA',
      }).lines,
    ).toEqual(['A', 'B', 'SW1A 1AA']);
    // A list prints with brackets, so the line starts with a character letters must not start with.
    expect(
      message({
        address_line_1: 'A',
        address_line_2: 'B',
        address_line_3: ['Flat 1', "Smith's"],
        postcode: 'SW1A 1AA',
      }),
    ).toBe(ADDRESS_MESSAGES.invalidCharacters);
  });

  it.each([
    ['123 Example    St  .\nCity    of Town\n\nS W1 A 1 AA', ['123 Example St.', 'City of Town', 'SW1A 1AA']],
    [
      '123 Example St. \t  ,    \n, , ,  ,   ,     ,        ,\nCity of Town, Region,\nSW1A 1AA,,\n',
      ['123 Example St.', 'City of Town, Region', 'SW1A 1AA'],
    ],
    [
      '  123  Example Street\n\u200bCity\u00a0of Town\nsw1a1aa',
      ['123 Example Street', 'City of Town', 'SW1A 1AA'],
    ],
    [
      '123 Example Street\nCity of Town\nSW1A 1AA\nUnited Kingdom',
      ['123 Example Street', 'City of Town', 'SW1A 1AA'],
    ],
    [
      '123 Example Street\nCity of Town\nSW1A 1AA\nEngland\nUK',
      ['123 Example Street', 'City of Town', 'SW1A 1AA'],
    ],
  ])('normalises %j', (address, lines) => {
    expect(valid(raw(address)).lines).toEqual(lines);
  });

  it.each([
    [
      '123 Example Straße\nBerlin\nDeutschland',
      ['123 Example Straße', 'Berlin', 'Germany'],
      'Germany',
      'europe',
    ],
    [
      '123 Rue Example\nAbidjan\nCôte d’Ivoire',
      ['123 Rue Example', 'Abidjan', 'Ivory Coast'],
      'Ivory Coast',
      'rest-of-world',
    ],
    [
      '1 Calle\nSanta Cruz\nTenerife',
      ['1 Calle', 'Santa Cruz', 'Canary Islands'],
      'Canary Islands',
      'europe',
    ],
    [
      '1 Main Street\nSpringfield\nusa',
      ['1 Main Street', 'Springfield', 'United States'],
      'United States',
      'rest-of-world',
    ],
  ])('recognises the international address %j', (address, lines, country, postage) => {
    expect(valid(raw(address))).toEqual({
      ok: true,
      lines,
      postcode: null,
      international: true,
      postage,
      country,
      isBfpo: false,
      bfpoNumber: null,
    });
  });

  it.each([
    ['1 Rue\nSt Helier\nJE2 3AB\nJersey', ['1 Rue', 'St Helier', 'JE2 3AB']],
    ['1 Rue\nSt Peter Port\nGY1 1AA\nGuernsey', ['1 Rue', 'St Peter Port', 'GY1 1AA']],
    ['1 Road\nDouglas\nIM1 1AA\nIsle of Man', ['1 Road', 'Douglas', 'IM1 1AA']],
  ])('treats the Crown dependency address %j as UK', (address, lines) => {
    expect(valid(raw(address), UK_ONLY)).toMatchObject({
      lines,
      international: false,
      postage: null,
      country: 'United Kingdom',
    });
  });

  it('rejects a Crown dependency address without a postcode', () => {
    expect(message(raw('123 Example Street\nSomewhere\nCity of Town\nGuernsey'), UK_ONLY)).toBe(
      'Must be a real UK postcode',
    );
  });
});

describe('BFPO addresses', () => {
  it.each([
    ['Mr X\nUnit 5\nBFPO 1', ['Mr X', 'Unit 5', 'BFPO 1'], 1, null],
    ['Mr X\nUnit 5\nBFPO 1\nBF1 1AA', ['Mr X', 'Unit 5', 'BF1 1AA', 'BFPO 1'], 1, 'BF1 1AA'],
    ['Mr X\nUnit 5\nBFPO\nBFPO 1', ['Mr X', 'Unit 5', 'BFPO 1'], 1, null],
    ['Mr X\nUnit 5\nbfpo\nBF1 1AA\nbfpo1', ['Mr X', 'Unit 5', 'BF1 1AA', 'BFPO 1'], 1, 'BF1 1AA'],
    ['Mr X\nUnit 5\nbfpo\nbf11aa\nbfpo1', ['Mr X', 'Unit 5', 'BF1 1AA', 'BFPO 1'], 1, 'BF1 1AA'],
    ['Mr X\nUnit 5\nBFPO C/O 1', ['Mr X', 'Unit 5', 'BFPO 1'], 1, null],
    ['Mr X\nUnit 5\nBFPOC/O1', ['Mr X', 'Unit 5', 'BFPO 1'], 1, null],
    ['Mr X\nUnit 5\nBFPO 5432\nBF1 1AA', ['Mr X', 'Unit 5', 'BF1 1AA', 'BFPO 5432'], 5432, 'BF1 1AA'],
    [
      'Mr X\nUnit 5\nBFPO\nBFPO 5432\nLondon\nBF1 1AA',
      ['Mr X', 'Unit 5', 'London', 'BF1 1AA', 'BFPO 5432'],
      5432,
      'BF1 1AA',
    ],
  ])('parses %j', (address, lines, bfpoNumber, postcode) => {
    expect(valid(raw(address), UK_ONLY)).toEqual({
      ok: true,
      lines,
      postcode,
      international: false,
      postage: null,
      country: 'United Kingdom',
      isBfpo: true,
      bfpoNumber,
    });
  });

  it('does not treat a BFPO postcode alone as a BFPO address', () => {
    expect(valid(raw('Mr X\nLondon\nBF1 1AA'))).toMatchObject({ isBfpo: false, postcode: 'BF1 1AA' });
  });
});

/**
 * What a UK-only service's letter makes of `line` as its address's last line: the postcode as Notify
 * prints it (also the address's last line), or null when the line is not taken as a postcode.
 */
function postcodeOf(line: string): string | null {
  const result = validatePostalAddress(
    { address_line_1: '1 High Street', address_line_2: 'Town', address_line_3: line },
    UK_ONLY,
  );
  if (!result.ok || result.postcode === null) return null;
  expect(result.lines.at(-1)).toBe(result.postcode);
  return result.postcode;
}

describe('UK postcodes (UTILS _is_a_real_uk_postcode, format_postcode_for_printing)', () => {
  it.each([
    ['SW1 3EF', 'SW1 3EF'],
    ['SW13EF', 'SW1 3EF'],
    ['SE1 63EF', 'SE16 3EF'],
    ['N5 1AA', 'N5 1AA'],
    ['SO14 6WB', 'SO14 6WB'],
    ['so14 6wb', 'SO14 6WB'],
    ['so14\u00a06wb', 'SO14 6WB'],
    ['N5', null],
    ['SO144 6WB', null],
    ['SO14 6WBA', null],
    ['NF1 1AA', null],
    ['', null],
    ['Bad postcode', null],
    // British Forces Post Office numbers are not postcodes…
    ['BFPO1234', null],
    ['BFPO C/O 1234', null],
    ['BFPO 1234', null],
    ['BFPO1', null],
    ['BFPO', null],
    ['BFPO12345', null],
    // …but actual BFPO postcodes are.
    ['BF1 3AA', 'BF1 3AA'],
    ['BF13AA', 'BF1 3AA'],
    [' BF2 0FR ', 'BF2 0FR'],
    // Giro Bank’s vanity postcode is deprecated.
    ['GIR0AA', null],
    // Gibraltar’s one postcode is in the Europe postal zone.
    ['GX111AA', null],
    // Crown dependencies have UK postcodes.
    ['JE2 3AB', 'JE2 3AB'],
    ['GY1 1AA', 'GY1 1AA'],
    ['IM1 1AA', 'IM1 1AA'],
  ])('%j is the postcode %j', (line, expected) => {
    expect(postcodeOf(line)).toBe(expected);
  });

  it('refuses a last line that is not a postcode with Notify’s message', () => {
    expect(message(raw('1 High Street\nTown\nSO144 6WB'), UK_ONLY)).toBe('Must be a real UK postcode');
  });

  it.each([
    ['SW13EF', 'SW1 3EF'],
    ['SW1 3EF', 'SW1 3EF'],
    ['N5 3EF', 'N5 3EF'],
    ['N5     3EF', 'N5 3EF'],
    ['N53EF   ', 'N5 3EF'],
    ['n53Ef', 'N5 3EF'],
    ['n5 \u00a0 \t 3Ef', 'N5 3EF'],
    ['SO146WB', 'SO14 6WB'],
    ['BF11AA', 'BF1 1AA'],
  ])('prints the postcode %j as %j', (line, expected) => {
    expect(postcodeOf(line)).toBe(expected);
  });
});
