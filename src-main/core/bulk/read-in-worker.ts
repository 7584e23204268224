/**
 * Reading and checking a spreadsheet in a `worker_threads` worker, so that a 10 MB file never
 * blocks the event loop that serves the console (bench and test: the largest accepted file).
 *
 * Each read gets a fresh worker with a memory limit and a time limit: a workbook that inflates
 * beyond the limit (a zip bomb) or takes too long ends the worker, not the console, and the user
 * gets Notify's message for it. Running from TypeScript sources (tests, `npm start` in dev) the
 * worker loads through tsx; a bundled build passes the built worker's URL.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  FILE_MESSAGES,
  type RequestOptions,
  type RowPreview,
  type ServiceRules,
  type SheetSummary,
} from '../../../src-shared/spreadsheet/index';
import type { TemplateParts } from '../../../src-shared/template/index';
import type { JsonValue } from '../ports';
import type { TextEncodingName } from './csv-text';
import type { PreparedRequests } from './prepared-requests';
import { SheetReadError } from './sheet-rows';

export interface WorkerRequest {
  bytes: Uint8Array | null;
  fileName: string;
  encoding?: TextEncodingName;
  template: TemplateParts;
  rules: ServiceRules;
  /** To prepare a batch: the requests of a sendable sheet come back as JSON lines. */
  requestOptions?: RequestOptions;
  /** For the upload screen: each shown row's message and, when rows have errors, the error report. */
  report?: boolean;
}

interface WorkerResult {
  summary: SheetSummary;
  requests: PreparedRequests | null;
  /** With `report`: each shown row's message as it will be sent (null where a banner stopped the check). */
  previews?: Array<RowPreview | null>;
  /** With `report`: the error report CSV when the sheet has a file or row error. */
  errorReport?: string | null;
}

export type WorkerReply =
  ({ ok: true } & WorkerResult) | { ok: false; message: string; details: Record<string, JsonValue> };

export interface WorkerOptions {
  /** The worker script; defaults to sheet-worker next to this module. */
  workerUrl?: URL;
  /** Notify's conversion has a soft time limit; so does this (default 60 s). */
  timeoutMs?: number;
  /** Heap limit of the worker in MB (default 768). */
  maxMemoryMb?: number;
}

function defaultWorkerUrl(): URL {
  const here = import.meta.url;
  return new URL(here.endsWith('.ts') ? './sheet-worker.ts' : './sheet-worker.js', here);
}

/**
 * Source for a worker that registers tsx, then imports a TypeScript worker module.
 *
 * A worker's `--import tsx` comes too late for its entry module, so the hooks are registered
 * first with tsx's API and the module imported after.
 */
function tsxBootstrap(script: URL): string {
  const pkg = createRequire(import.meta.url).resolve('tsx/package.json');
  const api = pathToFileURL(pkg.replace(/package\.json$/, 'dist/esm/api/index.mjs')).href;
  return `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(script.href)}); });`;
}

/**
 * Reads and checks a file in a worker. Resolves with the parsed rows and the check, or rejects
 * with a {@link SheetReadError} carrying the message the user should see.
 */
export function checkSheetInWorker(
  request: WorkerRequest,
  options: WorkerOptions = {},
): Promise<WorkerResult> {
  const url = options.workerUrl ?? defaultWorkerUrl();
  const resourceLimits = { maxOldGenerationSizeMb: options.maxMemoryMb ?? 768 };
  const worker = url.pathname.endsWith('.ts')
    ? new Worker(tsxBootstrap(url), { eval: true, resourceLimits })
    : new Worker(url, { resourceLimits });
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(
      () => finish(() => reject(new SheetReadError(FILE_MESSAGES.tooSlow))),
      options.timeoutMs ?? 60_000,
    );
    worker.once('message', (reply: WorkerReply) =>
      finish(() =>
        reply.ok
          ? resolve({
              summary: reply.summary,
              requests: reply.requests,
              previews: reply.previews,
              errorReport: reply.errorReport,
            })
          : reject(new SheetReadError(reply.message, reply.details)),
      ),
    );
    // Out of memory, or a crash in a reader: the file cannot be read; the console carries on.
    worker.once('error', () => finish(() => reject(new SheetReadError(FILE_MESSAGES.cannotRead))));
    worker.once('exit', () => finish(() => reject(new SheetReadError(FILE_MESSAGES.cannotRead))));
    // A copy, so the caller's buffer (perhaps a slice of a shared pool) is not detached.
    const bytes = request.bytes ? new Uint8Array(request.bytes) : null;
    worker.postMessage({ ...request, bytes }, bytes ? [bytes.buffer as ArrayBuffer] : []);
  });
}
