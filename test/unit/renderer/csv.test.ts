import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../src-shared/csv';
import { csvFileName, notificationsToCsv } from '../../../src-renderer/features/history/notifications-csv';
import { notification } from './fake-api';

describe('csvCell', () => {
  it('leaves plain text alone and empties null', () => {
    expect(csvCell('hello')).toBe('hello');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(3)).toBe('3');
  });

  it('quotes commas, quotes and newlines, doubling quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line1\nline2')).toBe('"line1\nline2"');
    expect(csvCell('cr\r')).toBe('"cr\r"');
    expect(csvCell(' padded ')).toBe('" padded "');
  });

  it('neutralises formulas with a leading apostrophe', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('+441234')).toBe("'+441234");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes objects as JSON', () => {
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"');
  });
});

describe('toCsv', () => {
  it('joins rows with CRLF and ends with one', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['1', '2'],
          ['x,y', null],
        ],
      ),
    ).toBe('a,b\r\n1,2\r\n"x,y",\r\n');
  });
});

describe('notificationsToCsv', () => {
  it('exports every loaded row with Notify’s field names', () => {
    const csv = notificationsToCsv([
      notification({ reference: '=cmd|calc', body: 'Hi, "you"\nbye', phone_number: '+447700900123' }),
      notification({
        id: 'n2',
        type: 'email',
        email_address: 'a@b.com',
        phone_number: null,
        reference: null,
      }),
    ]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'id,reference,type,status,recipient,template_id,template_version,created_at,sent_at,completed_at,cost_in_pounds,subject,body',
    );
    expect(lines[1]).toContain(`'=cmd|calc`);
    expect(lines[1]).toContain(`'+447700900123`);
    expect(lines[1]).toContain('"Hi, ""you""\nbye"');
    expect(csv).toContain('n2,,email,sending,a@b.com');
  });

  it('names the file after the profile and time', () => {
    expect(csvFileName('My Service / live', new Date('2026-03-04T05:06:07.123Z'))).toBe(
      'notifications-My-Service-live-2026-03-04T05-06-07.csv',
    );
  });
});
