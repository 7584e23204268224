import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { exitOnSignals, once } from '../../../src-main/host/shutdown';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('once', () => {
  it('runs the close a single time and hands every caller the same promise', async () => {
    let runs = 0;
    const close = once(async () => {
      runs++;
      await tick();
    });
    const [a, b] = [close(), close()];
    expect(a).toBe(b);
    await Promise.all([a, b, close()]);
    expect(runs).toBe(1);
  });

  it('reports a failure to every caller, and does not retry', async () => {
    let runs = 0;
    const close = once(async () => {
      runs++;
      throw new Error('disk gone');
    });
    await expect(close()).rejects.toThrow('disk gone');
    await expect(close()).rejects.toThrow('disk gone');
    expect(runs).toBe(1);
  });
});

function harness(stop: () => Promise<void>, timeoutMs = 1000) {
  const target = new EventEmitter();
  const exits: number[] = [];
  const lines: string[] = [];
  exitOnSignals({
    stop,
    target: target as unknown as Pick<NodeJS.Process, 'on' | 'off'>,
    exit: (c) => exits.push(c),
    report: (l) => lines.push(l),
    timeoutMs,
  });
  return { target, exits, lines };
}

describe('exitOnSignals', () => {
  it('closes once for SIGINT and SIGTERM arriving together (Ctrl+C on npm start), then exits 0', async () => {
    let closes = 0;
    const { target, exits, lines } = harness(async () => {
      closes++;
      await tick();
    });
    target.emit('SIGINT');
    target.emit('SIGTERM');
    target.emit('SIGINT');
    await tick();
    await tick();
    expect(closes).toBe(1);
    expect(exits).toEqual([0]);
    expect(lines).toEqual([]);
  });

  it('a failed close exits 1 with one line, no stack trace', async () => {
    const { target, exits, lines } = harness(async () => {
      throw new Error("ENOENT: no such file or directory, rename 'sandbox/snapshot.jsonl.tmp'");
    });
    target.emit('SIGTERM');
    await tick();
    await tick();
    expect(exits).toEqual([1]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^notify-console: could not close cleanly: ENOENT/);
    expect(lines[0]).not.toMatch(/\n\s+at /);
  });

  it('a close that never finishes still ends the process, with exit code 1', async () => {
    const { target, exits, lines } = harness(() => new Promise<void>(() => undefined), 20);
    target.emit('SIGINT');
    await new Promise((r) => setTimeout(r, 60));
    expect(exits).toEqual([1]);
    expect(lines[0]).toMatch(/closing took over/);
  });
});
