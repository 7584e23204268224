/**
 * The console's Notify client against the published notifications-node-client, same sandbox, same run.
 *
 * Targets (issue 3): at most half the node client's CPU per request, and at least 1.5 times its
 * throughput at concurrency 16, for send (POST sms) and get (GET notification). The sandbox runs in
 * its own process; CPU is this process's (the client side) per completed request.
 * Also: requests per status-tracker poll round with 1,000 notifications in flight, against one
 * GET each. Run: `npm run bench -- client`.
 */
import { join } from 'node:path';
import { NotifyClient as PublishedClient } from 'notifications-node-client';
import { NotifyClient } from '../src-main/core/notify/client';
import { StatusTracker } from '../src-main/core/tracking/status-tracker';
import { startChild } from './lib/child';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const here = new URL('.', import.meta.url).pathname;

interface Measure {
  rps: number;
  cpuUsPerRequest: number;
  requests: number;
  errors: number;
}

async function measure(
  concurrency: number,
  durationMs: number,
  op: () => Promise<unknown>,
): Promise<Measure> {
  let requests = 0;
  let errors = 0;
  const end = performance.now() + durationMs;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        try {
          await op();
          requests++;
        } catch {
          errors++;
        }
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return {
    rps: requests / elapsed,
    cpuUsPerRequest: (cpu.user + cpu.system) / Math.max(1, requests),
    requests,
    errors,
  };
}

export async function benchClient(): Promise<string[]> {
  const sb = await startChild(join(here, 'servers/sandbox-server.ts'), ['-']);
  const service = sb.info.info.services[0];
  const apiKey: string = service.api_keys.find((k: { key_type: string }) => k.key_type === 'test').api_key;
  const templateId: string = service.templates.find(
    (t: { name: string }) => t.name === 'Verification code',
  ).id;
  const url: string = sb.info.url;
  const ours = new NotifyClient({ baseUrl: url, apiKey });
  const theirs = new PublishedClient(url, apiKey);
  const personalisation = { name: 'Ann', code: '1' };
  const seed = await ours.sendSms({ phone_number: '07700900123', template_id: templateId, personalisation });
  const id = seed.id;

  const ops = {
    send: {
      ours: () =>
        ours.sendSms({
          phone_number: '07700900123',
          template_id: templateId,
          personalisation,
          reference: 'bench',
        }),
      theirs: () => theirs.sendSms(templateId, '07700900123', { personalisation, reference: 'bench' }),
    },
    get: {
      ours: () => ours.getNotification(id),
      theirs: () => theirs.getNotificationById(id),
    },
  };
  const lines = [
    '| operation | client | concurrency | req/s | client CPU µs/request | errors |',
    '|---|---|---|---|---|---|',
  ];
  const ratios: string[] = [];
  for (const [name, op] of Object.entries(ops)) {
    for (const concurrency of [1, 16]) {
      await measure(concurrency, 500, op.theirs);
      const t = await measure(concurrency, seconds * 1000, op.theirs);
      await measure(concurrency, 500, op.ours);
      const o = await measure(concurrency, seconds * 1000, op.ours);
      lines.push(
        `| ${name} | notifications-node-client 8.4.0 | ${concurrency} | ${t.rps.toFixed(0)} | ${t.cpuUsPerRequest.toFixed(0)} | ${t.errors} |`,
      );
      lines.push(
        `| ${name} | Notify Console client | ${concurrency} | ${o.rps.toFixed(0)} | ${o.cpuUsPerRequest.toFixed(0)} | ${o.errors} |`,
      );
      ratios.push(
        `${name} at concurrency ${concurrency}: CPU per request ours/theirs = ${(o.cpuUsPerRequest / t.cpuUsPerRequest).toFixed(2)} (target ≤ 0.50), throughput ours/theirs = ${(o.rps / t.rps).toFixed(2)} (target ≥ 1.50 at 16)`,
      );
    }
  }

  // Status tracking: 1,000 in flight.
  const slowSandbox = await startChild(join(here, 'servers/sandbox-server.ts'), ['-', '0.001']);
  const slowService = slowSandbox.info.info.services[0];
  const slowKey: string = slowService.api_keys.find(
    (k: { key_type: string }) => k.key_type === 'test',
  ).api_key;
  const slowClient = new NotifyClient({ baseUrl: slowSandbox.info.url, apiKey: slowKey });
  let trackerRequests = 0;
  const tracker = new StatusTracker({
    sourceFor: async () => ({
      getNotification: (x) => {
        trackerRequests++;
        return slowClient.getNotification(x) as never;
      },
      getNotifications: (q) => {
        trackerRequests++;
        return slowClient.getNotifications(q) as never;
      },
    }),
    onUpdate: () => undefined,
    setTimer: () => null,
    clearTimer: () => undefined,
  });
  const sent = [];
  for (let i = 0; i < 1000; i += 50) {
    sent.push(
      ...(await Promise.all(
        Array.from({ length: 50 }, () =>
          slowClient.sendSms({ phone_number: '07700900123', template_id: templateId, personalisation }),
        ),
      )),
    );
  }
  for (const s of sent)
    tracker.track('bench', {
      id: s.id,
      type: 'sms',
      status: 'created',
      created_at: new Date().toISOString(),
    });
  const round = await tracker.pollOnce('bench');
  ratios.push(
    `tracking 1,000 in flight: ${round.requests} requests in one poll round (${trackerRequests} counted at the client) read the status of ${round.polled} of 1,000; one GET each would be 1,000 requests: ratio ${(round.requests / 1000).toFixed(3)} (target ≤ 5 requests)`,
  );
  await ours.close();
  await slowClient.close();
  await sb.stop();
  await slowSandbox.stop();
  return [...lines, '', ...ratios];
}
