/**
 * History keeps its place (issue 9.10): its filters live in the address, canonically, and new
 * notifications are held and announced instead of moving the list.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashToRoute, routeToHash } from '../../../src-renderer/state/url-route';
import { createAppStore } from '../../../src-renderer/state/store';
import { fakeApi, notification, ok, profile } from './fake-api';

describe('history filters in the address', () => {
  it('writes and reads every filter', () => {
    const route = {
      screen: 'history' as const,
      filters: {
        template_type: ['sms' as const, 'letter' as const],
        status: ['delivered', 'failed'],
        reference: 'order 17/b&c=ü',
        include_jobs: true,
      },
    };
    const hash = routeToHash(route);
    expect(hash).toBe(
      '#/history?type=sms,letter&status=delivered,failed&reference=order%2017%2Fb%26c%3D%C3%BC&jobs=1',
    );
    expect(hashToRoute(hash)).toEqual(route);
  });

  it('writes no query for no filters, and reads a bare #/history as the screen alone', () => {
    expect(routeToHash({ screen: 'history', filters: {} })).toBe('#/history');
    expect(hashToRoute('#/history')).toEqual({ screen: 'history' });
  });

  it('reads only the canonical form', () => {
    for (const query of [
      'status=failed&type=sms',
      'type=email,sms',
      'type=sms,sms',
      'type=fax',
      'status=nope',
      'reference=%20x',
      'reference=a b',
      'reference=%E0%A4%A',
      'jobs=0',
      'type=',
      'type=sms&type=email',
      '',
      'unknown=1',
    ]) {
      expect(hashToRoute(`#/history?${query}`), query).toBeNull();
    }
  });

  it('leaves out what the address cannot carry', () => {
    expect(
      routeToHash({
        screen: 'history',
        filters: { status: ['nope', 'failed'], reference: '   ', template_type: [] },
      }),
    ).toBe('#/history?status=failed');
  });

  it('round-trips any filters it writes, and never throws on any query (fuzz)', () => {
    const filters = fc.record(
      {
        template_type: fc.subarray(['sms', 'email', 'letter'] as const),
        status: fc.array(fc.constantFrom('failed', 'delivered', 'sending', 'x'), { maxLength: 4 }),
        reference: fc.string({ maxLength: 40 }),
        include_jobs: fc.boolean(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(filters, (f) => {
        const hash = routeToHash({ screen: 'history', filters: f });
        const back = hashToRoute(hash);
        expect(back).not.toBeNull();
        expect(routeToHash(back!)).toBe(hash);
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (q) => {
        const route = hashToRoute(`#/history?${q}`);
        if (route) expect(routeToHash(route)).toBe(`#/history?${q}`);
      }),
    );
  });

  it('in-app navigation to History keeps the filters in use; an explicit set replaces them', async () => {
    const api = fakeApi({
      'profiles.list': () => ok({ profiles: [profile()], activeId: 'p1' }),
      'notifications.list': () =>
        ok({ notifications: [], nextOlderThan: null, fromCache: false, templateNames: [] }),
    });
    const store = createAppStore(api);
    await store.getState().loadProfiles();
    await store.getState().loadHistory('p1', { status: ['failed'] });
    store.getState().navigate({ screen: 'history' });
    expect(store.getState().route).toEqual({ screen: 'history', filters: { status: ['failed'] } });
    store.getState().navigate({ screen: 'history', filters: {} });
    expect(store.getState().route).toEqual({ screen: 'history', filters: {} });
  });
});

describe('new notifications', () => {
  it('are held and announced, and shown at the top only when asked', async () => {
    let newest = ['b', 'a'];
    const api = fakeApi({
      'profiles.list': () => ok({ profiles: [profile()], activeId: 'p1' }),
      'notifications.list': () =>
        ok({
          notifications: newest.map((id) => notification({ id })),
          nextOlderThan: null,
          fromCache: false,
          templateNames: [],
        }),
    });
    const store = createAppStore(api);
    await store.getState().loadProfiles();
    await store.getState().loadHistory('p1');
    store.getState().setHistoryScroll(720);
    newest = ['e', 'd', 'c', 'b', 'a'];
    await store.getState().checkForNewHistory();
    const h = store.getState().history;
    expect(h.rows.map((n) => n.id)).toEqual(['b', 'a']);
    expect(h.pendingNew.map((n) => n.id)).toEqual(['e', 'd', 'c']);
    expect(h.scrollTop).toBe(720);
    store.getState().showNewHistory();
    expect(store.getState().history.rows.map((n) => n.id)).toEqual(['e', 'd', 'c', 'b', 'a']);
    expect(store.getState().history.pendingNew).toEqual([]);
  });

  it('drops an answer that arrives after the filters changed', async () => {
    let calls = 0;
    const api = fakeApi({
      'profiles.list': () => ok({ profiles: [profile()], activeId: 'p1' }),
      'notifications.list': () =>
        ok({
          notifications: [notification({ id: `n${calls++}` })],
          nextOlderThan: null,
          fromCache: false,
          templateNames: [],
        }),
    });
    const store = createAppStore(api);
    await store.getState().loadProfiles();
    await store.getState().loadHistory('p1');
    const check = store.getState().checkForNewHistory();
    void store.getState().loadHistory('p1', { status: ['failed'] });
    await check;
    expect(store.getState().history.pendingNew).toEqual([]);
  });
});
