/**
 * Bulk send's state: the sheet being checked, the batches and their rows as the core reports them.
 * Batches change by the core's `bulk.updated` events (progress, then delivery statuses), so the
 * screen is live without polling; rows are fetched a page at a time.
 */
import type { BulkBatch, BulkInspection, BulkRow } from '../../../src-main/contract/bulk';
import type { MethodInput } from '../../../src-main/contract/methods';
import { bytesToBase64 } from '../../lib/base64';
import { idle, loading, settle, type Loadable } from '../../state/loadable';
import type { SliceCreator } from '../../state/types';

export interface CsvFile {
  fileName: string;
  csv: string;
}

export type RowFilter = NonNullable<MethodInput<'bulk.rows'>['filter']>;

/** Rows shown a page at a time. */
export const ROWS_PAGE = 100;

interface BatchRows {
  filter: RowFilter;
  offset: number;
  total: number;
  rows: BulkRow[];
  loading: boolean;
}

export interface BulkSlice {
  bulkBatches: Loadable<BulkBatch[]>;
  bulkInspection: Loadable<BulkInspection>;
  bulkRows: Record<string, BatchRows>;
  loadBulkBatches(): Promise<void>;
  inspectSheet(input: {
    profileId: string;
    templateId: string;
    fileName: string;
    bytes: Uint8Array;
    encoding?: MethodInput<'bulk.inspect'>['encoding'];
  }): Promise<void>;
  clearInspection(): void;
  /** The error report file, or null (the error is toasted). */
  errorReportFile(inspectionId: string): Promise<CsvFile | null>;
  /** Makes the batch and starts it; resolves with its id, or null (the error is toasted). */
  sendInspection(inspectionId: string, ratePerMinute: number, liveConfirmed: boolean): Promise<string | null>;
  bulkAction(
    action: 'pause' | 'resume' | 'cancel',
    batchId: string,
    options?: { liveConfirmed?: boolean },
  ): Promise<void>;
  startBatch(batchId: string, liveConfirmed: boolean): Promise<void>;
  resendFailed(batchId: string): Promise<string | null>;
  loadBatchRows(batchId: string, filter?: RowFilter, offset?: number): Promise<void>;
  /** The results file, or null (the error is toasted). */
  resultsFile(batchId: string): Promise<CsvFile | null>;
  applyBulkUpdated(batch: BulkBatch): void;
}

/** The list with one batch put in (replaced, or added first). */
function withBatch(list: readonly BulkBatch[], batch: BulkBatch): BulkBatch[] {
  const i = list.findIndex((b) => b.batchId === batch.batchId);
  if (i === -1) return [batch, ...list];
  const out = [...list];
  out[i] = batch;
  return out;
}

export const createBulkSlice: SliceCreator<BulkSlice> = (set, get, { api }) => {
  const putBatch = (batch: BulkBatch): void => {
    const current = get().bulkBatches;
    set({ bulkBatches: { ...current, value: withBatch(current.value ?? [], batch) } });
  };
  const fail = (message: string): null => {
    get().pushToast('error', message);
    return null;
  };
  return {
    bulkBatches: idle(),
    bulkInspection: idle(),
    bulkRows: {},
    async loadBulkBatches() {
      set({ bulkBatches: loading(get().bulkBatches) });
      const r = await api.call('bulk.list', {});
      set({ bulkBatches: settle(get().bulkBatches, r, (v) => v.batches) });
    },
    async inspectSheet({ profileId, templateId, fileName, bytes, encoding }) {
      set({ bulkInspection: loading(undefined) });
      const r = await api.call('bulk.inspect', {
        profileId,
        templateId,
        fileName,
        base64: bytesToBase64(bytes),
        ...(encoding ? { encoding } : {}),
      });
      set({ bulkInspection: settle(undefined, r, (v) => v) });
    },
    clearInspection() {
      set({ bulkInspection: idle() });
    },
    async errorReportFile(inspectionId) {
      const r = await api.call('bulk.errorReport', { inspectionId });
      return r.ok ? r.value : fail(r.error.message);
    },
    async sendInspection(inspectionId, ratePerMinute, liveConfirmed) {
      const created = await api.call('bulk.create', { inspectionId, ratePerMinute });
      if (!created.ok) return fail(created.error.message);
      putBatch(created.value);
      const started = await api.call('bulk.start', { batchId: created.value.batchId, liveConfirmed });
      if (!started.ok) fail(started.error.message);
      else putBatch(started.value);
      set({ bulkInspection: idle() });
      return created.value.batchId;
    },
    async bulkAction(action, batchId, options) {
      const r =
        action === 'resume'
          ? await api.call('bulk.resume', { batchId, liveConfirmed: options?.liveConfirmed ?? false })
          : await api.call(`bulk.${action}`, { batchId });
      if (!r.ok) return void fail(r.error.message);
      putBatch(r.value);
    },
    async startBatch(batchId, liveConfirmed) {
      const r = await api.call('bulk.start', { batchId, liveConfirmed });
      if (!r.ok) return void fail(r.error.message);
      putBatch(r.value);
    },
    async resendFailed(batchId) {
      const r = await api.call('bulk.resendFailed', { batchId });
      if (!r.ok) return fail(r.error.message);
      putBatch(r.value);
      return r.value.batchId;
    },
    async loadBatchRows(batchId, filter, offset) {
      const prev = get().bulkRows[batchId];
      const f = filter ?? prev?.filter ?? 'all';
      const o = offset ?? (f === prev?.filter ? prev.offset : 0);
      set({
        bulkRows: {
          ...get().bulkRows,
          [batchId]: { filter: f, offset: o, total: prev?.total ?? 0, rows: prev?.rows ?? [], loading: true },
        },
      });
      const r = await api.call('bulk.rows', { batchId, offset: o, limit: ROWS_PAGE, filter: f });
      const now = get().bulkRows[batchId];
      if (now && (now.filter !== f || now.offset !== o)) return; // a newer request won
      if (!r.ok) {
        set({ bulkRows: { ...get().bulkRows, [batchId]: { ...now!, loading: false } } });
        return void fail(r.error.message);
      }
      set({
        bulkRows: {
          ...get().bulkRows,
          [batchId]: { filter: f, offset: o, total: r.value.total, rows: r.value.rows, loading: false },
        },
      });
    },
    async resultsFile(batchId) {
      const r = await api.call('bulk.results', { batchId });
      return r.ok ? r.value : fail(r.error.message);
    },
    applyBulkUpdated(batch) {
      putBatch(batch);
    },
  };
};
