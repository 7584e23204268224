import { describe, expect, it } from 'vitest';
import { buildBankHolidays, holidaysByRule } from '../../../scripts/refresh-bank-holidays';
import { buildBillingRates, parseBillingRates } from '../../../scripts/refresh-billing-rates';
import { buildCountriesData, type CountrySources } from '../../../scripts/refresh-countries-data';
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from '../../../src-shared/letters/bank-holidays-data';

// The data refresh scripts (scripts/refresh-*.ts) are run by hand when Notify publishes new data; these
// tests pin what they generate, so a refresh cannot silently change the shape or the rules.

describe('bank holidays by rule', () => {
  // Every year of Notify's bank-holidays.json without a one-off holiday: the rules alone must give
  // exactly Notify's dates.
  const fromNotify = (year: number) =>
    ENGLAND_AND_WALES_BANK_HOLIDAYS.filter((d) => d.startsWith(`${year}-`));

  it.each([2018, 2019, 2021, 2024, 2025, 2026, 2027])('%i matches Notify’s data', (year) => {
    expect(holidaysByRule(year).map(([date]) => date)).toEqual(fromNotify(year));
  });

  it.each<[number, string[]]>([
    // Christmas on a Saturday: both move, to Monday and Tuesday
    [2021, ['2021-12-27 Christmas Day', '2021-12-28 Boxing Day']],
    // Christmas on a Sunday: Boxing Day keeps Monday, Christmas takes Tuesday
    [2022, ['2022-12-26 Boxing Day', '2022-12-27 Christmas Day']],
    // Boxing Day on a Saturday
    [2026, ['2026-12-25 Christmas Day', '2026-12-28 Boxing Day']],
  ])('%i: Christmas substitutes as GOV.UK publishes them', (year, expected) => {
    const december = holidaysByRule(year)
      .filter(([date]) => date.startsWith(`${year}-12`))
      .map(([date, title]) => `${date} ${title}`);
    expect(december).toEqual(expected);
  });

  it('keeps the one-off holidays before Notify’s data starts', () => {
    expect(holidaysByRule(2012).map(([d]) => d)).toEqual(
      expect.arrayContaining(['2012-06-04', '2012-06-05']),
    );
    expect(holidaysByRule(2012).map(([d]) => d)).not.toContain('2012-05-28');
    expect(holidaysByRule(2011).map(([d]) => d)).toContain('2011-04-29');
  });
});

describe('buildBankHolidays', () => {
  const source = JSON.stringify({
    'england-and-wales': {
      division: 'england-and-wales',
      events: [
        { title: 'New Year’s Day', date: '2030-01-01', notes: '', bunting: true },
        { title: 'A one-off holiday', date: '2030-07-01', notes: '', bunting: true },
      ],
    },
  });
  const options = { from: 2029, to: 2031, sourceName: 'a test file', command: 'node x', today: '2026-01-01' };

  it('takes the source’s years as given and computes the others, marking them', () => {
    const { text, sourceYears } = buildBankHolidays(source, options);
    expect(sourceYears).toEqual([2030, 2030]);
    expect(text).toContain("'2030-07-01', // A one-off holiday\n");
    expect(text).not.toContain("'2030-12-25'"); // the source's year is not filled in by rule
    expect(text).toContain("'2031-12-25', // Christmas Day (by rule)");
    expect(text).toContain("'2029-01-01', // New Year’s Day (by rule)");
    expect(text).toContain('a test file');
  });

  it('refuses a source without England and Wales events, or with a date that is not ISO', () => {
    expect(() => buildBankHolidays('{}', options)).toThrow('no england-and-wales events');
    const bad = JSON.stringify({ 'england-and-wales': { events: [{ title: 'x', date: '1/1/2030' }] } });
    expect(() => buildBankHolidays(bad, options)).toThrow('not an ISO date');
  });
});

describe('billing rates', () => {
  // Laid out as PyYAML writes Notify's file: quoted prefixes, folded long values, an escaped
  // double-quoted value over two lines, quoted YES/NO, null.
  const oldFormat = `# comment lines come first
'1':
  attributes:
    alpha: 'NO'
    dlr: Carrier DLR
    sender_and_registration_info: All senders CONVERTED into random long numeric senders,
      dlr: this continuation line is not a key
  billable_units: 1
  names:
  - Canada
  - United States
'82':
  attributes:
    dlr: 'YES'
    text_restrictions: "[\\uAD6D] is added in front of SMS text for\\
      \\ every inbound P2P"
  billable_units: 2
  names:
  - Korea, Republic of
'1868':
  attributes:
    dlr: null
  billable_units: 3
  names:
  - 'Trinidad ''and'' Tobago'
`;

  it('reads prefix, multiplier, dlr and names, and nothing from continuation lines', () => {
    expect(parseBillingRates(oldFormat)).toEqual({
      format: 'billable_units',
      rates: [
        { prefix: '1', multiplier: 1, dlr: 'Carrier DLR', names: ['Canada', 'United States'] },
        { prefix: '82', multiplier: 2, dlr: 'YES', names: ['Korea, Republic of'] },
        { prefix: '1868', multiplier: 3, dlr: null, names: ["Trinidad 'and' Tobago"] },
      ],
    });
  });

  it('takes rate_multiplier as it is, and applies the test-asserted multipliers only to old files', () => {
    const newFormat = oldFormat
      .replaceAll('billable_units', 'rate_multiplier')
      .replace('multiplier: 2', 'multiplier: 2.5');
    const meta = { sourceName: 'a test file', command: 'node x', today: '2026-01-01' };
    const fromNew = buildBillingRates(newFormat, meta);
    expect(fromNew).toContain('["82", 2.5, "YES", ["Korea, Republic of"]]');
    expect(fromNew).toContain('RATE_MULTIPLIER_OVERRIDES: Readonly<Record<string, number>> = {};');
    expect(buildBillingRates(oldFormat, meta)).toContain('"20": 7,');
  });

  it('refuses a table it cannot read rather than guessing', () => {
    expect(() => parseBillingRates("'44':\n  names:\n  - Jersey\n")).toThrow('prefix 44: no rate_multiplier');
    expect(() => parseBillingRates('')).toThrow('no prefixes found');
    expect(() => parseBillingRates('  billable_units: 1\n')).toThrow('content before the first prefix');
  });
});

describe('countries data', () => {
  const node = (name: string, canonical: boolean, from: string[] = []) => ({
    edges: { from },
    meta: { canonical },
    names: { cy: false, 'en-GB': name },
  });
  const sources: CountrySources = {
    graph: JSON.stringify({
      'country:AU': node('Australia', true),
      'country:LK': node('Sri Lanka', true),
      'nym:Oz': node('Oz', false, ['nym:Down Under']),
      'nym:Down Under': node('Down Under', false, ['country:AU']),
      'nym:Iraq mark': node('\u0627\u200e', false, ['country:LK']),
      'territory:AE-DU': node('Dubai', true),
      'uk:WLS': node('Wales', true),
    }),
    endedCountries: '{"USSR": null}',
    ukIslands: 'Jersey\n',
    europeanIslands: 'Azores\n',
    welshNames: '{"Awstralia": "Australia"}',
    synonyms: '{"Austrailia": "Australia"}',
    europe: 'Austria\n',
    ukPostcodeZones: 'AB\nAL\n',
  };
  const meta = { sourceName: 'a test copy', command: 'node x', today: '2026-01-01' };

  it('resolves every graph entry to its canonical entry, escaping invisible characters', () => {
    const { text } = buildCountriesData(sources, meta);
    expect(text).toContain('Oz|c:AU\nDown Under|c:AU\n');
    expect(text).toContain('\u0627\\u200e|c:LK');
    expect(text).toContain("'AE-DU': 'Dubai'");
    expect(text).toContain("'WLS': 'Wales'");
  });

  it('adds the names Notify accepts only where the source does not already map them', () => {
    const { text, added } = buildCountriesData(sources, meta);
    expect(added).not.toContain('Austrailia'); // synonyms.json has it
    expect(added).toContain('Argentinia');
    expect(text.match(/\['Austrailia', 'Australia'\]/g)).toHaveLength(1);
  });

  it('refuses a graph entry that leads nowhere', () => {
    const broken = { ...sources, graph: JSON.stringify({ 'nym:X': node('X', false, ['country:ZZ']) }) };
    expect(() => buildCountriesData(broken, meta)).toThrow('country:ZZ points at nothing');
  });
});
