import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readSheet } from '../../../src-main/core/bulk/read-sheet';
import { checkSheet } from '../../../src-shared/spreadsheet/index';

// Excel files read with openpyxl's rules as Notify's admin applies them (rules 1.2, rules 7).

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const rules = { internationalSms: false, smsToUkLandlines: false, internationalLetters: false };

describe('which sheet and which rows', () => {
  it('reads the first sheet that is not hidden', async () => {
    const bytes = await xlsx((wb) => {
      const hidden = wb.addWorksheet('Old', { state: 'hidden' });
      hidden.addRow(['old']);
      wb.addWorksheet('Current').addRow(['phone number']);
    });
    expect((await readSheet(bytes, 'list.xlsx')).headers).toEqual(['phone number']);
  });

  it('a workbook whose sheets are all hidden is empty', async () => {
    const bytes = await xlsx((wb) => wb.addWorksheet('A', { state: 'veryHidden' }).addRow(['x']));
    expect(await readSheet(bytes, 'list.xlsx')).toEqual({ headers: [], dataRows: [], dataRowCount: 0 });
  });

  it('the first visible row is the header; hidden rows and columns are dropped', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow(['notes to self']);
      ws.getRow(1).hidden = true;
      ws.addRow(['phone number', 'secret', 'name']);
      ws.addRow(['07723456789', 'x', 'Ann']);
      ws.addRow(['07723456788', 'y', 'Hidden']);
      ws.getRow(4).hidden = true;
      ws.addRow(['07723456787', 'z', 'Bo']);
      ws.getColumn(2).hidden = true;
    });
    const rows = await readSheet(bytes, 'list.xlsx');
    expect(rows).toEqual({
      headers: ['phone number', 'name'],
      dataRows: [
        ['07723456789', 'Ann'],
        ['07723456787', 'Bo'],
      ],
      dataRowCount: 2,
    });
  });

  it('a blank first row becomes the header, so the column names are wrong', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('S');
      ws.getCell('A2').value = 'phone number';
      ws.getCell('A3').value = '07723456789';
    });
    const rows = await readSheet(bytes, 'list.xlsx');
    expect(rows.headers).toEqual(['']);
    const check = checkSheet({
      fileName: 'list.xlsx',
      ...rows,
      template: { type: 'sms', content: 'Hi' },
      rules,
    });
    expect(check.banner?.title).toBe('There’s a problem with your column names');
  });

  it('stops at the last non-empty row and column', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow(['phone number', 'name', '', '']);
      ws.addRow(['07723456789', 'Ann']);
      ws.getCell('A10').value = '';
    });
    const rows = await readSheet(bytes, 'list.xlsx');
    expect(rows.headers).toEqual(['phone number', 'name']);
    expect(rows.dataRows).toEqual([['07723456789', 'Ann']]);
  });

  it('a cell holding a space widens the sheet (openpyxl sees a value), but blank rows at the end go', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow(['phone number', 'name']);
      ws.addRow(['07723456789', 'Ann']);
      ws.getCell('D10').value = ' ';
    });
    const rows = await readSheet(bytes, 'list.xlsx');
    expect(rows.headers).toEqual(['phone number', 'name', '', '']);
    expect(rows.dataRows).toEqual([['07723456789', 'Ann', '', '']]);
  });
});

describe('cell values, as Python prints openpyxl’s', () => {
  it('numbers, dates, booleans, formulas, merged cells, rich text', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow(['phone number', 'amount', 'date', 'flag', 'total', 'merged', 'merged too', 'rich']);
      ws.addRow([
        7723456789,
        12.5,
        new Date(Date.UTC(2024, 0, 2)),
        true,
        { formula: 'B2*2', result: 25 },
        'shared',
        null,
        { richText: [{ text: 'bo' }, { text: 'ld' }] },
      ]);
      ws.mergeCells('F2:G2');
    });
    const rows = await readSheet(bytes, 'list.xlsx');
    expect(rows.dataRows[0]).toEqual([
      '7723456789',
      '12.5',
      '2024-01-02 00:00:00',
      'True',
      '25',
      'shared',
      'shared',
      'bold',
    ]);
    const check = checkSheet({
      fileName: 'x.xlsx',
      ...rows,
      template: { type: 'sms', content: 'Hi' },
      rules,
    });
    expect(check.rows[0]!.cellErrors).toEqual([]);
  });

  it('.xlsm files are read the same way', async () => {
    const bytes = await xlsx((wb) => wb.addWorksheet('S').addRow(['email address']));
    expect((await readSheet(bytes, 'macro.XLSM')).headers).toEqual(['email address']);
  });
});

describe('limits and damage', () => {
  it('a header past column 1,000 is refused', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('S');
      ws.getCell(1, 1).value = 'phone number';
      ws.getCell(1, 1001).value = 'too far';
    });
    await expect(readSheet(bytes, 'wide.xlsx')).rejects.toThrow(
      'Your file has too many columns (Notify can process up to 1,000 columns)',
    );
  });

  it('data right of max(header width, 50) is dropped without a word', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('S');
      ws.getCell(1, 1).value = 'phone number';
      ws.getCell(2, 1).value = '07723456789';
      ws.getCell(2, 50).value = 'kept';
      ws.getCell(2, 51).value = 'dropped';
    });
    const rows = await readSheet(bytes, 'wide.xlsx');
    expect(rows.dataRows[0]).toHaveLength(50);
    expect(rows.dataRows[0]![49]).toBe('kept');
  });

  it('a value below sheet row 200,000 is refused', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('S');
      ws.getCell(1, 1).value = 'phone number';
      ws.getCell(200_001, 1).value = 'far down';
    });
    await expect(readSheet(bytes, 'long.xlsx')).rejects.toThrow(
      'Your file has too many rows (Notify can process up to 100,000 rows at once)',
    );
  });

  it('bytes that are not a workbook cannot be read', async () => {
    await expect(readSheet(new TextEncoder().encode('phone number\n0770'), 'fake.xlsx')).rejects.toThrow(
      'Notify cannot read this file - try using a different file type',
    );
  });
});

describe('fuzz', () => {
  it('random bytes and damaged workbooks give rows or Notify’s "cannot read", never another failure', async () => {
    const fc = (await import('fast-check')).default;
    const valid = await xlsx((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow(['phone number', 'name']);
      ws.addRow(['07723456789', 'Ann']);
    });
    const damaged = fc
      .array(fc.record({ at: fc.nat({ max: valid.length - 1 }), byte: fc.integer({ min: 0, max: 255 }) }), {
        minLength: 1,
        maxLength: 20,
      })
      .map((edits) => {
        const copy = new Uint8Array(valid);
        for (const e of edits) copy[e.at] = e.byte;
        return copy;
      });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 2_000 }), damaged), async (bytes) => {
        try {
          const rows = await readSheet(bytes, 'fuzz.xlsx');
          expect(Array.isArray(rows.headers)).toBe(true);
        } catch (err) {
          expect((err as Error).message).toBe(
            'Notify cannot read this file - try using a different file type',
          );
        }
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});
