/**
 * The dispatcher: one entry point for every transport.
 *
 * Validates the method name and input against the contract, runs the handler, validates the output,
 * and turns every failure into a Result. Nothing a handler throws escapes as a stack trace; an
 * unexpected error becomes `internal` with a generic message (and is logged without inputs).
 */
import { z } from 'zod';
import { fail, ok, type Result } from '../contract/result';
import { events, methods, type EventName, type EventPayload, type MethodName } from '../contract/methods';

export interface CallContext {
  transport: 'ipc' | 'http' | 'test';
}

/** A failure a handler means to report: code and message reach the user as they are. */
export class RpcFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'RpcFailure';
  }
}

type Handler<M extends MethodName> = (
  input: z.output<(typeof methods)[M]['input']>,
  ctx: CallContext,
) => Promise<z.input<(typeof methods)[M]['output']>>;

export type HandlerTable = { [M in MethodName]: Handler<M> };

export interface RpcEndpoint {
  call(method: unknown, input: unknown, ctx: CallContext): Promise<Result<unknown>>;
  subscribe(listener: (name: EventName, payload: unknown) => void): () => void;
}

function describeIssues(err: z.ZodError): string {
  return err.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : 'input'}: ${i.message}`)
    .join('; ');
}

/** Runs one call; never throws. */
export async function dispatch(
  handlers: HandlerTable,
  method: unknown,
  input: unknown,
  ctx: CallContext,
  onInternalError: (method: string, err: unknown) => void = () => {},
): Promise<Result<unknown>> {
  if (typeof method !== 'string' || !Object.hasOwn(methods, method)) {
    return fail('unknown-method', `There is no method ${JSON.stringify(String(method).slice(0, 64))}.`);
  }
  const name = method as MethodName;
  const spec = methods[name];
  const parsed = spec.input.safeParse(input ?? {});
  if (!parsed.success)
    return fail('validation', describeIssues(parsed.error), { issues: parsed.error.issues.slice(0, 20) });
  try {
    const handler = handlers[name] as (i: unknown, c: CallContext) => Promise<unknown>;
    const value = await handler(parsed.data, ctx);
    const out = spec.output.safeParse(value);
    if (!out.success) {
      onInternalError(name, new Error(`output does not match the contract: ${describeIssues(out.error)}`));
      return fail('internal', 'The console produced an answer it should not have. Please report this.');
    }
    return ok(out.data);
  } catch (err) {
    if (err instanceof RpcFailure) return fail(err.code, err.message, err.details);
    onInternalError(name, err);
    return fail(
      'internal',
      'Something went wrong inside the console. Nothing was sent twice; please try again.',
    );
  }
}

/** Events from the core, validated before they reach any transport. */
export class EventBus {
  private readonly listeners = new Set<(name: EventName, payload: unknown) => void>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const parsed = events[name].parse(payload);
    for (const l of this.listeners) {
      try {
        l(name, parsed);
      } catch {
        // A broken transport must not stop the others.
      }
    }
  }

  subscribe(listener: (name: EventName, payload: unknown) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** Binds handlers and an event bus into the endpoint every transport serves. */
export function createEndpoint(
  handlers: HandlerTable,
  bus: EventBus,
  onInternalError?: (method: string, err: unknown) => void,
): RpcEndpoint {
  return {
    call: (method, input, ctx) => dispatch(handlers, method, input, ctx, onInternalError),
    subscribe: (listener) => bus.subscribe(listener),
  };
}
