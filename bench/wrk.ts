/**
 * The sandbox under wrk (a C load generator), against a bare Node HTTP server measured in the same
 * run (issue 14.5).
 *
 * bench/lib/load.ts, the Node generator the other benchmarks use, tops out at about 16,500 requests
 * a second on this machine: against the bare server that is the generator's ceiling, not the
 * server's, so the sandbox's ratio to it flatters the sandbox. wrk does not stop there. This first
 * measures what wrk (and, for the record, the Node generator) gets from the bare server, with the
 * CPU each side used, so it shows which side is saturated; then the sandbox's `GET /_status`,
 * `GET /v2/notifications/{id}` and `POST /v2/notifications/sms`, each as a ratio to the bare server
 * in the same round (throughput, and server CPU per request). Rounds alternate bare and sandbox so a
 * busy spell of the machine hits both; the table shows each one's median round.
 *
 * With `WRK_PROFILE=1` it then runs the sandbox under `node --cpu-prof` for one POST run and prints
 * where its CPU went (self time by file and by function).
 *
 * Run: `npm run bench -- wrk` (WRK_SECONDS per run, default 5; BENCH_ROUNDS, default 3;
 * WRK_CONNECTIONS, default 64; WRK_THREADS, default 1, leaving the other core to the server).
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { signToken } from '../test/support/notify-token';
import { startChild } from './lib/child';
import { runLoad } from './lib/load';

const seconds = Number(process.env.WRK_SECONDS ?? 5);
const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const connections = Number(process.env.WRK_CONNECTIONS ?? 64);
const threads = Number(process.env.WRK_THREADS ?? 1);
const profile = process.env.WRK_PROFILE === '1';
const here = new URL('.', import.meta.url).pathname;
const run = promisify(execFile);
/** Clock ticks a second in /proc/<pid>/stat (`getconf CLK_TCK`: 100 on Linux). */
const TICKS = 100;

interface WrkResult {
  rps: number;
  requests: number;
  p50: number;
  p99: number;
  /** Non-2xx answers and socket errors. */
  bad: number;
  /** Server CPU per request, µs. */
  serverUs: number;
  /** Share of a core each side used during the run. */
  serverCores: number;
  wrkCores: number;
}

/** A server's CPU seconds so far (user + system), from /proc. */
async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS;
}

function ms(value: string, unit: string): number {
  return Number(value) * ({ us: 0.001, ms: 1, s: 1000 } as Record<string, number>)[unit]!;
}

/** One wrk run with a Lua script for method, headers and body; wrk's own CPU from bash's `times`. */
async function wrk(
  url: string,
  pid: number,
  req: { method: string; headers: Record<string, string>; body?: string },
  durationSeconds: number,
  dir: string,
): Promise<WrkResult> {
  const script = join(dir, 'request.lua');
  const lua = [
    `wrk.method = ${JSON.stringify(req.method)}`,
    ...Object.entries(req.headers).map(
      ([k, v]) => `wrk.headers[${JSON.stringify(k)}] = ${JSON.stringify(v)}`,
    ),
    // Lua long brackets: the body as it is, quotes and backslashes included.
    req.body === undefined ? '' : `wrk.body = [==[${req.body}]==]`,
  ].join('\n');
  await writeFile(script, lua);
  const cpu0 = await cpuSeconds(pid);
  const t0 = performance.now();
  const { stdout } = await run('bash', [
    '-c',
    'wrk "$@"; times',
    'wrk',
    `-t${threads}`,
    `-c${connections}`,
    `-d${durationSeconds}s`,
    '--latency',
    '-s',
    script,
    url,
  ]);
  const wall = (performance.now() - t0) / 1000;
  const cpu = (await cpuSeconds(pid)) - cpu0;
  const num = (re: RegExp) => Number(re.exec(stdout)?.[1] ?? 0);
  const requests = num(/(\d+) requests in/);
  const p50 = /50%\s+([\d.]+)(us|ms|s)/.exec(stdout)!;
  const p99 = /99%\s+([\d.]+)(us|ms|s)/.exec(stdout)!;
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout);
  const times = /\n(\d+)m([\d.]+)s (\d+)m([\d.]+)s\s*$/.exec(stdout)!;
  const wrkCpu = Number(times[1]) * 60 + Number(times[2]) + Number(times[3]) * 60 + Number(times[4]);
  return {
    rps: num(/Requests\/sec:\s+([\d.]+)/),
    requests,
    p50: ms(p50[1]!, p50[2]!),
    p99: ms(p99[1]!, p99[2]!),
    bad:
      num(/Non-2xx or 3xx responses: (\d+)/) +
      (socketErrors
        ? socketErrors
            .slice(1)
            .map(Number)
            .reduce((a, b) => a + b)
        : 0),
    serverUs: (cpu / Math.max(1, requests)) * 1e6,
    serverCores: cpu / wall,
    wrkCores: wrkCpu / wall,
  };
}

function median<T extends { rps: number }>(runs: T[]): T {
  return [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)]!;
}

interface SandboxInfo {
  url: string;
  info: {
    services: {
      id: string;
      api_keys: { key_type: string; api_key: string }[];
      templates: { id: string; name: string; type: string }[];
    }[];
  };
}

/** The requests each server gets: the bare server gets the same bytes and ignores them. */
function requests(sb: SandboxInfo) {
  const service = sb.info.services[0]!;
  const key = service.api_keys.find((k) => k.key_type === 'normal')!.api_key;
  const template = service.templates.find((t) => t.type === 'sms' && t.name === 'Verification code')!;
  // One token for a run, as a client that caches its token for 30 s sends (well inside Notify's
  // 30-second window for a 5-second run).
  const auth = () => ({ Authorization: `Bearer ${signToken(service.id, key.slice(-36))}` });
  return {
    status: () => ({ method: 'GET', headers: {} }),
    getOne: () => ({ method: 'GET', headers: auth() }),
    send: () => ({
      method: 'POST',
      headers: { ...auth(), 'Content-Type': 'application/json' },
      body: JSON.stringify({
        phone_number: '07700900123',
        template_id: template.id,
        personalisation: { name: 'Ann', code: '123456' },
        reference: 'bench',
      }),
    }),
  };
}

const row = (name: string, r: WrkResult) =>
  `| ${name} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.serverUs.toFixed(1)} | ${r.serverCores.toFixed(2)} | ${r.wrkCores.toFixed(2)} | ${r.bad} |`;

export async function benchWrk(): Promise<string[]> {
  await run('wrk', ['-v']).catch((err: NodeJS.ErrnoException & { stdout?: string }) => {
    // wrk -v prints its version and exits 1; only a missing binary is a problem.
    if (err.code === 'ENOENT') throw new Error('wrk is not installed (Debian: apt-get install wrk)');
  });
  const dir = await mkdtemp(join(tmpdir(), 'bench-wrk-'));
  const runs: Record<string, WrkResult[]> = {};
  const nodeGenerator: number[] = [];
  const add = (name: string, r: WrkResult) => (runs[name] ??= []).push(r);
  const stored: string[] = [];
  try {
    // The bare server gets the sandbox's request bytes: a probe sandbox gives the key and template.
    const probe = (await startChild(join(here, 'servers/sandbox-server.ts'), ['-'])) as {
      info: SandboxInfo;
      stop: () => Promise<void>;
    };
    const probeInfo = probe.info;
    await probe.stop();
    for (let round = 0; round < rounds; round++) {
      const bare = await startChild(join(here, 'servers/bare-server.ts'));
      // A fresh token for each round (Notify refuses one over 30 s old).
      const bareReq = requests(probeInfo);
      const barePid = bare.child.pid!;
      await wrk(bare.info.url, barePid, bareReq.status(), 1, dir); // warm-up
      add('bare GET', await wrk(`${bare.info.url}/_status`, barePid, bareReq.status(), seconds, dir));
      add(
        'bare POST',
        await wrk(`${bare.info.url}/v2/notifications/sms`, barePid, bareReq.send(), seconds, dir),
      );
      const send = bareReq.send();
      const byNode = await runLoad(bare.info.url, {
        concurrency: connections,
        durationMs: seconds * 1000,
        request: () => ({
          method: 'POST',
          path: '/v2/notifications/sms',
          headers: send.headers,
          body: send.body,
        }),
      });
      nodeGenerator.push(byNode.rps);
      await bare.stop();

      const sb = (await startChild(join(here, 'servers/sandbox-server.ts'), ['-'])) as {
        info: SandboxInfo;
        child: { pid?: number };
        stop: () => Promise<void>;
      };
      const pid = sb.child.pid!;
      const req = requests(sb.info);
      const first = await fetch(`${sb.info.url}/v2/notifications/sms`, {
        method: 'POST',
        headers: req.send().headers,
        body: req.send().body,
      });
      const { id } = (await first.json()) as { id: string };
      await wrk(`${sb.info.url}/_status`, pid, req.status(), 1, dir); // warm-up
      await wrk(`${sb.info.url}/v2/notifications/sms`, pid, req.send(), 1, dir);
      add('sandbox GET /_status', await wrk(`${sb.info.url}/_status`, pid, req.status(), seconds, dir));
      add(
        'sandbox GET /v2/notifications/{id}',
        await wrk(`${sb.info.url}/v2/notifications/${id}`, pid, req.getOne(), seconds, dir),
      );
      const count = async () =>
        ((await (await fetch(`${sb.info.url}/_sandbox/stats`)).json()) as { notifications: number })
          .notifications;
      const before = await count();
      const posted = await wrk(`${sb.info.url}/v2/notifications/sms`, pid, req.send(), seconds, dir);
      add('sandbox POST /v2/notifications/sms', posted);
      // Every answered send is stored (and those still in flight when wrk stopped, up to one per connection).
      stored.push(`${(await count()) - before} stored for ${posted.requests} answered`);
      await sb.stop();
    }

    const bareGet = runs['bare GET']!;
    const barePost = runs['bare POST']!;
    const lines = [
      `wrk ${threads} thread(s), ${connections} connections, ${seconds} s a run, ${rounds} rounds; median round of each`,
      '',
      '| server and request | req/s | p50 ms | p99 ms | server CPU µs/request | server cores | wrk cores | non-2xx + socket errors |',
      '|---|---|---|---|---|---|---|---|',
      ...Object.entries(runs).map(([name, r]) => row(name, median(r))),
      '',
      `Node generator (bench/lib/load.ts, ${connections} connections) against the same bare server, POST: ${median(nodeGenerator.map((rps) => ({ rps }))).rps.toFixed(0)} req/s (rounds ${nodeGenerator.map((r) => r.toFixed(0)).join(', ')}); wrk: ${median(barePost).rps.toFixed(0)} req/s, ratio ${(median(barePost).rps / median(nodeGenerator.map((rps) => ({ rps }))).rps).toFixed(2)}`,
      '',
    ];
    const ratio = (name: string, base: WrkResult[]) => {
      const r = runs[name]!;
      const each = r.map((x, i) => (x.rps / base[i]!.rps).toFixed(2)).join(', ');
      const cpu = r.map((x, i) => (x.serverUs / base[i]!.serverUs).toFixed(2)).join(', ');
      return `${name}: ${(median(r).rps / median(base).rps).toFixed(2)} of the bare server's req/s (rounds ${each}); server CPU per request ${(median(r).serverUs / median(base).serverUs).toFixed(2)}× the bare server's (rounds ${cpu})`;
    };
    lines.push(
      ratio('sandbox GET /_status', bareGet),
      ratio('sandbox GET /v2/notifications/{id}', bareGet),
      ratio('sandbox POST /v2/notifications/sms', barePost),
      `sends stored: ${stored.join('; ')}`,
    );
    if (profile) lines.push('', ...(await profilePost(dir, () => requests(probeInfo).send())));
    return lines;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface Profiled {
  r: WrkResult;
  /** Busy samples (not idle) from the first request on, and how many were idle. */
  busy: number;
  idle: number;
  byFile: Map<string, number>;
  byFunction: Map<string, number>;
}

/**
 * One POST run against a server under `node --cpu-prof`: its self time by file and by function,
 * counted from the first sample inside `marker` (a file of the request path): start-up, tsx
 * compiling the sources, is not the send path.
 */
async function profiled(
  dir: string,
  script: string,
  args: string[],
  marker: string,
  send: () => ReturnType<ReturnType<typeof requests>['send']> | null,
): Promise<Profiled> {
  const profDir = join(dir, `prof-${marker}`);
  const child = spawn(
    process.execPath,
    ['--cpu-prof', '--cpu-prof-dir', profDir, '--import', 'tsx', join(here, script), ...args],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0]!);
    });
    child.once('exit', (code) => reject(new Error(`the profiled ${script} exited with ${code}`)));
  });
  const started = JSON.parse(line) as SandboxInfo;
  const req = send() ?? requests(started).send();
  const url = `${started.url}/v2/notifications/sms`;
  await wrk(url, child.pid!, req, 1, dir);
  const r = await wrk(url, child.pid!, req, seconds, dir);
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
  const file = (await readdir(profDir)).find((f) => f.endsWith('.cpuprofile'))!;
  const prof = JSON.parse(await readFile(join(profDir, file), 'utf8')) as {
    nodes: {
      id: number;
      children?: number[];
      callFrame: { functionName: string; url: string; lineNumber: number };
    }[];
    samples: number[];
  };
  const nodes = new Map(prof.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inside = (id: number | undefined): boolean =>
    id !== undefined && (nodes.get(id)!.callFrame.url.includes(marker) || inside(parent.get(id)));
  const counted = prof.samples.slice(
    Math.max(
      0,
      prof.samples.findIndex((id) => inside(id)),
    ),
  );
  const byFile = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let idle = 0;
  for (const id of counted) {
    const { url, functionName } = nodes.get(id)!.callFrame;
    if (functionName === '(idle)') {
      idle++;
      continue;
    }
    const short =
      url.replace(/^file:\/\/.*?\/(src-sandbox|src-shared|bench|node_modules)\//, '$1/') || functionName;
    const fileKey = short.startsWith('node:') ? 'node: (built-in modules)' : short;
    byFile.set(fileKey, (byFile.get(fileKey) ?? 0) + 1);
    // tsx's transform leaves no line numbers worth printing: the function and its file.
    const fnKey = url ? `${functionName || '(anonymous)'} (${short})` : functionName || '(native, unnamed)';
    byFunction.set(fnKey, (byFunction.get(fnKey) ?? 0) + 1);
  }
  return { r, busy: counted.length - idle, idle, byFile, byFunction };
}

/** The bare server and the sandbox each under the profiler for one POST run: where the CPU goes. */
async function profilePost(
  dir: string,
  bareSend: () => ReturnType<ReturnType<typeof requests>['send']>,
): Promise<string[]> {
  const bare = await profiled(dir, 'servers/bare-server.ts', [], 'bare-server', bareSend);
  const sb = await profiled(dir, 'servers/sandbox-server.ts', ['-'], 'post-notification', () => null);
  const share = (p: Profiled, n: number) => n / p.busy;
  const top = (p: Profiled, m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(
        ([k, v]) =>
          `| ${k} | ${(100 * share(p, v)).toFixed(1)}% | ${(share(p, v) * p.r.serverUs).toFixed(1)} |`,
      );
  // The socket write is a native call whose time is mostly the kernel's: compare it per request.
  const writes = (p: Profiled) =>
    [...p.byFunction]
      .filter(([k]) => /^write(v|Utf8String|Latin1String|Buffer)$/.test(k))
      .reduce((a, [, v]) => a + v, 0);
  const perRequest = (p: Profiled, n: number) => (share(p, n) * p.r.serverUs).toFixed(1);
  return [
    `Profile: one ${seconds} s POST run of each under --cpu-prof, from its first request on (shares of busy samples; µs/request = share × the run's server CPU per request)`,
    `bare: ${bare.r.rps.toFixed(0)} req/s, ${bare.r.serverUs.toFixed(1)} µs CPU/request, idle ${((100 * bare.idle) / (bare.busy + bare.idle)).toFixed(0)}% of samples; sandbox: ${sb.r.rps.toFixed(0)} req/s, ${sb.r.serverUs.toFixed(1)} µs CPU/request, idle ${((100 * sb.idle) / (sb.busy + sb.idle)).toFixed(0)}%`,
    `socket writes (writev / write*String, mostly kernel time): bare ${perRequest(bare, writes(bare))} µs/request, sandbox ${perRequest(sb, writes(sb))} µs/request`,
    `garbage collector: bare ${perRequest(bare, bare.byFunction.get('(garbage collector)') ?? 0)} µs/request, sandbox ${perRequest(sb, sb.byFunction.get('(garbage collector)') ?? 0)} µs/request`,
    '',
    '| sandbox self time by file | share of busy | µs/request |',
    '|---|---|---|',
    ...top(sb, sb.byFile, 14),
    '',
    '| sandbox self time by function | share of busy | µs/request |',
    '|---|---|---|',
    ...top(sb, sb.byFunction, 16),
  ];
}
