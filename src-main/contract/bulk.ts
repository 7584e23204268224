/**
 * The bulk-send half of the contract (issue 11): methods and events for uploading a spreadsheet,
 * checking it as Notify's admin does, sending it as a batch and following the batch to the end.
 *
 * The file travels in one call, base64-encoded: both transports are local (Electron IPC, or HTTP on
 * 127.0.0.1), so 14 MB moves in milliseconds, and a single stateless call leaves no half-uploaded
 * file in the core to expire or clean up. The cap is Notify's own 10 MB; the browser-mode host's
 * body limit ({@link BULK_UPLOAD_BODY_BYTES}, in TRANSPORT_LIMITS) admits exactly that plus room for
 * the other fields. Outputs carry recipients and personalisation (the user's own data, masked by
 * the renderer in presentation mode), never a key.
 */
import { z } from 'zod';
import { explanation } from '../../src-shared/notify/explanation';
import { base64Length } from '../../src-shared/notify/limits';
import { MAX_FILE_BYTES } from '../../src-shared/spreadsheet/messages';
import { keyTypeLabel, profileId, templateType, uuid } from './schemas';

/** The largest upload, base64-encoded: Notify's 10 MB. */
const MAX_UPLOAD_BASE64_LENGTH = base64Length(MAX_FILE_BYTES);
/** The largest `bulk.inspect` body: the upload plus its few other fields. */
export const BULK_UPLOAD_BODY_BYTES = MAX_UPLOAD_BASE64_LENGTH + 64 * 1024;
/** Notify's rate limit per key type, sends a minute: the default pace of a batch. */
export const DEFAULT_RATE_PER_MINUTE = 3_000;
/** The highest pace a batch may be given (for services Notify has given a higher limit). */
export const MAX_RATE_PER_MINUTE = 60_000;
/** Rows one `bulk.rows` call returns at most. */
const MAX_ROWS_PAGE = 500;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
/** A file name as a picker gives it: no folders, no control characters. */
function isFileName(name: string): boolean {
  if (name.includes('/') || name.includes('\\')) return false;
  for (const ch of name) {
    const code = ch.codePointAt(0)!;
    if (code < 0x20 || code === 0x7f) return false;
  }
  return true;
}

/** Notify's upload-form message for a file over 10 MB. */
const TOO_BIG = 'The file must be smaller than 10MB';

/** Bytes a base64 string decodes to. */
function decodedLength(b64: string): number {
  const padding = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  return (b64.length / 4) * 3 - padding;
}

const batchId = uuid;
const fileName = z.string().min(1).max(255).refine(isFileName, 'must be a file name without folders');
const ratePerMinute = z.number().int().min(1).max(MAX_RATE_PER_MINUTE);

/** What each row of a batch is, in the order of the sheet. */
const bulkRowState = z.enum(['queued', 'in-flight', 'unknown', 'sent', 'failed']);

/** A batch's state; `interrupted` is one the console was sending when it quit or crashed. */
const bulkBatchState = z.enum(['ready', 'running', 'paused', 'stopped', 'cancelled', 'done', 'interrupted']);
export type BulkBatchState = z.infer<typeof bulkBatchState>;

const counts = z.object({
  total: z.number(),
  queued: z.number(),
  inFlight: z.number(),
  unknown: z.number(),
  sent: z.number(),
  failed: z.number(),
});

/** What Notify says of the sent rows, as tracked after sending. */
const deliveries = z.object({
  /** True while the console is still polling some of them. */
  tracking: z.boolean(),
  delivered: z.number(),
  pending: z.number(),
  failed: z.number(),
  cancelled: z.number(),
  /** Failures grouped by Notify's status, each explained. */
  failures: z.array(z.object({ status: z.string(), count: z.number(), explanation })),
});

const bulkBatch = z.object({
  batchId: z.string(),
  fileName: z.string(),
  profileId: z.string(),
  /** The profile's name now, or null when the profile was deleted. */
  profileName: z.string().nullable(),
  keyType: keyTypeLabel.nullable(),
  templateId: z.string(),
  templateName: z.string().nullable(),
  templateVersion: z.number().nullable(),
  type: templateType,
  createdAt: z.string(),
  state: bulkBatchState,
  /** Why the batch stopped (Notify's message), when it did. */
  message: z.string().nullable(),
  counts,
  /** The pace the batch is given, sends a minute. */
  ratePerMinute: z.number(),
  /** Sends a minute over the last 10 seconds, while sending. */
  currentRate: z.number(),
  etaSeconds: z.number().nullable(),
  deliveries,
  /** Rows a resend would send: refused by Notify, or failed after sending. */
  failedRows: z.number(),
  resendOf: z.string().nullable(),
});
export type BulkBatch = z.infer<typeof bulkBatch>;

const bulkRow = z.object({
  /** The row's number in the sheet (2 for the first data row). */
  row: z.number(),
  reference: z.string(),
  recipient: z.string().nullable(),
  state: bulkRowState,
  notificationId: z.string().nullable(),
  /** Notify's status as tracked, or null before it is known. */
  status: z.string().nullable(),
  outcome: z.enum(['delivered', 'pending', 'failed', 'cancelled', 'not sent', 'unknown']),
  reason: z.string().nullable(),
});
export type BulkRow = z.infer<typeof bulkRow>;

const banner = z.object({ kind: z.string(), title: z.string(), lines: z.array(z.string()) });

/** One row of the check's table: its cells as read, its errors and its message as it will be sent. */
const inspectedRow = z.object({
  row: z.number(),
  cells: z.array(z.string()),
  label: z.string().nullable(),
  cellErrors: z.array(z.object({ column: z.string(), message: z.string() })),
  preview: z.object({ subject: z.string().nullable(), body: z.string(), cut: z.boolean() }).nullable(),
  fragments: z.number().nullable(),
});

const bulkInspection = z.object({
  inspectionId: z.string(),
  fileName: z.string(),
  profileId: z.string(),
  keyType: keyTypeLabel,
  template: z.object({ id: z.string(), name: z.string(), version: z.number(), type: templateType }),
  /** The upload form's refusal (Notify's message), when the file could not be read at all. */
  fileError: z
    .object({
      message: z.string(),
      /** For a CSV or TSV that is not UTF-8: the encoding it most likely has, to read it in. */
      suggestedEncoding: z.string().nullable(),
    })
    .nullable(),
  headers: z.array(z.string()),
  dataRowCount: z.number(),
  banner: banner.nullable(),
  rowErrors: z.object({ title: z.string(), lines: z.array(z.string()) }).nullable(),
  /** The console's own refusals: references that cannot be looked up exactly once. */
  referenceProblems: z.array(z.object({ row: z.number(), message: z.string() })),
  rows: z.array(inspectedRow),
  footer: z.string().nullable(),
  totals: z.object({
    rows: z.number(),
    sendable: z.number(),
    fragments: z.number().nullable(),
    international: z.number().nullable(),
    costInPounds: z.number().nullable(),
  }),
  sendable: z.boolean(),
  hasErrorReport: z.boolean(),
});
export type BulkInspection = z.infer<typeof bulkInspection>;

const csvFile = z.object({ fileName: z.string(), csv: z.string() });
const confirmation = {
  /** A live key sends real messages: the renderer's live-send confirmation was given. */
  liveConfirmed: z.boolean().optional(),
};

export const bulkMethods = {
  /** Reads and checks an uploaded sheet against a template, as Notify's admin does. Sends nothing. */
  'bulk.inspect': {
    input: z.strictObject({
      profileId,
      templateId: uuid,
      fileName,
      base64: z
        .string()
        .max(MAX_UPLOAD_BASE64_LENGTH, TOO_BIG)
        .refine((s) => s.length % 4 === 0 && BASE64.test(s), 'is not base64')
        .refine((s) => decodedLength(s) <= MAX_FILE_BYTES, TOO_BIG),
      encoding: z.enum(['utf-8', 'windows-1252', 'utf-16le', 'utf-16be']).optional(),
    }),
    output: bulkInspection,
  },
  /** Every row with an error, for the inspection's "download error report". */
  'bulk.errorReport': { input: z.strictObject({ inspectionId: uuid }), output: csvFile },
  /** Makes a batch of a sendable inspection. Nothing is sent until `bulk.start`. */
  'bulk.create': {
    input: z.strictObject({ inspectionId: uuid, ratePerMinute: ratePerMinute.optional() }),
    output: bulkBatch,
  },
  'bulk.start': {
    input: z.strictObject({ batchId, ratePerMinute: ratePerMinute.optional(), ...confirmation }),
    output: bulkBatch,
  },
  'bulk.pause': { input: z.strictObject({ batchId }), output: bulkBatch },
  'bulk.resume': {
    input: z.strictObject({ batchId, ratePerMinute: ratePerMinute.optional(), ...confirmation }),
    output: bulkBatch,
  },
  'bulk.cancel': { input: z.strictObject({ batchId }), output: bulkBatch },
  'bulk.list': { input: z.strictObject({}), output: z.object({ batches: z.array(bulkBatch) }) },
  'bulk.get': { input: z.strictObject({ batchId }), output: bulkBatch },
  'bulk.rows': {
    input: z.strictObject({
      batchId,
      offset: z.number().int().min(0).max(1_000_000),
      limit: z.number().int().min(1).max(MAX_ROWS_PAGE),
      filter: z.enum(['all', 'failed', 'pending', 'delivered', 'not-sent']).optional(),
    }),
    output: z.object({ total: z.number(), rows: z.array(bulkRow) }),
  },
  /** The results file: every row with its notification id, final status and reason. */
  'bulk.results': { input: z.strictObject({ batchId }), output: csvFile },
  /** A new batch of a finished batch's failed rows (not started). */
  'bulk.resendFailed': { input: z.strictObject({ batchId }), output: bulkBatch },
} as const;

export const bulkEvents = {
  /** A batch changed: progress while sending, delivery statuses after. At most a few a second. */
  'bulk.updated': bulkBatch,
} as const;
