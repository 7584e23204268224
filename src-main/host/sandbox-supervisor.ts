/**
 * Runs the embedded sandbox in its own process and keeps it running: starts it, waits for its
 * report (./sandbox-protocol.ts), logs what it prints, restarts it after a crash with a growing
 * delay, and gives up (saying so) when it keeps crashing. A sandbox whose data is damaged does not
 * stop the console: the supervisor reports it, and can move the data aside and start afresh.
 */
import { randomBytes } from 'node:crypto';
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Logger } from '../core';
import type { SandboxChild, SandboxLauncher } from './sandbox-launcher';
import {
  CONFIG_ENV,
  parseReport,
  SECRET_ENV,
  type ChildConfig,
  type ChildReport,
  type JournalRecoveryReport,
} from './sandbox-protocol';

/** Where the sandbox is and what state it is in, as the console is told. */
export type SandboxState =
  | { kind: 'running'; baseUrl: string; restarts: number }
  | { kind: 'restarting'; baseUrl: string | null; message: string }
  | { kind: 'stopped'; message: string }
  | { kind: 'damaged'; message: string; dataDir: string };

export interface RestartPolicy {
  /** Delay before each restart in a row; the last one repeats. */
  delaysMs: readonly number[];
  /** At most this many restarts within {@link windowMs}; one more and it is not started again. */
  maxRestarts: number;
  windowMs: number;
}

const DEFAULT_RESTART_POLICY: RestartPolicy = {
  delaysMs: [250, 1000, 4000, 15_000],
  maxRestarts: 5,
  windowMs: 10 * 60_000,
};

interface SupervisorOptions {
  launcher: SandboxLauncher;
  /** The sandbox's data folder (`<console data>/sandbox`). */
  dataDir: string;
  /** The port to ask for first. */
  port: number;
  timeScale: number;
  logger: Logger;
  policy?: RestartPolicy;
  /** How long a start may take before it counts as failed. */
  readyTimeoutMs?: number;
  now?: () => number;
  /** A control secret chosen by the user (at least 32 characters); by default a random one. */
  secret?: string;
}

type Listener = (state: SandboxState) => void;

export class SandboxSupervisor {
  /** Sent with every control API call; only this process and the sandbox's know it. */
  readonly secret: string;
  private child: SandboxChild | null = null;
  private current: SandboxState = { kind: 'stopped', message: 'not started' };
  private recovery: JournalRecoveryReport | null = null;
  private port: number;
  private closing = false;
  private restartTimes: number[] = [];
  private restartTimer: NodeJS.Timeout | null = null;
  private readonly listeners = new Set<Listener>();
  private readonly policy: RestartPolicy;
  private readonly now: () => number;

  constructor(private readonly options: SupervisorOptions) {
    this.port = options.port;
    this.secret = options.secret ?? randomBytes(32).toString('base64url');
    this.policy = options.policy ?? DEFAULT_RESTART_POLICY;
    this.now = options.now ?? Date.now;
  }

  get state(): SandboxState {
    return this.current;
  }

  /** What the sandbox recovered from at its last start (a torn journal set aside), or null. */
  get lastRecovery(): JournalRecoveryReport | null {
    return this.recovery;
  }

  /** The child's process id, while one runs (tests kill it). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts the sandbox; resolves with its state, running or not (a damaged data folder is a state). */
  async start(): Promise<SandboxState> {
    const report = await this.spawnOnce();
    if ('ready' in report) {
      this.port = report.ready.port;
      this.recovery = report.ready.recovery;
      this.set({ kind: 'running', baseUrl: report.ready.url, restarts: this.restartTimes.length });
    } else if (report.failed.kind === 'damaged-data') {
      this.set({ kind: 'damaged', message: report.failed.message, dataDir: this.options.dataDir });
    } else if (this.restartTimer === null) {
      // (With a restart already scheduled, the crash that failed this start is being handled.)
      this.set({
        kind: 'stopped',
        message: `The embedded Notify Sandbox did not start: ${report.failed.message}`,
      });
    }
    return this.current;
  }

  /**
   * Moves the sandbox's data folder aside (`sandbox.damaged-<time>`, nothing deleted) and starts a
   * fresh sandbox. Resolves with where the data went.
   */
  async moveDataAside(): Promise<{ movedTo: string; state: SandboxState }> {
    await this.stopChild();
    const movedTo = `${this.options.dataDir}.damaged-${new Date(this.now()).toISOString().replace(/[:.]/g, '-')}`;
    await rename(this.options.dataDir, movedTo);
    this.options.logger.warn('sandbox data moved aside', { movedTo });
    this.restartTimes = [];
    return { movedTo, state: await this.start() };
  }

  /** Stops supervising and stops the sandbox (it writes its snapshot); runs once. */
  async close(): Promise<void> {
    this.closing = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    await this.stopChild();
  }

  private async stopChild(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child) return;
    const exited = new Promise<void>((resolve) => child.onExit(() => resolve()));
    child.kill();
    const force = setTimeout(() => child.kill(true), 10_000);
    await exited;
    clearTimeout(force);
  }

  private spawnOnce(): Promise<ChildReport> {
    const config: ChildConfig = {
      dataDir: this.options.dataDir,
      port: this.port,
      timeScale: this.options.timeScale,
    };
    const child = this.options.launcher({ [CONFIG_ENV]: JSON.stringify(config), [SECRET_ENV]: this.secret });
    this.child = child;
    const log = this.options.logger;
    createInterface({ input: child.stderr }).on('line', (line) => log.info(`sandbox: ${line}`));
    return new Promise<ChildReport>((resolve) => {
      let settled = false;
      const settle = (report: ChildReport) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(report);
      };
      const timer = setTimeout(() => {
        child.kill(true);
        settle({ failed: { kind: 'other', message: 'it did not answer within 30 seconds' } });
      }, this.options.readyTimeoutMs ?? 30_000);
      createInterface({ input: child.stdout }).on('line', (line) => {
        const report = settled ? null : parseReport(line);
        if (report) settle(report);
        else log.info(`sandbox: ${line}`);
      });
      child.onExit((code) => {
        settle({ failed: { kind: 'other', message: `its process exited with code ${String(code)}` } });
        if (this.child === child) this.crashed(code);
      });
    });
  }

  /** The running child went away without being asked: restart it, unless it keeps doing so. */
  private crashed(code: number | null): void {
    this.child = null;
    if (this.closing || (this.current.kind !== 'running' && this.current.kind !== 'restarting')) return;
    const at = this.now();
    this.restartTimes = this.restartTimes.filter((t) => at - t < this.policy.windowMs);
    const baseUrl = this.current.baseUrl;
    if (this.restartTimes.length >= this.policy.maxRestarts) {
      const message = `The embedded Notify Sandbox stopped (exit code ${String(code)}) ${this.restartTimes.length + 1} times in ${Math.round(this.policy.windowMs / 60_000)} minutes, so it was not started again. Restart the console to try again; its log has the sandbox's last words.`;
      this.options.logger.error('sandbox keeps stopping; not restarting', { code });
      this.set({ kind: 'stopped', message });
      return;
    }
    const delay =
      this.policy.delaysMs[Math.min(this.restartTimes.length, this.policy.delaysMs.length - 1)] ?? 1000;
    this.restartTimes.push(at);
    this.options.logger.warn('sandbox stopped unexpectedly; restarting', { code, delayMs: delay });
    this.set({
      kind: 'restarting',
      baseUrl,
      message: `The embedded Notify Sandbox stopped (exit code ${String(code)}); restarting it in ${delay} ms.`,
    });
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (this.closing) return;
      void this.start().then((state) => {
        if (state.kind !== 'running')
          this.options.logger.error('sandbox restart failed', { state: state.kind });
      });
    }, delay);
  }

  private set(state: SandboxState): void {
    this.current = state;
    for (const l of this.listeners) {
      try {
        l(state);
      } catch {
        // A listener's failure is not the sandbox's.
      }
    }
  }
}

/** The sandbox's data folder inside the console's. */
export function sandboxDataDir(consoleDataDir: string): string {
  return join(consoleDataDir, 'sandbox');
}
