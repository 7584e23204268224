/**
 * Starts a sandbox in a child process (`child-main.ts`) and talks to it: its event-loop delay and
 * heap as it sees them, a clean close, or a kill -9.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { JournalRecovery } from '../../../../src-sandbox/persistence';
import type { SandboxOptions } from '../../../../src-sandbox/server';

export interface ChildStats {
  /** The longest the child's event loop was held up since the last reset, in ms. */
  maxDelayMs: number;
  meanDelayMs: number;
  /** After a full garbage collection. */
  heapUsedBytes: number;
  rssBytes: number;
}

export interface SandboxChild {
  url: string;
  port: number;
  recovery: JournalRecovery | null;
  process: ChildProcess;
  stats(): Promise<ChildStats>;
  resetStats(): Promise<void>;
  /** Milliseconds the child takes to parse and serialise a 12 MB JSON body, measured now. */
  calibrate(): Promise<number>;
  /** A clean close (the sandbox's own `close()`), then the process exits. */
  close(): Promise<void>;
  /** kill -9, and wait for the process to be gone. */
  kill(): Promise<void>;
}

const MAIN = fileURLToPath(new URL('./child-main.ts', import.meta.url));

export async function startSandboxChild(options: Omit<SandboxOptions, 'onError'>): Promise<SandboxChild> {
  const child = fork(MAIN, [], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    env: { ...process.env, SANDBOX_CHILD: JSON.stringify(options) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await new Promise<{ url: string; port: number; recovery: JournalRecovery | null }>(
    (resolve, reject) => {
      child.once('message', (m) => resolve(m as never));
      child.once('exit', (code) =>
        reject(new Error(`the sandbox child exited with ${code} before starting`)),
      );
    },
  );
  let next = 0;
  const waiting = new Map<number, (answer: unknown) => void>();
  child.on('message', (m: { id?: number; answer?: unknown }) => {
    if (m.id !== undefined) waiting.get(m.id)?.(m.answer);
  });
  const ask = <T>(question: string): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      waiting.set(id, (a) => resolve(a as T));
      child.send({ id, ask: question }, (err) => err && reject(err));
    });
  return {
    ...ready,
    process: child,
    stats: () => ask<ChildStats>('stats'),
    resetStats: () => ask<unknown>('reset-stats').then(() => undefined),
    calibrate: () => ask<number>('calibrate'),
    close: async () => {
      if (child.exitCode === null && child.signalCode === null) await ask<unknown>('close');
      await exited;
    },
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
