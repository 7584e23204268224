/**
 * A batch as the contract shows it: its summary (`BulkBatch`), its rows a page at a time, its
 * results file, and the requests of its failed rows for a resend. Pure functions over an open
 * batch and its tracked statuses; nothing here sends or writes.
 */
import type { BulkBatch, BulkBatchState, BulkRow } from '../../contract/bulk';
import type { PublicProfile } from '../../contract/schemas';
import type { NotificationRequest } from '../../../src-shared/spreadsheet/index';
import { MAX_REFERENCE_LENGTH } from '../../../src-shared/spreadsheet/index';
import type { BatchDeliveries } from './batch-deliveries';
import type { BatchProgress } from './batch-runner';
import type { OpenBatch } from './batches';
import { recipientOf, type TrackedStatus } from './results-csv';
import { countStates, type RowState } from './row-states';

export type RowFilter = 'all' | 'failed' | 'pending' | 'delivered' | 'not-sent';

/** What the service knows of a batch beyond its files. */
interface BatchViewInput {
  open: OpenBatch;
  deliveries: BatchDeliveries;
  state: BulkBatchState;
  message: string | null;
  ratePerMinute: number;
  progress: BatchProgress | null;
  profile: PublicProfile | null;
}

function recipientText(request: NotificationRequest): string | null {
  const r = recipientOf(request);
  return r === null || r === undefined ? null : String(r);
}

/** Rows a resend would send: Notify refused them, or they failed after sending. */
function isFailedRow(row: RowState, deliveries: BatchDeliveries): boolean {
  return deliveries.outcomeOf(row) === 'failed';
}

export function batchView(v: BatchViewInput): BulkBatch {
  const { manifest, rows } = v.open;
  const sending = v.state === 'running';
  let failedRows = 0;
  for (const row of rows) if (isFailedRow(row, v.deliveries)) failedRows++;
  return {
    batchId: manifest.batchId,
    fileName: manifest.fileName,
    profileId: manifest.profileId,
    profileName: v.profile?.name ?? null,
    keyType: v.profile?.keyType ?? null,
    templateId: manifest.templateId,
    templateName: manifest.templateName ?? null,
    templateVersion: manifest.templateVersion,
    type: manifest.type,
    createdAt: manifest.createdAt,
    state: v.state,
    message: v.message,
    counts: countStates(rows),
    ratePerMinute: v.ratePerMinute,
    currentRate: sending && v.progress ? Math.round(v.progress.ratePerMinute) : 0,
    etaSeconds: sending ? (v.progress?.etaSeconds ?? null) : null,
    deliveries: v.deliveries.tally(rows),
    failedRows,
    resendOf: manifest.resendOf ?? null,
  };
}

function rowView(request: NotificationRequest, row: RowState, deliveries: BatchDeliveries): BulkRow {
  return {
    row: request.sheetRow ?? request.rowNumber,
    reference: request.reference,
    recipient: recipientText(request),
    state: row.state,
    notificationId: row.state === 'sent' ? row.id : null,
    status: row.state === 'sent' ? (deliveries.statusOf(row.id) ?? null) : null,
    outcome: deliveries.outcomeOf(row),
    reason: deliveries.reasonOf(row),
  };
}

function matches(filter: RowFilter, row: RowState, deliveries: BatchDeliveries): boolean {
  if (filter === 'all') return true;
  const outcome = deliveries.outcomeOf(row);
  if (filter === 'not-sent') return outcome === 'not sent' || outcome === 'unknown';
  return outcome === filter;
}

/** A page of rows, in sheet order, with the count of rows the filter matches. */
export function rowsPage(
  open: OpenBatch,
  deliveries: BatchDeliveries,
  offset: number,
  limit: number,
  filter: RowFilter,
): { total: number; rows: BulkRow[] } {
  const out: BulkRow[] = [];
  let total = 0;
  open.rows.forEach((row, i) => {
    if (!matches(filter, row, deliveries)) return;
    if (total >= offset && out.length < limit) out.push(rowView(open.requests[i]!, row, deliveries));
    total++;
  });
  return { total, rows: out };
}

/** The results file: every row with its notification id, final status and reason. */
export function resultsFile(open: OpenBatch, deliveries: BatchDeliveries): { fileName: string; csv: string } {
  const tracked = new Map<string, TrackedStatus>();
  for (const row of open.rows) {
    if (row.state !== 'sent') continue;
    const status = deliveries.statusOf(row.id);
    if (status !== undefined) tracked.set(row.id, { status, reason: deliveries.reasonOf(row) });
  }
  const base = open.manifest.fileName.replace(/\.[^.]*$/, '');
  return { fileName: `${base}-results.csv`, csv: open.resultsCsv(tracked) };
}

/**
 * The requests of a batch's failed rows, renumbered from 2 for the new batch (its journal indexes
 * rows by number) and keeping their sheet row. Each gets a reference of its own, so a lookup for
 * the resend can never find the first attempt: a made reference is remade from the new batch id,
 * the sheet's own gets `-resend-<new batch id>` when that still fits Notify's 1,000 characters.
 */
export function resendRequests(
  open: OpenBatch,
  deliveries: BatchDeliveries,
  newBatchId: string,
): NotificationRequest[] {
  const oldId = open.manifest.batchId;
  const out: NotificationRequest[] = [];
  open.rows.forEach((row, i) => {
    if (!isFailedRow(row, deliveries)) return;
    const request = open.requests[i]!;
    const rowNumber = out.length + 2;
    const made = request.reference === `${oldId}-${request.rowNumber}`;
    const own = `${request.reference}-resend-${newBatchId}`;
    const reference = made || own.length > MAX_REFERENCE_LENGTH ? `${newBatchId}-${rowNumber}` : own;
    out.push({
      rowNumber,
      sheetRow: request.sheetRow ?? request.rowNumber,
      reference,
      type: request.type,
      body: { ...request.body, reference },
    });
  });
  return out;
}
