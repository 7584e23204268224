import ExcelJS from 'exceljs';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { decodeSheetText, parseSheetText } from '../../../src-main/core/bulk/csv-text';
import { readSheet } from '../../../src-main/core/bulk/read-sheet';
import { SheetReadError } from '../../../src-main/core/bulk/sheet-rows';

// The CSV/TSV reader: Notify's upload-form checks, then property tests of papaparse round trips.

const encode = (text: string) => new TextEncoder().encode(text);
const BOM = [0xef, 0xbb, 0xbf];

/** Cell text without Python line boundaries other than \n (each \n comes back as \r\n). */
const cellChars = fc.constantFrom(...Array.from('abcXYZ019 ,"\'\t\n£é€😀;=+-@'));
const cell = fc.array(cellChars, { maxLength: 12 }).map((chars) => chars.join(''));

/** A sheet whose first and last cells guard the whole-file trim (it only touches the file's ends). */
const sheet = fc
  .record({ width: fc.integer({ min: 1, max: 6 }), height: fc.integer({ min: 0, max: 30 }) })
  .chain(({ width, height }) =>
    fc.record({
      header: fc.array(cell, { minLength: width, maxLength: width }),
      rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }), {
        minLength: height,
        maxLength: height,
      }),
    }),
  )
  .map(({ header, rows }) => ({
    header: ['id', ...header, 'end'],
    rows: rows.map((row, i) => [`r${i}`, ...row, 'end']),
  }));

const asRead = (cells: string[]) => cells.map((c) => c.replaceAll('\n', '\r\n'));

describe('the upload form’s checks, in Notify’s order', () => {
  it('no file', async () => {
    await expect(readSheet(null, '')).rejects.toThrow('You need to chose a file to upload');
  });

  it.each([['list.txt'], ['list'], ['list.csv.zip'], ['list.numbers']])(
    '%j is not a spreadsheet',
    async (name) => {
      await expect(readSheet(encode('phone number\r\n07700900123'), name)).rejects.toThrow(
        'The file must be a spreadsheet that Notify can read',
      );
    },
  );

  it.each([
    ['LIST.CSV', 'phone number,name'],
    ['a.b.TSV', 'phone number\tname'],
  ])('%j is judged by its extension', async (name, text) => {
    expect((await readSheet(encode(text), name)).headers).toEqual(['phone number', 'name']);
  });

  it.each([['x.xlsm'], ['y.Xlsx']])('%j is read as an Excel workbook', async (name) => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').addRow(['phone number', 'name']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    expect((await readSheet(bytes, name)).headers).toEqual(['phone number', 'name']);
  });

  it('refuses more than 10 MB, and accepts exactly 10 MB', async () => {
    const limit = 10 * 1024 * 1024;
    await expect(readSheet(new Uint8Array(limit + 1).fill(0x61), 'big.csv')).rejects.toThrow(
      'The file must be smaller than 10MB',
    );
    const rows = await readSheet(new Uint8Array(limit).fill(0x61), 'big.csv');
    expect(rows.headers[0]).toHaveLength(limit);
  });

  it('says what to do with .xls and .ods, which it does not read', async () => {
    const message =
      'Notify Console cannot read .xls or .ods files. Save the sheet as .xlsx, .csv or .tsv and upload it again.';
    await expect(readSheet(encode('x'), 'old.xls')).rejects.toThrow(message);
    await expect(readSheet(encode('x'), 'sheet.ods')).rejects.toThrow(message);
  });

  it('an empty file has no rows (Notify’s "missing some rows" banner follows)', async () => {
    expect(await readSheet(new Uint8Array(0), 'empty.csv')).toEqual({
      headers: [],
      dataRows: [],
      dataRowCount: 0,
    });
    expect(await readSheet(encode('\ufeff \r\n,,,\r\n'), 'blank.csv')).toEqual({
      headers: [],
      dataRows: [],
      dataRowCount: 0,
    });
  });

  it('a TSV header past column 1,000 is refused; 1,000 columns are fine', () => {
    const header = (n: number) => Array.from({ length: n }, (_v, i) => `c${i}`).join('\t');
    expect(() => parseSheetText(`${header(1001)}\r\nx`, 'tsv')).toThrow(
      'Your file has too many columns (Notify can process up to 1,000 columns)',
    );
    expect(parseSheetText(`${header(1000)}\r\nx`, 'tsv').headers).toHaveLength(1000);
  });

  it('TSV cells right of max(header width, 50) are dropped, as Notify’s spreadsheet readers do', () => {
    const row = Array.from({ length: 60 }, (_v, i) => `v${i}`).join('\t');
    expect(parseSheetText(`a\tb\r\n${row}`, 'tsv').dataRows[0]).toHaveLength(50);
  });
});

describe('Python line boundaries and quoting', () => {
  it('breaks lines on \\r, \\v, \\f, \\x1c–\\x1e, NEL, U+2028, U+2029, even inside quotes', () => {
    const rows = parseSheetText('a,b\ru\u000bv\u000cw\u001cx\u0085y\u2028z\u2029"q\rr"', 'csv');
    expect(rows.dataRows).toEqual([['u'], ['v'], ['w'], ['x'], ['y'], ['z'], ['q\r\nr']]);
  });

  it('an unclosed quote swallows the rest of the file into one cell', () => {
    expect(parseSheetText('a,b\r\n"x,y\r\nz,w', 'csv').dataRows).toEqual([['x,y\r\nz,w']]);
  });

  it('a quote in the middle of a cell is literal', () => {
    expect(parseSheetText('a,b\r\nx"y,z', 'csv').dataRows).toEqual([['x"y', 'z']]);
  });
});

describe('property: papaparse.unparse → our reader gives the same cells back', () => {
  it('round-trips generated sheets, with and without a BOM', () => {
    fc.assert(
      fc.property(sheet, fc.boolean(), ({ header, rows }, bom) => {
        const csv = Papa.unparse([header, ...rows], { newline: '\r\n' });
        const bytes = new Uint8Array([...(bom ? BOM : []), ...encode(csv)]);
        const read = parseSheetText(decodeSheetText(bytes), 'csv');
        expect(read.headers).toEqual(asRead(header));
        expect(read.dataRows).toEqual(rows.map(asRead));
        expect(read.dataRowCount).toBe(rows.length);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps line breaks inside quoted cells, whatever the file’s own line ends', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 10 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        (rows, newline) => {
          const body = rows.map((r) => [`x${r[0]}`, `${r[1]}y`]);
          const csv = Papa.unparse([['a', 'b'], ...body], { newline, quotes: true });
          const read = parseSheetText(csv, 'csv');
          expect(read.dataRows).toEqual(body.map(asRead));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('any bytes: either rows or Notify’s "cannot read" error, never another failure', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        try {
          const rows = parseSheetText(decodeSheetText(bytes), 'csv');
          expect(rows.dataRows.length).toBe(rows.dataRowCount);
        } catch (err) {
          expect(err).toBeInstanceOf(SheetReadError);
          expect((err as Error).message).toBe(
            'Notify cannot read this file - try using a different file type',
          );
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reads 100,000 rows (the row limit) with quoted newlines, and counts the ones after', () => {
    const rows = Array.from({ length: 100_050 }, (_v, i) => [
      `0770090${String(i % 10_000).padStart(4, '0')}`,
      `line 1\nline ${i}`,
    ]);
    const csv = Papa.unparse([['phone number', 'address'], ...rows], { newline: '\r\n' });
    const read = parseSheetText(decodeSheetText(new Uint8Array([...BOM, ...encode(csv)])), 'csv');
    expect(read.dataRows).toHaveLength(100_000);
    expect(read.dataRowCount).toBe(100_050);
    expect(read.dataRows[99_999]).toEqual(['07700909999', 'line 1\r\nline 99999']);
  });
});
