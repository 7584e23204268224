/**
 * A small closed-loop load generator: N concurrent workers for a fixed duration, latency percentiles.
 */
import { Pool } from 'undici';

export interface LoadResult {
  concurrency: number;
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  statuses: Record<number, number>;
}

export async function runLoad(
  origin: string,
  opts: {
    concurrency: number;
    durationMs: number;
    request: () => { method: 'GET' | 'POST'; path: string; headers: Record<string, string>; body?: string };
  },
): Promise<LoadResult> {
  const pool = new Pool(origin, { connections: opts.concurrency, pipelining: 1 });
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let errors = 0;
  const start = performance.now();
  const end = start + opts.durationMs;
  const worker = async () => {
    while (performance.now() < end) {
      const r = opts.request();
      const t0 = performance.now();
      try {
        const res = await pool.request({
          origin,
          method: r.method,
          path: r.path,
          headers: r.headers,
          body: r.body,
        });
        await res.body.arrayBuffer();
        statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  const seconds = (performance.now() - start) / 1000;
  await pool.close();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
  return {
    concurrency: opts.concurrency,
    requests: latencies.length,
    errors,
    seconds,
    rps: latencies.length / seconds,
    p50: pct(0.5),
    p99: pct(0.99),
    statuses,
  };
}
