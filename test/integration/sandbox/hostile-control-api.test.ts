/**
 * The control API (`/_sandbox/*`) answers local tools only, never a web page: each way a page (or a
 * DNS-rebinding host name, or another machine) could reach it gets its own exact refusal, changes
 * nothing, and leaves the sandbox answering. `/v2` keeps Notify's own headers, CORS included.
 */
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTROL_SECRET_HEADER } from '../../../src-sandbox/control';
import { NOTIFY_HEADERS } from '../../../src-sandbox/http';
import { startSandbox } from '../../../src-sandbox/server';
import { SERVICE_ID, startTestSandbox, type TestSandbox } from '../../support/sandbox';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: any;
}

/** One request with nothing added or normalised: the Host, Origin and body exactly as given. */
function raw(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
  options: { host?: string; httpVersion10?: boolean } = {},
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: options.host ?? '127.0.0.1',
        port,
        method,
        path,
        headers:
          body === undefined ? headers : { 'Content-Length': String(Buffer.byteLength(body)), ...headers },
        setHost: false,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          let json: unknown = null;
          try {
            json = JSON.parse(text);
          } catch {
            // not JSON
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const CORS_HEADERS = [
  'access-control-allow-origin',
  'access-control-allow-headers',
  'access-control-allow-methods',
  'access-control-allow-credentials',
];
const expectNoCors = (r: Raw) => {
  for (const h of CORS_HEADERS) expect(r.headers[h], h).toBeUndefined();
};

let sb: TestSandbox;
let port: number;
let host: string;
const JSON_TYPE = { 'Content-Type': 'application/json' };
beforeAll(async () => {
  sb = await startTestSandbox({ timeScale: 1000 });
  port = sb.sandbox.port;
  host = `127.0.0.1:${port}`;
});
afterAll(() => sb.sandbox.close());

/** How many faults the sandbox holds: the state a refused POST /_sandbox/faults must not change. */
const faultCount = () => sb.sandbox.faults.all().length;
const FAULT = JSON.stringify({ kind: 'error', status: 503, path_prefix: '/v2/nothing' });

async function stillAnswers(): Promise<void> {
  const r = await raw(port, 'GET', '/_sandbox/info', { Host: host });
  expect(r.status).toBe(200);
}

describe('Host: a loopback name or address with the sandbox’s own port (DNS rebinding)', () => {
  it.each([['127.0.0.1:PORT'], ['localhost:PORT'], ['LocalHost:PORT'], ['127.3.2.1:PORT'], ['[::1]:PORT']])(
    'accepts %s',
    async (value) => {
      const r = await raw(port, 'GET', '/_sandbox/info', { Host: value.replace('PORT', String(port)) });
      expect(r.status).toBe(200);
      expectNoCors(r);
    },
  );

  it.each([
    ['evil.example:PORT'],
    ['evil.example'],
    ['localhost'],
    ['localhost:1'],
    ['127.0.0.1:PORT0'],
    ['localhost.evil.example:PORT'],
    ['127.0.0.1.nip.io:PORT'],
    ['[::2]:PORT'],
    ['0.0.0.0:PORT'],
    ['192.0.2.2:PORT'],
    ['user@localhost:PORT'],
  ])('refuses %s with 403 and changes nothing', async (value) => {
    const before = faultCount();
    const given = value.replace('PORT', String(port));
    const r = await raw(port, 'POST', '/_sandbox/faults', { Host: given, ...JSON_TYPE }, FAULT);
    expect(r.status).toBe(403);
    expect(r.json).toEqual({
      message: `The sandbox control API answers only requests addressed to it (Host 127.0.0.1:${port}, localhost:${port} or [::1]:${port}), not Host “${given}”.`,
      result: 'error',
    });
    expectNoCors(r);
    expect(faultCount()).toBe(before);
    await stillAnswers();
  });

  it('refuses a request without a Host header (HTTP/1.0) with 400', async () => {
    const r = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write('GET /_sandbox/info HTTP/1.0\r\n\r\n'));
      let data = '';
      socket.on('data', (d: Buffer) => (data += d.toString()));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    expect(r.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
    expect(r).toContain(
      `{"message":"The sandbox control API needs a Host header: 127.0.0.1:${port}, localhost:${port} or [::1]:${port}.","result":"error"}`,
    );
    expect(r.toLowerCase()).not.toContain('access-control-allow-origin');
  });

  it('answers over IPv6 loopback when bound there', async () => {
    const v6 = await startSandbox({ host: '::1', latency: 'none', onError: () => {} });
    try {
      const ok = await raw(v6.port, 'GET', '/_sandbox/info', { Host: `[::1]:${v6.port}` }, undefined, {
        host: '::1',
      });
      expect(ok.status).toBe(200);
      expect(ok.json.base_url).toBe(`http://[::1]:${v6.port}`);
      const evil = await raw(
        v6.port,
        'GET',
        '/_sandbox/info',
        { Host: `evil.example:${v6.port}` },
        undefined,
        {
          host: '::1',
        },
      );
      expect(evil.status).toBe(403);
    } finally {
      await v6.close();
    }
  });

  it('refuses a caller on another address, whatever it says in Host', async () => {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
    if (!external) {
      console.warn(
        'hostile-control-api: no non-loopback IPv4 address here; the remote-caller case is skipped.',
      );
      return;
    }
    const open = await startSandbox({ host: '0.0.0.0', latency: 'none', onError: () => {} });
    try {
      const r = await raw(open.port, 'GET', '/_sandbox/info', { Host: `127.0.0.1:${open.port}` }, undefined, {
        host: external,
      });
      expect(r.status).toBe(403);
      expect(r.json).toEqual({
        message: 'The sandbox control API only answers on loopback.',
        result: 'error',
      });
      // Notify's own API still answers there, as Notify does to anyone.
      expect(
        (
          await raw(open.port, 'GET', '/_status', { Host: `${external}:${open.port}` }, undefined, {
            host: external,
          })
        ).status,
      ).toBe(200);
    } finally {
      await open.close();
    }
  });
});

describe('Origin and Sec-Fetch-Site: a web page is refused', () => {
  it.each([
    ['https://evil.example'],
    ['http://evil.example:PORT'],
    ['http://localhost:1'],
    ['http://127.0.0.1:PORT0'],
    ['https://127.0.0.1:PORT'],
    ['null'],
    ['file://'],
  ])('refuses Origin %s', async (value) => {
    const origin = value.replace('PORT', String(port));
    const before = faultCount();
    const r = await raw(
      port,
      'POST',
      '/_sandbox/faults',
      { Host: host, Origin: origin, ...JSON_TYPE },
      FAULT,
    );
    expect(r.status).toBe(403);
    expect(r.json).toEqual({
      message: `The sandbox control API does not answer web pages: this request came from “${origin}”.`,
      result: 'error',
    });
    expectNoCors(r);
    expect(faultCount()).toBe(before);
  });

  it('accepts its own origin, under any of its loopback names', async () => {
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://[::1]:${port}`]) {
      const r = await raw(port, 'GET', '/_sandbox/info', { Host: host, Origin: origin });
      expect(r.status, origin).toBe(200);
      expectNoCors(r);
    }
  });

  it.each(['cross-site', 'same-site'])('refuses Sec-Fetch-Site: %s', async (site) => {
    const r = await raw(port, 'GET', '/_sandbox/info', { Host: host, 'Sec-Fetch-Site': site });
    expect(r.status).toBe(403);
    expect(r.json.message).toBe(
      `The sandbox control API does not answer web pages (Sec-Fetch-Site “${site}”).`,
    );
  });

  it('accepts Sec-Fetch-Site same-origin and none (a page of its own, an address typed in)', async () => {
    for (const site of ['same-origin', 'none'])
      expect((await raw(port, 'GET', '/_sandbox/info', { Host: host, 'Sec-Fetch-Site': site })).status).toBe(
        200,
      );
  });

  it('refuses a CORS preflight with 403 and no CORS headers', async () => {
    const r = await raw(port, 'OPTIONS', '/_sandbox/reset', {
      Host: host,
      Origin: 'http://localhost:3000',
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'content-type',
    });
    expect(r.status).toBe(403);
    expectNoCors(r);
    const sameOrigin = await raw(port, 'OPTIONS', '/_sandbox/reset', {
      Host: host,
      'Access-Control-Request-Method': 'POST',
    });
    expect(sameOrigin.status).toBe(403);
    expect(sameOrigin.json.message).toBe('The sandbox control API refuses CORS preflight requests.');
    expectNoCors(sameOrigin);
  });
});

describe('calls that change something need a JSON body sent as application/json', () => {
  const sent = () =>
    sb.call('POST', '/v2/notifications/sms', {
      key: 'test',
      body: {
        phone_number: '07700900123',
        template_id: '33333333-3333-4333-8333-000000000001',
        personalisation: { name: 'a', code: 1 },
      },
    });

  it.each([
    ['text/plain', '{}'],
    ['text/plain;charset=UTF-8', '{}'],
    ['application/x-www-form-urlencoded', 'a=b'],
    ['multipart/form-data; boundary=x', '--x--'],
    ['application/jsonx', '{}'],
    ['text/json', '{}'],
  ])('POST /_sandbox/reset as %s is refused with 415 and resets nothing', async (type, body) => {
    const n = await sent();
    const r = await raw(port, 'POST', '/_sandbox/reset', { Host: host, 'Content-Type': type }, body);
    expect(r.status).toBe(415);
    expect(r.json).toEqual({
      message: `A control call that changes something (POST) needs Content-Type: application/json, not “${type}”.`,
      result: 'error',
    });
    expectNoCors(r);
    expect(sb.sandbox.ctx.store.notifications.has(n.json.id)).toBe(true);
  });

  it('a call without a Content-Type is refused the same way', async () => {
    for (const method of ['POST', 'PATCH', 'DELETE', 'PUT']) {
      const r = await raw(port, method, '/_sandbox/faults', { Host: host }, '{}');
      expect(r.status, method).toBe(415);
      expect(r.json.message).toBe(
        `A control call that changes something (${method}) needs Content-Type: application/json, not “none”.`,
      );
    }
  });

  it('an empty or broken JSON body is a 400, and nothing changes', async () => {
    const before = faultCount();
    const empty = await raw(port, 'POST', '/_sandbox/faults', { Host: host, ...JSON_TYPE }, '');
    expect(empty.status).toBe(400);
    expect(empty.json.message).toBe(
      'A control call that changes something (POST) needs a JSON body: send {} when it takes no fields.',
    );
    const broken = await raw(port, 'POST', '/_sandbox/faults', { Host: host, ...JSON_TYPE }, '{"kind":');
    expect(broken.status).toBe(400);
    expect(broken.json.message).toMatch(/^Body is not valid JSON: /);
    expect(faultCount()).toBe(before);
  });

  it('accepts application/json in any case and with a charset', async () => {
    for (const type of ['application/json', 'Application/JSON', 'application/json; charset=utf-8']) {
      const r = await raw(port, 'POST', '/_sandbox/clock', { Host: host, 'Content-Type': type }, '{}');
      expect(r.status, type).toBe(200);
      expectNoCors(r);
    }
  });

  it('reads need no body and no content type', async () => {
    for (const path of [
      '/_sandbox/',
      '/_sandbox/info',
      '/_sandbox/faults',
      '/_sandbox/clock',
      '/_sandbox/stats',
    ])
      expect((await raw(port, 'GET', path, { Host: host })).status, path).toBe(200);
  });
});

describe('headers: the control API’s own, Notify’s on /v2', () => {
  it('no /_sandbox answer carries CORS headers, refusals and 404s included', async () => {
    for (const r of [
      await raw(port, 'GET', '/_sandbox/info', { Host: host }),
      await raw(port, 'GET', '/_sandbox/nothing', { Host: host }),
      await raw(port, 'GET', '/_sandbox/info', { Host: 'evil.example' }),
      await raw(port, 'POST', '/_sandbox/reset', { Host: host }, '{}'),
    ]) {
      expectNoCors(r);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['cross-origin-resource-policy']).toBe('same-origin');
      expect(r.headers['cache-control']).toBe('no-store');
    }
  });

  it('/v2 answers keep every one of Notify’s headers, exactly', async () => {
    const r = await sb.call('GET', '/v2/templates');
    for (const [name, value] of Object.entries(NOTIFY_HEADERS)) expect(r.headers.get(name), name).toBe(value);
    const refused = await sb.call('GET', '/v2/templates', { token: 'nope' });
    expect(refused.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('the control secret', () => {
  const SECRET = `s3cret-${randomUUID()}`;
  let guarded: TestSandbox;
  beforeAll(async () => {
    guarded = await startTestSandbox({ controlSecret: SECRET });
  });
  afterAll(() => guarded.sandbox.close());
  const at = () => `127.0.0.1:${guarded.sandbox.port}`;

  it('refuses a call without the secret, or with a wrong one, with 403, and changes nothing', async () => {
    for (const [given, message] of [
      [undefined, `The sandbox control API needs this sandbox's control secret in ${CONTROL_SECRET_HEADER}.`],
      ['', `The ${CONTROL_SECRET_HEADER} header does not match this sandbox's control secret.`],
      ['wrong', `The ${CONTROL_SECRET_HEADER} header does not match this sandbox's control secret.`],
      [`${SECRET}x`, `The ${CONTROL_SECRET_HEADER} header does not match this sandbox's control secret.`],
      [
        SECRET.toUpperCase(),
        `The ${CONTROL_SECRET_HEADER} header does not match this sandbox's control secret.`,
      ],
    ] as const) {
      const headers: Record<string, string> = { Host: at(), ...JSON_TYPE };
      if (given !== undefined) headers[CONTROL_SECRET_HEADER] = given;
      const before = guarded.sandbox.faults.all().length;
      const r = await raw(guarded.sandbox.port, 'POST', '/_sandbox/faults', headers, FAULT);
      expect(r.status, String(given)).toBe(403);
      expect(r.json).toEqual({ message, result: 'error' });
      expect(r.text).not.toContain(SECRET);
      expect(guarded.sandbox.faults.all()).toHaveLength(before);
      const read = await raw(guarded.sandbox.port, 'GET', '/_sandbox/info', { ...headers });
      expect(read.status).toBe(403);
    }
  });

  it('answers with the right secret, and the in-process API needs none', async () => {
    const ok = await raw(guarded.sandbox.port, 'GET', '/_sandbox/info', {
      Host: at(),
      [CONTROL_SECRET_HEADER]: SECRET,
    });
    expect(ok.status).toBe(200);
    expect(ok.json.services.map((s: { id: string }) => s.id)).toContain(SERVICE_ID);
    expect((await guarded.control('POST', '/faults', JSON.parse(FAULT))).status).toBe(201);
    expect(guarded.sandbox.info().services[0]!.id).toBe(SERVICE_ID);
    await guarded.sandbox.reset();
    expect(guarded.sandbox.faults.all()).toHaveLength(0);
  });

  it('the secret does not replace the other checks', async () => {
    const r = await raw(guarded.sandbox.port, 'GET', '/_sandbox/info', {
      Host: at(),
      Origin: 'https://evil.example',
      [CONTROL_SECRET_HEADER]: SECRET,
    });
    expect(r.status).toBe(403);
  });
});

describe('whatever arrives, only a local tool’s well-formed call changes anything (fast-check)', () => {
  it('answers each combination with its exact refusal, or does the work', async () => {
    const hosts = ['127.0.0.1:PORT', 'localhost:PORT', '[::1]:PORT', 'evil.example:PORT', 'localhost:1', ''];
    const origins = [
      undefined,
      'http://127.0.0.1:PORT',
      'https://evil.example',
      'http://localhost:1',
      'null',
    ];
    const types = [undefined, 'application/json', 'text/plain', 'application/x-www-form-urlencoded'];
    const bodies = [FAULT, '', '{', 'kind=error'];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...hosts),
        fc.constantFrom(...origins),
        fc.constantFrom(...types),
        fc.constantFrom(...bodies),
        fc.constantFrom('cross-site', 'same-origin', undefined),
        async (h, o, type, body, site) => {
          const given = h.replace('PORT', String(port));
          const origin = o?.replace('PORT', String(port));
          const headers: Record<string, string> = { Host: given };
          if (origin !== undefined) headers.Origin = origin;
          if (type !== undefined) headers['Content-Type'] = type;
          if (site !== undefined) headers['Sec-Fetch-Site'] = site;
          const before = faultCount();
          const r = await raw(port, 'POST', '/_sandbox/faults', headers, body);
          const hostOk = given !== '' && !given.startsWith('evil') && !given.endsWith(':1');
          const originOk = origin === undefined || origin === `http://127.0.0.1:${port}`;
          const expected =
            given === ''
              ? 400
              : !hostOk || !originOk || site === 'cross-site'
                ? 403
                : type !== 'application/json'
                  ? 415
                  : body !== FAULT
                    ? 400
                    : 201;
          expect(r.status).toBe(expected);
          expectNoCors(r);
          expect(faultCount()).toBe(before + (expected === 201 ? 1 : 0));
          sb.sandbox.faults.clear();
        },
      ),
      { numRuns: 300, seed: 20_260_801 },
    );
    await stillAnswers();
  });
});

describe('POST /_sandbox/notifications/{id}/complaint: the same checks as every call that changes something', () => {
  let emailId: string;
  beforeAll(async () => {
    const sent = await sb.call('POST', '/v2/notifications/email', {
      key: 'test',
      body: {
        email_address: 'someone@example.gov.uk',
        template_id: '33333333-3333-4333-8333-000000000007',
        personalisation: { name: 'a' },
      },
    });
    expect(sent.status).toBe(201);
    emailId = sent.json.id;
    // A complaint callback (to a port nobody listens on): a complaint sent is logged all the same.
    const set = await sb.control('PATCH', `/services/${SERVICE_ID}`, {
      callbacks: { complaint: { url: 'http://127.0.0.1:9/complaint', bearer_token: 'complaint-token' } },
    });
    expect(set.status).toBe(200);
  });
  afterAll(() => sb.control('PATCH', `/services/${SERVICE_ID}`, { callbacks: { complaint: null } }));
  const complaints = () => sb.sandbox.ctx.store.complaints.length;
  const complaintCallbacks = () =>
    sb.sandbox.ctx.callbacks.list().filter((c) => c.kind === 'complaint').length;
  const path = () => `/_sandbox/notifications/${emailId}/complaint`;

  it.each([
    ['a foreign Host', { Host: 'evil.example:PORT', ...JSON_TYPE }, '{}', 403],
    [
      'an Origin from another site',
      { Host: 'HOST', Origin: 'http://localhost:3000', ...JSON_TYPE },
      '{}',
      403,
    ],
    ['Sec-Fetch-Site: cross-site', { Host: 'HOST', 'Sec-Fetch-Site': 'cross-site', ...JSON_TYPE }, '{}', 403],
    ['a form body', { Host: 'HOST', 'Content-Type': 'application/x-www-form-urlencoded' }, 'a=b', 415],
    ['no body', { Host: 'HOST', ...JSON_TYPE }, '', 400],
    ['broken JSON', { Host: 'HOST', ...JSON_TYPE }, '{', 400],
    ['a field it does not take', { Host: 'HOST', ...JSON_TYPE }, '{"to": "x@example.com"}', 400],
  ] as const)('refuses %s, records nothing and sends nothing', async (_what, given, body, status) => {
    const headers = Object.fromEntries(
      Object.entries(given).map(([k, v]) => [
        k,
        v.replace('HOST', `127.0.0.1:${port}`).replace('PORT', String(port)),
      ]),
    );
    const before = complaints();
    const sentBefore = complaintCallbacks();
    const r = await raw(port, 'POST', path(), headers, body);
    expect(r.status).toBe(status);
    expect(r.json.result).toBe('error');
    expectNoCors(r);
    expect(complaints()).toBe(before);
    expect(complaintCallbacks()).toBe(sentBefore);
  });

  it('a local tool’s well-formed call records the complaint', async () => {
    const before = complaints();
    const sentBefore = complaintCallbacks();
    const r = await raw(port, 'POST', path(), { Host: host, ...JSON_TYPE }, '{}');
    expect(r.status).toBe(201);
    expect(r.json.notification_id).toBe(emailId);
    expectNoCors(r);
    expect(complaints()).toBe(before + 1);
    expect(complaintCallbacks()).toBe(sentBefore + 1);
  });

  it('needs the control secret when the sandbox has one', async () => {
    const SECRET = `s3cret-${randomUUID()}`;
    const guarded = await startTestSandbox({ controlSecret: SECRET });
    try {
      const sent = await guarded.call('POST', '/v2/notifications/email', {
        key: 'test',
        body: {
          email_address: 'someone@example.gov.uk',
          template_id: '33333333-3333-4333-8333-000000000007',
          personalisation: { name: 'a' },
        },
      });
      const at = { Host: `127.0.0.1:${guarded.sandbox.port}`, ...JSON_TYPE };
      const url = `/_sandbox/notifications/${sent.json.id}/complaint`;
      const refused = await raw(guarded.sandbox.port, 'POST', url, at, '{}');
      expect(refused.status).toBe(403);
      expect(guarded.sandbox.ctx.store.complaints).toHaveLength(0);
      const wrong = await raw(
        guarded.sandbox.port,
        'POST',
        url,
        { ...at, [CONTROL_SECRET_HEADER]: 'wrong' },
        '{}',
      );
      expect(wrong.status).toBe(403);
      expect(wrong.text).not.toContain(SECRET);
      const ok = await raw(
        guarded.sandbox.port,
        'POST',
        url,
        { ...at, [CONTROL_SECRET_HEADER]: SECRET },
        '{}',
      );
      expect(ok.status).toBe(201);
      expect(guarded.sandbox.ctx.store.complaints).toHaveLength(1);
    } finally {
      await guarded.sandbox.close();
    }
  });
});
