import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bulkMethods } from '../../../src-main/contract/bulk';
import type { MethodName } from '../../../src-main/contract/methods';
import { CoreError, type CoreServices } from '../../../src-main/core';
import { createEndpoint, EventBus } from '../../../src-main/rpc/dispatch';
import { createHandlers } from '../../../src-main/rpc/handlers';

// Every bulk method's input is strict and bounded: malformed input is a validation error naming
// the field, never a call into the core, never an internal error.

const ID = '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const calls: string[] = [];
/** A bulk service that records what reached it and knows no batch. */
const bulk = new Proxy(
  {},
  {
    get: (_t, name: string) => () => {
      calls.push(name);
      throw new CoreError('not-found', 'There is no batch with that id.');
    },
  },
);
const handlers = createHandlers({ bulk } as unknown as CoreServices);
const endpoint = createEndpoint(handlers, new EventBus());
const run = (method: string, input: unknown) => endpoint.call(method, input, { transport: 'test' });
/** Notify's 10 MB upload limit (10,485,760 bytes), base64-encoded: 4 characters for every 3 bytes. */
const LARGEST_UPLOAD_BASE64 = 13_981_016;

const valid: Record<keyof typeof bulkMethods, Record<string, unknown>> = {
  'bulk.inspect': { profileId: 'sandbox-test', templateId: ID, fileName: 'a.csv', base64: 'YQ==' },
  'bulk.errorReport': { inspectionId: ID },
  'bulk.create': { inspectionId: ID },
  'bulk.start': { batchId: ID },
  'bulk.pause': { batchId: ID },
  'bulk.resume': { batchId: ID, liveConfirmed: true },
  'bulk.cancel': { batchId: ID },
  'bulk.list': {},
  'bulk.get': { batchId: ID },
  'bulk.rows': { batchId: ID, offset: 0, limit: 500 },
  'bulk.results': { batchId: ID },
  'bulk.resendFailed': { batchId: ID },
};

/** [method, a field set to a bad value, the field the refusal names, the message]. */
const NEGATIVE: Array<[MethodName, Record<string, unknown>, string, string | RegExp]> = [
  [
    'bulk.inspect',
    { base64: 'A'.repeat(LARGEST_UPLOAD_BASE64 + 4) },
    'base64',
    'The file must be smaller than 10MB',
  ],
  ['bulk.inspect', { base64: 'not base64!' }, 'base64', 'is not base64'],
  ['bulk.inspect', { base64: 'YQ=' }, 'base64', 'is not base64'],
  ['bulk.inspect', { fileName: '../../etc/passwd.csv' }, 'fileName', /file name/],
  ['bulk.inspect', { fileName: 'a\u0000.csv' }, 'fileName', /file name/],
  ['bulk.inspect', { fileName: '' }, 'fileName', /./],
  ['bulk.inspect', { fileName: `${'a'.repeat(256)}.csv` }, 'fileName', /./],
  ['bulk.inspect', { templateId: 'abc' }, 'templateId', 'must be a UUID'],
  ['bulk.inspect', { encoding: 'ebcdic' }, 'encoding', /./],
  ['bulk.inspect', { extra: 1 }, '', /extra/],
  ['bulk.create', { ratePerMinute: 0 }, 'ratePerMinute', /./],
  ['bulk.create', { ratePerMinute: 60_001 }, 'ratePerMinute', /./],
  ['bulk.create', { ratePerMinute: 1.5 }, 'ratePerMinute', /./],
  ['bulk.start', { liveConfirmed: 'yes' }, 'liveConfirmed', /./],
  ['bulk.start', { batchId: '../x' }, 'batchId', 'must be a UUID'],
  ['bulk.rows', { limit: 501 }, 'limit', /./],
  ['bulk.rows', { limit: 0 }, 'limit', /./],
  ['bulk.rows', { offset: -1 }, 'offset', /./],
  ['bulk.rows', { filter: 'everything' }, 'filter', /./],
  ['bulk.list', { all: true }, '', /all/],
];

describe('the bulk methods’ inputs', () => {
  it.each(Object.entries(valid))(
    '%s accepts a well-formed input and passes it to the core',
    async (method, input) => {
      calls.length = 0;
      const r = await run(method, input);
      expect(r).toMatchObject({ ok: false, error: { code: 'not-found' } });
      expect(calls).toHaveLength(1);
    },
  );

  it.each(NEGATIVE)('%s refuses %j, naming the field', async (method, patch, field, message) => {
    calls.length = 0;
    const r = await run(method, { ...valid[method as keyof typeof valid], ...patch });
    expect(r.ok).toBe(false);
    if (r.ok || r.error.code !== 'validation') throw new Error(`not refused: ${JSON.stringify(r)}`);
    const issue = r.error.details.issues.find((i) => i.field === field);
    expect(issue, JSON.stringify(r.error.details.issues)).toBeDefined();
    if (field === '') expect(r.error.message).toMatch(message);
    else expect(issue!.message).toMatch(message);
    expect(calls).toHaveLength(0);
  });

  it('never answers an internal error, whatever the input (fuzz)', async () => {
    const names = Object.keys(bulkMethods);
    const input = fc.oneof(
      fc.anything(),
      fc.record(
        {
          batchId: fc.oneof(fc.uuid(), fc.string()),
          inspectionId: fc.oneof(fc.uuid(), fc.string()),
          profileId: fc.string({ maxLength: 80 }),
          templateId: fc.oneof(fc.uuid(), fc.string()),
          fileName: fc.string({ maxLength: 300 }),
          base64: fc.oneof(fc.base64String({ maxLength: 200 }), fc.string({ maxLength: 200 })),
          offset: fc.oneof(fc.integer(), fc.double()),
          limit: fc.oneof(fc.integer(), fc.double()),
          ratePerMinute: fc.oneof(fc.integer(), fc.double(), fc.constant(null)),
          liveConfirmed: fc.anything(),
        },
        { requiredKeys: [] },
      ),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), input, async (method, i) => {
        const r = await run(method, i);
        if (r.ok) return false; // the stub knows no batch, so nothing succeeds
        return ['validation', 'not-found'].includes(r.error.code);
      }),
      { numRuns: 400 },
    );
  });
});

describe('the bulk outputs', () => {
  it('have no field for a key, a token or a secret', () => {
    const schemas = Object.values(bulkMethods).map((m) => z.toJSONSchema(m.output, { io: 'output' }));
    const text = JSON.stringify(schemas);
    expect(text).toContain('"notificationId"'); // the walk reaches the rows' fields
    const names = [...text.matchAll(/"([A-Za-z_]+)":\{/g)].map((m) => m[1]!.toLowerCase());
    for (const bad of ['apikey', 'api_key', 'key', 'token', 'secret', 'jwt', 'bearertoken']) {
      expect(names).not.toContain(bad);
    }
  });
});
