/**
 * What both hosts (Electron's main process, the browser-mode CLI) start, in order: the embedded
 * Notify Sandbox (unless turned off), the console core with it, and the core adapted to the
 * contract. Tests start the console the same way.
 */
import {
  createConsoleCore,
  silentLogger,
  type ConsoleCoreOptions,
  type EmbeddedSandbox,
  type Logger,
} from '../core';
import type { RpcEndpoint } from '../rpc/dispatch';
import { createRpcEndpoint } from '../rpc/endpoint';
import { startEmbeddedSandbox } from './embedded-sandbox';

export interface StartConsoleOptions extends Omit<ConsoleCoreOptions, 'sandbox'> {
  /** Start the embedded Notify Sandbox (default true). */
  sandbox?: boolean;
  /** Sandbox time scale (default 1: realistic delays). */
  sandboxTimeScale?: number;
}

export interface RunningConsole {
  endpoint: RpcEndpoint;
  /** The embedded sandbox's base URL, or null when it is off. */
  sandboxUrl: string | null;
  /** Closes the core, then the sandbox. */
  close(): Promise<void>;
}

export async function startConsole(options: StartConsoleOptions): Promise<RunningConsole> {
  const logger: Logger = options.logger ?? silentLogger;
  const { sandbox: wanted = true, sandboxTimeScale = 1, ...coreOptions } = options;
  const sandbox: EmbeddedSandbox | null = wanted
    ? await startEmbeddedSandbox({ dataDir: options.dataDir, timeScale: sandboxTimeScale, logger })
    : null;
  try {
    const core = await createConsoleCore({ ...coreOptions, sandbox, logger });
    return {
      endpoint: createRpcEndpoint(core, logger),
      sandboxUrl: sandbox?.baseUrl ?? null,
      close: async () => {
        await core.close();
        await sandbox?.close();
      },
    };
  } catch (err) {
    await sandbox?.close();
    throw err;
  }
}
