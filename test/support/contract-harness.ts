/**
 * The checks every group of contract methods gets at the RPC door (archive, sandbox panel…), in one
 * place: a full valid input passes and an unknown field is refused; the largest accepted value of a
 * bounded field passes and one more is refused naming the field, before any handler runs; random
 * inputs (fast-check) are accepted whole or refused as validation errors, never half-handled.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { methods, type MethodName } from '../../src-main/contract/methods';
import { createEndpoint, EventBus, type HandlerTable, type RpcEndpoint } from '../../src-main/rpc/dispatch';

/** The endpoint every transport serves, over handlers that record whether they were reached. */
export function recordingEndpoint(reached: string[]): RpcEndpoint {
  const handlers = new Proxy({} as HandlerTable, {
    get: (_t, name: string) => async () => {
      reached.push(name);
      throw new Error('handler reached');
    },
  });
  return createEndpoint(handlers, new EventBus());
}

/** Each method's valid input passes its schema, and the same input plus `unknownField` does not. */
export function expectValidInputsAndClosedSchemas(
  valid: Partial<Record<MethodName, Record<string, unknown>>>,
  unknownField: string,
): void {
  for (const [name, input] of Object.entries(valid) as [MethodName, Record<string, unknown>][]) {
    expect(methods[name].input.safeParse(input).success, name).toBe(true);
    const extra = methods[name].input.safeParse({ ...input, [unknownField]: 'x' });
    expect(extra.success, `${name} with an unknown field`).toBe(false);
  }
}

/** `largest` (over a valid input) passes; `over` is refused at the endpoint naming `field`, no handler reached. */
export async function expectBoundAtTheDoor(
  name: MethodName,
  valid: Record<string, unknown>,
  largest: Record<string, unknown>,
  over: Record<string, unknown>,
  field: string,
): Promise<void> {
  expect(methods[name].input.safeParse({ ...valid, ...largest }).success).toBe(true);
  const reached: string[] = [];
  const r = await recordingEndpoint(reached).call(name, { ...valid, ...over }, { transport: 'test' });
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error.code).toBe('validation');
  expect((r.error.details as { issues: { field: string }[] }).issues.map((i) => i.field)).toContain(field);
  expect(reached).toEqual([]);
}

/**
 * Random inputs of the methods' own field names (and `__proto__`, `constructor`) with values from
 * `value`: an input the schema accepts reaches its handler (whose throw is an internal error), any
 * other is a validation error that reaches nothing.
 */
export async function expectWholeOrRefused(
  names: readonly MethodName[],
  fieldNames: readonly string[],
  value: fc.Arbitrary<unknown>,
  options: { maxKeys: number; numRuns: number },
): Promise<void> {
  const fields = fc.constantFrom(...fieldNames, '__proto__', 'constructor');
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...names),
      fc.dictionary(fields, value, { maxKeys: options.maxKeys }),
      async (name, input) => {
        const reached: string[] = [];
        const r = await recordingEndpoint(reached).call(name, input, { transport: 'test' });
        if (methods[name].input.safeParse(input).success) {
          expect(reached).toEqual([name]);
          expect(r.ok || r.error.code === 'internal').toBe(true);
        } else {
          expect(reached).toEqual([]);
          expect(r.ok ? null : r.error.code).toBe('validation');
        }
      },
    ),
    { numRuns: options.numRuns },
  );
}
