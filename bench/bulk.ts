/**
 * Bulk send (issue 11): the batch engine against notifications-node-client in a plain loop, and the
 * engine held to Notify's rate limit; plus reading the largest accepted file in a worker.
 *
 * 1. Limits off: 10,000 rows to a sandbox in its own process. Baseline: the published
 *    notifications-node-client sending the same rows one after another (`for … await sendSms`).
 *    Measured: sends a second and this process's CPU per row (the sender's side only; the engine's
 *    figure includes its fsync'd journal: two durable records per row).
 * 2. Limits on (3,000 a minute, Notify's token bucket): the engine at its default pace. Measured: the
 *    rate from the first send to the last, every 10-second window, and 429s received. The full
 *    10,000 rows take 200 s; by default 3,000 rows (a 60 s window) are sent, `BULK_LIMITED_ROWS`
 *    changes it.
 * 3. The largest accepted file (10 MB, 100,000 rows) read and checked in the worker: the event loop's
 *    longest stall, against doing the same on the event loop.
 *
 * Run: `npm run bench -- bulk`.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { NotifyClient as PublishedClient } from 'notifications-node-client';
import { createPreparedBatch, openBatch } from '../src-main/core/bulk/batches';
import { profilePort, type BulkNotifyPort, type SendResult } from '../src-main/core/bulk/notify-port';
import { readSheet } from '../src-main/core/bulk/read-sheet';
import { checkSheetInWorker } from '../src-main/core/bulk/read-in-worker';
import { NotifyClient } from '../src-main/core/notify/client';
import { checkSheet } from '../src-shared/spreadsheet/index';
import { startChild } from './lib/child';

const here = new URL('.', import.meta.url).pathname;
const ROWS = Number(process.env.BULK_ROWS ?? 10_000);
const LIMITED_ROWS = Number(process.env.BULK_LIMITED_ROWS ?? 3_000);
/** The demo service's "Verification code" template (its content is read from the sandbox). */
const template = { type: 'sms' as const, content: '' };
const rules = { internationalSms: true, smsToUkLandlines: true, internationalLetters: true };

async function readTemplate(sb: Sandbox): Promise<void> {
  const client = new NotifyClient({ baseUrl: sb.url, apiKey: sb.apiKey });
  template.content = (await client.getTemplate(sb.templateId)).body;
  await client.close();
}

interface Sandbox {
  url: string;
  apiKey: string;
  templateId: string;
  stop: () => Promise<void>;
}

async function sandbox(script: string): Promise<Sandbox> {
  const sb = await startChild(join(here, script), script.includes('limits') ? [] : ['-']);
  const service = sb.info.info.services[0];
  return {
    url: sb.info.url,
    apiKey: service.api_keys.find((k: { key_type: string }) => k.key_type === 'test').api_key,
    templateId: service.templates.find((t: { name: string }) => t.name === 'Verification code').id,
    stop: sb.stop,
  };
}

/**
 * Writes a batch of `rows` rows as the console does for an upload: the file read, checked and its
 * requests prepared in the sheet worker (`bulk.inspect`), then written as a batch (`bulk.create`).
 */
async function writeBatch(sb: Sandbox, root: string, rows: number, tag: string): Promise<string> {
  const lines = Array.from({ length: rows }, (_v, i) => `07700900123,Ann,${100_000 + i},${tag}-${i}\r\n`);
  const bytes = new TextEncoder().encode(`phone number,name,code,reference\r\n${lines.join('')}`);
  const batchId = randomUUID();
  const checked = await checkSheetInWorker({
    bytes,
    fileName: `${tag}.csv`,
    template,
    rules,
    requestOptions: { templateId: sb.templateId, referencePrefix: batchId },
  });
  if (!checked.requests)
    throw new Error(`The bench sheet does not pass the checks: ${JSON.stringify(checked.summary.banner)}`);
  const created = await createPreparedBatch({
    root,
    fileName: `${tag}.csv`,
    profileId: 'bench',
    templateId: sb.templateId,
    templateVersion: 1,
    type: 'sms',
    batchId,
    requests: checked.requests,
  });
  if (!created.ok) throw new Error(created.message);
  return batchId;
}

/** Sends a sheet with the engine; returns sends a second, CPU µs a row, and when each send was answered. */
async function runEngine(sb: Sandbox, rows: number, tag: string, ratePerMinute: number | null) {
  const root = await mkdtemp(join(tmpdir(), 'bench-bulk-'));
  const batchId = await writeBatch(sb, root, rows, tag);
  const client = new NotifyClient({ baseUrl: sb.url, apiKey: sb.apiKey });
  // The bulk service's port, every row sent with this one client rather than a profile's stored key.
  const inner = profilePort({ withClient: (_profileId, use) => use(client) }, 'bench');
  const answeredAt: number[] = [];
  const answers: SendResult[] = [];
  const port: BulkNotifyPort = {
    send: async (r) => {
      const result = await inner.send(r);
      answers.push(result);
      if (result.kind === 'created') answeredAt.push(performance.now());
      return result;
    },
    findByReference: (ref) => inner.findByReference(ref),
  };
  const batch = await openBatch(root, batchId);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const progress = await batch.runner.run({ port, ratePerMinute });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  await batch.close();
  await client.close();
  await rm(root, { recursive: true, force: true });
  if (progress.state !== 'done' || progress.sent !== rows)
    throw new Error(`batch ended ${JSON.stringify(progress)}`);
  return {
    perSecond: rows / seconds,
    cpuUsPerRow: (cpu.user + cpu.system) / rows,
    answeredAt,
    limited: answers.filter((a) => a.kind === 'error' && a.status === 429).length,
  };
}

async function runNodeClientLoop(sb: Sandbox, rows: number) {
  const client = new PublishedClient(sb.url, sb.apiKey);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < rows; i++) {
    await client.sendSms(sb.templateId, '07700900123', {
      personalisation: { name: 'Ann', code: String(100_000 + i) },
      reference: `loop-${i}`,
    });
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { perSecond: rows / seconds, cpuUsPerRow: (cpu.user + cpu.system) / rows };
}

function largestCsv(): Uint8Array {
  const rows: string[] = [];
  for (let i = 0; i < 100_000; i++) {
    rows.push(
      `0772345${String(i % 10_000).padStart(4, '0')},${'Name '.repeat(12)}${i},ref-${String(i).padStart(20, '0')}\r\n`,
    );
  }
  return new TextEncoder().encode(`phone number,name,reference\r\n${rows.join('')}`);
}

async function loopStall(
  work: () => Promise<unknown>,
): Promise<{ maxMs: number; p99Ms: number; seconds: number }> {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  await new Promise((resolve) => setTimeout(resolve, 30));
  const t0 = performance.now();
  await work();
  const seconds = (performance.now() - t0) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 30));
  h.disable();
  return { maxMs: h.max / 1e6, p99Ms: h.percentile(99) / 1e6, seconds };
}

export async function benchBulk(): Promise<string[]> {
  const lines: string[] = [];

  // 1. Limits off.
  const open = await sandbox('servers/sandbox-server.ts');
  await readTemplate(open);
  await runNodeClientLoop(open, 500);
  await runEngine(open, 500, 'warm', null);
  const theirs = await runNodeClientLoop(open, ROWS);
  const ours = await runEngine(open, ROWS, 'engine', null);
  await open.stop();
  lines.push(
    '| sender | rows | sends/s | sender CPU µs/row |',
    '|---|---|---|---|',
    `| notifications-node-client 8.4.0, plain loop | ${ROWS} | ${theirs.perSecond.toFixed(0)} | ${theirs.cpuUsPerRow.toFixed(0)} |`,
    `| batch engine (8 at once, fsync'd journal) | ${ROWS} | ${ours.perSecond.toFixed(0)} | ${ours.cpuUsPerRow.toFixed(0)} |`,
    '',
    `limits off: engine/node-client loop: sends per second ${(ours.perSecond / theirs.perSecond).toFixed(2)}×, CPU per row ${(ours.cpuUsPerRow / theirs.cpuUsPerRow).toFixed(2)}×`,
  );

  // 2. Limits on, at Notify's default 3,000 a minute.
  const limited = await sandbox('servers/sandbox-limits-server.ts');
  const paced = await runEngine(limited, LIMITED_ROWS, 'paced', 3_000);
  await limited.stop();
  const t = paced.answeredAt;
  const overall = ((t.length - 1) / ((t[t.length - 1]! - t[0]!) / 1000)) * 60;
  const windows: number[] = [];
  for (let start = t[0]!; start + 10_000 <= t[t.length - 1]!; start += 10_000) {
    windows.push(t.filter((x) => x >= start && x < start + 10_000).length * 6);
  }
  lines.push(
    '',
    `limits on (3,000 a minute): ${LIMITED_ROWS} rows in ${((t[t.length - 1]! - t[0]!) / 1000).toFixed(1)} s: ${overall.toFixed(0)} a minute, ${(((overall - 3_000) / 3_000) * 100).toFixed(2)} % from 3,000 (target within 2 %); 10 s windows ${Math.min(...windows)}–${Math.max(...windows)} a minute; 429s received: ${paced.limited}`,
  );

  // 3. The largest accepted file, every row checked (phone number, placeholders, the message).
  const bytes = largestCsv();
  const fileTemplate = { type: 'sms' as const, content: 'Hello ((name)), your reference is ((reference))' };
  let checked = 0;
  const inWorker = await loopStall(async () => {
    const result = await checkSheetInWorker({
      bytes,
      fileName: 'largest.csv',
      template: fileTemplate,
      rules,
    });
    checked = result.summary.totals.sendable;
  });
  const onLoop = await loopStall(async () => {
    const rows = await readSheet(bytes, 'largest.csv');
    checkSheet({ fileName: 'largest.csv', ...rows, template: fileTemplate, rules });
  });
  if (checked !== 100_000) throw new Error(`expected 100,000 sendable rows, got ${checked}`);
  lines.push(
    '',
    `largest accepted file (${(bytes.byteLength / 1024 / 1024).toFixed(2)} MiB, 100,000 rows): in the worker ${inWorker.seconds.toFixed(1)} s with the event loop's longest stall ${inWorker.maxMs.toFixed(0)} ms (p99 ${inWorker.p99Ms.toFixed(0)} ms); on the event loop ${onLoop.seconds.toFixed(1)} s, stall ${onLoop.maxMs.toFixed(0)} ms: ratio ${(inWorker.maxMs / onLoop.maxMs).toFixed(3)}`,
  );
  return lines;
}
