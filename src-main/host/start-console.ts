/**
 * What both hosts (Electron's main process, the browser-mode CLI) start, in order: the embedded
 * Notify Sandbox in its own process (unless turned off), the console core with it, and the core
 * adapted to the contract. Tests start the console the same way.
 */
import type { ConsoleNotice } from '../contract/methods';
import { createConsoleCore, silentLogger, type ConsoleCoreOptions, type Logger } from '../core';
import type { RpcEndpoint } from '../rpc/dispatch';
import { createRpcEndpoint } from '../rpc/endpoint';
import { appVersion } from './app-version';
import { startEmbeddedSandbox, type HostedSandbox } from './embedded-sandbox';
import { nodeLauncher, type SandboxLauncher } from './sandbox-launcher';
import type { RestartPolicy } from './sandbox-supervisor';
import { once } from './shutdown';

interface StartConsoleOptions extends Omit<ConsoleCoreOptions, 'sandbox' | 'version'> {
  /** Default: package.json's. */
  version?: string;
  /** Start the embedded Notify Sandbox (default true). */
  sandbox?: boolean;
  /** Sandbox time scale (default 1: realistic delays). */
  sandboxTimeScale?: number;
  /** How the sandbox's process starts: a Node child (the default) or Electron's utility process. */
  sandboxLauncher?: SandboxLauncher;
  /** The port to ask for instead of the remembered one (tests). */
  sandboxPort?: number;
  sandboxRestartPolicy?: RestartPolicy;
  /** The sandbox's control secret, when the user chose one; by default a random one only the console knows. */
  sandboxControlSecret?: string;
}

export interface RunningConsole {
  endpoint: RpcEndpoint;
  /** The embedded sandbox's base URL now, or null when it is off or not running. */
  readonly sandboxUrl: string | null;
  /** The embedded sandbox, for the host's own needs (tests drive it with its control secret). */
  sandbox: HostedSandbox | null;
  /** What the console recovered from at start, for the host to print. */
  notices(): ConsoleNotice[];
  /** Closes the core, then the sandbox; a second call waits for the first instead of closing again. */
  close(): Promise<void>;
}

export async function startConsole(options: StartConsoleOptions): Promise<RunningConsole> {
  const logger: Logger = options.logger ?? silentLogger;
  const {
    sandbox: wanted = true,
    sandboxTimeScale = 1,
    sandboxLauncher,
    sandboxPort,
    sandboxRestartPolicy,
    sandboxControlSecret,
    ...coreOptions
  } = options;
  const sandbox = wanted
    ? await startEmbeddedSandbox({
        dataDir: options.dataDir,
        timeScale: sandboxTimeScale,
        logger,
        launcher: sandboxLauncher ?? nodeLauncher(),
        ...(sandboxPort !== undefined ? { port: sandboxPort } : {}),
        ...(sandboxRestartPolicy ? { policy: sandboxRestartPolicy } : {}),
        ...(sandboxControlSecret ? { secret: sandboxControlSecret } : {}),
      })
    : null;
  try {
    const core = await createConsoleCore({
      ...coreOptions,
      version: options.version ?? appVersion(),
      sandbox,
      logger,
    });
    return {
      endpoint: createRpcEndpoint(core, logger),
      get sandboxUrl() {
        return sandbox?.baseUrl ?? null;
      },
      sandbox,
      notices: () => core.services.notices.list(),
      close: once(async () => {
        try {
          await core.close();
        } finally {
          await sandbox?.close();
        }
      }),
    };
  } catch (err) {
    await sandbox?.close();
    throw err;
  }
}
