import { describe, expect, it } from 'vitest';
import { checkSheet, matchColumns } from '../../../src-shared/spreadsheet/index';
import type { TemplateParts } from '../../../src-shared/template/index';

// Column matching and the file-level banners, from docs/notify-spreadsheet-rules.md section 2.

const sms: TemplateParts = { type: 'sms', content: 'Hello ((name)), ((show??see you soon))' };
const email: TemplateParts = { type: 'email', subject: 'Re ((case))', content: 'Dear ((first name))' };
const letter: TemplateParts = {
  type: 'letter',
  subject: 'About ((case))',
  content: 'Dear ((name)) at ((address line 1))',
  letterContactBlock: 'Call ((team))',
};
const rules = { internationalSms: false, smsToUkLandlines: false, internationalLetters: false };

describe('header keys: spaces, _ and - deleted, lower-cased', () => {
  it.each([['phone number'], ['Phone_Number'], ['PHONENUMBER'], ['phone-number'], [' Phone  Number ']])(
    '%j is the phone number column',
    (header) => {
      expect(matchColumns([header, 'name', 'show'], sms).hasRecipientColumns).toBe(true);
    },
  );

  it.each([['Mobile'], ['phone'], ['telephone'], ['phone\tnumber'], ['phone\u00a0number']])(
    '%j is not the phone number column',
    (header) => {
      expect(matchColumns([header], sms).hasRecipientColumns).toBe(false);
    },
  );

  it.each([['Email'], ['e-mail'], ['email']])('%j is not the email address column', (header) => {
    expect(matchColumns([header, 'first name', 'case'], email).hasRecipientColumns).toBe(false);
  });

  it.each([['First Name'], ['first_name'], ['FIRSTNAME'], ['first-name'], ['firstName']])(
    '%j fills ((first name))',
    (header) => {
      const match = matchColumns(['email address', header, 'case'], email);
      expect(match.missingColumns).toEqual([]);
      expect(match.placeholderKeys.has('firstname')).toBe(true);
    },
  );
});

describe('letter address columns: 3 of lines 1–6 + postcode, or 3 of lines 1–7', () => {
  it.each([
    [['address line 1', 'address line 2', 'postcode'], true],
    [['address line 3', 'address line 4', 'address line 7'], true],
    [['address_line_1', 'Address Line 2', 'ADDRESS-LINE-3'], true],
    [['address line 1', 'postcode', 'address line 7'], false],
    [['address line 1', 'address line 2'], false],
    [['address line 1', 'address line 1', 'postcode'], false],
    [['Address1', 'Address2', 'Postcode'], false],
  ])('%j → %s', (headers, expected) => {
    expect(matchColumns([...headers, 'name', 'case', 'team'], letter).hasRecipientColumns).toBe(expected);
  });

  it('leaves address placeholders out of the missing-column check', () => {
    const match = matchColumns(
      ['address line 2', 'address line 3', 'postcode', 'name', 'case', 'team'],
      letter,
    );
    expect(match.missingColumns).toEqual([]);
  });

  it('takes placeholders from the contact block and the subject too', () => {
    const match = matchColumns(['address line 1', 'address line 2', 'postcode', 'name'], letter);
    expect(match.missingColumns).toEqual(['team', 'case']);
  });

  it('notes an address line 7 column, which makes Notify ignore postcode', () => {
    expect(matchColumns(['address line 1', 'address line 2', 'address line 7'], letter).hasAddressLine7).toBe(
      true,
    );
  });
});

describe('duplicate columns', () => {
  it('lists each spelling of a duplicated recipient column once, in file order, joined with "or"', () => {
    const match = matchColumns(['phone number', 'name', 'PHONE_NUMBER', 'phone number', 'show'], sms);
    expect(match.duplicateRecipientHeaders).toEqual(['phone number', 'PHONE_NUMBER']);
  });

  it('lists every duplicated address key together for letters', () => {
    const headers = [
      'address line 1',
      'Address Line 1',
      'address line 2',
      'postcode',
      'Postcode',
      'name',
      'case',
      'team',
    ];
    expect(matchColumns(headers, letter).duplicateRecipientHeaders).toEqual([
      'address line 1',
      'Address Line 1',
      'postcode',
      'Postcode',
    ]);
  });

  it('allows other duplicated columns', () => {
    const match = matchColumns(['phone number', 'Name', 'name', 'show'], sms);
    expect(match.duplicateRecipientHeaders).toEqual([]);
    expect(match.missingColumns).toEqual([]);
  });

  it('finds the reference column by key (not "client reference")', () => {
    expect(matchColumns(['phone number', 'Reference'], sms).referenceColumn).toBe(1);
    expect(matchColumns(['phone number', 'client reference'], sms).referenceColumn).toBe(-1);
  });
});

/** The banner a header row and some data rows get. */
function banner(template: TemplateParts, headers: string[], dataRows: string[][], dataRowCount?: number) {
  const check = checkSheet({ fileName: 'people.csv', headers, dataRows, dataRowCount, template, rules });
  return check.banner && { title: check.banner.title, lines: check.banner.lines };
}

describe('file-level banners, first one only (rules 2.5)', () => {
  it('1: more than 100,000 rows', () => {
    expect(banner(sms, ['phone number', 'name', 'show'], [], 123_456)).toEqual({
      title: 'Your file has too many rows',
      lines: ['Notify can process up to 100,000 rows at once. Your file has 123,456 rows.'],
    });
  });

  it('2: no data rows, with missing columns sorted', () => {
    expect(banner(sms, ['phone number'], [])).toEqual({
      title: 'Your file is missing some rows',
      lines: ['It needs at least one row of data, and columns called ‘name’ and ‘show’.'],
    });
    expect(banner(sms, ['phone number', 'show'], [])?.lines).toEqual([
      'It needs at least one row of data, and a column called ‘name’.',
    ]);
    expect(banner(sms, ['phone number', 'name', 'show'], [])?.lines).toEqual([
      'It needs at least one row of data.',
    ]);
  });

  it('3: no recipient column', () => {
    expect(banner(sms, ['telephone', 'name'], [['1', 'a']])).toEqual({
      title: 'There’s a problem with your column names',
      lines: [
        'Your file needs a column called ‘phone number’.',
        'Right now it has columns called ‘telephone’ and ‘name’.',
      ],
    });
    expect(banner(email, ['mail'], [['x']])?.lines).toEqual([
      'Your file needs a column called ‘email address’.',
      'Right now it has one column, called ‘mail’.',
    ]);
    expect(banner(letter, ['address', 'name', 'name'], [['x', 'y', 'z']])?.lines).toEqual([
      'Your file needs at least 3 address columns, for example ‘address line 1’, ‘address line 2’ and ‘address line 3’.',
      'Right now it has columns called ‘address’ and ‘name’.',
    ]);
  });

  it('4: duplicate recipient columns', () => {
    expect(banner(sms, ['Phone_Number', 'phone number', 'name', 'show'], [['1', '2', 'a', 'b']])).toEqual({
      title: 'There’s a problem with your column names',
      lines: [
        'We found more than one column called ‘Phone_Number’ or ‘phone number’.',
        'Delete or rename one of these columns and try again.',
      ],
    });
  });

  it('5: missing placeholder columns, in the template’s spelling', () => {
    expect(banner(sms, ['phone number'], [['07700900123']])).toEqual({
      title: 'Your column names need to match the double brackets in your template',
      lines: ['Your file is missing columns called ‘name’ and ‘show’.'],
    });
    expect(banner(email, ['email address', 'case'], [['a@b.com', '1']])?.lines).toEqual([
      'Your file is missing a column called ‘first name’.',
    ]);
  });

  it('checks no rows while a banner applies', () => {
    const check = checkSheet({
      fileName: 'f.csv',
      headers: ['phone number'],
      dataRows: [['nonsense']],
      template: sms,
      rules,
    });
    expect(check.rows).toEqual([]);
    expect(check.sendable).toBe(false);
    expect(check.shownRows).toEqual([0]);
  });
});
