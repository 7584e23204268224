/**
 * The worker that reads and checks a spreadsheet off the event loop (see read-in-worker.ts).
 *
 * Gets one message (the file's bytes, its name, the template and the service's rules), answers
 * with the checked sheet or the upload form's error, and is then terminated by its parent.
 */
import { parentPort } from 'node:worker_threads';
import { checkSheet } from '../../../src-shared/spreadsheet/index';
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
    return { ok: true, rows, check };
  } catch (err) {
    if (err instanceof SheetReadError) return { ok: false, message: err.message, details: err.details };
    return {
      ok: false,
      message: 'Notify cannot read this file - try using a different file type',
      details: {},
    };
  }
}
