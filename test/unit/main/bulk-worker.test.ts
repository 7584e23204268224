import { monitorEventLoopDelay } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { readSheet } from '../../../src-main/core/bulk/read-sheet';
import { checkSheetInWorker } from '../../../src-main/core/bulk/read-in-worker';
import { checkSheet, MAX_FILE_BYTES } from '../../../src-shared/spreadsheet/index';
import type { TemplateParts } from '../../../src-shared/template/index';

// The largest file the console accepts (10 MB, 100,000 rows) is read and checked in a worker: the
// event loop keeps turning meanwhile. Measured against reading the same file on the event loop.

const template: TemplateParts = { type: 'sms', content: 'Hello ((name)), your reference is ((reference))' };
const rules = { internationalSms: false, smsToUkLandlines: false, internationalLetters: false };

function largestCsv(): Uint8Array {
  const header = 'phone number,name,reference\r\n';
  const rows: string[] = [];
  for (let i = 0; i < 100_000; i++) {
    rows.push(
      `0772345${String(i % 10_000).padStart(4, '0')},${'Name '.repeat(12)}${i},ref-${String(i).padStart(20, '0')}\r\n`,
    );
  }
  const text = header + rows.join('');
  const bytes = new TextEncoder().encode(text);
  expect(bytes.byteLength).toBeLessThanOrEqual(MAX_FILE_BYTES);
  expect(bytes.byteLength).toBeGreaterThan(MAX_FILE_BYTES * 0.95);
  return bytes;
}

async function maxDelayDuring(work: () => Promise<unknown>): Promise<number> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  // The histogram records the gap between two of its ticks: let it tick once before the work.
  await new Promise((resolve) => setTimeout(resolve, 30));
  await work();
  // One more turn of the loop, so a block that just ended is sampled.
  await new Promise((resolve) => setTimeout(resolve, 30));
  histogram.disable();
  return histogram.max / 1e6;
}

describe('reading in a worker', () => {
  it('checks a 10 MB, 100,000-row file without blocking the event loop', async () => {
    const bytes = largestCsv();
    let inWorker: Awaited<ReturnType<typeof checkSheetInWorker>> | null = null;
    const workerDelay = await maxDelayDuring(async () => {
      inWorker = await checkSheetInWorker({
        bytes,
        fileName: 'largest.csv',
        template,
        rules,
        requestOptions: { templateId: 'template-1', referencePrefix: 'batch-1' },
      });
    });
    const onLoopDelay = await maxDelayDuring(async () => {
      const rows = await readSheet(bytes, 'largest.csv');
      checkSheet({ fileName: 'largest.csv', ...rows, template, rules });
    });
    console.log(
      `event-loop max delay: worker ${workerDelay.toFixed(0)} ms, on the loop ${onLoopDelay.toFixed(0)} ms`,
    );
    expect(inWorker!.summary.dataRowCount).toBe(100_000);
    expect(inWorker!.summary.sendable).toBe(true);
    expect(inWorker!.summary.totals).toMatchObject({ rows: 100_000, sendable: 100_000, fragments: 100_000 });
    expect(inWorker!.summary.shown).toHaveLength(50);
    expect(inWorker!.requests).toMatchObject({ count: 100_000, problems: [] });
    // The same work on the loop blocks it for its whole length; in the worker only message passing does.
    expect(workerDelay).toBeLessThan(onLoopDelay / 5);
  }, 120_000);

  it('gives Notify’s "too long to process" message when the worker runs out of time', async () => {
    await expect(
      checkSheetInWorker({ bytes: largestCsv(), fileName: 'slow.csv', template, rules }, { timeoutMs: 50 }),
    ).rejects.toThrow(
      'Your file took too long to process – try again, or remove any sheets, columns or rows that are not needed',
    );
  }, 30_000);

  it('a file that needs more memory than the worker has cannot be read; the console carries on', async () => {
    await expect(
      checkSheetInWorker({ bytes: largestCsv(), fileName: 'huge.csv', template, rules }, { maxMemoryMb: 16 }),
    ).rejects.toThrow('Notify cannot read this file - try using a different file type');
  }, 60_000);

  it('passes the reader’s own errors through', async () => {
    await expect(
      checkSheetInWorker({ bytes: new Uint8Array([0xa3]), fileName: 'x.csv', template, rules }),
    ).rejects.toMatchObject({
      message: 'Notify cannot read this file - try using a different file type',
      details: { suggestedEncoding: 'windows-1252' },
    });
  }, 30_000);
});
