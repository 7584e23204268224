import { describe, expect, it } from 'vitest';
import { HistoryPager, type HistorySource } from '../../../src-main/core/history/history-pager';
import { toRpcError } from '../../../src-main/rpc/errors';

function source(total: number, delayMs = 0) {
  const all = Array.from({ length: total }, (_, i) => ({
    id: `n${String(total - i).padStart(4, '0')}`,
    type: i % 2 ? 'sms' : 'email',
  }));
  const calls: object[] = [];
  const s: HistorySource<{ id: string; type: string }> = {
    async getNotifications(q, signal) {
      calls.push(q);
      if (delayMs) {
        await new Promise((resolve, reject) => {
          const t = setTimeout(resolve, delayMs);
          signal?.addEventListener('abort', () => {
            clearTimeout(t);
            reject(new Error('aborted'));
          });
        });
      }
      const filtered = all.filter((n) => !q.template_type || q.template_type.includes(n.type));
      const start = q.older_than ? filtered.findIndex((n) => n.id === q.older_than) + 1 : 0;
      return { notifications: filtered.slice(start, start + 250) };
    },
  };
  return { s, calls };
}

describe('history pager', () => {
  it('pages with older_than until a short page, passing filters through', async () => {
    const { s, calls } = source(600);
    const pager = new HistoryPager<{ id: string; type: string }>();
    const p1 = await pager.page('p', s, { template_type: ['sms'] });
    expect(p1.notifications).toHaveLength(250);
    const p2 = await pager.page('p', s, { template_type: ['sms'] }, p1.nextOlderThan!);
    expect(p2.notifications).toHaveLength(50);
    expect(p2.nextOlderThan).toBeNull();
    expect(calls[1]).toEqual({ template_type: ['sms'], older_than: p1.nextOlderThan });
  });

  it('serves older pages from the cache per profile and filter, never the first page', async () => {
    const { s, calls } = source(600);
    const pager = new HistoryPager<{ id: string; type: string }>();
    const p1 = await pager.page('p', s, {});
    await pager.page('p', s, {}, p1.nextOlderThan!);
    const again = await pager.page('p', s, {}, p1.nextOlderThan!);
    expect(again.fromCache).toBe(true);
    await pager.page('p', s, {});
    expect(calls).toHaveLength(3);
    await pager.page('other', s, {}, p1.nextOlderThan!);
    expect(calls).toHaveLength(4);
    pager.invalidate('p');
    await pager.page('p', s, {}, p1.nextOlderThan!);
    expect(calls).toHaveLength(5);
  });

  it('cancels a slow load and caches nothing', async () => {
    const { s, calls } = source(600, 200);
    const pager = new HistoryPager<{ id: string; type: string }>();
    const first = await pager.page('p', s, {});
    const loading = pager.page('p', s, {}, first.nextOlderThan!);
    expect(pager.cancel('p')).toBe(1);
    const error = await loading.catch((e: unknown) => e);
    // What the history screen is told: the load was cancelled, not that something failed.
    expect(toRpcError(error)).toEqual({ code: 'cancelled', message: 'Loading was cancelled.' });
    expect(error).toMatchObject({ name: 'PageCancelledError' });
    // Nothing was cached: the same page is fetched again, not served from the cache.
    const again = await pager.page('p', s, {}, first.nextOlderThan!);
    expect(again.fromCache).toBe(false);
    expect(calls).toHaveLength(3);
  });
});
