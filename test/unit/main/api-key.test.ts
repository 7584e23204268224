import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { NotifyClient } from 'notifications-node-client';
import { describe, expect, it } from 'vitest';
import {
  describeKeyForRenderer,
  maskApiKey,
  splitApiKey,
  parseApiKey,
  type ApiKeyErrorCode,
} from '../../../src-shared/notify/api-key';

/** A freshly generated, well-formed key: never a real one. */
function makeKey(name = 'console_test-key') {
  const serviceId = randomUUID();
  const secret = randomUUID();
  return { value: `${name}-${serviceId}-${secret}`, serviceId, secret, name };
}

function expectError(raw: unknown, code: ApiKeyErrorCode): string {
  const result = parseApiKey(raw);
  if (result.ok) throw new Error(`expected ${code}, got a key`);
  expect(result.code).toBe(code);
  expect(result.message.length).toBeGreaterThan(20);
  return result.message;
}

const ERROR_CODES: readonly ApiKeyErrorCode[] = [
  'not_a_string',
  'empty',
  'looks_like_jwt',
  'looks_like_header',
  'contains_whitespace',
  'invalid_character',
  'single_uuid',
  'missing_key_name',
  'too_short',
  'too_long',
  'invalid_service_id',
  'invalid_secret',
  'not_a_key',
];

describe('parseApiKey: well-formed keys', () => {
  it('splits name, service id and secret from the right', () => {
    const k = makeKey('my-key-with-hyphens');
    const result = parseApiKey(k.value);
    expect(result).toMatchObject({
      ok: true,
      trimmed: false,
      unquoted: false,
      warnings: [],
      key: {
        name: 'my-key-with-hyphens',
        serviceId: k.serviceId,
        secretLast4: k.secret.slice(-4),
        value: k.value,
      },
    });
  });

  it('splits exactly as notifications-node-client does', () => {
    for (const name of ['a', 'x-y-z', 'name.with.dots', '-', 'console_test']) {
      const k = makeKey(name);
      const result = parseApiKey(k.value);
      if (!result.ok) throw new Error(result.message);
      const official = (
        new NotifyClient(k.value) as unknown as { apiClient: { serviceId: string; apiKeyId: string } }
      ).apiClient;
      expect(splitApiKey(result.key.value)).toEqual({
        serviceId: official.serviceId,
        secret: official.apiKeyId,
      });
    }
  });

  it('accepts the shortest form (74 characters, empty name)', () => {
    const k = makeKey('');
    expect(k.value).toHaveLength(74);
    expect(parseApiKey(k.value)).toMatchObject({ ok: true, key: { name: '' } });
  });

  it('accepts uppercase hex, keeps the key byte for byte, and warns about a capitalised secret', () => {
    const k = makeKey();
    const upper = `${k.name}-${k.serviceId.toUpperCase()}-${k.secret.toUpperCase()}`;
    const result = parseApiKey(upper);
    if (!result.ok) throw new Error(result.message);
    expect(result.key.value).toBe(upper);
    expect(result.key.serviceId).toBe(k.serviceId.toUpperCase());
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/case-sensitive/);
  });

  it('does not warn when only the service id is uppercase (the server compares it as a UUID)', () => {
    const k = makeKey();
    const result = parseApiKey(`${k.name}-${k.serviceId.toUpperCase()}-${k.secret}`);
    expect(result).toMatchObject({ ok: true, warnings: [] });
  });
});

describe('parseApiKey: tidying what is unambiguous', () => {
  it.each([
    ['spaces', (v: string) => `  ${v}  `],
    ['a trailing newline', (v: string) => `${v}\n`],
    ['CRLF and tabs', (v: string) => `\t${v}\r\n`],
    ['a BOM', (v: string) => `\ufeff${v}`],
    ['non-breaking and zero-width spaces', (v: string) => `\u00a0\u200b${v}\u200b`],
  ])('trims %s around the key and says so', (_label, wrap) => {
    const k = makeKey();
    expect(parseApiKey(wrap(k.value))).toMatchObject({
      ok: true,
      trimmed: true,
      unquoted: false,
      key: { value: k.value },
    });
  });

  it.each([
    ['double quotes', '"', '"'],
    ['single quotes', "'", "'"],
    ['backticks', '`', '`'],
    ['smart double quotes', '\u201c', '\u201d'],
    ['smart single quotes', '\u2018', '\u2019'],
    ['closing smart quotes on both ends', '\u201d', '\u201d'],
  ])('strips %s and says so', (_label, open, close) => {
    const k = makeKey();
    expect(parseApiKey(`${open}${k.value}${close}`)).toMatchObject({
      ok: true,
      unquoted: true,
      trimmed: false,
      key: { value: k.value },
    });
  });

  it('strips quotes with spaces inside and outside, flagging both', () => {
    const k = makeKey();
    expect(parseApiKey(` " ${k.value} " `)).toMatchObject({
      ok: true,
      unquoted: true,
      trimmed: true,
      key: { value: k.value },
    });
  });

  it('strips a lone quote left from a partial selection', () => {
    const k = makeKey();
    expect(parseApiKey(`${k.value}"`)).toMatchObject({ ok: true, unquoted: true, key: { value: k.value } });
  });
});

describe('parseApiKey: clear errors', () => {
  it('rejects empty input, including only whitespace or only quotes', () => {
    expectError('', 'empty');
    expectError('  \n ', 'empty');
    expect(expectError('""', 'empty')).toMatch(/quotes/);
  });

  it('rejects a non-string', () => {
    for (const value of [undefined, null, 42, {}, []]) expectError(value, 'not_a_string');
  });

  it('says where a line break inside the key is', () => {
    const k = makeKey();
    const wrapped = `${k.value.slice(0, 40)}\n${k.value.slice(40)}`;
    const message = expectError(wrapped, 'contains_whitespace');
    expect(message).toMatch(/line break at character 41/);
  });

  it('says where a space inside the key is', () => {
    const k = makeKey();
    expect(expectError(`${k.name} -${k.value.slice(k.name.length + 1)}`, 'contains_whitespace')).toMatch(
      /a space at character/,
    );
  });

  it('names a typographic dash that a word processor put in place of a hyphen', () => {
    const k = makeKey();
    const withDash = `${k.name}\u2013${k.value.slice(k.name.length + 1)}`;
    expect(expectError(withDash, 'invalid_character')).toMatch(
      /an en dash \(U\+2013\) where a hyphen '-' belongs/,
    );
  });

  it('names an invisible character inside the key', () => {
    const k = makeKey();
    expect(expectError(`${k.value.slice(0, 10)}\u200b${k.value.slice(10)}`, 'invalid_character')).toMatch(
      /Character 11 is a zero-width space/,
    );
  });

  it('says the length it found when the key is too short', () => {
    const k = makeKey();
    const cut = k.value.slice(0, 60);
    expect(expectError(cut, 'too_short')).toMatch(/This is 60 characters long; an API key is at least 74/);
  });

  it('recognises a lone UUID (just the service id or just the secret)', () => {
    expect(expectError(randomUUID(), 'single_uuid')).toMatch(/single UUID/);
  });

  it('recognises the service id and secret without the key name', () => {
    expect(expectError(`${randomUUID()}-${randomUUID()}`, 'missing_key_name')).toMatch(
      /without the key name/,
    );
  });

  it('rejects something far too long', () => {
    expect(expectError(`${'a'.repeat(2000)}-${randomUUID()}-${randomUUID()}`, 'too_long')).toMatch(
      /2074 characters/,
    );
  });

  it('says the secret is wrong when the end of the key is damaged', () => {
    const k = makeKey();
    expect(expectError(`${k.value.slice(0, -1)}z`, 'invalid_secret')).toMatch(
      /last 36 characters \(the secret\)/,
    );
  });

  it('counts extra characters pasted after the secret', () => {
    const k = makeKey();
    expect(expectError(`${k.value}x`, 'invalid_secret')).toMatch(/1 extra character after the secret/);
    expect(expectError(`${k.value}.,;`, 'invalid_secret')).toMatch(/3 extra characters after the secret/);
  });

  it('says the service id is wrong when the middle of the key is damaged', () => {
    const k = makeKey();
    const broken = `${k.name}-${k.serviceId.slice(0, -1)}g-${k.secret}`;
    expect(expectError(broken, 'invalid_service_id')).toMatch(/service ID/);
  });

  it('says the service id is wrong when a separator is missing', () => {
    const k = makeKey('name');
    expect(expectError(`name_${k.serviceId}-${k.secret}`, 'invalid_service_id')).toMatch(/'-' on each side/);
    expect(expectError(`name-${k.serviceId}_${k.secret}`, 'invalid_service_id')).toMatch(/'-' on each side/);
  });

  it('says it is not a key when neither part is a UUID', () => {
    expectError('x'.repeat(80), 'not_a_key');
  });

  it('says a JWT is a token, not a key', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJ4In0.c2lnbmF0dXJl';
    expectError(jwt, 'looks_like_jwt');
    expectError(`Bearer ${jwt}`, 'looks_like_jwt');
  });

  it('asks for the key alone when an Authorization header is pasted', () => {
    const k = makeKey();
    expectError(`Authorization: Bearer ${k.value}`, 'looks_like_header');
  });

  it('never echoes the secret in an error message', () => {
    const k = makeKey();
    const damaged = [
      `${k.value.slice(0, 50)}\n${k.value.slice(50)}`,
      `${k.value} extra`,
      `${k.value}abc`,
      `${k.value.slice(0, -1)}z`,
      `${k.name}-${k.serviceId.slice(0, -1)}g-${k.secret}`,
      k.secret,
      `${k.serviceId}-${k.secret}`,
      `${k.value}\u2013`,
    ];
    for (const raw of damaged) {
      const result = parseApiKey(raw);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        for (let i = 0; i + 8 <= k.secret.length; i++)
          expect(result.message).not.toContain(k.secret.slice(i, i + 8));
      }
    }
  });
});

describe('maskApiKey and describeKeyForRenderer', () => {
  it('masks the secret but keeps name, service id and last four', () => {
    const k = makeKey();
    expect(maskApiKey(k.value)).toBe(`${k.name}-${k.serviceId}-••••${k.secret.slice(-4)}`);
  });

  it('masks anything unparseable completely', () => {
    expect(maskApiKey('not a key at all')).toBe('••••');
    expect(maskApiKey(randomUUID())).toBe('••••');
  });

  it('describes a key for the renderer without the secret', () => {
    const k = makeKey();
    const parsed = parseApiKey(k.value);
    if (!parsed.ok) throw new Error(parsed.message);
    const description = describeKeyForRenderer(parsed.key, 'team');
    expect(description).toEqual({
      name: k.name,
      serviceId: k.serviceId,
      keyType: 'team',
      keyTypeLabel: 'Team and guest list',
      last4: k.secret.slice(-4),
      masked: `${k.name}-${k.serviceId}-••••${k.secret.slice(-4)}`,
    });
    const json = JSON.stringify(description);
    for (let i = 0; i + 8 <= k.secret.length; i++) expect(json).not.toContain(k.secret.slice(i, i + 8));
  });
});

describe('parseApiKey: fuzzing', () => {
  const hex = fc.constantFrom(...'0123456789abcdefABCDEF');
  const uuidish = fc.array(hex, { minLength: 32, maxLength: 32 }).map((h) => {
    const s = h.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  });
  const keyName = fc.stringMatching(/^[a-z0-9_.-]{0,40}$/);

  function check(raw: unknown): void {
    const result = parseApiKey(raw);
    if (result.ok) {
      expect(result.key.value.length).toBeGreaterThanOrEqual(74);
    } else {
      expect(ERROR_CODES).toContain(result.code);
      expect(result.message.trim().length).toBeGreaterThan(20);
    }
  }

  it('never throws and always answers a known code with a message, for any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), check), { numRuns: 2000 });
  });

  it('never throws for any value at all', () => {
    fc.assert(fc.property(fc.anything(), check), { numRuns: 500 });
  });

  it('accepts every well-formed key, however it is wrapped in whitespace and quotes', () => {
    const edge = fc.constantFrom('', ' ', '\n', '\t', '\u00a0', '\r\n', '\u200b');
    const quote = fc.constantFrom(['', ''], ['"', '"'], ["'", "'"], ['\u201c', '\u201d'], ['`', '`']);
    fc.assert(
      fc.property(
        keyName,
        uuidish,
        uuidish,
        edge,
        quote,
        edge,
        (name, sid, secret, outer, [open, close], inner) => {
          const value = `${name}-${sid}-${secret}`;
          const result = parseApiKey(`${outer}${open}${inner}${value}${inner}${close}${outer}`);
          expect(result).toMatchObject({ ok: true, key: { name, serviceId: sid, value } });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('rejects, never silently repairs, a key with one character changed to something outside a key', () => {
    const bad = fc.constantFrom(' ', '\n', '\u2013', '\u200b', 'é', '\u0000');
    fc.assert(
      fc.property(keyName, uuidish, uuidish, fc.nat(), bad, (name, sid, secret, at, ch) => {
        const value = `${name}-${sid}-${secret}`;
        // Strictly inside, so it cannot be mistaken for surrounding whitespace.
        const i = 1 + (at % (value.length - 2));
        const result = parseApiKey(`${value.slice(0, i)}${ch}${value.slice(i + 1)}`);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
