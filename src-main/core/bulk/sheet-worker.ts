/**
 * The worker that reads and checks a spreadsheet off the event loop (see read-in-worker.ts).
 *
 * Gets one message (the file's bytes, its name, the template, the service's rules and, to prepare
 * a batch, the request options), answers with the sheet's summary and, for a sendable sheet, its
 * requests as JSON lines (one string: cheap to pass back, written as is into the batch), or the
 * upload form's error. Its parent then terminates it.
 */
import { parentPort } from 'node:worker_threads';
import {
  checkSheet,
  errorReportCsv,
  FILE_MESSAGES,
  notificationRequests,
  previewRow,
  summariseCheck,
} from '../../../src-shared/spreadsheet/index';
import { prepareRequests } from './prepared-requests';
import { readSheet } from './read-sheet';
import { SheetReadError } from './sheet-rows';
import type { WorkerReply, WorkerRequest } from './read-in-worker';

parentPort?.once('message', (request: WorkerRequest) => {
  void answer(request).then((reply) => parentPort?.postMessage(reply));
});

async function answer(request: WorkerRequest): Promise<WorkerReply> {
  try {
    const rows = await readSheet(request.bytes, request.fileName, { encoding: request.encoding });
    const check = checkSheet({
      fileName: request.fileName,
      ...rows,
      template: request.template,
      rules: request.rules,
    });
    const summary = summariseCheck(request.fileName, check, rows.dataRows);
    const report = request.report
      ? {
          previews: check.shownRows.map((i) => {
            const values = check.values[i];
            return values ? previewRow(request.template, values, check.match) : null;
          }),
          errorReport: check.sendable ? null : errorReportCsv(check, rows.dataRows),
        }
      : {};
    if (!request.requestOptions || !check.sendable) return { ok: true, summary, requests: null, ...report };
    const requests = notificationRequests(check, request.template, request.requestOptions);
    return { ok: true, summary, ...report, requests: prepareRequests(requests) };
  } catch (err) {
    if (err instanceof SheetReadError) return { ok: false, message: err.message, details: err.details };
    return { ok: false, message: FILE_MESSAGES.cannotRead, details: {} };
  }
}
