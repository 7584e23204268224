import fc from 'fast-check';
import { parsePhoneNumberWithError } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { findCountry, makeCountryKey } from '../../../src-shared/recipients/countries';
import { numberTypeAndValidity } from '../../../src-shared/recipients/phone-number-type';
import { ADDRESS_MESSAGES, validatePostalAddress } from '../../../src-shared/recipients/postal-address';
import { linesWithNormalisedWhitespace } from '../../../src-shared/recipients/text';
import { encodeSmsCharacter, sanitiseAscii, sanitiseSms } from '../../../src-shared/template/sanitise-text';
import { StringBuilder } from '../../../src-shared/template/string-builder';

// The shared rules were made fast on long inputs (issue 8 point 2): the same answers, read in one pass or
// not read whole at all. Each fast path is checked here against the plain, character-by-character
// statement of the rule it replaces.

/** UTILS' make_key, one character at a time (what `makeCountryKey` did before). */
function plainCountryKey(name: string): string {
  const ignored = new Set([' ', '_', '-', "'", '\u2019', ',', '.', '(', ')']);
  let normalised = '';
  for (const c of name.replaceAll('&', 'and').replaceAll('+', 'and'))
    if (!ignored.has(c)) normalised += c.toLowerCase();
  let ascii = '';
  for (const c of normalised) ascii += sanitiseAscii(c);
  return ascii.includes('?') ? normalised : ascii;
}

/** `' '.join(value.split())` after UTILS' non-breaking and zero-width replacements (the regex version). */
function plainNormaliseWhitespace(value: string): string {
  return (
    value
      .replace(/[\u00a0\u202f]/g, ' ')
      .replace(/[\u180e\u200b\u200c\u2060\ufeff\u2028\u2029\u200d]/g, '')
      // eslint-disable-next-line no-control-regex -- Python's str.split() breaks on these control characters.
      .replace(/[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g, ' ')
      .replace(/^ +| +$/g, '')
  );
}

/** Python's `str.splitlines()`, plainly: every line boundary Python knows, no trailing empty line. */
function plainSplitlines(value: string): string[] {
  // eslint-disable-next-line no-control-regex -- Python treats these control characters as line breaks.
  const lines = value.split(/\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** Pieces that exercise every branch: ignored and zero-width characters, surrogates, sigma, digits. */
const PIECES = [
  ' ',
  '  ',
  '_',
  '-',
  "'",
  '\u2019',
  ',',
  '.',
  '(',
  ')',
  '&',
  '+',
  '\t',
  '\n',
  '\x1c',
  '\x85',
  '\u00a0',
  '\u202f',
  '\u2000',
  '\u3000',
  '\u180e',
  '\u200b',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u2028',
  '\u2029',
  '\ud83d',
  '\ude00',
  '😀',
  '\ud801\udc00',
  'Σ',
  'ΑΣ',
  'İ',
  'é',
  'Ł',
  'ḉ',
  '…',
  '日',
  '1',
  '\u0663',
  '²',
  '?',
  'the ',
  'yr ',
  'France',
  'United Kingdom',
  'Côte d’Ivoire',
  'São Tomé & Príncipe',
];
const text = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 14 })
  .map((parts) => parts.join(''));

describe('character sanitising, run by run', () => {
  it('sanitiseAscii and sanitiseSms give what encoding each code point on its own gives', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(sanitiseAscii(s)).toBe(
          Array.from(s, (c) => (sanitiseAscii(c) === c ? c : sanitiseAscii(c))).join(''),
        );
        expect(sanitiseSms(s)).toBe(Array.from(s, encodeSmsCharacter).join(''));
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps lone surrogates as they are, and pairs as one character', () => {
    expect(sanitiseSms('a\ud83db')).toBe('a?b');
    expect(sanitiseSms('a😀b')).toBe('a?b');
    expect(sanitiseAscii('\ude00…')).toBe('?...');
  });
});

describe('country keys and lookups', () => {
  it('makeCountryKey is UTILS’ character-by-character key', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(makeCountryKey(s)).toBe(plainCountryKey(s));
      }),
      { numRuns: 5000 },
    );
  });

  it('a country is found however much a key ignores surrounds it, and not with more than that', () => {
    for (const [name, country] of [
      ['France', 'France'],
      ['Côte d’Ivoire', 'Ivory Coast'],
      ['Sao Tome + Principe', 'Sao Tome and Principe'],
      ['Gambia', 'The Gambia'],
    ] as const) {
      for (const pad of ['. ', ',', '\u200b', '(\u2060)', "'-_"]) {
        const padding = pad.repeat(200_000);
        expect(findCountry(`${padding}${name}${padding}`), `${name} padded with ${JSON.stringify(pad)}`).toBe(
          country,
        );
      }
      expect(findCountry(`${name} ${'x'.repeat(1_000_000)}`)).toBeNull();
      expect(findCountry(`${'\u200b'.repeat(1_000_000)}${name}1`)).toBeNull();
    }
  });

  it('an address line of megabytes is answered, whatever it is made of', () => {
    for (const filler of ['Long Road ', 'Lóng Róad ', '日本 ', '😀', '\ud83d', 'ΑΣ ']) {
      expect(findCountry(filler.repeat(1_000_000))).toBeNull();
    }
  });
});

describe('whitespace and address lines', () => {
  it('each address line’s whitespace is normalised by UTILS’ split-and-join', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(linesWithNormalisedWhitespace(s)).toEqual(plainSplitlines(s).map(plainNormaliseWhitespace));
      }),
      { numRuns: 5000 },
    );
  });

  it('checks megabyte address lines of commas, full stops and digits as Notify does', () => {
    const address = (line: string) =>
      validatePostalAddress(
        { address_line_1: 'A Person', address_line_2: line, address_line_3: 'SW1A 1AA' },
        { allowInternational: true },
      );
    expect(address(`x${', '.repeat(1_000_000)}`)).toMatchObject({
      ok: true,
      lines: ['A Person', 'x', 'SW1A 1AA'],
    });
    expect(address(`${', '.repeat(1_000_000)}x`)).toEqual({
      ok: false,
      message: ADDRESS_MESSAGES.invalidCharacters,
    });
    expect(address(' .'.repeat(1_000_000))).toEqual({ ok: false, message: ADDRESS_MESSAGES.notAlphanumeric });
    const bfpo = validatePostalAddress(
      {
        address_line_1: 'A Person',
        address_line_2: 'Unit 1',
        address_line_3: `BFPO ${'1'.repeat(1_000_000)}`,
      },
      { allowInternational: false },
    );
    expect(bfpo).toMatchObject({ ok: true, isBfpo: true, bfpoNumber: Infinity });
  });

  it('reads a BFPO number in any script’s digits, as Python’s int() does', () => {
    const result = validatePostalAddress(
      { address_line_1: 'A Person', address_line_2: 'Unit 1', address_line_3: 'BFPO \u0661\u0662\u0663' },
      { allowInternational: false },
    );
    expect(result).toMatchObject({ ok: true, bfpoNumber: 123, lines: ['A Person', 'Unit 1', 'BFPO 123'] });
  });
});

describe('phone number types with compiled patterns', () => {
  it('agree with libphonenumber-js getType() and isValid() across regions', () => {
    const callingCodes = [
      '44',
      '1',
      '33',
      '49',
      '61',
      '7',
      '353',
      '358',
      '590',
      '262',
      '599',
      '800',
      '882',
      '290',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...callingCodes), fc.stringMatching(/^[0-9]{6,12}$/), (code, digits) => {
        let number;
        try {
          number = parsePhoneNumberWithError(`+${code}${digits}`);
        } catch {
          return;
        }
        expect(numberTypeAndValidity(number)).toEqual({ type: number.getType(), valid: number.isValid() });
      }),
      { numRuns: 3000 },
    );
  });
});

describe('StringBuilder', () => {
  it('builds the same string as concatenation, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 200 }), { maxLength: 200 }), (parts) => {
        const built = new StringBuilder();
        for (const part of parts) built.push(part);
        expect(built.toString()).toBe(parts.join(''));
      }),
    );
  });
});
