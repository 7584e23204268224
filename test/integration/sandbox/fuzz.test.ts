/**
 * Fuzzing every route with malformed bodies, headers, tokens, query strings and path segments.
 *
 * Whatever arrives, the sandbox must answer (never crash), never with a 500 other than the one Notify
 * itself gives for a non-string value named in `sanitise_content_for` (reference §4.2), and every error
 * must be one of Notify's two envelopes sent as JSON (405 goes out labelled text/html, as Notify's does).
 *
 * Deterministic: a fixed seed (FUZZ_SEED to change it), printed by fast-check on failure with the
 * counterexample and its replay path. FUZZ_RUNS sets the runs per route (control routes get half);
 * FUZZ_STATS=1 prints how often each status and message came back, to see what the fuzz reaches.
 */
import { createHmac } from 'node:crypto';
import { Agent, request } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../../support/notify-token';
import { headerLimitPage } from '../../../src-sandbox/gateway';
import {
  SERVICE_ID,
  T,
  TRIAL_ID,
  startTestSandbox,
  type TestKeys,
  type TestSandbox,
} from '../../support/sandbox';

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_820);
const RUNS = Number(process.env.FUZZ_RUNS ?? 250);

let sb: TestSandbox;
const unexpected: unknown[] = [];
const agent = new Agent({ keepAlive: true, maxSockets: 4 });

beforeAll(async () => {
  // Limits off so validation is what answers; a tiny time scale so no lifecycle work runs during the fuzz.
  sb = await startTestSandbox({ timeScale: 0.001, limits: false, onError: (err) => unexpected.push(err) });
});
const STATS = new Map<string, number>();
afterAll(async () => {
  if (process.env.FUZZ_STATS)
    console.log(
      [...STATS]
        .sort()
        .map(([k, v]) => `${v}\t${k}`)
        .join('\n'),
    );
  agent.destroy();
  await sb.sandbox.close();
});

// ---- raw HTTP ---------------------------------------------------------------------------------------------

interface Req {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}
interface Res {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function send(r: Req): Promise<Res> {
  return new Promise((resolve, reject) => {
    const port = Number(new URL(sb.url).port);
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: r.method,
        path: r.path,
        // Node's client sends a DELETE or OPTIONS body unframed (no Content-Length): frame it, or its
        // bytes would arrive as a second, garbled request.
        headers:
          r.body && !('Content-Length' in r.headers)
            ? { ...r.headers, 'Content-Length': String(r.body.length) }
            : r.headers,
        agent,
        maxHeaderSize: 4 * 1024 * 1024,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', (err) =>
      reject(new Error(`${err.message} (code ${(err as NodeJS.ErrnoException).code}): ${describeReq(r)}`)),
    );
    req.end(r.body);
  });
}

// ---- what every answer must look like ---------------------------------------------------------------------

const UNPARSABLE = 'The browser (or proxy) sent a request that this server could not understand.';
const QR_EXTRA = new Set(['data', 'max_bytes', 'num_bytes']);
const DOCUMENTED_500 =
  '{"errors":[{"error":"TypeError","message":"Internal server error"}],"status_code":500}';

function describeReq(r: Req): string {
  const body = r.body ? r.body.subarray(0, 300).toString('latin1') : '';
  return `${r.method} ${r.path.slice(0, 300)} auth=${(r.headers.Authorization ?? '<none>').slice(0, 120)} body=${body}`;
}

/** Throws (failing the property) unless the response is one Notify could have sent. */
function check(r: Req, res: Res): void {
  const where = () => `${describeReq(r)} → ${res.status} ${res.body.subarray(0, 300).toString('utf8')}`;
  const fail = (why: string): never => {
    throw new Error(`${why}: ${where()}`);
  };
  const ct = String(res.headers['content-type'] ?? '');
  // A header line over gunicorn's limit never reaches Notify's app: gunicorn's own 400 page answers
  // (unless the request line is already unparsable: that is refused first, in the app-level envelope).
  // gunicorn's `limit_request_field_size`, 8190 bytes a line with its CRLF.
  const oversized = Object.entries(r.headers).some(([k, v]) => k.length + v.length + 4 > 8190);
  if (oversized && !res.body.toString().includes(UNPARSABLE)) {
    if (res.status !== 400 || ct !== 'text/html' || res.headers.connection !== 'close')
      fail('an oversized header not refused as gunicorn refuses it');
    if (r.method !== 'HEAD' && res.body.toString() !== headerLimitPage('size')) fail('not gunicorn’s page');
    return;
  }
  if (res.status >= 500) {
    const documented =
      r.method === 'POST' &&
      r.path.split('?')[0] === '/v2/notifications/email' &&
      res.body.toString() === DOCUMENTED_500;
    if (!documented) fail('a 5xx');
  }
  if (res.status < 200 || res.status > 599) fail('an odd status');
  if (r.method === 'HEAD') {
    if (res.body.length !== 0) fail('a body on HEAD');
    return;
  }
  if (res.status === 308) {
    if (!ct.startsWith('text/html') || !res.headers.location) fail('a redirect without Location');
    return;
  }
  if (r.method === 'OPTIONS' && res.status === 200) {
    if (!res.headers.allow) fail('OPTIONS without Allow');
    return;
  }
  if (res.status >= 400) {
    // Notify's 405 is JSON labelled text/html (Flask copies Werkzeug's headers over jsonify's).
    if (res.status === 405 ? ct !== 'text/html; charset=utf-8' : ct !== 'application/json')
      fail(`content-type ${ct}`);
    let body: unknown;
    try {
      body = JSON.parse(res.body.toString('utf8'));
    } catch {
      fail('an error body that is not JSON');
    }
    if (!isEnvelope(res.status, body)) fail('an error body that is not a Notify envelope');
    if (res.status === 405 && !res.headers.allow) fail('405 without Allow');
    return;
  }
  if (ct === 'application/pdf' && r.path.endsWith('/pdf')) return;
  if (r.path.startsWith('/d/')) return;
  if (ct !== 'application/json') fail(`content-type ${ct}`);
  try {
    JSON.parse(res.body.toString('utf8'));
  } catch {
    fail('a success body that is not JSON');
  }
}

function isEnvelope(status: number, body: unknown): boolean {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return false;
  const o = body as Record<string, unknown>;
  const k = Object.keys(o).join(',');
  if (k === 'errors,status_code') {
    if (o.status_code !== status || !Array.isArray(o.errors) || o.errors.length === 0) return false;
    return o.errors.every((e: unknown) => {
      if (e === null || typeof e !== 'object') return false;
      const entry = e as Record<string, unknown>;
      if (typeof entry.error !== 'string' || typeof entry.message !== 'string') return false;
      const extra = Object.keys(entry).filter((x) => x !== 'error' && x !== 'message');
      return (
        extra.every((x) => QR_EXTRA.has(x)) &&
        (extra.length === 0 || entry.message.startsWith('Cannot create a usable QR code'))
      );
    });
  }
  if (k === 'message,result') {
    return (
      o.result === 'error' &&
      (typeof o.message === 'string' || (typeof o.message === 'object' && o.message !== null))
    );
  }
  return false;
}

async function healthy(): Promise<void> {
  const res = await send({ method: 'GET', path: '/_status?simple=1', headers: {} });
  expect(res.status).toBe(200);
  expect(JSON.parse(res.body.toString())).toEqual({ status: 'ok' });
}

// ---- arbitraries ------------------------------------------------------------------------------------------

const KEY_NAMES = ['live', 'team', 'test', 'trialLive', 'trialTest', 'revoked'] as const;
const serviceOf = (k: keyof TestKeys) => (k.startsWith('trial') ? TRIAL_ID : SERVICE_ID);
const bearer = (k: keyof TestKeys) => `Bearer ${signToken(serviceOf(k), sb.secrets[k])}`;

const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
function jwt(header: unknown, payload: unknown, secret: string): string {
  const h = b64(header);
  const p = b64(payload);
  return `${h}.${p}.${createHmac('sha256', secret).update(`${h}.${p}`).digest('base64url')}`;
}

/** Characters a header value or request path may carry on the wire (latin-1, no controls). */
const latin1 = fc.string({
  unit: fc
    .oneof(fc.integer({ min: 0x21, max: 0x7e }), fc.integer({ min: 0x80, max: 0xff }))
    .map((c) => String.fromCharCode(c)),
  maxLength: 80,
});

const now = () => Math.floor(Date.now() / 1000);
const claimValue = fc.oneof(
  fc.constant(undefined),
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(SERVICE_ID, TRIAL_ID, '99999999-9999-4999-8999-999999999999', '', 'not-a-uuid'),
);

/** Authorization headers: mostly valid (so bodies reach validation), then every kind of broken one. */
const authHeader: fc.Arbitrary<() => string | undefined> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.constantFrom(...KEY_NAMES.filter((k) => k !== 'revoked')).map((k) => () => bearer(k)),
  },
  {
    weight: 4,
    arbitrary: fc.constantFrom<() => string | undefined>(
      () => undefined,
      () => '',
      () => 'Bearer',
      () => 'Bearer ',
      () => 'Basic dXNlcjpwYXNz',
      () => `bearer ${signToken(SERVICE_ID, sb.secrets.live)}`,
      () => `BEARER ${signToken(SERVICE_ID, sb.secrets.live)}`,
      () => `Bearer  ${signToken(SERVICE_ID, sb.secrets.live)}`,
      () => `Bearer ${signToken(SERVICE_ID, sb.secrets.live)}x`,
      () => `Bearer ${'a'.repeat(200_000)}`,
      () => `Bearer ${'a'.repeat(60_000)}.${'b'.repeat(60_000)}.${'c'.repeat(60_000)}`,
      () =>
        `Bearer ${jwt({ alg: 'none', typ: 'JWT' }, { iss: SERVICE_ID, iat: now() }, '').replace(/\.[^.]*$/, '.')}`,
      () => `Bearer ${jwt({ alg: 'HS512', typ: 'JWT' }, { iss: SERVICE_ID, iat: now() }, sb.secrets.live)}`,
      () => `Bearer ${jwt({ typ: 'JWT' }, { iss: SERVICE_ID, iat: now() }, sb.secrets.live)}`,
      () => `Bearer ${jwt({ alg: 'HS256' }, { iss: null, iat: now() }, sb.secrets.live)}`,
      () => `Bearer ${jwt({ alg: 'HS256' }, [SERVICE_ID], sb.secrets.live)}`,
      () => `Bearer ${jwt('not json', { iss: SERVICE_ID }, sb.secrets.live)}`,
      () => `Bearer ${jwt({ alg: 'HS256' }, { iss: SERVICE_ID, iat: 'yesterday' }, sb.secrets.live)}`,
      () => `Bearer ${jwt({ alg: 'HS256' }, { iss: SERVICE_ID, iat: now() + 0.5 }, sb.secrets.live)}`,
      () => `Bearer ${jwt({ alg: 'HS256' }, { iss: SERVICE_ID, iat: 1e300 }, sb.secrets.live)}`,
      () => `Bearer ${jwt({ alg: 'HS256' }, { iss: SERVICE_ID, iat: now(), exp: 1 }, sb.secrets.live)}`,
      () =>
        `Bearer ${jwt({ alg: 'HS256' }, { iss: SERVICE_ID, iat: now(), nbf: 'soon', aud: 'x' }, sb.secrets.live)}`,
      () => `Bearer ${Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1]).toString('latin1')}`,
    ),
  },
  { weight: 1, arbitrary: latin1.map((s) => () => `Bearer ${s}`) },
  { weight: 1, arbitrary: latin1.map((s) => () => s) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.record({ alg: claimValue, typ: claimValue, kid: claimValue }, { requiredKeys: [] }),
        fc.record(
          {
            iss: claimValue,
            iat: fc.oneof(
              claimValue,
              fc.integer().map((d) => now() + d),
            ),
          },
          { requiredKeys: [] },
        ),
        fc.oneof(
          fc.constantFrom(...KEY_NAMES).map((k) => sb?.secrets[k] ?? ''),
          fc.string(),
        ),
      )
      .map(
        ([h, p, secret]) =>
          () =>
            `Bearer ${jwt(h, p, secret)}`,
      ),
  },
);

const INTERESTING_STRINGS = [
  '',
  ' ',
  '07700900123',
  '07700 900000',
  '+447700900002',
  '+14158961600',
  '0+447700900100',
  'simulate-delivered@notifications.service.gov.uk',
  'perm-fail@simulator.notify',
  'someone@example.gov.uk',
  T.sms,
  T.email,
  T.letter,
  T.archived,
  T.hidden,
  SERVICE_ID,
  '99999999-9999-4999-8999-999999999999',
  '{33333333-3333-4333-8333-000000000001}',
  'first',
  'second',
  'fifth',
  'https://example.gov.uk/unsubscribe',
  'http://example.gov.uk',
  '2026-01-01T10:00:00',
  'tomorrow',
  'qr: https://example.gov.uk/' + 'x'.repeat(600),
  '((name))',
  'SW1A 1AA',
  'no fixed abode',
  'aGk=',
  'hi',
  '\u0000',
  '\ud800',
  '💩'.repeat(100),
  'ŁódźĆ–—…“”',
  'evil.com [link](https://x.com) `code` *bold*',
];
const PROTO_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
];
const FIELD_NAMES = [
  'phone_number',
  'email_address',
  'template_id',
  'personalisation',
  'reference',
  'scheduled_for',
  'sms_sender_id',
  'email_reply_to_id',
  'one_click_unsubscribe_url',
  'sanitise_content_for',
  'content',
  'postage',
  'id',
  'name',
  'code',
  'items',
  'file link',
  'address_line_1',
  'address_line_2',
  'address_line_7',
  'postcode',
  'team',
  'file',
  'filename',
  'retention_period',
  'confirm_email_before_download',
  'is_csv',
  'kind',
  'status',
  'advance_seconds',
  'skew_seconds',
  'time_scale',
  'path_prefix',
  'latency_ms',
  'user_number',
  'key_type',
  'type',
  'created_by_name',
  'job',
];

const keyArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...FIELD_NAMES) },
  { weight: 2, arbitrary: fc.constantFrom(...PROTO_KEYS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

const hugeString = fc
  .tuple(fc.integer({ min: 10_000, max: 1_200_000 }), fc.constantFrom('a', 'é', '💩', ' ', '\\', '"'))
  .map(([n, c]) => c.repeat(Math.ceil(n / c.length)));
const nested = fc.tuple(fc.integer({ min: 2, max: 1500 }), fc.boolean()).map(([depth, obj]) => {
  let v: unknown = 'leaf';
  for (let i = 0; i < depth; i++) v = obj ? { a: v } : [v];
  return v;
});

const valueArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  {
    weight: 4,
    arbitrary: fc.constantFrom<unknown>(
      ...INTERESTING_STRINGS,
      true,
      false,
      null,
      0,
      -1,
      1.5,
      1e308,
      [],
      {},
      ['name'],
      [5],
    ),
  },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  {
    weight: 2,
    arbitrary: fc
      .record(
        {
          file: fc.oneof(fc.constantFrom('YQ==', '', '!!!', 'JVBERi0x'), fc.jsonValue({ maxDepth: 1 })),
          filename: fc.oneof(
            fc.constantFrom('a.csv', 'noext', 'a.exe', 'x'.repeat(120) + '.pdf'),
            fc.jsonValue({ maxDepth: 1 }),
          ),
          retention_period: fc.oneof(
            fc.constantFrom('1 week', '79 weeks', ' 4 WEEKS '),
            fc.jsonValue({ maxDepth: 1 }),
          ),
          confirm_email_before_download: fc.jsonValue({ maxDepth: 1 }),
          is_csv: fc.jsonValue({ maxDepth: 1 }),
        },
        { requiredKeys: ['file'] },
      )
      .map((o) => o as unknown),
  },
  { weight: 1, arbitrary: hugeString },
  { weight: 1, arbitrary: nested },
);

/** An object built from pairs, so `__proto__` becomes an own key as JSON.parse would make it. */
function objectFrom(pairs: [string, unknown][]): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of pairs)
    Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
}

/** A valid body with fields dropped, replaced or added (personalisation included). */
function mutated(base: Record<string, unknown>): fc.Arbitrary<unknown> {
  return fc
    .record({
      keep: fc.oneof(
        { weight: 2, arbitrary: fc.constant(Object.keys(base)) },
        { weight: 1, arbitrary: fc.subarray(Object.keys(base)) },
      ),
      extra: fc.array(fc.tuple(keyArb, valueArb), { maxLength: 4 }),
      inner: fc.array(fc.tuple(keyArb, valueArb), { maxLength: 3 }),
    })
    .map(({ keep, extra, inner }) => {
      const pairs: [string, unknown][] = keep.map((k) => [k, base[k]]);
      const p = base.personalisation;
      if (inner.length && p && typeof p === 'object') {
        const idx = pairs.findIndex(([k]) => k === 'personalisation');
        const merged = objectFrom([...Object.entries(p as object), ...inner]);
        if (idx >= 0) pairs[idx] = ['personalisation', merged];
      }
      return objectFrom([...pairs, ...extra]);
    });
}

const enc = (s: string) => Buffer.from(s, 'utf8');
const bodyArb = (base: Record<string, unknown>): fc.Arbitrary<Buffer | undefined> =>
  fc.oneof(
    { weight: 8, arbitrary: mutated(base).map((v) => enc(JSON.stringify(v))) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => enc(JSON.stringify(v))) },
    { weight: 1, arbitrary: valueArb.map((v) => enc(JSON.stringify(v) ?? 'null')) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)) },
    {
      weight: 1,
      arbitrary: fc.nat().map((n) => {
        const text = JSON.stringify(base);
        return enc(text.slice(0, n % text.length));
      }),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom<Buffer | undefined>(
        undefined,
        Buffer.alloc(0),
        enc('null'),
        enc('[]'),
        enc('0'),
        enc('""'),
        enc('false'),
        enc('true'),
        enc('5'),
        enc('"content"'),
        enc('["content"]'),
        enc('NaN'),
        enc('{"reference": Infinity}'),
        enc('{"a":1,"a":2}'),
        enc('  '),
        Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), enc(JSON.stringify(base))]),
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(base), 'utf16le')]),
        Buffer.from(JSON.stringify(base), 'utf16le'),
        Buffer.concat([enc('{"reference":"'), Buffer.from([0xff, 0xfe, 0xc3]), enc('"}')]),
        enc('['.repeat(100_000) + ']'.repeat(100_000)),
        enc('{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000)),
        enc(`{"personalisation":${'['.repeat(5000)}${']'.repeat(5000)}}`),
      ),
    },
  );

/** A path segment: ids that work, ids that do not, and percent-encoding junk. */
const segment = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(T.sms, T.email, T.letter, T.hidden, T.archived, SERVICE_ID) },
  { weight: 2, arbitrary: fc.uuid().map((u) => u) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }).map(encodeURIComponent) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '%',
      '%%',
      '%zz',
      '%E0%A4',
      '%C0%AF',
      '%2F',
      '%2e%2e',
      '..',
      '.',
      '%00',
      '%FF%FE',
      'sms',
      'fax',
      '0',
      '-1',
      '99999999999999999999',
      '%7B33333333-3333-4333-8333-000000000001%7D',
      'urn:uuid:33333333-3333-4333-8333-000000000001',
      '33333333333343338333000000000001',
      '33333333-3333-4333-8333-00000000000G',
    ),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: 30_000 }).map((n) => 'a'.repeat(n)) },
  { weight: 1, arbitrary: latin1.filter((s) => !s.includes('/') && !s.includes('?') && !s.includes('#')) },
);

const QUERY_KEYS = [
  'template_type',
  'status',
  'reference',
  'older_than',
  'include_jobs',
  'type',
  'key',
  'simple',
  'service_id',
];
const queryValue = fc.oneof(
  fc.constantFrom(
    'sms',
    'email',
    'letter',
    'failed',
    'accepted',
    'elephant',
    'true',
    'True',
    'yes',
    '',
    T.sms,
    SERVICE_ID,
  ),
  fc.string({ unit: 'binary', maxLength: 20 }).map(encodeURIComponent),
  fc.constantFrom('%', '%zz', '%E0%A4', '+', '%2B', '%00', '&&', '==', '%FF', 'a%20b+c', '%26'),
  fc.integer({ min: 1000, max: 20_000 }).map((n) => 'x'.repeat(n)),
);
const query = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom(...QUERY_KEYS), fc.string({ maxLength: 8 }).map(encodeURIComponent)),
      queryValue,
    ),
    {
      maxLength: 6,
    },
  )
  .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}` : ''));

const contentType = fc.constantFrom<string | undefined>(
  undefined,
  'application/json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=latin-1',
);

// ---- the routes -------------------------------------------------------------------------------------------

const address = { address_line_1: 'A Person', address_line_2: '1 Street', postcode: 'SW1A 1AA' };
interface Target {
  name: string;
  method: string;
  path: (a: string, b: string) => string;
  base?: Record<string, unknown>;
  /** Control routes change sandbox state: put it back after each run. */
  control?: boolean;
}
const TARGETS: Target[] = [
  {
    name: 'POST sms',
    method: 'POST',
    path: () => '/v2/notifications/sms',
    base: {
      phone_number: '07700900123',
      template_id: T.sms,
      personalisation: { name: 'A', code: 1 },
      reference: 'r',
    },
  },
  {
    name: 'POST email',
    method: 'POST',
    path: () => '/v2/notifications/email',
    base: {
      email_address: 'someone@example.gov.uk',
      template_id: T.email,
      personalisation: { name: 'A', 'file link': 'x', items: ['a'] },
      sanitise_content_for: ['name'],
    },
  },
  {
    name: 'POST letter',
    method: 'POST',
    path: () => '/v2/notifications/letter',
    base: { template_id: T.letter, personalisation: { ...address, name: 'A', team: 'B' }, reference: 'r' },
  },
  {
    name: 'POST precompiled',
    method: 'POST',
    path: () => '/v2/notifications/letter',
    base: { reference: 'r', content: 'JVBERi0xLjQK', postage: 'first' },
  },
  {
    name: 'POST other type',
    method: 'POST',
    path: (a) => `/v2/notifications/${a}`,
    base: { template_id: T.sms },
  },
  { name: 'GET list', method: 'GET', path: () => '/v2/notifications' },
  { name: 'GET by id', method: 'GET', path: (a) => `/v2/notifications/${a}` },
  { name: 'GET pdf', method: 'GET', path: (a) => `/v2/notifications/${a}/pdf` },
  { name: 'GET template', method: 'GET', path: (a) => `/v2/template/${a}` },
  { name: 'GET version', method: 'GET', path: (a, b) => `/v2/template/${a}/version/${b}` },
  {
    name: 'POST preview',
    method: 'POST',
    path: (a) => `/v2/template/${a}/preview`,
    base: { personalisation: { name: 'A', code: 1 } },
  },
  { name: 'GET templates', method: 'GET', path: () => '/v2/templates' },
  { name: 'GET received texts', method: 'GET', path: () => '/v2/received-text-messages' },
  { name: 'POST unsubscribe', method: 'POST', path: (a, b) => `/unsubscribe/${a}/${b}` },
  { name: 'GET document', method: 'GET', path: (a, b) => `/d/${a}/${b}` },
  { name: 'GET status', method: 'GET', path: () => '/_status' },
  { name: 'unknown path', method: 'GET', path: (a, b) => `/v2/${a}/${b}` },
  { name: 'GET control index', method: 'GET', path: () => '/_sandbox/', control: true },
  {
    name: 'POST control faults',
    method: 'POST',
    path: () => '/_sandbox/faults',
    base: { kind: 'error', status: 418, count: 1, path_prefix: '/v2/nowhere' },
    control: true,
  },
  {
    name: 'POST control clock',
    method: 'POST',
    path: () => '/_sandbox/clock',
    base: { advance_seconds: 1 },
    control: true,
  },
  {
    name: 'PATCH control service',
    method: 'PATCH',
    path: (a) => `/_sandbox/services/${a}`,
    base: { name: 'Renamed' },
    control: true,
  },
  {
    name: 'POST control keys',
    method: 'POST',
    path: (a) => `/_sandbox/services/${a}/keys`,
    base: { name: 'k', key_type: 'test' },
    control: true,
  },
  {
    name: 'POST control templates',
    method: 'POST',
    path: (a) => `/_sandbox/services/${a}/templates`,
    base: { name: 'n', type: 'sms', content: 'Hi ((name))' },
    control: true,
  },
  {
    name: 'POST control send',
    method: 'POST',
    path: (a) => `/_sandbox/services/${a}/send`,
    base: {
      type: 'sms',
      created_by_name: 'Ada',
      job: false,
      phone_number: '07700900123',
      template_id: T.sms,
      personalisation: { name: 'A', code: 1 },
    },
    control: true,
  },
  {
    name: 'POST control inbound',
    method: 'POST',
    path: (a) => `/_sandbox/services/${a}/inbound`,
    base: { user_number: '447700900111', content: 'hi' },
    control: true,
  },
  {
    name: 'POST control status',
    method: 'POST',
    path: (a) => `/_sandbox/notifications/${a}/status`,
    base: { status: 'delivered' },
    control: true,
  },
  {
    name: 'GET control notification',
    method: 'GET',
    path: (a) => `/_sandbox/notifications/${a}`,
    control: true,
  },
  { name: 'POST control revoke', method: 'POST', path: (a) => `/_sandbox/keys/${a}/revoke`, control: true },
  { name: 'DELETE control fault', method: 'DELETE', path: (a) => `/_sandbox/faults/${a}`, control: true },
];

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

async function restore(): Promise<void> {
  await send({
    method: 'POST',
    path: '/_sandbox/clock',
    headers: { 'Content-Type': 'application/json' },
    body: enc(JSON.stringify({ skew_seconds: 0, time_scale: 0.001 })),
  });
  await sb.sandbox.reset();
}

function requestArb(t: Target): fc.Arbitrary<() => Req> {
  return fc
    .record({
      method: fc.oneof(
        { weight: 8, arbitrary: fc.constant(t.method) },
        { weight: 1, arbitrary: fc.constantFrom(...METHODS) },
      ),
      a: segment,
      b: segment,
      q: fc.oneof({ weight: 1, arbitrary: fc.constant('') }, { weight: 2, arbitrary: query }),
      auth: authHeader,
      body: t.base
        ? bodyArb(t.base)
        : fc.option(bodyArb({ personalisation: {} }), { freq: 4 }).map((b) => b ?? undefined),
      contentType,
      host: fc.oneof(
        { weight: 12, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.constantFrom('evil.example', 'x y', '[::1]:1', '', 'a'.repeat(300)) },
      ),
      slashes: fc.oneof(
        { weight: 30, arbitrary: fc.constant(false) },
        { weight: 1, arbitrary: fc.constant(true) },
      ),
    })
    .map((x) => () => {
      const headers: Record<string, string> = {};
      const auth = x.auth();
      if (auth !== undefined) headers.Authorization = auth;
      if (x.contentType) headers['Content-Type'] = x.contentType;
      if (x.host !== undefined) headers.Host = x.host;
      const path = t.path(x.a, x.b);
      return {
        method: x.method,
        path: `${x.slashes ? '/' : ''}${path}${x.q}`,
        headers,
        body: x.method === 'GET' || x.method === 'HEAD' ? undefined : x.body,
      };
    });
}

describe(`fuzzing every route (seed ${SEED}, ${RUNS} runs a route)`, () => {
  it.each(TARGETS.map((t) => [t.name, t] as const))(
    '%s',
    async (_name, t) => {
      await fc.assert(
        fc.asyncProperty(requestArb(t), async (make) => {
          const r = make();
          const res = await send(r);
          const key = `${t.name} ${res.status} ${res.body.subarray(0, 80).toString()}`;
          STATS.set(key, (STATS.get(key) ?? 0) + 1);
          if (t.control) await restore();
          check(r, res);
        }),
        { seed: SEED, numRuns: t.control ? Math.ceil(RUNS / 2) : RUNS, endOnFailure: true },
      );
      await healthy();
      expect(unexpected).toEqual([]);
    },
    60_000,
  );

  it('survives it all: still healthy, no unexpected error reported', async () => {
    await healthy();
    expect(unexpected).toEqual([]);
  });
});
