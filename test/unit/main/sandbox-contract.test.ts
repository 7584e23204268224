/**
 * The Sandbox panel's methods at the contract's door (issue 9.2): strict, bounded inputs; the
 * largest accepted value of each bounded field passes and one more is refused naming the field;
 * random inputs (fast-check) are accepted whole or refused as a validation error before any
 * handler runs; the largest accepted template is checked without holding the event loop.
 */
import fc from 'fast-check';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { methods } from '../../../src-main/contract/methods';
import { sandboxMethods } from '../../../src-main/contract/sandbox';
import {
  expectBoundAtTheDoor,
  expectValidInputsAndClosedSchemas,
  expectWholeOrRefused,
  recordingEndpoint,
} from '../../support/contract-harness';
import { MAX_EMAIL_ADDRESS_LENGTH } from '../../../src-shared/notify/limits';

const ID = '6f1f4b0e-2c1a-4c7e-9d1e-0a0b0c0d0e0f';
type SandboxMethod = keyof typeof sandboxMethods;

const VALID: Record<SandboxMethod, Record<string, unknown>> = {
  'sandbox.panel': {},
  'sandbox.createKey': { serviceId: ID, name: 'my app', keyType: 'test' },
  'sandbox.revokeKey': { keyId: ID },
  'sandbox.copyKey': { keyId: ID },
  'sandbox.addKeyProfile': { keyId: ID },
  'sandbox.receivedTexts': { serviceId: ID },
  'sandbox.injectInbound': { serviceId: ID, userNumber: '07700900111', content: 'Hello' },
  'sandbox.faults': {},
  'sandbox.addFault': {
    kind: 'error',
    status: 429,
    latencyMs: 0,
    count: 3,
    pathPrefix: '/v2/notifications',
    method: 'POST',
    phase: 'after',
    retryAfter: 10,
  },
  'sandbox.setDailyLimitReached': { serviceId: ID, reached: true },
  'sandbox.removeFault': { id: `daily-limit:${ID}` },
  'sandbox.clearFaults': {},
  'sandbox.setClock': { advanceSeconds: 60, skewSeconds: -30, timeScale: 100 },
  'sandbox.setLatency': { mode: 'none', seed: 7 },
  'sandbox.reset': { confirm: true },
  'sandbox.serviceSettings': { serviceId: ID },
  'sandbox.updateService': {
    serviceId: ID,
    active: true,
    restricted: false,
    rateLimit: 3000,
    limits: { sms: 10, email: 0 },
    permissions: ['sms', 'email'],
    deliveryStatusCallback: { url: 'https://example.gov.uk/cb', bearerToken: 'a-long-token' },
    receivedTextCallback: null,
    returnedLetterCallback: { url: 'http://localhost:3000/returned', bearerToken: 'returned-token' },
    complaintCallback: null,
  },
  'sandbox.createTemplate': {
    serviceId: ID,
    name: 'Reminder',
    type: 'email',
    subject: 'Hi',
    content: 'Hello',
  },
  'sandbox.activity': {},
  'sandbox.inbox': {
    filters: { recipient: '07700 900123', templateId: ID, type: 'sms', reference: 'r', serviceId: ID },
    olderThan: ID,
    pageSize: 100,
  },
  'sandbox.inboxRendered': { id: ID },
  'sandbox.forceStatus': { id: ID, status: 'returned-letter' },
  'sandbox.complain': { id: ID },
};

const BOUNDS: [string, SandboxMethod, Record<string, unknown>, Record<string, unknown>, string][] = [
  ['a key name', 'sandbox.createKey', { name: 'k'.repeat(255) }, { name: 'k'.repeat(256) }, 'name'],
  ['an empty key name', 'sandbox.createKey', { name: 'k' }, { name: '   ' }, 'name'],
  ['a key type', 'sandbox.createKey', { keyType: 'normal' }, { keyType: 'live' }, 'keyType'],
  [
    'an inbound text',
    'sandbox.injectInbound',
    { content: 'x'.repeat(918) },
    { content: 'x'.repeat(919) },
    'content',
  ],
  [
    'a from number',
    'sandbox.injectInbound',
    { userNumber: '1'.repeat(40) },
    { userNumber: '1'.repeat(41) },
    'userNumber',
  ],
  ['a status', 'sandbox.addFault', { status: 599 }, { status: 600 }, 'status'],
  ['a latency', 'sandbox.addFault', { latencyMs: 120_000 }, { latencyMs: 120_001 }, 'latencyMs'],
  ['a path', 'sandbox.addFault', { pathPrefix: `/${'p'.repeat(199)}` }, { pathPrefix: 'v2/' }, 'pathPrefix'],
  [
    'a clock move',
    'sandbox.setClock',
    { advanceSeconds: 366 * 86_400 },
    { advanceSeconds: -1 },
    'advanceSeconds',
  ],
  ['a skew', 'sandbox.setClock', { skewSeconds: 86_400 }, { skewSeconds: 86_401 }, 'skewSeconds'],
  ['a time scale', 'sandbox.setClock', { timeScale: 1_000_000 }, { timeScale: 0 }, 'timeScale'],
  ['a latency mode', 'sandbox.setLatency', { mode: 'realistic' }, { mode: 'slow' }, 'mode'],
  ['a reset without confirm', 'sandbox.reset', { confirm: true }, { confirm: false }, 'confirm'],
  ['a fault id', 'sandbox.removeFault', { id: 'f'.repeat(100) }, { id: 'f'.repeat(101) }, 'id'],
  [
    'a daily limit',
    'sandbox.updateService',
    { limits: { sms: 100_000_000 } },
    { limits: { sms: -1 } },
    'limits.sms',
  ],
  [
    'a permission',
    'sandbox.updateService',
    { permissions: ['inbound_sms'] },
    { permissions: ['admin'] },
    'permissions.0',
  ],
  [
    'a callback token',
    'sandbox.updateService',
    { deliveryStatusCallback: { url: 'https://x', bearerToken: 't'.repeat(10) } },
    { deliveryStatusCallback: { url: 'https://x', bearerToken: 't'.repeat(9) } },
    'deliveryStatusCallback.bearerToken',
  ],
  [
    'a returned-letter callback token',
    'sandbox.updateService',
    { returnedLetterCallback: { url: 'https://x', bearerToken: 't'.repeat(1024) } },
    { returnedLetterCallback: { url: 'https://x', bearerToken: 't'.repeat(1025) } },
    'returnedLetterCallback.bearerToken',
  ],
  [
    'a complaint callback URL',
    'sandbox.updateService',
    { complaintCallback: { url: `https://x/${'p'.repeat(2038)}`, bearerToken: 't'.repeat(10) } },
    { complaintCallback: { url: `https://x/${'p'.repeat(2039)}`, bearerToken: 't'.repeat(10) } },
    'complaintCallback.url',
  ],
  [
    'a complaint callback without its token',
    'sandbox.updateService',
    { complaintCallback: null },
    { complaintCallback: { url: 'https://x' } },
    'complaintCallback.bearerToken',
  ],
  [
    'a complaint callback of another type',
    'sandbox.updateService',
    { complaintCallback: null },
    { complaintCallback: 'https://x' },
    'complaintCallback',
  ],
  [
    'a template body',
    'sandbox.createTemplate',
    { content: 'x'.repeat(100_000) },
    { content: 'x'.repeat(100_001) },
    'content',
  ],
  [
    'an inbox recipient',
    'sandbox.inbox',
    { filters: { recipient: 'a'.repeat(MAX_EMAIL_ADDRESS_LENGTH) } },
    { filters: { recipient: 'a'.repeat(MAX_EMAIL_ADDRESS_LENGTH + 1) } },
    'filters.recipient',
  ],
  [
    'an inbox page',
    'sandbox.inbox',
    // The inbox's largest page: the Sandbox panel's product decision (issue 14.4).
    { pageSize: 500 },
    { pageSize: 501 },
    'pageSize',
  ],
  ['a forced status', 'sandbox.forceStatus', { status: 'delivered' }, { status: 'failed' }, 'status'],
  ['an id', 'sandbox.inboxRendered', { id: ID }, { id: '../../faults' }, 'id'],
  ['a complaint’s notification id', 'sandbox.complain', { id: ID }, { id: '../../reset' }, 'id'],
  ['a complaint’s id of another type', 'sandbox.complain', { id: ID }, { id: 42 }, 'id'],
  ['a huge complaint id', 'sandbox.complain', { id: ID }, { id: ID.repeat(30_000) }, 'id'],
];

describe('Sandbox panel inputs at the contract', () => {
  it('accepts a full valid input for every method and refuses any unknown field', () => {
    expectValidInputsAndClosedSchemas(VALID, 'secret');
  });

  it.each(BOUNDS)(
    '%s: the largest accepted passes, one more is refused naming the field',
    async (_what, name, largest, over, field) => {
      await expectBoundAtTheDoor(name, VALID[name], largest, over, field);
    },
  );

  it('refuses a bad callback setting without repeating its bearer token', async () => {
    const token = 'callback-token-8c1f2e';
    for (const setting of [
      { complaintCallback: { url: 'u'.repeat(2049), bearerToken: token } },
      { returnedLetterCallback: { url: 'https://x', bearerToken: `${token}${'t'.repeat(1024)}` } },
      { complaintCallback: { url: '', bearerToken: token, extra: 1 } },
    ]) {
      const reached: string[] = [];
      const r = await recordingEndpoint(reached).call(
        'sandbox.updateService',
        { serviceId: ID, ...setting },
        { transport: 'test' },
      );
      expect(r.ok).toBe(false);
      expect(reached).toEqual([]);
      expect(JSON.stringify(r)).not.toContain(token);
    }
  });

  it('random inputs are accepted whole or refused as validation errors (fast-check)', async () => {
    const names = Object.keys(sandboxMethods) as SandboxMethod[];
    const value = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constant(ID),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom('error', 'latency', 'drop', 'test', 'sms', 'delivered'),
      fc.string({ minLength: 900, maxLength: 1100 }),
    );
    await expectWholeOrRefused(
      names,
      [
        'serviceId',
        'keyId',
        'name',
        'keyType',
        'userNumber',
        'content',
        'kind',
        'status',
        'latencyMs',
        'count',
        'pathPrefix',
        'id',
        'confirm',
        'timeScale',
        'skewSeconds',
        'type',
      ],
      value,
      { maxKeys: 4, numRuns: 400 },
    );
  });

  it('checks the largest accepted template without holding the event loop', async () => {
    const h = monitorEventLoopDelay({ resolution: 1 });
    h.enable();
    const input = {
      ...VALID['sandbox.createTemplate'],
      content: `${'# Heading\n\n'.repeat(9_000)}x`.slice(0, 100_000),
    };
    const t0 = performance.now();
    expect(methods['sandbox.createTemplate'].input.safeParse(input).success).toBe(true);
    const ms = performance.now() - t0;
    h.disable();
    console.log(
      `sandbox.createTemplate, 100,000 characters: checked in ${ms.toFixed(1)} ms; longest event-loop delay ${(h.max / 1e6).toFixed(1)} ms`,
    );
  });
});
