/**
 * Starts the console in browser mode as a child process (the way `npm start` does), for browser
 * tests and benchmarks. Resolves with its tokenised URL once it is listening.
 *
 * The embedded sandbox's control secret is chosen here and handed over in
 * `NOTIFY_SANDBOX_CONTROL_SECRET`, so tests can drive the sandbox's control API as a developer's
 * own scripts would.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface ConsoleProcess {
  url: string;
  sandboxUrl: string;
  /** The embedded sandbox's control secret (`X-Sandbox-Secret`). */
  sandboxSecret: string;
  dataDir: string;
  pid: number;
  /** From spawning the process until it printed its URL. */
  startMs: number;
  /** What it printed on stderr so far. */
  stderr(): string;
  /** Ends it with SIGTERM; the data folder is removed unless it was given (`options.dataDir`). */
  stop(): Promise<void>;
  /** Ends it with SIGKILL, as a crash would, and leaves the data folder as it is. */
  kill(): Promise<void>;
}

export interface ConsoleProcessOptions {
  sandboxTimeScale?: number;
  /** An existing data folder to start on (kept on stop); by default a fresh one (removed on stop). */
  dataDir?: string;
  sandboxSecret?: string;
}

export async function startConsoleProcess(options: ConsoleProcessOptions = {}): Promise<ConsoleProcess> {
  const own = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'console-run-'));
  const sandboxSecret = options.sandboxSecret ?? randomBytes(32).toString('base64url');
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
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NOTIFY_SANDBOX_CONTROL_SECRET: sandboxSecret },
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
    process.stderr.write(d);
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`console exited with ${code}: ${stderr}`)));
  });
  const info = JSON.parse(line) as { url: string; sandboxUrl: string };
  return {
    url: info.url,
    sandboxUrl: info.sandboxUrl,
    sandboxSecret,
    dataDir,
    pid: child.pid!,
    startMs: performance.now() - t0,
    stderr: () => stderr,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      if (own) rmSync(dataDir, { recursive: true, force: true });
    },
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    },
  };
}
