import { describe, expect, it } from 'vitest';
import { SandboxClock } from '../../../src-sandbox/clock';

describe('sandbox clock', () => {
  it('runs events in due order, compressed by the time scale', async () => {
    const clock = new SandboxClock(100);
    const seen: string[] = [];
    clock.schedule(2000, () => seen.push('b'));
    clock.schedule(1000, () => seen.push('a'));
    clock.schedule(3000, () => seen.push('c')).cancel();
    await new Promise((r) => setTimeout(r, 80));
    expect(seen).toEqual(['a', 'b']);
    clock.close();
  });

  it('fires what falls due when moved forward, and never moves back', () => {
    const clock = new SandboxClock(1);
    const seen: number[] = [];
    clock.schedule(3_600_000, () => seen.push(1));
    clock.schedule(7_200_000, () => seen.push(2));
    clock.advance(3_600_000);
    expect(seen).toEqual([1]);
    clock.advance(3_600_000);
    expect(seen).toEqual([1, 2]);
    expect(() => clock.advance(-1)).toThrow(RangeError);
    clock.close();
  });

  it('gives strictly increasing microsecond times', () => {
    const clock = new SandboxClock(1, () => 1_000);
    const a = clock.nowMicros();
    const b = clock.nowMicros();
    expect(b).toBeGreaterThan(a);
    clock.close();
  });

  it('lets an earlier event jump ahead of an armed timer', async () => {
    const clock = new SandboxClock(1);
    const seen: string[] = [];
    clock.schedule(10_000, () => seen.push('late'));
    clock.schedule(5, () => seen.push('early'));
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).toEqual(['early']);
    clock.close();
  });

  it('keeps due order across delays, a changed time scale and a clock that steps back', () => {
    let real = 1_000_000;
    const clock = new SandboxClock(1, () => real);
    const seen: string[] = [];
    clock.schedule(1000, () => seen.push('a@1000'));
    clock.schedule(5000, () => seen.push('b@5000'));
    clock.schedule(1000, () => seen.push('c@1000'));
    // Faster time: the same delay now falls due before the events already in its lane.
    clock.setTimeScale(10);
    clock.schedule(1000, () => seen.push('d@100'));
    clock.setTimeScale(1);
    // The machine's clock steps back 500 ms: a new 1000 ms event is due before the older ones.
    real -= 500;
    clock.schedule(1000, () => seen.push('e@500'));
    // Same due time: first scheduled runs first.
    clock.schedule(500, () => seen.push('f@0'));
    clock.schedule(500, () => seen.push('g@0'));
    clock.advance(6000);
    expect(seen).toEqual(['f@0', 'g@0', 'd@100', 'e@500', 'a@1000', 'c@1000', 'b@5000']);
    expect(clock.pending()).toBe(0);
    clock.close();
  });

  it('holds tens of thousands of events and runs each once, in order', () => {
    const clock = new SandboxClock(1, () => 0);
    const seen: number[] = [];
    const delays = [1000, 4000, 3000, 259_200_000];
    for (let i = 0; i < 40_000; i++) {
      const d = delays[i % delays.length]!;
      const t = clock.schedule(d, () => seen.push(d));
      if (i % 7 === 0) t.cancel();
    }
    expect(clock.pending()).toBe(40_000 - Math.ceil(40_000 / 7));
    clock.advance(5000);
    expect(seen.length).toBe(
      30_000 - [...Array(40_000).keys()].filter((i) => i % 7 === 0 && i % 4 !== 3).length,
    );
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    clock.advance(259_200_000);
    expect(clock.pending()).toBe(0);
    clock.close();
  });
});
