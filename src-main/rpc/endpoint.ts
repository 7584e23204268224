/**
 * The console core, adapted to the contract: its services behind the handler table, its events
 * through the validating bus. What every transport (Electron IPC, the browser-mode host, tests) serves.
 */
import type { ConsoleCore, Logger } from '../core';
import { createEndpoint, EventBus, type RpcEndpoint } from './dispatch';
import { createHandlers } from './handlers';

export function createRpcEndpoint(core: ConsoleCore, logger: Logger): RpcEndpoint {
  const bus = new EventBus((name, err) =>
    logger.error('event does not match the contract', {
      name,
      error: err instanceof Error ? err.message : String(err),
    }),
  );
  core.events.subscribe((name, payload) => bus.emit(name, payload));
  return createEndpoint(createHandlers(core.services), bus, (method, err) =>
    logger.error('internal error', { method, error: err instanceof Error ? err.message : String(err) }),
  );
}
