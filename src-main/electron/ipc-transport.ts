/**
 * The Electron IPC transport: one invoke channel for calls, one push channel for events.
 *
 * The preload can reach exactly these two channels, so this is the whole of the renderer's way into the
 * core. Every call's sender is checked first (Electron checklist 17): a message from a subframe or from a
 * page the window should never have shown is refused without the endpoint ever seeing it. Events go only
 * to windows whose top-level page is still the app. Electron objects are injected, so tests use fakes.
 */
import { IPC_CHANNELS, type BridgeEvent } from '../contract/channels';
import { TRANSPORT_LIMITS } from '../contract/methods';
import { fail, type Result } from '../contract/result';
import type { RpcEndpoint } from '../rpc/dispatch';
import type { FrameLike } from './security';

/** What an `ipcMain.handle` listener receives as its event. */
export interface IpcInvokeEventLike {
  readonly senderFrame: FrameLike | null;
}

/** The slice of `ipcMain` the transport uses. */
interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>,
  ): void;
  removeHandler(channel: string): void;
}

/** A window events may be sent to. */
export interface WindowLike {
  isDestroyed(): boolean;
  readonly webContents: {
    isDestroyed(): boolean;
    readonly mainFrame: FrameLike;
    send(channel: string, ...args: unknown[]): void;
  };
}

interface IpcTransportDeps {
  /** Usually `(frame) => isTrustedSender(frame, appUrl)` from ./security. */
  isTrustedSender(frame: FrameLike | null | undefined): boolean;
  getWindows(): readonly WindowLike[];
}

function senderFrameOf(event: IpcInvokeEventLike): FrameLike | null {
  try {
    return event.senderFrame;
  } catch {
    // Electron throws when the frame has been disposed: nobody to trust.
    return null;
  }
}

function isTrustedWindow(win: WindowLike, deps: IpcTransportDeps): boolean {
  try {
    return (
      !win.isDestroyed() && !win.webContents.isDestroyed() && deps.isTrustedSender(win.webContents.mainFrame)
    );
  } catch {
    return false;
  }
}

/**
 * Serves the endpoint over IPC; returns the function that stops serving.
 *
 * Calls answer a Result, never a rejection, so the renderer sees one error shape whatever the transport.
 */
export function registerIpc(ipcMain: IpcMainLike, endpoint: RpcEndpoint, deps: IpcTransportDeps): () => void {
  ipcMain.handle(IPC_CHANNELS.call, async (event, request): Promise<Result<unknown>> => {
    if (!deps.isTrustedSender(senderFrameOf(event))) {
      return fail({ code: 'forbidden', message: 'This page may not call the console.' });
    }
    if (typeof request !== 'object' || request === null || Array.isArray(request)) {
      return fail({ code: 'bad-request', message: 'A call must be {"method": "…", "input": {…}}.' });
    }
    const { method, input } = request as { method?: unknown; input?: unknown };
    if (typeof method !== 'string' || method.length > TRANSPORT_LIMITS.maxMethodLength) {
      return fail({
        code: 'bad-request',
        message: `"method" must be a method name of at most ${TRANSPORT_LIMITS.maxMethodLength} characters.`,
      });
    }
    try {
      return await endpoint.call(method, input, { transport: 'ipc' });
    } catch {
      return fail({
        code: 'internal',
        message: 'Something went wrong inside the console. Please try again.',
      });
    }
  });

  const unsubscribe = endpoint.subscribe((name, payload) => {
    const message: BridgeEvent = { name, payload };
    for (const win of deps.getWindows()) {
      if (!isTrustedWindow(win, deps)) continue;
      try {
        win.webContents.send(IPC_CHANNELS.event, message);
      } catch {
        // A window closing mid-send must not stop the others.
      }
    }
  });

  return () => {
    unsubscribe();
    ipcMain.removeHandler(IPC_CHANNELS.call);
  };
}
