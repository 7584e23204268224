/**
 * The browser-mode transport: `POST /rpc` with the bearer token, and an `EventSource` on `/events`.
 *
 * `EventSource` cannot send headers, so each connection first asks `POST /events-ticket` for a
 * one-time ticket (see src-main/browser-host/host.ts). Because a ticket works once, the browser's
 * own reconnect would fail; when the stream closes this reconnects itself with a fresh ticket and a
 * growing delay. The stream is only open while someone listens.
 */
import { HTTP_ROUTES, type BridgeEvent } from '../../src-main/contract/channels';
import type { Result } from '../../src-main/contract/result';
import { transportError } from '../lib/errors';
import { isResult, type Transport } from './client';

/** The parts of `fetch` used here, so tests can pass a fake. */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

/** The parts of `EventSource` used here. */
export interface EventSourceLike {
  readonly readyState: number;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  close(): void;
}

interface HttpTransportOptions {
  token: string;
  /** Origin of the host; same origin when empty. */
  baseUrl?: string;
  fetch?: FetchLike;
  createEventSource?: (url: string) => EventSourceLike;
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
  /** Told when the event stream connects or drops, for a "live updates" indicator. */
  onConnectionChange?: (connected: boolean) => void;
}

const EVENT_SOURCE_CLOSED = 2;
const MAX_RECONNECT_DELAY_MS = 30_000;

function defaultEventSource(url: string): EventSourceLike {
  const Ctor = (globalThis as unknown as { EventSource?: new (url: string) => EventSourceLike }).EventSource;
  if (!Ctor) throw new Error('This browser has no EventSource.');
  return new Ctor(url);
}

/** The delay before the n-th reconnect attempt: 1 s, 2 s, 4 s… up to 30 s. */
function reconnectDelay(attempt: number): number {
  return Math.min(MAX_RECONNECT_DELAY_MS, 1000 * 2 ** Math.max(0, attempt));
}

export function httpTransport(options: HttpTransportOptions): Transport {
  const base = (options.baseUrl ?? '').replace(/\/$/, '');
  const doFetch: FetchLike = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
  const createEventSource = options.createEventSource ?? defaultEventSource;
  const setTimer = options.setTimeout ?? ((fn, ms) => globalThis.setTimeout(fn, ms));
  const clearTimer =
    options.clearTimeout ?? ((h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>));
  const listeners = new Set<(event: BridgeEvent) => void>();
  let source: EventSourceLike | null = null;
  let reconnectTimer: unknown = null;
  let attempt = 0;
  let connecting = false;

  async function post(path: string, body: unknown): Promise<Result<unknown>> {
    let res: Awaited<ReturnType<FetchLike>>;
    try {
      res = await doFetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${options.token}` },
        body: JSON.stringify(body ?? {}),
      });
    } catch {
      return { ok: false, error: transportError('The console is not answering. Is it still running?') };
    }
    let payload: unknown;
    try {
      payload = await res.json();
    } catch {
      payload = undefined;
    }
    if (isResult(payload)) return payload;
    return {
      ok: false,
      error: transportError(
        `The console answered with HTTP ${res.status} and no readable result.`,
        res.status,
      ),
    };
  }

  /**
   * The one place the event-stream URL is made: a fresh one-time ticket per connection.
   */
  async function createEventsUrl(): Promise<string | null> {
    const result = await post(HTTP_ROUTES.eventsTicket, {});
    if (!result.ok) return null;
    const ticket = (result.value as { ticket?: unknown }).ticket;
    if (typeof ticket !== 'string') return null;
    return `${base}${HTTP_ROUTES.events}?ticket=${encodeURIComponent(ticket)}`;
  }

  function scheduleReconnect(): void {
    if (reconnectTimer !== null || listeners.size === 0) return;
    const delay = reconnectDelay(attempt++);
    reconnectTimer = setTimer(() => {
      reconnectTimer = null;
      void connect();
    }, delay);
  }

  async function connect(): Promise<void> {
    if (source || connecting || listeners.size === 0) return;
    connecting = true;
    const url = await createEventsUrl();
    connecting = false;
    if (listeners.size === 0) return;
    if (!url) return scheduleReconnect();
    let es: EventSourceLike;
    try {
      es = createEventSource(url);
    } catch {
      return;
    }
    source = es;
    es.onopen = () => {
      attempt = 0;
      options.onConnectionChange?.(true);
    };
    es.onmessage = (ev) => {
      if (typeof ev.data !== 'string') return;
      let event: unknown;
      try {
        event = JSON.parse(ev.data);
      } catch {
        return;
      }
      for (const l of [...listeners]) l(event as BridgeEvent);
    };
    es.onerror = () => {
      // The browser retries by itself while CONNECTING; a CLOSED stream needs a new ticket.
      if (es.readyState !== EVENT_SOURCE_CLOSED) return;
      es.close();
      if (source === es) source = null;
      options.onConnectionChange?.(false);
      scheduleReconnect();
    };
  }

  function disconnect(): void {
    if (reconnectTimer !== null) clearTimer(reconnectTimer);
    reconnectTimer = null;
    source?.close();
    source = null;
    attempt = 0;
  }

  return {
    call: (method, input) => post(HTTP_ROUTES.rpc, { method, input: input ?? {} }),
    onEvent(listener) {
      listeners.add(listener);
      void connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) disconnect();
      };
    },
  };
}
