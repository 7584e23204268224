/**
 * The renderer's only way into the core: a typed `call` and an event feed over some transport.
 *
 * Types come straight from the contract's method table, so a call with the wrong input does not
 * compile. Transports never throw at callers: a host that cannot be reached becomes a failed
 * Result with code `transport`, and malformed events are dropped.
 */
import type { BridgeEvent } from '../../src-main/contract/channels';
import {
  events,
  type EventName,
  type EventPayload,
  type MethodInput,
  type MethodName,
  type MethodOutput,
} from '../../src-main/contract/methods';
import type { Result } from '../../src-main/contract/result';
import { transportError } from '../lib/errors';

/** What a transport (IPC, HTTP, a test fake) must provide. */
export interface Transport {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: BridgeEvent) => void): () => void;
}

/** An event from the core, typed by name. */
export type AppEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];

export interface ApiClient {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
  onEvent(listener: (event: AppEvent) => void): () => void;
}

/** Whether a value has the shape of a Result envelope. */
export function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v['ok'] === true) return 'value' in v;
  if (v['ok'] !== false) return false;
  const e = v['error'] as Record<string, unknown> | undefined;
  return (
    typeof e === 'object' && e !== null && typeof e['code'] === 'string' && typeof e['message'] === 'string'
  );
}

/** Validates an event against the contract's event table; null when it is not one. */
function parseEvent(event: unknown): AppEvent | null {
  if (typeof event !== 'object' || event === null) return null;
  const { name, payload } = event as { name?: unknown; payload?: unknown };
  if (typeof name !== 'string' || !Object.hasOwn(events, name)) return null;
  const parsed = events[name as EventName].safeParse(payload);
  return parsed.success ? ({ name, payload: parsed.data } as AppEvent) : null;
}

/** Wraps a transport in the typed client. */
export function createApiClient(transport: Transport): ApiClient {
  return {
    async call(method, input) {
      try {
        const result = await transport.call(method, input);
        if (!isResult(result))
          return {
            ok: false,
            error: transportError('The console answered in a shape the window does not understand.'),
          };
        return result as Result<never>;
      } catch (err) {
        const why = err instanceof Error && err.message ? ` (${err.message})` : '';
        return { ok: false, error: transportError(`The console could not be reached${why}.`) };
      }
    },
    onEvent(listener) {
      return transport.onEvent((raw) => {
        const event = parseEvent(raw);
        if (event) listener(event);
      });
    },
  };
}
