/**
 * Fuzzing the client's response handling: whatever status, headers and body a server sends, every
 * method either resolves with a checked value or rejects with one of the client's typed errors,
 * which the RPC layer passes on as a `notify`, `network` or `unknown-outcome` error.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { NotifyClient } from '../../../src-main/core/notify/client';
import { rpcError } from '../../../src-main/contract/errors';
import { toRpcError } from '../../../src-main/rpc/errors';

type Reply = {
  status: number;
  contentType: string;
  body: Uint8Array;
  retryAfter: string | null;
  date: string | null;
  location: string | null;
};

let reply: Reply;
let server: Server;
let url: string;
const sockets = new Set<Socket>();

beforeAll(async () => {
  server = createServer((_req, res) => {
    const headers: Record<string, string> = { 'content-type': reply.contentType };
    if (reply.retryAfter !== null) headers['retry-after'] = reply.retryAfter;
    if (reply.date !== null) headers.date = reply.date;
    if (reply.location !== null) headers.location = reply.location;
    try {
      res.writeHead(reply.status, headers);
    } catch {
      res.writeHead(reply.status);
    }
    res.end(reply.status === 204 || reply.status === 304 ? undefined : reply.body);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(
  () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
);

const UUID = '11111111-1111-4111-8111-111111111111';
const KEY = `fuzz-${UUID}-22222222-2222-4222-8222-222222222222`;
const text = (s: string) => new TextEncoder().encode(s);

/** Bodies that look more and more like Notify's. */
const body: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 200 }),
  fc.string().map(text),
  fc.jsonValue().map((v) => text(JSON.stringify(v))),
  fc
    .record({
      status_code: fc.oneof(fc.integer(), fc.string()),
      errors: fc.oneof(
        fc.array(
          fc.record(
            { error: fc.oneof(fc.string(), fc.integer()), message: fc.oneof(fc.string(), fc.jsonValue()) },
            { requiredKeys: [] },
          ),
        ),
        fc.jsonValue(),
      ),
    })
    .map((v) => text(JSON.stringify(v))),
  fc
    .record({ result: fc.string(), message: fc.jsonValue() }, { requiredKeys: [] })
    .map((v) => text(JSON.stringify(v))),
  fc
    .record({
      templates: fc.oneof(
        fc.jsonValue(),
        fc.array(
          fc.record({ id: fc.string(), type: fc.constantFrom('sms', 'email', 'fax'), version: fc.integer() }),
        ),
      ),
      id: fc.oneof(fc.string(), fc.integer()),
      notifications: fc.jsonValue(),
      content: fc.jsonValue(),
    })
    .map((v) => text(JSON.stringify(v))),
);

const replies: fc.Arbitrary<Reply> = fc.record({
  status: fc.oneof(
    fc.constantFrom(200, 201, 204, 301, 302, 400, 401, 403, 404, 405, 429, 500, 502, 503, 504),
    fc.integer({ min: 200, max: 599 }),
  ),
  contentType: fc.constantFrom(
    'application/json',
    'text/html',
    'application/pdf',
    'text/plain; charset=utf-8',
  ),
  body,
  retryAfter: fc.option(
    fc.oneof(fc.constantFrom('0', '1', 'soon', '-5', 'Wed, 21 Oct 2015 07:28:00 GMT'), fc.string()),
    { nil: null },
  ),
  date: fc.option(
    fc.oneof(
      fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()),
      fc.constantFrom('yesterday', ''),
    ),
    { nil: null },
  ),
  location: fc.option(fc.constantFrom('/elsewhere', 'https://evil.example/v2/templates', '::not a url::'), {
    nil: null,
  }),
});

const methods: ((c: NotifyClient) => Promise<unknown>)[] = [
  (c) => c.getTemplates(),
  (c) => c.getTemplate(UUID, 2),
  (c) => c.getNotification(UUID),
  (c) => c.getNotifications({ status: ['delivered', 'sending'], template_type: ['sms'] }),
  (c) => c.getLetterPdf(UUID),
  (c) => c.getReceivedTexts(),
  (c) => c.previewTemplate(UUID, { a: 1 }),
  (c) => c.sendSms({ phone_number: '07700900123', template_id: UUID }),
  (c) => c.sendEmail({ email_address: 'a@b.gov.uk', template_id: UUID }),
  (c) => c.sendLetter({ template_id: UUID, personalisation: {} }),
  (c) => c.sendPrecompiledLetter({ reference: 'r', content: new Uint8Array([1, 2, 3]) }),
  (c) => c.findByReference('r'),
];

it('never crashes on any answer: a checked value or a typed error', async () => {
  const client = new NotifyClient({
    baseUrl: url,
    apiKey: KEY,
    retry: { attempts: 2, baseDelayMs: 0, maxDelayMs: 0 },
    sleep: async () => undefined,
    timeouts: { totalMs: 5_000 },
  });
  try {
    await fc.assert(
      fc.asyncProperty(replies, fc.integer({ min: 0, max: methods.length - 1 }), async (r, m) => {
        reply = r;
        const result = await methods[m]!(client).then(
          (value) => ({ ok: true as const, value }),
          (error: unknown) => ({ ok: false as const, error }),
        );
        if (result.ok) {
          expect(r.status).toBeGreaterThanOrEqual(200);
          expect(r.status).toBeLessThan(300);
          expect(result.value).toBeDefined();
        } else {
          // What the window is told: one of the client's typed errors, as the contract shapes it,
          // never an internal error.
          const told = toRpcError(result.error);
          expect(['notify', 'network', 'unknown-outcome'], String(result.error)).toContain(told?.code);
          expect(rpcError.parse(told)).toEqual(told);
          const { message, details } = told as {
            message: string;
            details: { explanation: { title: string } };
          };
          expect(message.length).toBeGreaterThan(0);
          expect(details.explanation.title.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  } finally {
    await client.close();
  }
});

it('accepts a PDF only when the bytes are one', async () => {
  const client = new NotifyClient({ baseUrl: url, apiKey: KEY, retry: { attempts: 1 } });
  try {
    reply = {
      status: 200,
      contentType: 'application/pdf',
      body: text('%PDF-1.7\n'),
      retryAfter: null,
      date: null,
      location: null,
    };
    expect(new TextDecoder().decode(await client.getLetterPdf(UUID))).toBe('%PDF-1.7\n');
    reply = { ...reply, contentType: 'text/html', body: text('<html>') };
    await expect(client.getLetterPdf(UUID)).rejects.toMatchObject({ kind: 'not-json', status: 200 });
  } finally {
    await client.close();
  }
});
