/**
 * Names both transports share: the Electron IPC channels, the preload global and the browser-mode routes.
 *
 * One file so the main process, the preload and the renderer's transports cannot drift apart, and so a
 * reviewer sees every way into the core in one place. Pure constants and types: the renderer imports
 * this file, so it must stay free of Node and Electron.
 */
import type { EventName } from './methods';
import type { Result } from './result';

/** The only two IPC channels the app uses: one invoke channel for calls, one push channel for events. */
export const IPC_CHANNELS = {
  call: 'notify-console:call',
  event: 'notify-console:event',
} as const;

/** The property the preload defines on `window` (`window.notifyConsole`). */
export const BRIDGE_GLOBAL = 'notifyConsole';

/**
 * The browser-mode host's routes.
 *
 * `/events` takes a one-time `?ticket=` from `POST /events-ticket` rather than the bearer token, because
 * `EventSource` cannot send headers and a long-lived token in a URL ends up in history and logs.
 */
export const HTTP_ROUTES = {
  rpc: '/rpc',
  eventsTicket: '/events-ticket',
  events: '/events',
} as const;

/** What an event carries over either transport (IPC message or SSE `data:` line). */
export interface BridgeEvent {
  name: EventName;
  payload: unknown;
}

/** The whole surface the preload exposes to the page: nothing else is reachable from the renderer. */
export interface NotifyConsoleBridge {
  call(method: string, input?: unknown): Promise<Result<unknown>>;
  /** Subscribes to core events; returns the function that unsubscribes. */
  onEvent(listener: (event: BridgeEvent) => void): () => void;
}
