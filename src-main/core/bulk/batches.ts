/**
 * Creating and resuming batches: the engine's entry points for the bulk service (bulk-service.ts).
 *
 * `createPreparedBatch` writes a batch on disk from requests the sheet worker (or a resend) prepared,
 * every row with its request and reference, and refuses references that would break the
 * exactly-once lookup; `openBatch` reads a batch back, replays its journal and gives a
 * {@link BatchRunner} to run, pause, resume or cancel it, and its results as CSV.
 */
import type { NotificationRequest, ReferenceProblem } from '../../../src-shared/spreadsheet/index';
import type { TemplateType } from '../../../src-shared/statuses';
import { createBatchFiles, openBatchFiles, type BatchManifest } from './batch-files';
import { BatchRunner } from './batch-runner';
import type { PreparedRequests } from './prepared-requests';
import { batchResultsCsv, type TrackedStatus } from './results-csv';
import type { RowState } from './row-states';

interface PreparedBatchInput {
  /** The batches folder (in the console's data folder). */
  root: string;
  fileName: string;
  profileId: string;
  templateId: string;
  templateVersion: number | null;
  type: TemplateType;
  templateName?: string;
  resendOf?: string | null;
  /** The batch id the requests' made references start with. */
  batchId: string;
  /** The rows' requests (prepared-requests.ts): from the sheet worker, or a resend's failed rows. */
  requests: PreparedRequests;
}

type CreateBatchResult =
  | { ok: true; batchId: string; rowCount: number }
  | { ok: false; message: string; problems: ReferenceProblem[] };

/** Writes a new batch from its prepared requests. Nothing is sent yet. */
export async function createPreparedBatch(input: PreparedBatchInput): Promise<CreateBatchResult> {
  if (input.requests.problems.length > 0) {
    return {
      ok: false,
      message: 'Some references cannot be used: each row needs its own, of at most 1,000 characters.',
      problems: input.requests.problems,
    };
  }
  const manifest: BatchManifest = {
    version: 1,
    batchId: input.batchId,
    createdAt: new Date().toISOString(),
    fileName: input.fileName,
    type: input.type,
    templateId: input.templateId,
    templateVersion: input.templateVersion,
    profileId: input.profileId,
    rowCount: input.requests.count,
    ...(input.templateName === undefined ? {} : { templateName: input.templateName }),
    ...(input.resendOf ? { resendOf: input.resendOf } : {}),
  };
  await createBatchFiles(input.root, manifest, input.requests.jsonl);
  return { ok: true, batchId: input.batchId, rowCount: input.requests.count };
}

export interface OpenBatch {
  manifest: BatchManifest;
  runner: BatchRunner;
  /** Each row's request, in row order. */
  requests: readonly NotificationRequest[];
  /** Each row's state, kept current by the runner (the same array it updates). */
  rows: readonly RowState[];
  /** The results file as it stands now. */
  resultsCsv(tracked?: ReadonlyMap<string, TrackedStatus>): string;
  /** Closes the journal (after `run()` has resolved). */
  close(): Promise<void>;
}

/** Opens a batch to run or resume it. A batch cut off by a crash resumes where its journal ends. */
export async function openBatch(root: string, batchId: string): Promise<OpenBatch> {
  const opened = await openBatchFiles(root, batchId);
  const runner = new BatchRunner({ ...opened, templateId: opened.manifest.templateId });
  return {
    manifest: opened.manifest,
    runner,
    requests: opened.requests,
    rows: opened.rows,
    resultsCsv: (tracked) => batchResultsCsv(opened.requests, opened.rows, tracked),
    close: () => opened.journal.close(),
  };
}
