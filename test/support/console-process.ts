/**
 * Starts the console in browser mode as a child process (the way `npm start` does) on a fresh data
 * folder, for browser tests and benchmarks. Resolves with its tokenised URL once it is listening.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface ConsoleProcess {
  url: string;
  sandboxUrl: string;
  dataDir: string;
  /** From spawning the process until it printed its URL. */
  startMs: number;
  /** Ends it with SIGTERM and removes the data folder (unless the caller gave it). */
  stop(): Promise<void>;
  /** Ends it with SIGKILL, as a crash would, and leaves the data folder as it is. */
  kill(): Promise<void>;
}

export async function startConsoleProcess(
  options: { sandboxTimeScale?: number; dataDir?: string } = {},
): Promise<ConsoleProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'console-run-'));
  const t0 = performance.now();
  const args = [
    '--import',
    'tsx',
    'src-main/browser-host/cli.ts',
    '--port',
    '0',
    '--data',
    dataDir,
    '--no-open',
    '--json',
  ];
  if (options.sandboxTimeScale !== undefined)
    args.push('--sandbox-time-scale', String(options.sandboxTimeScale));
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`console exited with ${code}`)));
  });
  const info = JSON.parse(line) as { url: string; sandboxUrl: string };
  return {
    url: info.url,
    sandboxUrl: info.sandboxUrl,
    dataDir,
    startMs: performance.now() - t0,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      if (options.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
    },
    kill: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    },
  };
}
