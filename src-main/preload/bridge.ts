/**
 * The bridge the preload exposes as `window.notifyConsole`: one function that makes one kind of call and
 * one that subscribes to one kind of event.
 *
 * Electron checklist 20 (do not expose Electron APIs to untrusted web content): the page never sees
 * `ipcRenderer`, a channel name or an IPC event object. Nothing here imports `electron`: the preload
 * (./preload.ts) hands the real `ipcRenderer` in, so the bridge's rules run in plain-Node tests.
 */
import { IPC_CHANNELS, type BridgeEvent, type NotifyConsoleBridge } from '../contract/channels';

type IpcListener = (event: unknown, ...args: unknown[]) => void;

/** The slice of `ipcRenderer` the bridge uses. */
interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: IpcListener): unknown;
  removeListener(channel: string, listener: IpcListener): unknown;
}

/**
 * The bridge over an `ipcRenderer`. A call with a method that is not a string is refused before any
 * IPC; a listener that throws is logged and never stops delivery to the others.
 */
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
