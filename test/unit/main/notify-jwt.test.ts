import { decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { TokenSource } from '../../../src-main/core/notify/jwt';
import { splitApiKey } from '../../../src-shared/notify/api-key';

const SERVICE = '11111111-1111-4111-8111-111111111111';
const SECRET = '2b1f8c5e-0d3a-4e6b-9c7d-8a9b0c1d2e3f';

describe('splitApiKey', () => {
  it('splits from the end as the official clients do, whatever the key name holds', () => {
    expect(splitApiKey(`my-key-with-hyphens-${SERVICE}-${SECRET}`)).toEqual({
      serviceId: SERVICE,
      secret: SECRET,
    });
    expect(splitApiKey(`-${SERVICE}-${SECRET}`)).toEqual({ serviceId: SERVICE, secret: SECRET });
  });
});

describe('TokenSource', () => {
  it('signs HS256 with the 36-character secret, header {alg, typ} and claims {iss, iat} only', async () => {
    const now = 1_700_000_000_123;
    const { jwt, claims } = await new TokenSource(SERVICE, SECRET, () => now).token();
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'HS256', typ: 'JWT' });
    const { payload } = await jwtVerify(jwt, new TextEncoder().encode(SECRET), {
      algorithms: ['HS256'],
      currentDate: new Date(now),
    });
    expect(payload).toEqual({ iss: SERVICE, iat: 1_700_000_000 });
    expect(claims).toEqual({ iss: SERVICE, iat: 1_700_000_000 });
  });

  it('reuses a token for a few seconds, then makes a fresh one; never reuses across a clock jump back', async () => {
    let now = 1_700_000_000_000;
    const source = new TokenSource(SERVICE, SECRET, () => now, 5_000);
    const first = await source.token();
    now += 4_999;
    expect((await source.token()).jwt).toBe(first.jwt);
    now += 1;
    const second = await source.token();
    expect(second.claims.iat).toBe(first.claims.iat + 5);
    now -= 60_000;
    expect((await source.token()).claims.iat).toBe(second.claims.iat - 60);
  });
});
