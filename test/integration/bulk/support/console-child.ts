/**
 * The console (core, embedded sandbox and RPC endpoint, as `startConsole` builds it for both hosts)
 * in a child process the crash test can kill with SIGKILL. argv: <data folder>. Prints
 * `{"sandboxUrl": …, "sandboxSecret": …}` once started, then answers one JSON call a line on stdin
 * (`{"id", "method", "input"}`) with `{"id", "result"}` on stdout.
 */
import { createInterface } from 'node:readline';
import { startConsole } from '../../../../src-main/host/start-console';

const [dataDir] = process.argv.slice(2) as [string];
const running = await startConsole({
  dataDir,
  mode: 'browser',
  platform: process.platform,
  sandboxTimeScale: 200,
  tracker: { minIntervalMs: 50, maxIntervalMs: 200 },
  bulkSettleMs: 300,
});
process.stdout.write(
  `${JSON.stringify({ sandboxUrl: running.sandboxUrl, sandboxSecret: running.sandbox!.controlSecret })}\n`,
);
createInterface({ input: process.stdin }).on('line', (line) => {
  const { id, method, input } = JSON.parse(line) as { id: number; method: string; input: unknown };
  void running.endpoint
    .call(method, input, { transport: 'test' })
    .then((result) => process.stdout.write(`${JSON.stringify({ id, result })}\n`));
});
