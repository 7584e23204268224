/**
 * Fault injection: slow answers, a slow network, 5xx answers, 429s and dropped connections on demand.
 *
 * A fault applies to requests whose path starts with `path_prefix` (and whose method matches, when
 * given), for the next `count` of them or until removed.
 * - `latency`: a slow answer. The request is accepted and processed at once (auth and its `iat` check
 *   included), and the answer waits `latency_ms`: a send exists before its 201 arrives.
 * - `slow_network`: the request takes `latency_ms` to arrive, so it is authenticated late (a JWT may
 *   go stale on the way, as over a slow link).
 * - `error`: an answer of `status` instead of the real one (5xx as a gateway would, 429 as Notify does).
 * - `drop`: the connection is dropped; with `phase: "after"` only once the request has been processed:
 *   the server did the work, the client never hears of it.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { v2Error, type SandboxResponse } from './http';

export const faultSchema = z.strictObject({
  kind: z.enum(['latency', 'slow_network', 'error', 'drop']),
  status: z.number().int().min(400).max(599).optional(),
  latency_ms: z.number().int().min(0).max(120_000).optional(),
  count: z.number().int().positive().max(1_000_000).optional(),
  path_prefix: z.string().startsWith('/').max(200).default('/v2/'),
  method: z.enum(['GET', 'POST']).optional(),
  phase: z.enum(['before', 'after']).default('before'),
  retry_after: z.number().int().nonnegative().optional(),
});

type Fault = z.output<typeof faultSchema> & { id: string; remaining: number | null; hits: number };

export class Faults {
  private list: Fault[] = [];

  add(input: unknown): Fault {
    const f = faultSchema.parse(input);
    const fault: Fault = { ...f, id: randomUUID(), remaining: f.count ?? null, hits: 0 };
    this.list.push(fault);
    return fault;
  }

  /** The faults that apply to this request, consuming one use of each counted fault. */
  take(method: string, path: string): Fault[] {
    if (this.list.length === 0) return [];
    const hit = this.list.filter(
      (f) => path.startsWith(f.path_prefix) && (!f.method || f.method === method) && f.remaining !== 0,
    );
    for (const f of hit) {
      f.hits++;
      if (f.remaining !== null) f.remaining--;
    }
    this.list = this.list.filter((f) => f.remaining !== 0);
    return hit;
  }

  all(): Fault[] {
    return [...this.list];
  }

  remove(id: string): boolean {
    const before = this.list.length;
    this.list = this.list.filter((f) => f.id !== id);
    return this.list.length !== before;
  }

  clear(): void {
    this.list = [];
  }
}

/** The answer an `error` fault gives instead of the real one. */
export function injectedError(status: number, retryAfter?: number): SandboxResponse {
  const headers: Record<string, string> =
    retryAfter !== undefined ? { 'Retry-After': String(retryAfter) } : {};
  if (status === 429) {
    return {
      ...v2Error(429, [
        {
          error: 'RateLimitError',
          message: 'Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds',
        },
      ]),
      headers: { 'Content-Type': 'application/json', ...headers },
    };
  }
  if (status >= 500 && status !== 500) {
    // What a load balancer in front of Notify answers: not JSON.
    return {
      status,
      body: `<html><body><h1>${status} Service Unavailable</h1></body></html>`,
      headers: { 'Content-Type': 'text/html', ...headers },
    };
  }
  return {
    ...v2Error(status, [{ error: 'InjectedFault', message: 'Internal server error' }]),
    headers: { 'Content-Type': 'application/json', ...headers },
  };
}
