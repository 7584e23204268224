import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../../support/notify-token';
import { startSandbox } from '../../../src-sandbox/server';
import { SERVICE_ID, startTestSandbox, type TestSandbox } from '../../support/sandbox';

let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox();
});
afterAll(() => sb.sandbox.close());

function jwt(header: object, payload: object, secret: string): string {
  const h = Buffer.from(JSON.stringify(header)).toString('base64url');
  const p = Buffer.from(JSON.stringify(payload)).toString('base64url');
  const s = createHmac('sha256', secret).update(`${h}.${p}`).digest('base64url');
  return `${h}.${p}.${s}`;
}
const now = () => Math.floor(Date.now() / 1000);

async function authError(headers: Record<string, string>) {
  const res = await fetch(`${sb.url}/v2/templates`, { headers });
  return { status: res.status, body: (await res.json()) as any };
}

describe('authentication errors, in Notify’s order and words', () => {
  const cases: [string, () => Record<string, string>, number, string][] = [
    ['no header', () => ({}), 401, 'Unauthorized: authentication token must be provided'],
    [
      'empty header',
      () => ({ Authorization: '' }),
      401,
      'Unauthorized: authentication token must be provided',
    ],
    [
      'basic scheme',
      () => ({ Authorization: 'Basic abc' }),
      401,
      'Unauthorized: authentication bearer scheme must be used',
    ],
    [
      'not a JWT',
      () => ({ Authorization: 'Bearer not-a-token' }),
      403,
      'Invalid token: make sure your API token matches the example at https://docs.notifications.service.gov.uk/rest-api.html#authorisation-header',
    ],
    [
      'no iss',
      () => ({
        Authorization: `Bearer ${jwt({ alg: 'HS256', typ: 'JWT' }, { iat: now() }, sb.secrets.live)}`,
      }),
      403,
      'Invalid token: iss field not provided',
    ],
    [
      'iss not a uuid',
      () => ({
        Authorization: `Bearer ${jwt({ alg: 'HS256', typ: 'JWT' }, { iss: 'nope', iat: now() }, sb.secrets.live)}`,
      }),
      403,
      'Invalid token: service id is not the right data type',
    ],
    [
      'unknown service',
      () => ({ Authorization: `Bearer ${signToken(randomUUID(), sb.secrets.live)}` }),
      403,
      'Invalid token: service not found',
    ],
    [
      'wrong secret',
      () => ({ Authorization: `Bearer ${signToken(SERVICE_ID, randomUUID())}` }),
      403,
      'Invalid token: API key not found',
    ],
    [
      'iat 31 s old',
      () => ({ Authorization: `Bearer ${signToken(SERVICE_ID, sb.secrets.live, now() - 31)}` }),
      403,
      'Error: Your system clock must be accurate to within 30 seconds',
    ],
    [
      'iat 31 s ahead',
      () => ({ Authorization: `Bearer ${signToken(SERVICE_ID, sb.secrets.live, now() + 31)}` }),
      403,
      'Error: Your system clock must be accurate to within 30 seconds',
    ],
    [
      'old iat with a wrong secret: signature first',
      () => ({ Authorization: `Bearer ${signToken(SERVICE_ID, randomUUID(), now() - 100)}` }),
      403,
      'Invalid token: API key not found',
    ],
    [
      'missing iat',
      () => ({
        Authorization: `Bearer ${jwt({ alg: 'HS256', typ: 'JWT' }, { iss: SERVICE_ID }, sb.secrets.live)}`,
      }),
      403,
      'Invalid token: API key not found',
    ],
    [
      'HS512',
      () => ({
        Authorization: `Bearer ${jwt({ alg: 'HS512', typ: 'JWT' }, { iss: SERVICE_ID, iat: now() }, sb.secrets.live)}`,
      }),
      403,
      'Invalid token: algorithm used is not HS256',
    ],
    [
      'revoked key',
      () => ({ Authorization: `Bearer ${signToken(SERVICE_ID, sb.secrets.revoked)}` }),
      403,
      'Invalid token: API key revoked',
    ],
  ];
  it.each(cases)('%s', async (_name, headers, status, message) => {
    const r = await authError(headers());
    expect(r.status).toBe(status);
    expect(r.body).toEqual({ status_code: status, errors: [{ error: 'AuthError', message }] });
  });

  it('accepts the bearer scheme in any case, and iat 29 s old', async () => {
    const token = signToken(SERVICE_ID, sb.secrets.live, now() - 29);
    const r = await fetch(`${sb.url}/v2/templates`, { headers: { Authorization: `BEARER ${token}` } });
    expect(r.status).toBe(200);
  });

  it('says the service is archived when it is', async () => {
    const res = await fetch(`${sb.url}/_sandbox/services/${SERVICE_ID}`, {
      headers: { 'Content-Type': 'application/json' },
      method: 'PATCH',
      body: JSON.stringify({ active: false }),
    });
    expect(res.status).toBe(200);
    const r = await authError({ Authorization: `Bearer ${signToken(SERVICE_ID, sb.secrets.live)}` });
    expect(r.body.errors[0].message).toBe('Invalid token: service is archived');
    await fetch(`${sb.url}/_sandbox/services/${SERVICE_ID}`, {
      headers: { 'Content-Type': 'application/json' },
      method: 'PATCH',
      body: JSON.stringify({ active: true }),
    });
  });

  it('applies a simulated server clock skew, and reports it in the Date header', async () => {
    await fetch(`${sb.url}/_sandbox/clock`, {
      headers: { 'Content-Type': 'application/json' },
      method: 'POST',
      body: JSON.stringify({ skew_seconds: 120 }),
    });
    try {
      const res = await fetch(`${sb.url}/v2/templates`, {
        headers: { Authorization: `Bearer ${signToken(SERVICE_ID, sb.secrets.live)}` },
      });
      expect(res.status).toBe(403);
      const skew = (Date.parse(res.headers.get('date')!) - Date.now()) / 1000;
      expect(skew).toBeGreaterThan(110);
    } finally {
      await fetch(`${sb.url}/_sandbox/clock`, {
        headers: { 'Content-Type': 'application/json' },
        method: 'POST',
        body: JSON.stringify({ skew_seconds: 0 }),
      });
    }
  });
});

describe('a service whose keys were all revoked more than 7 days ago', () => {
  it('has “no API keys”: Notify only loads keys revoked within the last 7 days', async () => {
    const serviceId = randomUUID();
    const secret = randomUUID();
    const old = await startSandbox({
      onError: () => {},
      fixture: {
        services: [
          {
            id: serviceId,
            name: 'Old service',
            api_keys: [
              {
                name: 'old',
                key_type: 'normal',
                secret,
                revoked_at: new Date(Date.now() - 8 * 86_400_000).toISOString(),
              },
            ],
          },
        ],
      },
    });
    try {
      const res = await fetch(`${old.url}/v2/templates`, {
        headers: { Authorization: `Bearer ${signToken(serviceId, secret)}` },
      });
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({
        errors: [{ error: 'AuthError', message: 'Invalid token: service has no API keys' }],
        status_code: 403,
      });
    } finally {
      await old.close();
    }
  });
});
