/**
 * The embedded sandbox in the desktop app runs in an Electron utility process: a Node process of
 * Electron's own (no second runtime to ship), started from the built `out/main/sandbox-child.js`.
 * The same supervisor that runs Node children in browser mode runs it (src-main/host/sandbox-launcher.ts).
 */
import { PassThrough } from 'node:stream';
import type { SandboxLauncher } from '../host/sandbox-launcher';

/** The part of Electron's `utilityProcess` module the launcher uses. */
interface UtilityProcessLike {
  fork(
    modulePath: string,
    args: string[],
    options: { env: Record<string, string | undefined>; stdio: 'pipe'; serviceName: string },
  ): {
    readonly pid: number | undefined;
    readonly stdout: NodeJS.ReadableStream | null;
    readonly stderr: NodeJS.ReadableStream | null;
    once(event: 'exit', listener: (code: number) => void): unknown;
    kill(): boolean;
  };
}

export function utilityProcessLauncher(utilityProcess: UtilityProcessLike, entry: string): SandboxLauncher {
  return (env) => {
    const child = utilityProcess.fork(entry, [], {
      env: { ...process.env, ...env },
      stdio: 'pipe',
      serviceName: 'Notify Sandbox',
    });
    let exited: number | null | undefined;
    const waiting: ((code: number | null) => void)[] = [];
    child.once('exit', (code) => {
      exited = code;
      for (const w of waiting.splice(0)) w(code);
    });
    return {
      pid: child.pid,
      stdout: child.stdout ?? new PassThrough(),
      stderr: child.stderr ?? new PassThrough(),
      onExit: (listener) => (exited === undefined ? void waiting.push(listener) : listener(exited)),
      // A utility process has no SIGKILL of its own: kill() is SIGTERM on POSIX, the end on Windows.
      kill: () => void child.kill(),
    };
  };
}
