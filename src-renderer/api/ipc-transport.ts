/**
 * The Electron transport: the preload's `window.notifyConsole` bridge, and nothing else.
 */
import { BRIDGE_GLOBAL, type NotifyConsoleBridge } from '../../src-main/contract/channels';
import type { Transport } from './client';

/** The preload's bridge when running in Electron, else undefined (browser mode). */
export function findBridge(scope: object = globalThis): NotifyConsoleBridge | undefined {
  const candidate = (scope as Record<string, unknown>)[BRIDGE_GLOBAL] as
    Partial<NotifyConsoleBridge> | undefined;
  return candidate && typeof candidate.call === 'function' && typeof candidate.onEvent === 'function'
    ? (candidate as NotifyConsoleBridge)
    : undefined;
}

/** A transport over the preload bridge. */
export function ipcTransport(bridge: NotifyConsoleBridge | undefined = findBridge()): Transport {
  if (!bridge) throw new Error('The Electron bridge (window.notifyConsole) is not available.');
  return {
    call: (method, input) => bridge.call(method, input),
    onEvent: (listener) => bridge.onEvent(listener),
  };
}
