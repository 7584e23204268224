/**
 * The dispatcher: one entry point for every transport.
 *
 * Validates the method name and input against the contract, runs the handler, validates the output,
 * and turns every failure into a Result (./errors.ts maps the core's errors to the contract's union).
 * Nothing a handler throws escapes as a stack trace; an unexpected error becomes `internal` with a
 * generic message (and is logged without inputs).
 */
import { z } from 'zod';
import { fail, ok, type Result } from '../contract/result';
import { INTERNAL_ERROR, toRpcError } from './errors';
import { events, methods, type EventName, type EventPayload, type MethodName } from '../contract/methods';

export interface CallContext {
  transport: 'ipc' | 'http' | 'test';
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

/** Runs one call; never throws. Every transport reaches it through {@link createEndpoint}. */
async function dispatch(
  handlers: HandlerTable,
  method: unknown,
  input: unknown,
  ctx: CallContext,
  onInternalError: (method: string, err: unknown) => void = () => {},
): Promise<Result<unknown>> {
  if (typeof method !== 'string' || !Object.hasOwn(methods, method)) {
    return fail({
      code: 'unknown-method',
      message: `There is no method ${JSON.stringify(String(method).slice(0, 64))}.`,
    });
  }
  const name = method as MethodName;
  const spec = methods[name];
  const parsed = spec.input.safeParse(input ?? {});
  if (!parsed.success)
    return fail({
      code: 'validation',
      message: describeIssues(parsed.error),
      details: {
        issues: parsed.error.issues
          .slice(0, 20)
          .map((i) => ({ field: i.path.map((p) => String(p)).join('.'), message: i.message })),
      },
    });
  try {
    const handler = handlers[name] as (i: unknown, c: CallContext) => Promise<unknown>;
    const value = await handler(parsed.data, ctx);
    const out = spec.output.safeParse(value);
    if (!out.success) {
      onInternalError(name, new Error(`output does not match the contract: ${describeIssues(out.error)}`));
      return fail({
        code: 'internal',
        message: 'The console produced an answer it should not have. Please report this.',
      });
    }
    return ok(out.data);
  } catch (err) {
    const error = toRpcError(err);
    if (error) return fail(error);
    onInternalError(name, err);
    return fail(INTERNAL_ERROR);
  }
}

/**
 * The core's events, validated against the contract before they reach any transport: a payload
 * that does not match is dropped (and reported), never forwarded.
 */
export class EventBus {
  private readonly listeners = new Set<(name: EventName, payload: unknown) => void>();

  constructor(private readonly onInvalid: (name: EventName, err: unknown) => void = () => {}) {}

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const parsed = events[name].safeParse(payload);
    if (!parsed.success) return this.onInvalid(name, parsed.error);
    for (const l of this.listeners) {
      try {
        l(name, parsed.data);
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
