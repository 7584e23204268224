/**
 * The preload: `window.notifyConsole = { call, onEvent }` and nothing else.
 *
 * Electron checklist 20 (do not expose Electron APIs to untrusted web content): the page never sees
 * `ipcRenderer`, a channel name or an IPC event object, only a function that makes one kind of call and
 * one that subscribes to one kind of event. Runs sandboxed, so it is bundled to a single CommonJS file
 * with no imports but `electron`.
 */
import { contextBridge, ipcRenderer } from 'electron';
import {
  BRIDGE_GLOBAL,
  IPC_CHANNELS,
  type BridgeEvent,
  type NotifyConsoleBridge,
} from '../contract/channels';

type IpcListener = (event: unknown, ...args: unknown[]) => void;

/** The slice of `ipcRenderer` the bridge uses. */
interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: IpcListener): unknown;
  removeListener(channel: string, listener: IpcListener): unknown;
}

/** Builds the bridge over an `ipcRenderer`; separate from the exposure so tests can pass a fake. */
export function createBridge(ipc: IpcRendererLike): NotifyConsoleBridge {
  return {
    call(method, input) {
      if (typeof method !== 'string') return Promise.reject(new TypeError('method must be a string'));
      return ipc.invoke(IPC_CHANNELS.call, { method, input }) as ReturnType<NotifyConsoleBridge['call']>;
    },
    onEvent(listener) {
      if (typeof listener !== 'function') throw new TypeError('listener must be a function');
      // The wrapper drops the IpcRendererEvent, whose `sender` is ipcRenderer itself.
      const wrapped: IpcListener = (_event, message) => {
        try {
          listener(message as BridgeEvent);
        } catch (err) {
          console.error(err);
        }
      };
      ipc.on(IPC_CHANNELS.event, wrapped);
      return () => void ipc.removeListener(IPC_CHANNELS.event, wrapped);
    },
  };
}

/** Exposes the bridge on the page's `window`, through the context bridge so it cannot be tampered with. */
function exposeBridge(
  bridge: { exposeInMainWorld(key: string, api: unknown): void },
  ipc: IpcRendererLike,
): void {
  bridge.exposeInMainWorld(BRIDGE_GLOBAL, createBridge(ipc));
}

exposeBridge(contextBridge, ipcRenderer);
