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
});
