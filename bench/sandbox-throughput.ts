/**
 * Sandbox throughput and latency against a bare Node HTTP server, measured in the same run.
 *
 * Target (issue 2): at concurrency 64 the sandbox serves at least 50% of the bare server's
 * requests per second with auth, validation, rendering and storage on. Also reports RSS growth over
 * 100,000 stored notifications. Run: `npm run bench -- sandbox` (BENCH_SECONDS to change the length of
 * a run, BENCH_ROUNDS the number of alternating rounds, 3 by default).
 */
import { createHmac } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChild } from './lib/child';
import { runLoad, type LoadResult } from './lib/load';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const here = new URL('.', import.meta.url).pathname;

function tokenMaker(serviceId: string, secret: string) {
  const h = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url');
  return () => {
    const p = Buffer.from(JSON.stringify({ iss: serviceId, iat: Math.floor(Date.now() / 1000) })).toString(
      'base64url',
    );
    return `${h}.${p}.${createHmac('sha256', secret).update(`${h}.${p}`).digest('base64url')}`;
  };
}

interface SandboxChildInfo {
  url: string;
  info: {
    services: {
      id: string;
      api_keys: { key_type: string; api_key: string }[];
      templates: { id: string; name: string; type: string }[];
    }[];
  };
}

function sendRequest(info: SandboxChildInfo) {
  const service = info.info.services[0]!;
  const key = service.api_keys.find((k) => k.key_type === 'normal')!.api_key;
  const token = tokenMaker(service.id, key.slice(-36));
  const template = service.templates.find((t) => t.type === 'sms' && t.name === 'Verification code')!;
  let i = 0;
  return () => ({
    method: 'POST' as const,
    path: '/v2/notifications/sms',
    headers: { Authorization: `Bearer ${token()}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      phone_number: '07700900123',
      template_id: template.id,
      personalisation: { name: 'Ann', code: String(i++) },
      reference: `bench-${i}`,
    }),
  });
}

function row(name: string, r: LoadResult) {
  return `| ${name} | ${r.concurrency} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.errors} | ${JSON.stringify(r.statuses)} |`;
}

/** The middle run of several (by requests per second). */
function median(runs: LoadResult[]): LoadResult {
  return [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)]!;
}

export async function benchSandbox(): Promise<string[]> {
  const lines: string[] = [
    '| server | concurrency | req/s (median) | p50 ms | p99 ms | errors | statuses |',
    '|---|---|---|---|---|---|---|',
  ];
  const ratios: string[] = [];
  const durationMs = seconds * 1000;
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-sandbox-'));
  // The baseline receives exactly the same requests (same generator, same bytes) and ignores them.
  const probe = await startChild(join(here, 'servers/sandbox-server.ts'), ['-']);
  const bareRequest = sendRequest(probe.info);
  await probe.stop();
  for (const concurrency of [1, 16, 64]) {
    // Rounds alternate bare, sandbox and durable sandbox, so a slow spell of the machine hits all
    // three alike; the table shows each one's median round, the ratios every round's.
    const bareRuns: LoadResult[] = [];
    const memRuns: LoadResult[] = [];
    const durableRuns: LoadResult[] = [];
    for (let round = 0; round < rounds; round++) {
      const bare = await startChild(join(here, 'servers/bare-server.ts'));
      await runLoad(bare.info.url, { concurrency, durationMs: 500, request: bareRequest }); // warm-up
      bareRuns.push(await runLoad(bare.info.url, { concurrency, durationMs, request: bareRequest }));
      await bare.stop();

      const sb = await startChild(join(here, 'servers/sandbox-server.ts'), ['-']);
      const req = sendRequest(sb.info);
      await runLoad(sb.info.url, { concurrency, durationMs: 500, request: req });
      memRuns.push(await runLoad(sb.info.url, { concurrency, durationMs, request: req }));
      await sb.stop();

      const durable = await startChild(join(here, 'servers/sandbox-server.ts'), [
        join(dataDir, `c${concurrency}-${round}`),
      ]);
      const dreq = sendRequest(durable.info);
      await runLoad(durable.info.url, { concurrency, durationMs: 500, request: dreq });
      durableRuns.push(await runLoad(durable.info.url, { concurrency, durationMs, request: dreq }));
      await durable.stop();
    }
    const b = median(bareRuns);
    const s = median(memRuns);
    const d = median(durableRuns);
    lines.push(row('bare node:http, fixed JSON', b));
    lines.push(row('sandbox POST sms (memory)', s));
    lines.push(row('sandbox POST sms (--data, fsync)', d));
    const each = (runs: LoadResult[]) => runs.map((r, i) => (r.rps / bareRuns[i]!.rps).toFixed(2)).join(', ');
    ratios.push(
      `concurrency ${concurrency}: sandbox/bare = ${(s.rps / b.rps).toFixed(2)} (memory; rounds ${each(memRuns)}), ${(d.rps / b.rps).toFixed(2)} (durable; rounds ${each(durableRuns)})`,
    );
  }
  await rm(dataDir, { recursive: true, force: true });

  // RSS growth over 100,000 stored notifications.
  const sb = await startChild(join(here, 'servers/sandbox-server.ts'), ['-']);
  const stats = async () =>
    (await fetch(`${sb.info.url}/_sandbox/stats`)).json() as Promise<{
      rss_bytes: number;
      notifications: number;
    }>;
  const before = await stats();
  const req = sendRequest(sb.info);
  let sent = 0;
  const t0 = performance.now();
  while (sent < 100_000) {
    const r = await runLoad(sb.info.url, { concurrency: 64, durationMs: 1000, request: req });
    sent += r.statuses[201] ?? 0;
  }
  const after = await stats();
  await sb.stop();
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  ratios.push(
    `RSS: ${mb(before.rss_bytes)} MiB → ${mb(after.rss_bytes)} MiB after ${after.notifications} stored notifications (+${mb(after.rss_bytes - before.rss_bytes)} MiB, ${((after.rss_bytes - before.rss_bytes) / after.notifications / 1024).toFixed(2)} KiB each; filled in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
  return [...lines, '', ...ratios];
}
