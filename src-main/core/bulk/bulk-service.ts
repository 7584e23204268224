/**
 * Bulk send as a console service (issue 11): uploads checked in a worker, batches stored in the
 * data folder (`bulk/<batch id>/`), sent exactly once by the batch engine with the profile's key,
 * then followed to the end with the status tracker's batched polling.
 *
 * Batches are reopened when the console starts. One that was sending when the console quit or
 * crashed shows as `interrupted` and waits for the user to resume it: sending again on start could
 * surprise someone who quit on purpose, and resuming settles its unknown rows by reference first
 * (docs/bulk-send.md). A key is fetched for each request and dropped after, as for every send.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DEFAULT_RATE_PER_MINUTE,
  type BulkBatch,
  type BulkBatchState,
  type BulkInspection,
  type BulkRow,
} from '../../contract/bulk';
import type { MethodInput } from '../../contract/methods';
import type { CoreEvents } from '../events';
import type { NotifyAccess } from '../notify/notify-access';
import { CoreError, type Logger } from '../ports';
import type { ProfileDirectory } from '../profiles/profile-directory';
import type { TemplateService } from '../templates/template-service';
import { BatchDeliveries } from './batch-deliveries';
import { BatchTracking, type TrackedBatch } from './batch-tracking';
import { batchDir, writeDurably } from './batch-files';
import type { BatchProgress } from './batch-runner';
import { batchView, resendRequests, resultsFile, rowsPage, type RowFilter } from './batch-view';
import { createPreparedBatch, openBatch } from './batches';
import { Inspections } from './inspections';
import { prepareRequests } from './prepared-requests';
import { profilePort } from './notify-port';
import type { WorkerOptions } from './read-in-worker';

interface BulkServiceOptions {
  /** The batches folder: `<data folder>/bulk`. */
  root: string;
  notify: NotifyAccess;
  directory: ProfileDirectory;
  templates: TemplateService;
  events: CoreEvents;
  logger: Logger;
  /** Status tracker intervals (shortened in tests). */
  tracker?: { minIntervalMs?: number; maxIntervalMs?: number };
  /** How long after an unanswered POST to look its row up (default 30 s; shorter in tests). */
  settleMs?: number;
  worker?: WorkerOptions;
}

interface BatchHandle extends TrackedBatch {
  ratePerMinute: number;
  /** Found sending when the console started: waits for the user to resume. */
  interrupted: boolean;
  running: Promise<void> | null;
  progress: BatchProgress | null;
  emitTimer: ReturnType<typeof setTimeout> | null;
}

/** Events at most this often per batch. */
const EMIT_INTERVAL_MS = 250;
/** How long quitting waits for rows in flight before closing anyway (they resume as unknown). */
const QUIT_WAIT_MS = 5_000;

type StartInput = MethodInput<'bulk.start'>;

export class BulkService {
  private readonly batches = new Map<string, BatchHandle>();
  private readonly inspections: Inspections;
  private readonly tracking: BatchTracking<BatchHandle>;
  private closed = false;

  constructor(private readonly o: BulkServiceOptions) {
    this.inspections = new Inspections(o.worker);
    this.tracking = new BatchTracking<BatchHandle>({
      notify: o.notify,
      logger: o.logger,
      changed: (h) => this.emitSoon(h),
      ...(o.tracker ? { intervals: o.tracker } : {}),
    });
  }

  /** Reopens every batch in the folder; a batch found sending is marked interrupted. */
  async init(): Promise<void> {
    await mkdir(this.o.root, { recursive: true, mode: 0o700 });
    for (const name of await readdir(this.o.root)) {
      try {
        if (!(await stat(join(this.o.root, name, 'manifest.json')).catch(() => null))) continue;
        const handle = await this.openHandle(name);
        handle.interrupted = handle.open.runner.progress().state === 'running';
        this.batches.set(name, handle);
        if (this.sendingFinished(handle)) this.tracking.follow(handle);
      } catch (err) {
        this.o.logger.error('a batch could not be opened', {
          batchId: name,
          error: err instanceof Error ? err.message : String(err),
        });
      }
    }
  }

  /** Reads and checks an upload against a template. Sends nothing. */
  async inspect(input: MethodInput<'bulk.inspect'>): Promise<BulkInspection> {
    const profile = this.o.directory.get(input.profileId);
    const template = await this.o.templates.get(input.profileId, input.templateId);
    return this.inspections.inspect({
      profile,
      template,
      fileName: input.fileName,
      bytes: Buffer.from(input.base64, 'base64'),
      ...(input.encoding ? { encoding: input.encoding } : {}),
    });
  }

  errorReport(inspectionId: string): { fileName: string; csv: string } {
    const i = this.inspections.get(inspectionId);
    if (i.errorReport === null) throw new CoreError('not-applicable', 'This sheet has no errors to report.');
    return { fileName: `${i.fileName.replace(/\.[^.]*$/, '')}-errors.csv`, csv: i.errorReport };
  }

  /** Writes a batch for a sendable inspection; nothing is sent until {@link start}. */
  async create(inspectionId: string, ratePerMinute?: number): Promise<BulkBatch> {
    const i = this.inspections.get(inspectionId);
    if (i.requests === null) {
      throw new CoreError(
        'not-applicable',
        'The sheet has errors: fix them and upload it again before sending.',
      );
    }
    this.inspections.take(inspectionId);
    const created = await createPreparedBatch({
      root: this.o.root,
      fileName: i.fileName,
      profileId: i.profileId,
      templateId: i.template.id,
      templateVersion: i.template.version,
      templateName: i.template.name,
      type: i.template.type,
      batchId: i.batchId,
      requests: i.requests,
    });
    if (!created.ok) throw new CoreError('not-applicable', created.message);
    return this.register(i.batchId, ratePerMinute);
  }

  async start(input: StartInput): Promise<BulkBatch> {
    const h = this.handle(input.batchId);
    if (this.stateOf(h) !== 'ready')
      throw new CoreError('not-applicable', 'This batch has already been started.');
    return this.run(h, input);
  }

  async resume(input: StartInput): Promise<BulkBatch> {
    const h = this.handle(input.batchId);
    const state = this.stateOf(h);
    if (state !== 'paused' && state !== 'stopped' && state !== 'interrupted') {
      throw new CoreError('not-applicable', `A ${state} batch cannot be resumed.`);
    }
    return this.run(h, input);
  }

  pause(batchId: string): BulkBatch {
    const h = this.handle(batchId);
    if (this.stateOf(h) !== 'running')
      throw new CoreError('not-applicable', 'Only a batch that is sending can be paused.');
    h.open.runner.pause();
    return this.emit(h);
  }

  /** Stops for good; rows whose outcome is unknown are still looked up, so the results are true. */
  cancel(batchId: string): BulkBatch {
    const h = this.handle(batchId);
    const state = this.stateOf(h);
    if (state === 'done' || state === 'cancelled')
      throw new CoreError('not-applicable', `The batch is already ${state}.`);
    h.open.runner.cancel();
    h.interrupted = false;
    if (!h.running) this.startRun(h);
    return this.emit(h);
  }

  list(): BulkBatch[] {
    return [...this.batches.values()]
      .map((h) => this.view(h))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  get(batchId: string): BulkBatch {
    return this.view(this.handle(batchId));
  }

  rows(
    batchId: string,
    offset: number,
    limit: number,
    filter: RowFilter = 'all',
  ): { total: number; rows: BulkRow[] } {
    const h = this.handle(batchId);
    return rowsPage(h.open, h.deliveries, offset, limit, filter);
  }

  results(batchId: string): { fileName: string; csv: string } {
    const h = this.handle(batchId);
    return resultsFile(h.open, h.deliveries);
  }

  /** A new batch (not started) of a finished batch's failed rows. */
  async resendFailed(batchId: string): Promise<BulkBatch> {
    const h = this.handle(batchId);
    if (!this.sendingFinished(h)) {
      throw new CoreError(
        'not-applicable',
        'Failed rows can be sent again once the batch has finished sending.',
      );
    }
    const newId = randomUUID();
    const requests = resendRequests(h.open, h.deliveries, newId);
    if (requests.length === 0) throw new CoreError('not-applicable', 'This batch has no failed rows.');
    const m = h.open.manifest;
    const created = await createPreparedBatch({
      root: this.o.root,
      fileName: m.fileName,
      profileId: m.profileId,
      templateId: m.templateId,
      templateVersion: m.templateVersion,
      ...(m.templateName === undefined ? {} : { templateName: m.templateName }),
      type: m.type,
      batchId: newId,
      resendOf: m.batchId,
      requests: prepareRequests(requests),
    });
    if (!created.ok) throw new CoreError('not-applicable', created.message);
    return this.register(newId, h.ratePerMinute);
  }

  /** Stops following, halts sending batches (they reopen as interrupted) and closes every file. */
  async close(): Promise<void> {
    this.closed = true;
    this.tracking.close();
    for (const h of this.batches.values()) h.open.runner.halt();
    const waits = [...this.batches.values()].map((h) => h.running).filter((r) => r !== null);
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      Promise.all(waits),
      new Promise((resolve) => (timer = setTimeout(resolve, QUIT_WAIT_MS))),
    ]);
    clearTimeout(timer);
    for (const h of this.batches.values()) {
      if (h.emitTimer) clearTimeout(h.emitTimer);
      await h.open.close().catch(() => undefined);
      await h.deliveries.close().catch(() => undefined);
    }
  }

  private async openHandle(batchId: string): Promise<BatchHandle> {
    const open = await openBatch(this.o.root, batchId);
    const dir = batchDir(this.o.root, batchId);
    const deliveries = await BatchDeliveries.open(dir, open.manifest.type);
    const settings = await readFile(join(dir, 'settings.json'), 'utf8')
      .then((t) => JSON.parse(t) as { ratePerMinute?: unknown })
      .catch(() => ({ ratePerMinute: undefined }));
    const rate = settings.ratePerMinute;
    return {
      open,
      deliveries,
      ratePerMinute: typeof rate === 'number' && rate > 0 ? rate : DEFAULT_RATE_PER_MINUTE,
      interrupted: false,
      running: null,
      progress: null,
      tracked: new Set(),
      emitTimer: null,
    };
  }

  private async register(batchId: string, ratePerMinute?: number): Promise<BulkBatch> {
    const h = await this.openHandle(batchId);
    this.batches.set(batchId, h);
    await this.setRate(h, ratePerMinute ?? h.ratePerMinute);
    return this.emit(h);
  }

  private async setRate(h: BatchHandle, rate: number): Promise<void> {
    h.ratePerMinute = rate;
    const dir = batchDir(this.o.root, h.open.manifest.batchId);
    await writeDurably(join(dir, 'settings.json'), `${JSON.stringify({ ratePerMinute: rate })}\n`);
  }

  private handle(batchId: string): BatchHandle {
    const h = this.batches.get(batchId);
    if (!h)
      throw new CoreError(
        'not-found',
        'There is no batch with that id. It may have been made in another data folder.',
      );
    return h;
  }

  private stateOf(h: BatchHandle): BulkBatchState {
    return h.interrupted ? 'interrupted' : h.open.runner.progress().state;
  }

  /** Sending is over: every row sent or failed, or cancelled with nothing left to settle. */
  private sendingFinished(h: BatchHandle): boolean {
    const p = h.open.runner.progress();
    return !h.running && (p.state === 'done' || (p.state === 'cancelled' && p.unknown + p.inFlight === 0));
  }

  private async run(h: BatchHandle, input: StartInput): Promise<BulkBatch> {
    const profile = this.o.directory.get(h.open.manifest.profileId);
    if (profile.keyType === 'live' && input.liveConfirmed !== true) {
      throw new CoreError(
        'not-applicable',
        'This profile has a live key, which sends real messages: confirm the number of messages and their cost first.',
      );
    }
    if (input.ratePerMinute !== undefined) await this.setRate(h, input.ratePerMinute);
    // A paused run ends once its rows in flight and its paced waits are over (at most a few
    // seconds at a slow pace); resuming waits for that, then starts a new run.
    if (h.running) await h.running;
    h.interrupted = false;
    this.startRun(h);
    return this.emit(h);
  }

  private startRun(h: BatchHandle): void {
    if (h.running || this.closed) return;
    const profileId = h.open.manifest.profileId;
    h.running = h.open.runner
      .run({
        port: profilePort(this.o.notify, profileId),
        ratePerMinute: h.ratePerMinute,
        ...(this.o.settleMs === undefined ? {} : { settleMs: this.o.settleMs }),
        onProgress: (p) => {
          h.progress = p;
          this.emitSoon(h);
        },
      })
      .then((p) => {
        h.progress = p;
      })
      .catch((err: unknown) => {
        this.o.logger.error('a batch run failed', {
          batchId: h.open.manifest.batchId,
          error: err instanceof Error ? err.message : String(err),
        });
      })
      .finally(() => {
        h.running = null;
        if (!this.closed && this.sendingFinished(h)) this.tracking.follow(h);
        if (!this.closed) this.emit(h);
      });
  }

  private view(h: BatchHandle): BulkBatch {
    let profile = null;
    try {
      profile = this.o.directory.get(h.open.manifest.profileId);
    } catch {
      // The profile was deleted: the batch is still listed, and can no longer be sent.
    }
    return batchView({
      open: h.open,
      deliveries: h.deliveries,
      state: this.stateOf(h),
      message: h.open.runner.progress().message,
      ratePerMinute: h.ratePerMinute,
      progress: h.progress,
      profile,
    });
  }

  private emitSoon(h: BatchHandle): void {
    if (h.emitTimer || this.closed) return;
    h.emitTimer = setTimeout(() => {
      h.emitTimer = null;
      this.emit(h);
    }, EMIT_INTERVAL_MS);
    h.emitTimer.unref?.();
  }

  private emit(h: BatchHandle): BulkBatch {
    const view = this.view(h);
    this.o.events.emit('bulk.updated', view);
    return view;
  }
}

/** Builds the bulk service and reopens the batches in its folder. */
export async function createBulkService(options: BulkServiceOptions): Promise<BulkService> {
  const service = new BulkService(options);
  await service.init();
  return service;
}
