/**
 * Sends a batch: every row exactly once, within Notify's limits, resumable after any stop.
 *
 * The rule that makes it exactly once: a row's POST happens only after "in flight" is on disk,
 * and a row goes back to the queue only with evidence that Notify created nothing (an error
 * answer, a request that never left, or a lookup by its unique reference that found no notification
 * made since it went in flight). A row whose POST got no answer, or that was in flight when the
 * process died, is `unknown` and is looked up after a settling delay, never sent blindly again.
 * See docs/bulk-send.md for the argument in full.
 *
 * Sends run `concurrency` at a time, paced by {@link SendPacer}; lookups run alongside. `run()`
 * resolves when the batch is done, paused, stopped (a daily limit, a bad key) or cancelled.
 */
import type { NotificationRequest } from '../../../src-shared/spreadsheet/index';
import type { Journal } from './journal';
import type { FoundNotification } from './notify-port';
import { applyEntry, countStates, type BatchState, type JournalEntry, type RowState } from './row-states';
import { decide } from './send-policy';
import { SendPacer } from './send-pacer';
import type { BatchProgress, BatchSource, RunOptions } from './batch-run-types';

export type { BatchProgress, BatchSource, RunOptions } from './batch-run-types';

const RATE_WINDOW_MS = 10_000;

export class BatchRunner {
  private readonly rows: RowState[];
  private readonly requests: NotificationRequest[];
  private readonly journal: Journal<JournalEntry>;
  private readonly templateId: string;
  private state: BatchState;
  private message: string | null;
  private readonly queue: number[] = [];
  /** Unknown rows by index, with when to look each up. */
  private readonly lookups = new Map<number, number>();
  private readonly sentTimes: number[] = [];
  private wake: (() => void) | null = null;
  private lastProgress = 0;
  private progressTimer: ReturnType<typeof setTimeout> | null = null;
  private notSentStreak = 0;
  /** Rows taken from the queue whose send has not finished. */
  private busy = 0;
  private runStartedAt = 0;
  private running: Promise<BatchProgress> | null = null;
  private pacer: SendPacer | null = null;
  /** Set by {@link halt}: stop taking rows without recording a new state. */
  private halted = false;
  /** Set by each run before it takes a row. */
  private options!: Required<Omit<RunOptions, 'onProgress'>> & Pick<RunOptions, 'onProgress'>;

  constructor(source: BatchSource) {
    this.rows = source.rows;
    this.requests = source.requests;
    this.journal = source.journal;
    this.templateId = source.templateId;
    this.state = source.state;
    this.message = source.message;
  }

  /** Runs (or resumes) the batch until it is done, paused, stopped or cancelled. */
  run(options: RunOptions): Promise<BatchProgress> {
    if (this.running) return this.running;
    // A cancelled batch still runs to settle rows whose outcome is unknown; nothing is sent.
    const unsettled = this.rows.some((row) => row.state === 'unknown' || row.state === 'in-flight');
    if (this.state === 'done' || (this.state === 'cancelled' && !unsettled)) {
      return Promise.resolve(this.progress());
    }
    this.options = {
      ratePerMinute: 3_000,
      concurrency: 8,
      settleMs: 30_000,
      skewMarginMs: 60_000,
      progressIntervalMs: 200,
      now: Date.now,
      ...options,
    };
    this.pacer = new SendPacer({ ratePerMinute: this.options.ratePerMinute });
    this.halted = false;
    this.runStartedAt = this.options.now();
    this.queue.length = 0;
    this.lookups.clear();
    this.rows.forEach((row, i) => {
      if (row.state === 'queued') this.queue.push(i);
      if (row.state === 'unknown') this.lookups.set(i, row.since + this.options.settleMs);
    });
    // A batch found "running" was cut off by a crash: it carries on as it was.
    this.running = this.execute().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /**
   * For the console quitting: stops taking rows like {@link pause} but records nothing, so the
   * journal still says `running` and the batch reopens as interrupted (and resumes like after a
   * crash). Rows in flight finish; `run()` then resolves.
   */
  halt(): void {
    this.halted = true;
    this.wakeAll();
  }

  /** Stops taking new rows; rows in flight finish. `run()` then resolves with state `paused`. */
  pause(): void {
    if (this.state === 'running') this.setStateSoon('paused');
  }

  /**
   * Stops sending for good. Rows whose outcome is unknown are still looked up, so the results say
   * truly which rows were sent; queued rows stay unsent.
   */
  cancel(): void {
    if (
      this.state === 'running' ||
      this.state === 'paused' ||
      this.state === 'stopped' ||
      this.state === 'ready'
    ) {
      this.queue.length = 0;
      this.setStateSoon('cancelled');
      if (!this.running) this.emit(true);
    }
  }

  /** The batch's counts, rate and ETA now. */
  progress(): BatchProgress {
    const counts = countStates(this.rows);
    const now = this.options?.now?.() ?? Date.now();
    let old = 0;
    while (old < this.sentTimes.length && this.sentTimes[old]! < now - RATE_WINDOW_MS) old++;
    if (old > 0) this.sentTimes.splice(0, old);
    const window = Math.min(RATE_WINDOW_MS, Math.max(1_000, now - this.runStartedAt));
    const ratePerMinute = (this.sentTimes.length * 60_000) / window;
    const remaining = counts.queued + counts.inFlight + counts.unknown;
    return {
      ...counts,
      state: this.state,
      message: this.message,
      ratePerMinute,
      pacePerMinute: this.pacer?.ratePerMinute ?? null,
      etaSeconds: ratePerMinute > 0 ? Math.ceil((remaining / ratePerMinute) * 60) : null,
    };
  }

  private async execute(): Promise<BatchProgress> {
    if (this.state !== 'running' && this.state !== 'cancelled') await this.setState('running');
    const workers = Array.from({ length: this.options.concurrency }, () => this.sendLoop());
    await Promise.all([...workers, this.lookupLoop()]);
    if (this.state === 'running' && this.isComplete()) await this.setState('done');
    this.emit(true);
    return this.progress();
  }

  private isComplete(): boolean {
    return this.rows.every((row) => row.state === 'sent' || row.state === 'failed');
  }

  /** True while there may still be work for this run. */
  private live(): boolean {
    if (this.halted) return this.busy > 0;
    if (this.state === 'running') return this.queue.length > 0 || this.lookups.size > 0 || this.busy > 0;
    if (this.state === 'cancelled') return this.lookups.size > 0 || this.busy > 0;
    return false;
  }

  /** True while rows may be taken from the queue. */
  private sending(): boolean {
    return this.state === 'running' && !this.halted;
  }

  private async sendLoop(): Promise<void> {
    while (this.sending()) {
      const i = this.queue.shift();
      if (i === undefined) {
        if (!this.live()) return;
        await this.sleepUntilWoken(1_000);
        continue;
      }
      // Taken rows count as work in progress, so no loop ends while one may still turn unknown.
      this.busy++;
      try {
        await this.pacer!.acquire();
        if (!this.sending()) {
          this.queue.unshift(i);
          return;
        }
        await this.sendRow(i);
      } finally {
        this.busy--;
      }
    }
  }

  private async record(entry: JournalEntry): Promise<void> {
    await this.journal.append(entry);
    applyEntry(this.rows, entry);
    this.emit(false);
  }

  private async sendRow(i: number): Promise<void> {
    const request = this.requests[i]!;
    const r = request.rowNumber;
    await this.record({ k: 'flight', r, at: this.options.now() });
    let result;
    try {
      result = await this.options.port.send(request);
    } catch (err) {
      result = { kind: 'unknown' as const, message: err instanceof Error ? err.message : String(err) };
    }
    const decision = decide(result);
    const at = this.options.now();
    switch (decision.action) {
      case 'sent':
        this.notSentStreak = 0;
        this.sentTimes.push(at);
        await this.record({ k: 'sent', r, at, id: decision.id, via: 'answer' });
        break;
      case 'failed':
        this.notSentStreak = 0;
        await this.record({
          k: 'failed',
          r,
          at,
          status: decision.status,
          error: decision.error,
          message: decision.message,
        });
        break;
      case 'retry':
        if (decision.why === 'rate-limited') this.pacer!.slowDown(decision.waitMs, decision.limitPerMinute);
        else this.pacer!.hold(Math.min(30_000, 500 * 2 ** this.notSentStreak++));
        await this.record({ k: 'requeue', r, at, why: decision.why });
        this.queue.unshift(i);
        break;
      case 'stop':
        await this.record({ k: 'requeue', r, at, why: 'stopped' });
        this.queue.unshift(i);
        if (this.state === 'running') await this.setState('stopped', decision.message);
        break;
      case 'look-up':
        await this.record({ k: 'unknown', r, at, reason: decision.message });
        this.lookups.set(i, at + this.options.settleMs);
        break;
    }
    this.wakeAll();
  }

  private async lookupLoop(): Promise<void> {
    while (this.sending() || (this.state === 'cancelled' && !this.halted && this.live())) {
      if (this.lookups.size === 0) {
        if (!this.live()) return;
        await this.sleepUntilWoken(1_000);
        continue;
      }
      const now = this.options.now();
      let soonest = Infinity;
      for (const [i, at] of this.lookups) {
        if (at > now) {
          soonest = Math.min(soonest, at);
          continue;
        }
        await this.lookUp(i);
      }
      if (soonest !== Infinity) await this.sleepUntilWoken(Math.max(10, soonest - this.options.now()));
    }
  }

  /** Settles an unknown row by its reference: sent if Notify has it, else back to the queue. */
  private async lookUp(i: number): Promise<void> {
    const row = this.rows[i]!;
    const request = this.requests[i]!;
    if (row.state !== 'unknown') {
      this.lookups.delete(i);
      return;
    }
    let found: FoundNotification[];
    try {
      found = await this.options.port.findByReference(request.reference);
    } catch {
      this.lookups.set(i, this.options.now() + Math.min(30_000, Math.max(1_000, this.options.settleMs)));
      return;
    }
    const since = row.since - this.options.skewMarginMs;
    const match = found
      .filter((n) => n.reference === request.reference)
      .filter((n) => n.templateId === null || n.templateId === this.templateId)
      .filter((n) => Date.parse(n.createdAt) >= since)
      .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt))[0];
    this.lookups.delete(i);
    const at = this.options.now();
    if (match) {
      this.sentTimes.push(at);
      await this.record({ k: 'sent', r: request.rowNumber, at, id: match.id, via: 'lookup' });
    } else {
      await this.record({ k: 'requeue', r: request.rowNumber, at, why: 'not-found' });
      if (this.state === 'running') this.queue.unshift(i);
    }
    this.wakeAll();
  }

  private async setState(state: BatchState, message?: string): Promise<void> {
    this.state = state;
    this.message = message ?? null;
    this.wakeAll();
    await this.journal.append({
      k: 'batch',
      at: this.options?.now?.() ?? Date.now(),
      state,
      ...(message ? { message } : {}),
    });
    this.emit(true);
  }

  /**
   * For pause and cancel, which return at once: the state changes now; if its journal line cannot
   * be written (a full disk) the batch reopens in its previous state, which resumes safely.
   */
  private setStateSoon(state: BatchState): void {
    this.setState(state).catch(() => undefined);
  }

  private sleepUntilWoken(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const previous = this.wake;
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        previous?.();
        done();
      };
    });
  }

  private wakeAll(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  private emit(force: boolean): void {
    const onProgress = this.options?.onProgress;
    if (!onProgress) return;
    const now = Date.now();
    const interval = this.options.progressIntervalMs;
    if (!force && now - this.lastProgress < interval) {
      this.progressTimer ??= setTimeout(() => {
        this.progressTimer = null;
        this.emit(true);
      }, interval);
      return;
    }
    if (this.progressTimer) clearTimeout(this.progressTimer);
    this.progressTimer = null;
    this.lastProgress = now;
    onProgress(this.progress());
  }
}
