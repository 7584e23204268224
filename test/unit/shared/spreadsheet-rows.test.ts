import { describe, expect, it } from 'vitest';
import {
  checkSheet,
  QR_TOO_LONG_LABEL,
  type ServiceRules,
  type SheetCheck,
} from '../../../src-shared/spreadsheet/index';
import type { TemplateParts } from '../../../src-shared/template/index';

// Row checks against docs/notify-spreadsheet-rules.md section 3: which cells are checked, the
// exact messages, the row label Notify shows and the row-errors summary.

const noPermissions: ServiceRules = {
  internationalSms: false,
  smsToUkLandlines: false,
  internationalLetters: false,
};

function check(
  template: TemplateParts,
  headers: string[],
  dataRows: string[][],
  rules: ServiceRules = noPermissions,
): SheetCheck {
  return checkSheet({ fileName: 'people.csv', headers, dataRows, template, rules });
}

/** The errors of a one-row sheet: cell messages by column, and the row label. */
function rowErrors(template: TemplateParts, headers: string[], row: string[], rules?: ServiceRules) {
  const result = check(template, headers, [row], rules);
  expect(result.banner).toBeNull();
  const r = result.rows[0]!;
  return { cells: Object.fromEntries(r.cellErrors.map((e) => [e.column, e.message])), label: r.label };
}

const sms: TemplateParts = { type: 'sms', content: 'Hello ((name))' };
const email: TemplateParts = { type: 'email', subject: 'Hi', content: 'Dear ((name))' };

describe('phone numbers (rules 3.3), Notify’s spreadsheet wording', () => {
  it.each([
    ['07723456789', undefined],
    ['07723 456789', undefined],
    ['+44 (0)7723 456 789', undefined],
    ['0772345678910', 'Mobile number is too long'],
    ['07890x32109', 'Mobile numbers can only include: 0 1 2 3 4 5 6 7 8 9 ( ) + -'],
    [
      '020 7946 0991',
      'This does not look like a UK mobile number – double check the mobile number you entered',
    ],
    [
      '+1 202-555-0104',
      'This does not look like a UK mobile number – double check the mobile number you entered',
    ],
    ['', 'Missing'],
    ['\u200b ', 'Missing'],
  ])('%j → %s', (phone, message) => {
    expect(rowErrors(sms, ['phone number', 'name'], [phone, 'Ann']).cells['phone number']).toBe(message);
  });

  it('accepts landlines and international numbers when the service may send to them', () => {
    const rules = { ...noPermissions, smsToUkLandlines: true, internationalSms: true };
    expect(rowErrors(sms, ['phone number', 'name'], ['020 7946 0991', 'Ann'], rules).cells).toEqual({});
    expect(rowErrors(sms, ['phone number', 'name'], ['+1 202-555-0104', 'Ann'], rules).cells).toEqual({});
  });

  it('checks the service’s permissions before the country prefix, as PhoneNumber.validate does', () => {
    // +850 (North Korea) parses, but Notify's billing table has no rate for it.
    const cell = (rules: ServiceRules) =>
      rowErrors(sms, ['phone number', 'name'], ['+850 192 123 4567', 'Ann'], rules).cells['phone number'];
    expect(cell(noPermissions)).toBe(
      'This does not look like a UK mobile number – double check the mobile number you entered',
    );
    expect(cell({ ...noPermissions, internationalSms: true })).toBe(
      'Country code not found - double check the mobile number you entered',
    );
  });
});

describe('email addresses (rules 3.2)', () => {
  it.each([
    ["firstname.o'lastname@domain.com", undefined],
    ['email@double--hyphen.com', undefined],
    ['A@B.COM', undefined],
    ['email@123.123.123.123', 'Not a valid email address'],
    ['no-tld@domain', 'Not a valid email address'],
    ['comma,in-local@gov.uk', 'Not a valid email address'],
    ['local-with-’-apostrophe@domain.com', 'Not a valid email address'],
  ])('%j → %s', (address, message) => {
    expect(rowErrors(email, ['email address', 'name'], [address, 'Ann']).cells['email address']).toBe(
      message,
    );
  });
});

describe('missing data (rules 3.1)', () => {
  const conditional: TemplateParts = { type: 'sms', content: 'Hi ((name)) ((show??Extra text))' };

  it('marks an empty placeholder cell, including a conditional one', () => {
    expect(
      rowErrors(conditional, ['phone number', 'name', 'show'], ['07723456789', 'Ann', '']).cells,
    ).toEqual({
      show: 'Missing',
    });
  });

  it.each([['no'], ['false'], ['0'], ['maybe'], ['yes']])('accepts %j in a conditional column', (value) => {
    expect(
      rowErrors(conditional, ['phone number', 'name', 'show'], ['07723456789', 'Ann', value]).cells,
    ).toEqual({});
  });

  it('never checks other columns', () => {
    expect(rowErrors(sms, ['phone number', 'name', 'notes'], ['07723456789', 'Ann', '']).cells).toEqual({});
  });

  it('pads short rows and ignores cells beyond the header', () => {
    const result = check(
      sms,
      ['phone number', 'name'],
      [['07723456789'], ['07723456789', 'Bo', 'extra', '=1']],
    );
    expect(result.rows.map((r) => r.cellErrors)).toEqual([[{ column: 'name', message: 'Missing' }], []]);
    expect(result.values[1]!.extraCells).toEqual(['extra', '=1']);
  });

  it('a blank row in the data fails as missing data, it is not skipped', () => {
    const result = check(
      sms,
      ['phone number', 'name'],
      [['07723456789', 'Ann'], [''], ['07723456789', 'Bo']],
    );
    expect(result.rows[1]!.cellErrors).toEqual([
      { column: 'phone number', message: 'Missing' },
      { column: 'name', message: 'Missing' },
    ]);
    expect(result.rowErrors).toEqual({
      title: 'There’s a problem with people.csv',
      lines: ['You need to enter missing data in 1 row.'],
    });
  });

  it('does not flag empty recipient cells while recipient columns are duplicated', () => {
    const result = check(sms, ['phone number', 'Phone Number', 'name'], [['', '', 'Ann']]);
    expect(result.banner?.lines[0]).toBe(
      'We found more than one column called ‘phone number’ or ‘Phone Number’.',
    );
  });
});

describe('duplicate headers (rules 2.4)', () => {
  const list: TemplateParts = { type: 'sms', content: 'Bring ((list))' };

  it('identical headers join as a list: "a, b and c" in a text message', () => {
    const result = check(list, ['phone number', 'list', 'list', 'list'], [['07723456789', 'a', '', 'c']]);
    expect(result.rows[0]!.cellErrors).toEqual([]);
    expect(result.values[0]!.byKey.get('list')).toEqual(['a', null, 'c']);
  });

  it('a list whose items are all empty is missing', () => {
    const result = check(list, ['phone number', 'list', 'list'], [['07723456789', '', ' ']]);
    expect(result.rows[0]!.cellErrors).toEqual([{ column: 'list', message: 'Missing' }]);
  });

  it('headers that differ but share a key: the last column wins, no error', () => {
    const result = check(sms, ['phone number', 'Name', 'name'], [['07723456789', 'first', 'second']]);
    expect(result.values[0]!.byKey.get('name')).toBe('second');
    expect(result.rows[0]!.cellErrors).toEqual([]);
  });
});

describe('whole-message checks (rules 3.5)', () => {
  it('a text message over 918 characters is too long; 918 is not', () => {
    const long: TemplateParts = { type: 'sms', content: '((body))' };
    const ok = rowErrors(long, ['phone number', 'body'], ['07723456789', 'a'.repeat(918)]);
    const tooLong = rowErrors(long, ['phone number', 'body'], ['07723456789', 'a'.repeat(919)]);
    expect(ok.label).toBeNull();
    expect(tooLong.label).toBe('Message is too long');
  });

  it('the service-name prefix does not count towards the 918, but does count in fragments', () => {
    const long: TemplateParts = { type: 'sms', content: '((body))' };
    const rules = { ...noPermissions, smsPrefix: 'Test Service' };
    const result = check(
      long,
      ['phone number', 'body'],
      [
        ['07723456789', 'a'.repeat(918)],
        ['07723456789', 'a'.repeat(150)],
      ],
      rules,
    );
    expect(result.rows[0]!.label).toBeNull();
    expect(result.rows[1]!.fragments).toBe(2);
  });

  it('an empty message: SMS that renders to nothing', () => {
    const template: TemplateParts = { type: 'sms', content: '((show??Hello))' };
    expect(rowErrors(template, ['phone number', 'show'], ['07723456789', 'no']).label).toBe(
      'No content for this message',
    );
    expect(rowErrors(template, ['phone number', 'show'], ['07723456789', 'yes']).label).toBeNull();
  });

  it('an empty message: email only when the body is just a placeholder', () => {
    const template: TemplateParts = { type: 'email', subject: 'Hi', content: '((show??Hello))' };
    expect(rowErrors(template, ['email address', 'show'], ['a@b.com', 'no']).label).toBe(
      'No content for this message',
    );
    const framed: TemplateParts = { type: 'email', subject: 'Hi', content: 'Dear you ((show??Hello))' };
    expect(rowErrors(framed, ['email address', 'show'], ['a@b.com', 'no']).label).toBeNull();
  });
});

describe('letters: addresses and QR codes (rules 3.4, rules 3.6)', () => {
  const letter: TemplateParts = { type: 'letter', subject: 'Hi', content: 'Dear ((name))\n\nqr: ((link))' };
  const headers = ['address line 1', 'address line 2', 'address line 3', 'postcode', 'name', 'link'];
  const row = (lines: string[], link = 'https://example.gov.uk') => [...lines, 'Ann', link];

  it.each([
    [['A Name', '1 Street', 'Town', 'SW1A 1AA'], null],
    [['A Name', '1 Street', '', 'sw1a1aa'], null],
    [['A Name', '1 Street', 'Town', 'United Kingdom'], 'Last line of the address must be a real UK postcode'],
    [
      ['A Name', '', '', ''],
      'The first 2 lines of the address must both include at least one alphanumeric character',
    ],
    [['A Name', '1 Street', '', 'BFPO 1234'], null],
    [['A Name', '1 Street', 'Town', 'NOTAPOSTCODE'], 'Last line of the address must be a real UK postcode'],
    [
      ['A Name', '1 Street', 'Paris', 'France'],
      'You do not have permission to send letters to other countries',
    ],
    [
      ['@ Name', '1 Street', 'Town', 'SW1A 1AA'],
      'Address lines must not start with any of the following characters: @ ( ) = [ ] " \\ / , < > ~',
    ],
    [['A Name', 'NFA', 'Town', 'SW1A 1AA'], 'This is not a real address'],
    [['A Name', '', '', 'SW1A 1AA'], 'Address must be at least 3 lines long'],
  ])('%j → %s', (lines, label) => {
    const result = check(letter, headers, [row(lines)]);
    expect(result.rows[0]!.label).toBe(label);
    expect(result.rows[0]!.badRecipient).toBe(label !== null);
  });

  it('an address in one cell with 8 lines is too long', () => {
    const result = check(letter, headers, [row(['A\nB\nC\nD\nE\nF\nG', 'H', '', 'SW1A 1AA'])]);
    expect(result.rows[0]!.label).toBe('Address must be no more than 7 lines long');
  });

  it('with permission, another country is fine; nonsense is not', () => {
    const rules = { ...noPermissions, internationalLetters: true };
    expect(
      check(letter, headers, [row(['A Name', '1 Rue', 'Paris', 'France'])], rules).rows[0]!.label,
    ).toBeNull();
    expect(
      check(letter, headers, [row(['A Name', '1 Street', 'Town', 'Narnia'])], rules).rows[0]!.label,
    ).toBe('Last line of the address must be a UK postcode or another country');
  });

  it('an address line 7 column makes Notify ignore postcode', () => {
    const h = ['address line 1', 'address line 2', 'postcode', 'address line 7', 'name', 'link'];
    const result = check(letter, h, [['A Name', '1 Street', 'SW1A 1AA', '', 'Ann', 'x']]);
    expect(result.rows[0]!.label).toBe('Address must be at least 3 lines long');
  });

  it('never marks address cells Missing', () => {
    const result = check(letter, headers, [row(['A Name', '1 Street', '', 'SW1A 1AA'])]);
    expect(result.rows[0]!.cellErrors).toEqual([]);
  });

  it('a QR code over 504 bytes fails; the data is measured HTML-escaped (& counts 5)', () => {
    const ok = check(letter, headers, [row(['A', '1 Street', 'Town', 'SW1A 1AA'], 'a'.repeat(504))]);
    const escaped = check(letter, headers, [
      row(['A', '1 Street', 'Town', 'SW1A 1AA'], `${'a'.repeat(500)}&`),
    ]);
    expect(ok.rows[0]!.qrTooLong).toBe(false);
    expect(escaped.rows[0]!.qrTooLong).toBe(true);
    expect(escaped.rows[0]!.label).toBe(QR_TOO_LONG_LABEL);
    expect(escaped.rowErrors?.lines).toEqual([
      'You need to enter fewer characters for the QR code links in 1 row.',
    ]);
  });
});

describe('the row-errors summary (rules 3.6)', () => {
  it('lists each kind of problem in Notify’s order, counting a row in several', () => {
    const template: TemplateParts = { type: 'sms', content: '((body))' };
    const rows = [
      ['0772345678910', 'x'],
      ['07890x32109', ''],
      ['', 'a'.repeat(919)],
      ['07723456789', 'fine'],
    ];
    const result = check(template, ['phone number', 'body'], rows);
    expect(result.counts).toEqual({ badRecipients: 2, missingData: 2, tooLong: 1, empty: 0, qrTooLong: 0 });
    expect(result.rowErrors).toEqual({
      title: 'There are some problems with people.csv',
      lines: [
        'You need to:',
        'fix 2 phone numbers',
        'enter missing data in 2 rows',
        'shorten the message in 1 row',
      ],
    });
    expect(result.shownRows).toEqual([0, 1, 2]);
    expect(result.footer).toBe('Only showing the first 3 rows with errors');
    expect(result.sendable).toBe(false);
  });

  it('words counts as Notify does: thousands for bad recipients, none for rows', () => {
    const rows = Array.from({ length: 1_234 }, () => ['07890x32109', 'Ann']);
    const result = check(sms, ['phone number', 'name'], rows);
    expect(result.rowErrors?.lines).toEqual(['You need to fix 1,234 phone numbers.']);
    expect(result.shownRows).toHaveLength(50);
    expect(result.footer).toBe('Only showing the first 50 rows with errors');
  });

  it('says "Only showing rows with errors" when every row shown is every row', () => {
    const result = check(sms, ['phone number', 'name'], [['07890x32109', 'Ann']]);
    expect(result.footer).toBe('Only showing rows with errors');
  });

  it('a sheet with no errors shows the first 50 rows and can be sent', () => {
    const rows = Array.from({ length: 60 }, () => ['07723456789', 'Ann']);
    const result = check(sms, ['phone number', 'name'], rows);
    expect(result.sendable).toBe(true);
    expect(result.rowErrors).toBeNull();
    expect(result.footer).toBe('Only showing the first 50 rows');
  });
});
