import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDuration, formatSkew, parseNotifyTime } from '../../../src-renderer/lib/time';
import { buildTimeline, timelineTotal } from '../../../src-renderer/features/notification/timeline';
import { notification } from './fake-api';

describe('parseNotifyTime', () => {
  it('reads Notify’s microsecond timestamps', () => {
    expect(parseNotifyTime('2026-01-05T12:00:00.123456Z')).toBe(Date.UTC(2026, 0, 5, 12, 0, 0, 123));
    expect(parseNotifyTime('2026-01-05T12:00:00Z')).toBe(Date.UTC(2026, 0, 5, 12));
    expect(parseNotifyTime('2026-01-05T12:00:00.5')).toBe(Date.UTC(2026, 0, 5, 12, 0, 0, 500));
    expect(parseNotifyTime(null)).toBeNull();
    expect(parseNotifyTime('nonsense')).toBeNull();
  });
});

describe('formatting', () => {
  it('formats durations for people', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(4200)).toBe('4.2 s');
    expect(formatDuration(42_000)).toBe('42 s');
    expect(formatDuration(185_000)).toBe('3 min 5 s');
    expect(formatDuration(2 * 3600_000 + 10 * 60_000)).toBe('2 h 10 min');
    expect(formatDuration(27 * 3600_000)).toBe('1 d 3 h');
    expect(formatDuration(-1500)).toBe('−1.5 s');
  });

  it('formats skew with its direction', () => {
    expect(formatSkew(null)).toBe('not measured');
    expect(formatSkew(0.2)).toContain('in step');
    expect(formatSkew(42)).toBe('+42.0 s (the server is ahead of this computer)');
    expect(formatSkew(-3)).toContain('this computer is ahead');
  });

  it('formats times in local time, the same in every locale', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('2026-01-05T12:00:00.000000Z')).toMatch(/^2026-01-0[45] \d\d:\d\d:00$/);
  });
});

describe('buildTimeline', () => {
  const n = notification({
    created_at: '2026-01-05T12:00:00.000000Z',
    sent_at: '2026-01-05T12:00:02.000000Z',
    completed_at: '2026-01-05T12:00:10.000000Z',
    status: 'delivered',
  });

  it('merges Notify’s times with observed statuses in time order, with durations', () => {
    const t = buildTimeline(n, [
      { status: 'created', observedAt: '2026-01-05T12:00:00.300Z', source: 'response' },
      { status: 'sending', observedAt: '2026-01-05T12:00:03.000Z', source: 'poll' },
      { status: 'delivered', observedAt: '2026-01-05T12:00:11.000Z', source: 'poll' },
    ]);
    expect(t.map((e) => [e.source, e.status, e.sincePreviousMs])).toEqual([
      ['notify', null, null],
      ['response', 'created', 300],
      ['notify', null, 1700],
      ['poll', 'sending', 1000],
      ['notify', null, 7000],
      ['poll', 'delivered', 1000],
    ]);
    expect(t.at(-1)?.sinceStartMs).toBe(11_000);
    expect(t[0]?.label).toContain('created_at');
  });

  it('puts Notify’s stamp first at the same instant and drops duplicate observations', () => {
    const t = buildTimeline(notification({ created_at: '2026-01-05T12:00:00Z' }), [
      { status: 'created', observedAt: '2026-01-05T12:00:00.000Z', source: 'response' },
      { status: 'created', observedAt: '2026-01-05T12:00:00.000Z', source: 'response' },
    ]);
    expect(t.map((e) => e.source)).toEqual(['notify', 'response']);
  });

  it('works with observations only (a notification that could not be fetched)', () => {
    const t = buildTimeline(null, [
      { status: 'created', observedAt: '2026-01-05T12:00:00.000Z', source: 'response' },
    ]);
    expect(t).toHaveLength(1);
  });
});

describe('timelineTotal (issue 9.6)', () => {
  const created = '2026-01-05T12:00:00.000000Z';
  it('runs from creation to completed_at, not to a poll two minutes later', () => {
    const n = notification({
      status: 'delivered',
      created_at: created,
      sent_at: '2026-01-05T12:00:01.000000Z',
      completed_at: '2026-01-05T12:00:05.000000Z',
    });
    const observations = [
      { status: 'created', observedAt: '2026-01-05T12:00:00.100Z', source: 'response' as const },
      { status: 'delivered', observedAt: '2026-01-05T12:02:10.000Z', source: 'poll' as const },
    ];
    const entries = buildTimeline(n, observations);
    expect(entries.at(-1)?.sinceStartMs).toBe(130_000);
    expect(timelineTotal(n, entries, true)).toEqual({
      ms: 5000,
      finalStatus: 'delivered',
      until: 'completed_at',
    });
  });

  it('without completed_at, runs to the first time the final status was seen', () => {
    const n = notification({ status: 'technical-failure', created_at: created, completed_at: null });
    const observations = [
      { status: 'technical-failure', observedAt: '2026-01-05T12:00:03.000Z', source: 'poll' as const },
      { status: 'technical-failure', observedAt: '2026-01-05T12:01:00.000Z', source: 'callback' as const },
    ];
    expect(timelineTotal(n, buildTimeline(n, observations), true)).toMatchObject({
      ms: 3000,
      until: 'first-seen',
    });
  });

  it('says "so far" for a notification still on its way', () => {
    const n = notification({ status: 'sending', created_at: created, completed_at: null });
    const observations = [
      { status: 'sending', observedAt: '2026-01-05T12:00:02.000Z', source: 'poll' as const },
    ];
    expect(timelineTotal(n, buildTimeline(n, observations), false)).toEqual({
      ms: 2000,
      finalStatus: null,
      until: 'so-far',
    });
  });
});
