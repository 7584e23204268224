/**
 * The contract's string sizes are capped at what Notify accepts (src-shared/notify/limits.ts), so
 * a call Notify would refuse anyway is refused at the door, with the field named, and no accepted
 * call can make the console hold more than Notify could ever send. The largest accepted send is
 * validated without blocking the event loop.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { methods } from '../../../src-main/contract/methods';
import { createEndpoint, EventBus, type HandlerTable } from '../../../src-main/rpc/dispatch';
import {
  base64Length,
  MAX_EMAIL_ADDRESS_LENGTH,
  MAX_EMAIL_BODY_BYTES,
  MAX_FILE_BYTES,
  MAX_FILENAME_LENGTH,
  MAX_PRECOMPILED_PDF_BYTES,
  MAX_REFERENCE_LENGTH,
} from '../../../src-shared/notify/limits';

const TEMPLATE = '22222222-2222-2222-2222-222222222222';
const send = (request: Record<string, unknown>) => ({ profileId: 'p1', request });
const sms = (extra: Record<string, unknown> = {}) =>
  send({ type: 'sms', phone_number: '07700900123', template_id: TEMPLATE, ...extra });
const email = (extra: Record<string, unknown> = {}) =>
  send({ type: 'email', email_address: 'a@example.gov.uk', template_id: TEMPLATE, ...extra });
const precompiled = (content: string) => send({ type: 'precompiled', reference: 'r', content });
const file = (extra: Record<string, unknown> = {}) =>
  email({ personalisation: { doc: { file: 'QQ==', ...extra } } });

/** [what, method, the largest accepted input, the same one character over, the path named]. */
const CASES: [string, keyof typeof methods, unknown, unknown, string][] = [
  [
    'a reference',
    'notifications.send',
    sms({ reference: 'r'.repeat(MAX_REFERENCE_LENGTH) }),
    sms({ reference: 'r'.repeat(MAX_REFERENCE_LENGTH + 1) }),
    'request.reference',
  ],
  [
    'an email address',
    'notifications.send',
    send({ type: 'email', email_address: 'a'.repeat(MAX_EMAIL_ADDRESS_LENGTH), template_id: TEMPLATE }),
    send({ type: 'email', email_address: 'a'.repeat(MAX_EMAIL_ADDRESS_LENGTH + 1), template_id: TEMPLATE }),
    'request.email_address',
  ],
  [
    'a personalisation value',
    'notifications.send',
    email({ personalisation: { body: 'x'.repeat(MAX_EMAIL_BODY_BYTES) } }),
    email({ personalisation: { body: 'x'.repeat(MAX_EMAIL_BODY_BYTES + 1) } }),
    'request.personalisation',
  ],
  [
    'all personalisation values together',
    'notifications.send',
    email({
      personalisation: {
        a: 'x'.repeat(MAX_EMAIL_BODY_BYTES / 2),
        b: Array.from({ length: 100 }, () => 'y'.repeat(MAX_EMAIL_BODY_BYTES / 200)),
      },
    }),
    email({
      personalisation: {
        a: 'x'.repeat(MAX_EMAIL_BODY_BYTES / 2),
        b: [...Array.from({ length: 100 }, () => 'y'.repeat(MAX_EMAIL_BODY_BYTES / 200)), 'z'],
      },
    }),
    'request.personalisation',
  ],
  [
    'a file',
    'notifications.send',
    file({ file: 'A'.repeat(base64Length(MAX_FILE_BYTES)) }),
    file({ file: 'A'.repeat(base64Length(MAX_FILE_BYTES) + 1) }),
    'request.personalisation.doc.file',
  ],
  [
    'a file name',
    'notifications.send',
    file({ filename: `${'f'.repeat(MAX_FILENAME_LENGTH - 4)}.pdf` }),
    file({ filename: `${'f'.repeat(MAX_FILENAME_LENGTH - 3)}.pdf` }),
    'request.personalisation.doc.filename',
  ],
  [
    'a precompiled PDF',
    'notifications.send',
    precompiled('A'.repeat(base64Length(MAX_PRECOMPILED_PDF_BYTES))),
    precompiled('A'.repeat(base64Length(MAX_PRECOMPILED_PDF_BYTES) + 1)),
    'request.content',
  ],
  [
    'a reference to find',
    'notifications.findByReference',
    { profileId: 'p1', reference: 'r'.repeat(MAX_REFERENCE_LENGTH) },
    { profileId: 'p1', reference: 'r'.repeat(MAX_REFERENCE_LENGTH + 1) },
    'reference',
  ],
  [
    'a lookup',
    'notifications.lookup',
    { query: 'q'.repeat(MAX_REFERENCE_LENGTH) },
    { query: 'q'.repeat(MAX_REFERENCE_LENGTH + 1) },
    'query',
  ],
  [
    'a history filter',
    'notifications.list',
    { profileId: 'p1', filters: { reference: 'r'.repeat(MAX_REFERENCE_LENGTH) } },
    { profileId: 'p1', filters: { reference: 'r'.repeat(MAX_REFERENCE_LENGTH + 1) } },
    'filters.reference',
  ],
];

/** Answers every method with a valid output without doing anything, to time the dispatcher alone. */
const handlers = {
  'notifications.send': async () => ({
    id: '55555555-5555-5555-5555-555555555555',
    response: { id: '55555555-5555-5555-5555-555555555555', reference: null, postage: null },
    tracked: false,
  }),
  'inspector.list': async () => ({ entries: [] }),
} as unknown as HandlerTable;
/** The endpoint every transport serves, over those handlers. */
const endpoint = createEndpoint(handlers, new EventBus());

describe('contract limits: what Notify accepts, and not a character more', () => {
  it.each(CASES)(
    'accepts the longest %s Notify takes, and refuses one more, naming the field',
    async (_what, method, largest, over, path) => {
      expect(methods[method].input.safeParse(largest).success).toBe(true);
      const refused = await endpoint.call(method, over, { transport: 'test' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'validation' } });
      if (refused.ok || refused.error.code !== 'validation') throw new Error('not refused');
      expect(refused.error.details.issues.map((i) => i.field)).toContain(path);
      expect(refused.error.message).toContain(path);
    },
  );

  it('refuses a list whose items together are longer than any message', () => {
    const list = Array.from({ length: 1000 }, () => 'x'.repeat(10_000));
    const r = methods['notifications.send'].input.safeParse(email({ personalisation: { items: list } }));
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toMatch(/more than 2,000,000 characters/);
  });

  it('validates the largest accepted send without blocking the event loop, and answers the next call', async () => {
    const largest = email({
      personalisation: {
        body: 'x'.repeat(MAX_EMAIL_BODY_BYTES / 2),
        list: Array.from({ length: 100 }, () => 'y'.repeat(MAX_EMAIL_BODY_BYTES / 200)),
        doc: { file: 'A'.repeat(base64Length(MAX_FILE_BYTES)), filename: 'a.pdf' },
      },
      reference: 'r'.repeat(MAX_REFERENCE_LENGTH),
    });
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const [big, next] = await Promise.all([
      endpoint.call('notifications.send', largest, { transport: 'test' }),
      endpoint.call('inspector.list', {}, { transport: 'test' }),
    ]);
    delay.disable();
    expect(big.ok).toBe(true);
    expect(next).toEqual({ ok: true, value: { entries: [] } });
    // Validation is linear in the input: a few milliseconds for ~3.8 MB here. A second of delay
    // would mean something quadratic crept in (the measure is event-loop delay, not a sleep).
    expect(delay.max / 1e6).toBeLessThan(1000);
  });
});
