/**
 * How the sandbox's process is started: one interface over a Node child process (browser mode,
 * tests) and Electron's utility process (the desktop app, src-main/electron/sandbox-launcher.ts,
 * which main.ts injects), so the supervisor (./sandbox-supervisor.ts) is tested in plain Node.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { WATCH_STDIN_ENV } from './sandbox-protocol';

/** A started sandbox process, as the supervisor sees it. */
export interface SandboxChild {
  readonly pid: number | undefined;
  readonly stdout: NodeJS.ReadableStream;
  readonly stderr: NodeJS.ReadableStream;
  onExit(listener: (code: number | null) => void): void;
  /** Asks it to stop (SIGTERM where there are signals); `force` ends it at once. */
  kill(force?: boolean): void;
}

/** Starts the sandbox process with these extra environment variables. */
export type SandboxLauncher = (env: Record<string, string>) => SandboxChild;

/**
 * The Node launcher: `node --import tsx src-main/host/sandbox-child.ts`, the way browser mode
 * itself runs, with stdin as a pipe the child watches so it stops when the console goes.
 */
export function nodeLauncher(entry = defaultEntry()): SandboxLauncher {
  const tsx = pathToFileURL(
    join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist', 'loader.mjs'),
  );
  return (env) => {
    const child = spawn(process.execPath, ['--import', tsx.href, entry], {
      env: { ...process.env, ...env, [WATCH_STDIN_ENV]: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
      // Its own process group: Ctrl+C in the terminal reaches the console, which stops the sandbox
      // (snapshot written) itself, instead of both stopping at once. The stdin pipe ends it if the
      // console dies.
      detached: process.platform !== 'win32',
    });
    child.stdin.on('error', () => undefined);
    return {
      pid: child.pid,
      stdout: child.stdout,
      stderr: child.stderr,
      onExit: (listener) => {
        if (child.exitCode !== null || child.signalCode !== null) listener(child.exitCode);
        else child.once('exit', (code) => listener(code));
      },
      kill: (force) => {
        child.kill(force ? 'SIGKILL' : 'SIGTERM');
      },
    };
  };
}

function defaultEntry(): string {
  return join(dirname(fileURLToPath(import.meta.url)), 'sandbox-child.ts');
}
