/**
 * A sandbox in a process of its own, for tests that measure it (event-loop delay, heap) or crash it
 * (kill -9). Started by `sandbox-child.ts`; options arrive as JSON in `SANDBOX_CHILD`, questions and
 * answers go over the IPC channel.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startSandbox, type SandboxOptions } from '../../../../src-sandbox/server';

const options = JSON.parse(process.env.SANDBOX_CHILD ?? '{}') as SandboxOptions;
const sandbox = await startSandbox({ latency: 'none', onError: () => {}, ...options });
// 10 ms resolution: fine enough to see a stall, coarse enough to cost nothing.
const delay = monitorEventLoopDelay({ resolution: 10 });
delay.enable();

/** What the parent may ask. */
type Question = { id: number; ask: 'stats' | 'reset-stats' | 'calibrate' | 'close' };

/**
 * How long this process takes, right now, to parse and serialise a 12 MB JSON body: the least work
 * the largest request needs, as a yardstick for what "prompt" means on this machine at this moment.
 */
function calibrate(): number {
  const text = JSON.stringify({ personalisation: { body: 'word '.repeat((12 * 1024 * 1024) / 5) } });
  const start = performance.now();
  JSON.stringify(JSON.parse(text));
  return performance.now() - start;
}

process.on('message', (q: Question) => {
  void (async () => {
    if (q.ask === 'close') {
      await sandbox.close();
      process.send!({ id: q.id, answer: null }, () => process.exit(0));
      return;
    }
    let answer: unknown = null;
    if (q.ask === 'stats') {
      (globalThis as { gc?: () => void }).gc?.();
      const mem = process.memoryUsage();
      answer = {
        maxDelayMs: delay.max / 1e6,
        meanDelayMs: delay.mean / 1e6,
        heapUsedBytes: mem.heapUsed,
        rssBytes: mem.rss,
      };
    }
    if (q.ask === 'reset-stats') delay.reset();
    if (q.ask === 'calibrate') answer = calibrate();
    process.send!({ id: q.id, answer });
  })();
});
process.send!({ ready: true, url: sandbox.url, port: sandbox.port, recovery: sandbox.recovery });
