import { describe, expect, it } from 'vitest';
import { decodeSheetText, parseSheetText } from '../../../src-main/core/bulk/csv-text';
import { SheetReadError } from '../../../src-main/core/bulk/sheet-rows';
import {
  checkSheet,
  notificationRequests,
  pyFloatRepr,
  referenceProblems,
  tsvCellValue,
  type ServiceRules,
} from '../../../src-shared/spreadsheet/index';
import { renderEmailBody, renderSmsBody, type TemplateParts } from '../../../src-shared/template/index';
import { renderValues } from '../../../src-shared/spreadsheet/row-values';

// The edge cases of docs/notify-spreadsheet-rules.md section 7, one test each, from file text
// to Notify's verdict (the xlsx ones are in test/unit/main/bulk-xlsx.test.ts).

const rules: ServiceRules = { internationalSms: false, smsToUkLandlines: false, internationalLetters: false };
const sms: TemplateParts = { type: 'sms', content: 'Hi ((name))' };

function checkText(text: string, template: TemplateParts = sms, format: 'csv' | 'tsv' = 'csv') {
  const rows = parseSheetText(text, format);
  return checkSheet({ fileName: 'list.csv', ...rows, template, rules });
}

describe('the edge cases of rules 7', () => {
  it('a UTF-8 BOM and leading blank lines are stripped', () => {
    const bytes = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...new TextEncoder().encode('\r\n\r\nphone number,name\r\n07723456789,Ann'),
    ]);
    const result = checkText(decodeSheetText(bytes));
    expect(result.banner).toBeNull();
    expect(result.match.headers).toEqual(['phone number', 'name']);
    expect(result.sendable).toBe(true);
  });

  it('Windows-1252 with £ or é is refused with Notify’s message, naming the likely encoding', () => {
    const bytes = new Uint8Array([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0xa3, 0x35, 0x20, 0xe9]);
    expect(() => decodeSheetText(bytes)).toThrow(
      'Notify cannot read this file - try using a different file type',
    );
    try {
      decodeSheetText(bytes);
    } catch (err) {
      expect((err as SheetReadError).details).toEqual({ suggestedEncoding: 'windows-1252' });
    }
    expect(decodeSheetText(bytes, 'windows-1252')).toBe('name\n£5 é');
  });

  it('UTF-16 (with its BOM) is named as such', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x0a, 0x00, 0x00, 0xd8]);
    expect(() => decodeSheetText(bytes)).toThrow(SheetReadError);
    try {
      decodeSheetText(bytes);
    } catch (err) {
      expect((err as SheetReadError).details).toEqual({ suggestedEncoding: 'utf-16le' });
    }
  });

  it('a blank line or a ",," line in the middle is a row, and fails as missing data', () => {
    const result = checkText('phone number,name\r\n07723456789,Ann\r\n\r\n,,\r\n07723456789,Bo');
    expect(result.dataRowCount).toBe(4);
    expect(result.rows.map((r) => r.missingData)).toEqual([false, true, true, false]);
  });

  it('",,," lines and blank lines at the end are ignored', () => {
    const result = checkText('phone number,name\r\n07723456789,Ann\r\n,,,\r\n\r\n , ,\r\n');
    expect(result.dataRowCount).toBe(1);
    expect(result.sendable).toBe(true);
  });

  it('Phone_Number plus phone number: the duplicate-column banner lists both spellings', () => {
    const result = checkText('Phone_Number,phone number,name\r\n1,2,Ann');
    expect(result.banner?.lines[0]).toBe(
      'We found more than one column called ‘Phone_Number’ or ‘phone number’.',
    );
  });

  it('Name and name: no error, the last column’s value is used', () => {
    const result = checkText('phone number,Name,name\r\n07723456789,First,Second');
    expect(result.banner).toBeNull();
    expect(renderSmsBody(sms.content, renderValues(result.values[0]!))).toBe('Hi Second');
  });

  it('list,list,list: "a, b and c" in a text message, bullets in an email', () => {
    const template: TemplateParts = { type: 'sms', content: 'Bring ((list))' };
    const result = checkText('phone number,list,list,list\r\n07723456789,a,b,c', template);
    expect(renderSmsBody(template.content, renderValues(result.values[0]!))).toBe('Bring a, b and c');
    const email: TemplateParts = { type: 'email', subject: 'x', content: 'Bring ((list))' };
    const emailResult = checkText('email address,list,list\r\nann@example.com,a,b', email);
    expect(renderEmailBody(email.content, renderValues(emailResult.values[0]!))).toBe('Bring \n\n* a\n* b');
  });

  it('((show??Extra text)) with an empty show cell is Missing', () => {
    const template: TemplateParts = { type: 'sms', content: 'Hi ((show??Extra text))' };
    const result = checkText('phone number,show\r\n07723456789,', template);
    expect(result.rows[0]!.cellErrors).toEqual([{ column: 'show', message: 'Missing' }]);
  });

  it.each([
    ['no', 'Hi '],
    ['false', 'Hi '],
    ['0', 'Hi '],
    ['maybe', 'Hi '],
    ['YES', 'Hi Extra text'],
    ['include', 'Hi Extra text'],
    ['1', 'Hi Extra text'],
  ])('a conditional with %j renders %j', (value, body) => {
    const template: TemplateParts = { type: 'sms', content: 'Hi ((show??Extra text))' };
    const result = checkText(`phone number,show\r\n07723456789,${value}`, template);
    expect(renderSmsBody(template.content, renderValues(result.values[0]!))).toBe(body.trim());
  });

  it('a letter with postcode and address line 7 columns ignores postcode (the address may then be too short)', () => {
    const letter: TemplateParts = { type: 'letter', subject: 'x', content: 'Dear you' };
    const result = checkText(
      'address line 1,address line 2,postcode,address line 7\r\nA Name,1 Street,SW1A 1AA,',
      letter,
    );
    expect(result.rows[0]!.label).toBe('Address must be at least 3 lines long');
  });

  it('"A Name / 1 Street / Town / United Kingdom" is not valid: the last line is not a postcode', () => {
    const letter: TemplateParts = { type: 'letter', subject: 'x', content: 'Dear you' };
    const result = checkText(
      'address line 1,address line 2,address line 3,address line 4\r\nA Name,1 Street,Town,United Kingdom',
      letter,
    );
    expect(result.rows[0]!.label).toBe('Last line of the address must be a real UK postcode');
  });

  it('an address in one quoted cell is split at its line breaks; 8 lines is too many', () => {
    const letter: TemplateParts = { type: 'letter', subject: 'x', content: 'Dear you' };
    const header = 'address line 1,address line 2,address line 3';
    const ok = checkText(`${header}\r\n"A Name\n1 Street\nTown",SW1A 1AA,`, letter);
    expect(ok.rows[0]!.label).toBeNull();
    const tooLong = checkText(`${header}\r\n"1\n2\n3\n4\n5\n6\n7\n8",SW1A 1AA,`, letter);
    expect(tooLong.rows[0]!.label).toBe('Address must be no more than 7 lines long');
  });

  it('an address with only 1 line gets the two-lines label', () => {
    const letter: TemplateParts = { type: 'letter', subject: 'x', content: 'Dear you' };
    const result = checkText('address line 1,address line 2,postcode\r\nA Name,,', letter);
    expect(result.rows[0]!.label).toBe(
      'The first 2 lines of the address must both include at least one alphanumeric character',
    );
  });

  it('in a .tsv, "+44 7700 900123" stays text; "+447700900123" becomes 447700900123, still valid', () => {
    const result = checkText('phone number\tname\r\n+44 7723 456789\tAnn\r\n+447723456789\tBo', sms, 'tsv');
    expect(result.values.map((v) => v.byKey.get('phonenumber'))).toEqual(['+44 7723 456789', '447723456789']);
    expect(result.sendable).toBe(true);
  });

  it('100,001 data rows: too many rows', () => {
    const text = `phone number,name\r\n${'07723456789,Ann\r\n'.repeat(100_001)}`;
    const rows = parseSheetText(text, 'csv');
    expect(rows.dataRows).toHaveLength(100_000);
    expect(rows.dataRowCount).toBe(100_001);
    const result = checkSheet({ fileName: 'big.csv', ...rows, template: sms, rules });
    expect(result.banner?.title).toBe('Your file has too many rows');
    expect(result.banner?.lines).toEqual([
      'Notify can process up to 100,000 rows at once. Your file has 100,001 rows.',
    ]);
  });
});

describe('TSV cell typing (pyexcel-io)', () => {
  it.each([
    ['+447700900123', '447700900123'],
    ['1,000', '1000'],
    ['12.50', '12.5'],
    ['1e3', '1000.0'],
    ['07700900123', '07700900123'],
    ['0.5', '0.5'],
    ['1_000', '1_000'],
    ['nan', 'nan'],
    ['inf', 'inf'],
    ['2024-01-02', '2024-01-02'],
    ['12345678901234567890123', '12345678901234567890123'],
    ['abc', 'abc'],
    ['-5', '-5'],
    ['1e-5', '1e-05'],
    ['1e16', '1e+16'],
  ])('%j → %j', (text, expected) => {
    expect(tsvCellValue(text)).toBe(expected);
  });

  it.each([
    [0.1, '0.1'],
    [1e22, '1e+22'],
    [123456789012345.6, '123456789012345.6'],
    [0.0001, '0.0001'],
    [-2.5, '-2.5'],
  ])('Python repr of %d is %j', (value, expected) => {
    expect(pyFloatRepr(value)).toBe(expected);
  });
});

describe('one request per row, with a deterministic reference', () => {
  it('uses the reference column, or makes one from the batch id and row number', () => {
    const result = checkText('phone number,name,Reference\r\n07723456789,Ann,ref-a\r\n07723456789,Bo,');
    const requests = notificationRequests(result, sms, { templateId: 't', referencePrefix: 'batch1' });
    expect(requests).toEqual([
      {
        rowNumber: 2,
        reference: 'ref-a',
        type: 'sms',
        body: {
          template_id: 't',
          phone_number: '07723456789',
          personalisation: { name: 'Ann' },
          reference: 'ref-a',
        },
      },
      {
        rowNumber: 3,
        reference: 'batch1-3',
        type: 'sms',
        body: {
          template_id: 't',
          phone_number: '07723456789',
          personalisation: { name: 'Bo' },
          reference: 'batch1-3',
        },
      },
    ]);
  });

  it('refuses duplicate and over-long references', () => {
    const long = 'r'.repeat(1001);
    const result = checkText(
      `phone number,name,reference\r\n07723456789,A,x\r\n07723456789,B,x\r\n07723456789,C,${long}`,
    );
    const problems = referenceProblems(
      notificationRequests(result, sms, { templateId: 't', referencePrefix: 'b' }),
    );
    expect(problems.map((p) => p.rowNumber)).toEqual([3, 4]);
    expect(problems[0]!.message).toMatch(/^Row 2 has the same reference/);
  });

  it('letters send Notify’s address keys and the placeholders, nothing else', () => {
    const letter: TemplateParts = { type: 'letter', subject: 'x', content: 'Dear ((name))' };
    const result = checkText(
      'Address Line 1,address_line_2,Postcode,name,notes\r\nA Name,1 Street,SW1A 1AA,Ann,private',
      letter,
    );
    const [request] = notificationRequests(result, letter, { templateId: 't', referencePrefix: 'b' });
    expect(request!.body['personalisation']).toEqual({
      name: 'Ann',
      address_line_1: 'A Name',
      address_line_2: '1 Street',
      postcode: 'SW1A 1AA',
    });
  });
});
