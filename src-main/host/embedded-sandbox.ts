/**
 * The embedded Notify Sandbox, started by a host and handed to the core as its `EmbeddedSandbox`
 * port. It runs in this process for now; the port is async so the same core can later talk to a
 * sandbox in a child process over its control API.
 */
import { join } from 'node:path';
import { startSandbox } from '../../src-sandbox/server';
import type { EmbeddedSandbox, Logger } from '../core';

export interface EmbeddedSandboxOptions {
  /** The console's data folder; the sandbox keeps its state in `sandbox/` inside it. */
  dataDir: string;
  /** Lifecycle time scale: 1 is realistic; tests compress it. */
  timeScale: number;
  logger: Logger;
}

export async function startEmbeddedSandbox(options: EmbeddedSandboxOptions): Promise<EmbeddedSandbox> {
  const sandbox = await startSandbox({
    dataDir: join(options.dataDir, 'sandbox'),
    timeScale: options.timeScale,
    onError: (err) =>
      options.logger.error('sandbox error', { error: err instanceof Error ? err.message : String(err) }),
  });
  return {
    baseUrl: sandbox.url,
    services: async () =>
      sandbox.info().services.map((s) => ({
        id: s.id,
        name: s.name,
        apiKeys: s.api_keys.map((k) => ({ keyType: k.key_type, apiKey: k.api_key, revoked: k.revoked })),
      })),
    close: () => sandbox.close(),
  };
}
