import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  StatusTracker,
  type StatusSource,
  type TrackedNotificationLike,
} from '../../../src-main/core/tracking/status-tracker';

/** A fake Notify: notifications newest-first, pages of 250, counts requests. */
function fakeNotify(count: number, type: 'sms' | 'email' = 'sms') {
  const base = Date.parse('2026-11-27T10:00:00Z');
  const all: TrackedNotificationLike[] = Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    type,
    status: 'created',
    created_at: new Date(base + i * 10).toISOString(),
  })).reverse();
  let requests = 0;
  const source: StatusSource = {
    async getNotification(id) {
      requests++;
      const n = all.find((x) => x.id === id);
      if (!n) throw new Error('not found');
      return { ...n };
    },
    async getNotifications(q) {
      requests++;
      let start = 0;
      if (q.older_than) start = all.findIndex((n) => n.id === q.older_than) + 1;
      return { notifications: all.slice(start, start + 250).map((n) => ({ ...n })) };
    },
  };
  return { all, source, requests: () => requests, resetRequests: () => (requests = 0) };
}

function manualTracker(source: StatusSource, updates: string[] = []) {
  return new StatusTracker({
    sourceFor: async () => source,
    onUpdate: (e, o) => updates.push(`${e.notification.id.slice(0, 4)}:${o.status}`),
    setTimer: () => null,
    clearTimer: () => undefined,
  });
}

describe('status tracker', () => {
  it('tracks 1,000 in-flight notifications with at most 5 requests per poll round', async () => {
    const notify = fakeNotify(1000);
    const tracker = manualTracker(notify.source);
    for (const n of notify.all) tracker.track('p1', n);
    for (const n of notify.all) n.status = 'sending';
    notify.resetRequests();
    const round = await tracker.pollOnce('p1');
    expect(round.requests).toBeLessThanOrEqual(5);
    expect(notify.requests()).toBe(round.requests);
    expect(round.changed).toBe(1000);
    expect(round.polled).toBe(1000);
    expect(tracker.inFlight('p1').every((e) => e.notification.status === 'sending')).toBe(true);
  });

  it('uses single GETs when few are in flight, and stops at a final status', async () => {
    const notify = fakeNotify(3);
    const updates: string[] = [];
    const tracker = manualTracker(notify.source, updates);
    for (const n of notify.all) tracker.track('p1', n);
    notify.all[0]!.status = 'delivered';
    notify.resetRequests();
    const round = await tracker.pollOnce('p1');
    expect(round.requests).toBe(3);
    expect(tracker.inFlight('p1')).toHaveLength(2);
    notify.resetRequests();
    await tracker.pollOnce('p1');
    expect(notify.requests()).toBe(2);
  });

  it('records every observed status with the time it saw it', async () => {
    const notify = fakeNotify(1);
    let now = Date.parse('2026-11-27T12:00:00Z');
    const tracker = new StatusTracker({
      sourceFor: async () => notify.source,
      onUpdate: () => undefined,
      now: () => now,
      setTimer: () => null,
      clearTimer: () => undefined,
    });
    const n = notify.all[0]!;
    tracker.track('p', n);
    for (const [status, at] of [
      ['sending', 1000],
      ['sending', 2000],
      ['pending', 3000],
      ['temporary-failure', 4000],
    ] as const) {
      n.status = status;
      now += at;
      await tracker.pollOnce('p');
    }
    const entry = tracker.get('p', n.id)!;
    expect(entry.observations.map((o) => o.status)).toEqual([
      'created',
      'sending',
      'pending',
      'temporary-failure',
    ]);
    expect(entry.final).toBe(true);
    expect(new Set(entry.observations.map((o) => o.observedAt)).size).toBe(4);
  });

  it('treats letters as final only after accepted, and international sent as final', async () => {
    const notify = fakeNotify(1);
    const tracker = manualTracker(notify.source);
    const letter = {
      id: randomUUID(),
      type: 'letter' as const,
      status: 'accepted',
      created_at: new Date().toISOString(),
    };
    expect(tracker.track('p', letter).final).toBe(false);
    const sms = {
      id: randomUUID(),
      type: 'sms' as const,
      status: 'sent',
      created_at: new Date().toISOString(),
    };
    expect(tracker.track('p', sms).final).toBe(true);
  });

  it('backs off while nothing changes and speeds up on a change', async () => {
    const notify = fakeNotify(1);
    const delays: number[] = [];
    let fire: (() => void) | null = null;
    const tracker = new StatusTracker({
      sourceFor: async () => notify.source,
      onUpdate: () => undefined,
      setTimer: (fn, ms) => {
        delays.push(ms);
        fire = fn;
        return 1;
      },
      clearTimer: () => undefined,
    });
    tracker.track('p', notify.all[0]!);
    const tick = async () => {
      const f = fire!;
      fire = null;
      f();
      await new Promise((r) => setTimeout(r, 0));
      await new Promise((r) => setTimeout(r, 0));
    };
    await tick();
    await tick();
    notify.all[0]!.status = 'sending';
    await tick();
    expect(delays[1]!).toBeGreaterThan(delays[0]!);
    expect(delays[2]!).toBeGreaterThan(delays[1]!);
    expect(delays[3]).toBe(delays[0]);
    tracker.close();
  });

  it('stops following a notification Notify no longer has (404), and keeps retrying other failures', async () => {
    const notify = fakeNotify(2);
    const tracker = manualTracker({
      getNotification: async (id) => {
        if (id === notify.all[0]!.id) throw Object.assign(new Error('No result found'), { status: 404 });
        throw new Error('connection reset');
      },
      getNotifications: notify.source.getNotifications,
    });
    for (const n of notify.all) tracker.track('p1', n);
    await tracker.pollOnce('p1');
    expect(tracker.inFlight('p1').map((e) => e.notification.id)).toEqual([notify.all[1]!.id]);
  });
});
