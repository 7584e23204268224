import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CallbackDispatcher,
  pythonJsonDumps,
  type CallbackDispatcherOptions,
  type CallbackRecord,
  type Scheduler,
} from '../../../src-sandbox/callback-dispatcher';
import {
  complaintPayload,
  deliveryStatusPayload,
  inboundSmsPayload,
  returnedLetterPayload,
} from '../../../src-sandbox/callback-payloads';

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

interface TestServer {
  url: string;
  received: Received[];
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A real HTTP server on 127.0.0.1, closed after each test. `respond` gets the 1-based request number. */
async function startServer(
  respond: (n: number, req: IncomingMessage, res: ServerResponse) => void = (_n, _req, res) => res.end('ok'),
): Promise<TestServer> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      respond(received.length, req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/callback`, received };
}

function dispatcher(opts: CallbackDispatcherOptions = {}): CallbackDispatcher {
  const d = new CallbackDispatcher(opts);
  cleanups.push(() => d.close());
  return d;
}

/** Polls until `condition` holds (fails the test after 5 s). */
async function waitFor(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('waitFor: condition never held');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const status = (code: number) => (_n: number, _req: IncomingMessage, res: ServerResponse) => {
  res.statusCode = code;
  res.end();
};

const payload = deliveryStatusPayload({
  id: '740e5834-3a29-46b4-9a6f-16142fde533a',
  reference: 'ref-1',
  to: '+447700900123',
  status: 'delivered',
  createdAt: new Date('2026-05-17T15:58:38.342Z'),
  completedAt: new Date('2026-05-17T15:58:40Z'),
  sentAt: '2026-05-17T15:58:39.000001Z',
  notificationType: 'sms',
  templateId: 'f33517ff-2a88-4f6e-b855-c550268ce08a',
  templateVersion: 3,
});

/** Enough time scaling that Notify's 300 s gap becomes 3 ms. */
const FAST = { timeScale: 100_000 };

describe('CallbackDispatcher', () => {
  it('POSTs the JSON payload with the content type and bearer token, and logs the attempt', async () => {
    const server = await startServer();
    const d = dispatcher({ now: () => new Date('2026-05-17T16:00:00Z') });
    const queued = d.enqueue('delivery-status', 'svc-1', server.url, 'my-secret-token', payload);
    expect(queued.state).toBe('pending');
    await d.idle();

    expect(server.received).toHaveLength(1);
    const [req] = server.received;
    expect(req?.method).toBe('POST');
    expect(req?.url).toBe('/callback');
    expect(req?.headers['content-type']).toBe('application/json');
    expect(req?.headers.authorization).toBe('Bearer my-secret-token');
    expect(JSON.parse(req?.body ?? '')).toEqual(payload);
    // Python's json.dumps spacing.
    expect(req?.body.startsWith('{"id": "740e5834-3a29-46b4-9a6f-16142fde533a", "reference": "ref-1"')).toBe(
      true,
    );

    const [record] = d.list();
    expect(record).toMatchObject({
      id: queued.id,
      kind: 'delivery-status',
      serviceId: 'svc-1',
      state: 'delivered',
    });
    expect(record?.attempts).toEqual([
      {
        attempt: 1,
        at: '2026-05-17T16:00:00.000Z',
        url: server.url,
        status: 200,
        error: null,
        durationMs: expect.any(Number) as number,
      },
    ]);
    expect(JSON.stringify(d.list())).not.toContain('my-secret-token');
  });

  it('retries after 5xx responses until one succeeds', async () => {
    const server = await startServer((n, req, res) => {
      res.statusCode = n <= 2 ? 500 : 200;
      res.end();
    });
    const d = dispatcher(FAST);
    d.enqueue('complaint', 'svc', server.url, 't', { a: 1 });
    await d.idle();
    const [record] = d.list();
    expect(record?.state).toBe('delivered');
    expect(record?.attempts.map((a) => [a.attempt, a.status, a.error])).toEqual([
      [1, 500, 'HTTP 500'],
      [2, 500, 'HTTP 500'],
      [3, 200, null],
    ]);
    expect(server.received).toHaveLength(3);
  });

  it('gives up after 5 retries (6 attempts in all)', async () => {
    const server = await startServer(status(503));
    const d = dispatcher(FAST);
    d.enqueue('inbound-sms', 'svc', server.url, 't', { a: 1 });
    await d.idle();
    const [record] = d.list();
    expect(record?.state).toBe('failed');
    expect(record?.attempts.map((a) => a.attempt)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(server.received).toHaveLength(6);
  });

  it('honours maxRetries', async () => {
    const server = await startServer(status(500));
    const d = dispatcher({ ...FAST, maxRetries: 2 });
    d.enqueue('inbound-sms', 'svc', server.url, 't', {});
    await d.idle();
    expect(d.list()[0]?.attempts).toHaveLength(3);
  });

  it('retries a 429 but not other 4xx responses or redirects, as Notify does', async () => {
    const tooMany = await startServer((n, _req, res) => {
      res.statusCode = n === 1 ? 429 : 204;
      res.end();
    });
    const notFound = await startServer(status(404));
    const redirect = await startServer((_n, _req, res) => {
      res.writeHead(302, { location: 'http://127.0.0.1:1/elsewhere' });
      res.end();
    });
    const d = dispatcher(FAST);
    d.enqueue('delivery-status', 'svc', tooMany.url, 't', {});
    d.enqueue('delivery-status', 'svc', notFound.url, 't', {});
    d.enqueue('delivery-status', 'svc', redirect.url, 't', {});
    await d.idle();
    const [first, second, third] = d.list();
    expect(first?.state).toBe('delivered');
    expect(first?.attempts.map((a) => a.status)).toEqual([429, 204]);
    expect(second).toMatchObject({
      state: 'failed',
      attempts: [{ status: 404, error: 'HTTP 404: not retried' }],
    });
    expect(third?.state).toBe('failed');
    expect(third?.attempts).toHaveLength(1);
    expect(third?.attempts[0]?.error).toMatch(/redirects are not followed/);
    expect(redirect.received).toHaveLength(1);
  });

  it('times out a slow endpoint, logs it, and retries', async () => {
    const server = await startServer((n, _req, res) => {
      if (n === 1) setTimeout(() => res.end('late'), 1000);
      else res.end('ok');
    });
    // 5 s / 100 = 50 ms timeout; 300 s / 100 = 3 s retry gap, shortened here to 10 ms.
    const d = dispatcher({ timeScale: 100, minTimeoutMs: 10, retryDelayMs: 1000 });
    d.enqueue('delivery-status', 'svc', server.url, 't', {});
    await d.idle();
    const [record] = d.list();
    expect(record?.state).toBe('delivered');
    const [timedOut, ok] = record?.attempts ?? [];
    expect(timedOut?.status).toBeNull();
    expect(timedOut?.error).toMatch(/^Timeout: no response within 50 ms/);
    expect(timedOut?.durationMs).toBeGreaterThanOrEqual(40);
    expect(timedOut?.durationMs).toBeLessThan(500);
    expect(ok?.status).toBe(200);
  });

  it('retries when nothing is listening', async () => {
    const server = await startServer();
    const closed = server.url.replace(/:\d+\//, ':1/');
    const d = dispatcher({ ...FAST, maxRetries: 1 });
    d.enqueue('delivery-status', 'svc', closed, 't', {});
    await d.idle();
    const [record] = d.list();
    expect(record?.state).toBe('failed');
    expect(record?.attempts).toHaveLength(2);
    expect(record?.attempts[0]?.error).toMatch(/ECONNREFUSED/);
    expect(server.received).toHaveLength(0);
  });

  it('does not send to an invalid URL', async () => {
    const d = dispatcher(FAST);
    d.enqueue('delivery-status', 'svc', 'ftp://127.0.0.1/x', 't', {});
    d.enqueue('delivery-status', 'svc', 'not a url', 't', {});
    await d.idle();
    for (const record of d.list()) {
      expect(record.state).toBe('failed');
      expect(record.attempts).toHaveLength(1);
      expect(record.attempts[0]?.error).toMatch(/^Invalid callback URL/);
    }
  });

  it('waits retryDelay / timeScale between attempts, on the scheduler it is given', async () => {
    const server = await startServer(status(500));
    const delays: number[] = [];
    const pending: (() => void)[] = [];
    const scheduler: Scheduler = {
      setTimeout(fn, ms) {
        delays.push(ms);
        pending.push(fn);
        return { cancel: () => undefined };
      },
    };
    const d = dispatcher({ scheduler, timeScale: 60 });
    d.enqueue('delivery-status', 'svc', server.url, 't', {});
    await waitFor(() => delays.length === 1);
    expect(delays).toEqual([5000]);
    expect(d.list()[0]?.state).toBe('pending');

    pending.shift()?.();
    await waitFor(() => delays.length === 2);
    expect(delays).toEqual([5000, 5000]);
    expect(d.list()[0]?.attempts).toHaveLength(2);
  });

  it('close() cancels scheduled retries and lets idle() resolve', async () => {
    const server = await startServer(status(500));
    let cancelled = 0;
    const scheduler: Scheduler = { setTimeout: () => ({ cancel: () => void cancelled++ }) };
    const d = dispatcher({ scheduler });
    d.enqueue('delivery-status', 'svc', server.url, 't', {});
    await waitFor(() => d.list()[0]?.attempts.length === 1);
    let idle = false;
    void d.idle().then(() => (idle = true));
    await Promise.resolve();
    expect(idle).toBe(false);

    d.close();
    await d.idle();
    expect(cancelled).toBe(1);
    expect(d.list()[0]?.state).toBe('failed');
    expect(d.enqueue('delivery-status', 'svc', server.url, 't', {}).state).toBe('failed');
    expect(server.received).toHaveLength(1);
  });

  it('keeps the last logLimit records, filters by service and reports changes', async () => {
    const server = await startServer();
    const updates: CallbackRecord[] = [];
    const d = dispatcher({ logLimit: 3, onUpdate: (record) => updates.push(record) });
    for (let i = 1; i <= 5; i++) d.enqueue('delivery-status', i % 2 ? 'odd' : 'even', server.url, 't', { i });
    await d.idle();
    expect(d.list().map((r) => r.payload.i)).toEqual([3, 4, 5]);
    expect(d.list({ serviceId: 'odd' }).map((r) => r.payload.i)).toEqual([3, 5]);
    expect(updates.filter((u) => u.state === 'delivered')).toHaveLength(5);
    expect(updates.filter((u) => u.state === 'pending')).toHaveLength(5);
  });

  it('returns snapshots, not live records', async () => {
    const server = await startServer();
    const d = dispatcher();
    const queued = d.enqueue('delivery-status', 'svc', server.url, 't', {});
    await d.idle();
    expect(queued.attempts).toHaveLength(0);
    const listed = d.list()[0];
    listed?.attempts.push({ attempt: 99, at: '', url: '', status: null, error: null, durationMs: 0 });
    expect(d.list()[0]?.attempts).toHaveLength(1);
  });
});

describe('payload builders', () => {
  const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

  it('formats datetimes as Notify does, and passes one already in its format through', () => {
    const at = (date: Date | string) =>
      complaintPayload({
        notificationId: 'n',
        complaintId: 'c',
        reference: null,
        to: 'a@b.com',
        complaintDate: date,
      }).complaint_date;
    expect(at(new Date('2026-05-17T15:58:38.342Z'))).toBe('2026-05-17T15:58:38.342000Z');
    expect(at('2026-05-17T15:58:38.342123Z')).toBe('2026-05-17T15:58:38.342123Z');
  });

  it('builds the delivery-status body', () => {
    expect(Object.keys(payload)).toEqual([
      'id',
      'reference',
      'to',
      'status',
      'created_at',
      'completed_at',
      'sent_at',
      'notification_type',
      'template_id',
      'template_version',
    ]);
    expect(payload.created_at).toBe('2026-05-17T15:58:38.342000Z');
    expect(payload.sent_at).toBe('2026-05-17T15:58:39.000001Z');
    expect(payload.template_version).toBe(3);
    const early = deliveryStatusPayload({
      id: 'x',
      reference: null,
      to: 'a@b.com',
      status: 'sending',
      createdAt: new Date(),
      completedAt: null,
      sentAt: null,
      notificationType: 'email',
      templateId: 't',
      templateVersion: 1,
    });
    expect(early).toMatchObject({ reference: null, completed_at: null, sent_at: null });
    expect(early.created_at).toMatch(DATETIME);
  });

  it('builds the inbound SMS body', () => {
    const body = inboundSmsPayload({
      id: 'i',
      sourceNumber: '447700900111',
      destinationNumber: '07700900000',
      message: 'Hello',
      dateReceived: new Date('2026-01-02T03:04:05.006Z'),
    });
    expect(body).toEqual({
      id: 'i',
      source_number: '447700900111',
      destination_number: '07700900000',
      message: 'Hello',
      date_received: '2026-01-02T03:04:05.006000Z',
    });
  });

  it('builds the returned-letter body, with Notify’s quirks', () => {
    const base = {
      notificationId: 'n',
      clientReference: 'my-ref',
      createdAt: new Date('2026-03-01T09:00:00Z'),
      templateName: 'Reminder',
      templateId: 'tid',
      templateVersion: 2,
    };
    expect(returnedLetterPayload({ ...base, sentByApi: true })).toEqual({
      notification_id: 'n',
      reference: 'my-ref',
      date_sent: '2026-03-01T09:00:00.000000Z',
      sent_by: 'API',
      template_name: 'Reminder',
      template_id: 'tid',
      template_version: 2,
      spreadsheet_file_name: null,
      spreadsheet_row_number: null,
      upload_letter_file_name: null,
    });
    expect(
      returnedLetterPayload({ ...base, sentByApi: false, senderEmail: 'user@example.gov.uk' }),
    ).toMatchObject({
      reference: null,
      sent_by: 'user@example.gov.uk',
      spreadsheet_file_name: null,
      spreadsheet_row_number: null,
    });
    // Sent from the admin site with no user (a CSV job row): "API", as Notify writes it.
    expect(returnedLetterPayload({ ...base, sentByApi: false })).toMatchObject({
      reference: null,
      sent_by: 'API',
    });
    expect(returnedLetterPayload({ ...base, sentByApi: false, templateHidden: true })).toMatchObject({
      template_name: null,
      template_id: 'None',
      template_version: null,
      upload_letter_file_name: 'my-ref',
    });
  });

  it('builds the complaint body', () => {
    expect(
      complaintPayload({
        notificationId: 'n',
        complaintId: 'c',
        reference: null,
        to: 'a@b.com',
        complaintDate: new Date('2026-01-01T00:00:00Z'),
      }),
    ).toEqual({
      notification_id: 'n',
      complaint_id: 'c',
      reference: null,
      to: 'a@b.com',
      complaint_date: '2026-01-01T00:00:00.000000Z',
    });
  });

  it('serialises like Python json.dumps', () => {
    expect(pythonJsonDumps({ a: 'é ✓ 😀', b: [1, 2.5, true], c: null, d: 'q"\n\u007f', e: undefined })).toBe(
      '{"a": "\\u00e9 \\u2713 \\ud83d\\ude00", "b": [1, 2.5, true], "c": null, "d": "q\\"\\n\\u007f"}',
    );
  });
});
