/**
 * Bad tokens cannot grow the sandbox's memory. The JWT cache used to keep every distinct
 * Authorization value (10,000 of them, up to 512 KB each: 3.5 GB of heap). Now headers stop at
 * gunicorn's 8190-byte line, only verified tokens are cached, and the cache has a byte budget.
 *
 * The sandbox runs in a child process with `--expose-gc`; its heap is read after a full collection
 * before and after the flood, and the growth must stay far below what keeping the tokens would take.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_ID, testFixture } from '../../support/sandbox';
import { startSandboxChild, type SandboxChild } from './support/sandbox-child';

/**
 * The most a token may be and still fit gunicorn's header line (`limit_request_field_size`, 8190
 * bytes with `Authorization: Bearer ` and the CRLF).
 */
const TOKEN_BYTES = 8190 - 24;
/** The verified-token cache's byte budget (src-sandbox/auth.ts): 4 MiB. */
const TOKEN_CACHE_BUDGET_BYTES = 4 * 1024 * 1024;
/** Heap growth allowed for the whole flood: keeping the tokens would take 20× this. */
const MAX_GROWTH_BYTES = 48 * 1024 * 1024;

let sb: SandboxChild;
let secret: string;
const agent = new Agent({ connections: 32, pipelining: 1 });
beforeAll(async () => {
  const made = testFixture();
  secret = made.secrets.test;
  sb = await startSandboxChild({ fixture: made.fixture, limits: false });
}, 60_000);
afterAll(async () => {
  await agent.close();
  await sb?.close();
});

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
/** A JWT signed with `key`, padded with a throwaway claim to at most `bytes` characters. */
function paddedToken(key: string, bytes: number): string {
  const header = b64({ alg: 'HS256', typ: 'JWT' });
  const base = { iss: SERVICE_ID, iat: Math.floor(Date.now() / 1000), jti: randomUUID() };
  const make = (pad: number) => {
    const payload = b64({ ...base, pad: 'p'.repeat(pad) });
    return `${header}.${payload}.${createHmac('sha256', key).update(`${header}.${payload}`).digest('base64url')}`;
  };
  let pad = Math.floor(((bytes - make(0).length) * 3) / 4);
  while (make(pad).length > bytes) pad--;
  return make(pad);
}

/** Sends `count` requests, 32 at a time, each with the token `make(i)`; returns the statuses seen. */
async function flood(count: number, make: (i: number) => string): Promise<Map<number, number>> {
  const statuses = new Map<number, number>();
  let next = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next < count) {
        const i = next++;
        const res = await request(`${sb.url}/v2/templates`, {
          headers: { Authorization: `Bearer ${make(i)}` },
          dispatcher: agent,
        });
        await res.body.arrayBuffer();
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      }
    }),
  );
  return statuses;
}

describe('a flood of distinct tokens', () => {
  it('bad, huge, oversized and verified-but-unique tokens leave the heap where it was', async () => {
    const before = (await sb.stats()).heapUsedBytes;

    // Garbage at the largest size a header allows: refused, and never remembered.
    const bad = await flood(12_000, (i) => `${i}.`.padEnd(TOKEN_BYTES, 'x'));
    expect([...bad.keys()]).toEqual([403]);
    // Well-formed but signed with the wrong key.
    const forged = await flood(3_000, () => paddedToken('not-the-key', TOKEN_BYTES));
    expect([...forged.keys()]).toEqual([403]);
    // Over the header limit: gunicorn's 400 before any auth.
    const oversized = await flood(1_000, (i) => `${i}`.padEnd(TOKEN_BYTES + 1, 'y'));
    expect([...oversized.keys()]).toEqual([400]);
    // Valid, each different: cached, but only within the byte budget.
    const valid = await flood(3_000, () => paddedToken(secret, TOKEN_BYTES));
    expect([...valid.keys()]).toEqual([200]);

    const after = await sb.stats();
    const cache = (await (await fetch(`${sb.url}/_sandbox/stats`)).json()) as {
      token_cache_entries: number;
      token_cache_bytes: number;
    };
    expect(cache.token_cache_bytes).toBeGreaterThan(0);
    expect(cache.token_cache_bytes).toBeLessThanOrEqual(TOKEN_CACHE_BUDGET_BYTES);
    expect(cache.token_cache_entries).toBeLessThan(3_000);
    const growth = after.heapUsedBytes - before;
    if (process.env.HOSTILE_REPORT)
      console.log(
        `tokens: heap grew ${Math.round(growth / 1024)} KB; cache ${cache.token_cache_entries} tokens, ${cache.token_cache_bytes} bytes`,
      );
    expect(growth, `heap grew ${Math.round(growth / 1024 / 1024)} MB`).toBeLessThan(MAX_GROWTH_BYTES);
    // And it still answers, promptly.
    expect((await fetch(`${sb.url}/_status`)).status).toBe(200);
  }, 180_000);
});
