import { describe, expect, it } from 'vitest';
import type { TrackedNotification } from '../../../src-main/contract/methods';
import { createAppStore, startEventFeed } from '../../../src-renderer/state/store';
import { notificationKey } from '../../../src-renderer/state/slices/tracking-slice';
import type { RequestLogEntry } from '../../../src-main/contract/schemas';
import { deferred, fail, fakeApi, flush, notification, ok, type Handlers } from './fake-api';

const ID = '33333333-3333-3333-3333-333333333333';
const obs = (status: string, at: string, source: 'response' | 'poll' | 'callback' = 'poll') => ({
  status,
  observedAt: at,
  source,
});

function tracked(overrides: Partial<TrackedNotification> = {}): TrackedNotification {
  return {
    profileId: 'p1',
    notification: notification(),
    observations: [obs('created', '2026-01-05T12:00:00.100Z', 'response')],
    final: false,
    explanation: null,
    templateName: null,
    ...overrides,
  };
}

describe('tracking', () => {
  it('loads a notification with its observations', async () => {
    const store = createAppStore(fakeApi({ 'notifications.get': () => ok(tracked()) }));
    await store.getState().loadNotification('p1', ID);
    expect(store.getState().notifications[notificationKey('p1', ID)]).toMatchObject({
      load: 'ready',
      final: false,
      notification: { status: 'sending' },
    });
  });

  it('applies live updates and refetches what Notify says', async () => {
    const final = tracked({
      notification: notification({ status: 'delivered', completed_at: '2026-01-05T12:00:09.000000Z' }),
      observations: [
        obs('created', '2026-01-05T12:00:00.100Z', 'response'),
        obs('delivered', '2026-01-05T12:00:09.500Z'),
      ],
      final: true,
    });
    const api = fakeApi({ 'notifications.get': () => ok(tracked()) });
    const store = createAppStore(api);
    startEventFeed(store, api);
    await store.getState().loadNotification('p1', ID);
    api.handlers['notifications.get'] = () => ok(final);
    api.emit({
      name: 'notification.updated',
      payload: {
        profileId: 'p1',
        id: ID,
        status: 'delivered',
        final: true,
        observation: obs('delivered', '2026-01-05T12:00:09.500Z'),
      },
    });
    const entry = store.getState().notifications[notificationKey('p1', ID)];
    expect(entry?.notification?.status).toBe('delivered');
    expect(entry?.final).toBe(true);
    await flush();
    const after = store.getState().notifications[notificationKey('p1', ID)];
    expect(after?.notification?.completed_at).toBe('2026-01-05T12:00:09.000000Z');
    expect(after?.observations.map((o) => o.status)).toEqual(['created', 'delivered']);
    expect(api.callsTo('notifications.get')).toHaveLength(2);
  });

  it('keeps observations for a notification not yet opened, without fetching it', () => {
    const api = fakeApi();
    const store = createAppStore(api);
    store.getState().applyNotificationUpdated({
      profileId: 'p1',
      id: ID,
      status: 'sending',
      final: false,
      observation: obs('sending', '2026-01-05T12:00:01.000Z'),
    });
    expect(store.getState().notifications[notificationKey('p1', ID)]?.observations).toHaveLength(1);
    expect(api.calls).toHaveLength(0);
  });

  it('records an error (a smoke-test id cannot be fetched) and keeps observations', async () => {
    const store = createAppStore(
      fakeApi({
        'notifications.get': () =>
          fail('notify', 'No result found', { status: 404, errorClass: 'NoResultFound' }),
      }),
    );
    store.getState().seedSentNotification('p1', ID);
    await store.getState().loadNotification('p1', ID);
    expect(store.getState().notifications[notificationKey('p1', ID)]).toMatchObject({
      load: 'error',
      error: { message: 'No result found' },
    });
  });

  it('merges observations once each, oldest first', async () => {
    // The core's list, out of order; the event repeats one of them.
    const observations = [
      obs('sending', '2026-01-05T12:00:02.000Z'),
      obs('created', '2026-01-05T12:00:00.000Z', 'response'),
    ];
    const api = fakeApi({ 'notifications.get': () => ok(tracked({ observations })) });
    const store = createAppStore(api);
    startEventFeed(store, api);
    await store.getState().loadNotification('p1', ID);
    api.emit({
      name: 'notification.updated',
      payload: {
        profileId: 'p1',
        id: ID,
        status: 'sending',
        final: false,
        observation: obs('sending', '2026-01-05T12:00:02.000Z'),
      },
    });
    const statuses = () =>
      store.getState().notifications[notificationKey('p1', ID)]?.observations.map((o) => o.status);
    expect(statuses()).toEqual(['created', 'sending']);
    // The refetch the event starts brings the same observations again: still once each.
    await flush();
    expect(api.callsTo('notifications.get')).toHaveLength(2);
    expect(statuses()).toEqual(['created', 'sending']);
    // An update for a notification never opened starts its entry with nothing from Notify yet.
    const other = '44444444-4444-4444-4444-444444444444';
    api.emit({
      name: 'notification.updated',
      payload: {
        profileId: 'p1',
        id: other,
        status: 'sent',
        final: true,
        observation: obs('sent', '2026-01-05T12:00:03.000Z'),
      },
    });
    expect(store.getState().notifications[notificationKey('p1', other)]).toMatchObject({
      load: 'idle',
      final: true,
      notification: null,
      observations: [{ status: 'sent' }],
    });
  });

  it('loads letter PDFs and followed notifications', async () => {
    const api = fakeApi({
      'notifications.pdf': () => ok({ base64: 'JVBERi0=' }),
      'notifications.tracked': () => ok({ tracked: [tracked()] }),
      'notifications.track': () => ok({ tracking: true }),
    });
    const store = createAppStore(api);
    await store.getState().loadPdf('p1', ID);
    expect(store.getState().pdfs[notificationKey('p1', ID)]).toMatchObject({
      status: 'ready',
      value: 'JVBERi0=',
    });
    await store.getState().setTracking('p1', ID, true);
    await flush();
    expect(store.getState().trackedList.value).toHaveLength(1);
    store.getState().applyNotificationUpdated({
      profileId: 'p1',
      id: ID,
      status: 'delivered',
      final: true,
      observation: obs('delivered', '2026-01-05T12:00:05.000Z'),
    });
    expect(store.getState().trackedList.value?.[0]).toMatchObject({
      final: true,
      notification: { status: 'delivered' },
    });
  });
});

const page = (ids: string[], next: string | null, fromCache = false) => ({
  notifications: ids.map((id) => notification({ id })),
  nextOlderThan: next,
  fromCache,
  templateNames: [],
});

describe('history', () => {
  function historyStore(handlers: Handlers) {
    const api = fakeApi(handlers);
    return { api, store: createAppStore(api) };
  }

  it('appends pages without repeating the boundary row', async () => {
    const { store } = historyStore({
      'notifications.list': ({ olderThan }) => ok(olderThan ? page(['b', 'c'], null) : page(['a', 'b'], 'b')),
    });
    await store.getState().loadHistory('p1');
    await store.getState().loadMoreHistory();
    const h = store.getState().history;
    expect(h.rows.map((n) => n.id)).toEqual(['a', 'b', 'c']);
    expect(h).toMatchObject({ status: 'ready', nextOlderThan: null, pagesLoaded: 2 });
  });

  it('ignores pages and errors for an older request', async () => {
    const slowPage = deferred<ReturnType<typeof ok<ReturnType<typeof page>>>>();
    const slowError = deferred<ReturnType<typeof fail>>();
    let call = 0;
    const { store } = historyStore({
      'notifications.list': () => {
        const n = call++;
        return n === 0 ? slowPage.promise : n === 1 ? slowError.promise : ok(page(['new'], null));
      },
    });
    const first = store.getState().loadHistory('p1');
    const second = store.getState().loadHistory('p1', { status: ['failed'] });
    await store.getState().loadHistory('p1', { status: ['delivered'] });
    const shown = store.getState().history;
    slowPage.resolve(ok(page(['a'], null)));
    slowError.resolve(fail('internal', 'y'));
    await Promise.all([first, second]);
    // Not a copy with the same rows: the state the newest request left, untouched.
    expect(store.getState().history).toBe(shown);
    expect(shown).toMatchObject({ status: 'ready', error: null, filters: { status: ['delivered'] } });
    expect(shown.rows.map((n) => n.id)).toEqual(['new']);
  });

  it('keeps loaded rows when a later page fails', async () => {
    const { store } = historyStore({
      'notifications.list': ({ olderThan }) =>
        olderThan ? fail('network', 'Timed out') : ok(page(['a'], 'a')),
    });
    await store.getState().loadHistory('p1');
    const more = store.getState().loadMoreHistory();
    expect(store.getState().history.loadingMore).toBe(true);
    await more;
    const h = store.getState().history;
    expect(h).toMatchObject({ status: 'ready', loadingMore: false, error: { code: 'network' } });
    expect(h.rows).toHaveLength(1);
  });

  it('copes with 100,000 rows in 400 pages', async () => {
    const ids = (p: number) => Array.from({ length: 250 }, (_, i) => `n${p * 250 + i}`);
    const { store } = historyStore({
      'notifications.list': ({ olderThan }) => {
        // Each page is older than the last row of the one before it.
        const p = olderThan ? (Number(olderThan.slice(1)) + 1) / 250 : 0;
        const rows = ids(p);
        return ok(page(rows, p < 399 ? rows.at(-1)! : null));
      },
    });
    await store.getState().loadHistory('p1');
    for (let p = 1; p < 400; p++) await store.getState().loadMoreHistory();
    const h = store.getState().history;
    expect(h.rows).toHaveLength(100_000);
    expect(h.rows[99_999]?.id).toBe('n99999');
    expect(h).toMatchObject({ pagesLoaded: 400, nextOlderThan: null });
  });

  it('pages with olderThan and the same filters', async () => {
    const { api, store } = historyStore({
      'notifications.list': ({ olderThan }) => ok(olderThan ? page(['c'], null) : page(['a', 'b'], 'b')),
    });
    await store.getState().loadHistory('p1', { status: ['failed'], template_type: ['sms'] });
    await store.getState().loadMoreHistory();
    await store.getState().loadMoreHistory();
    expect(api.callsTo('notifications.list')).toEqual([
      { profileId: 'p1', filters: { status: ['failed'], template_type: ['sms'] } },
      { profileId: 'p1', filters: { status: ['failed'], template_type: ['sms'] }, olderThan: 'b' },
    ]);
    expect(store.getState().history.rows.map((n) => n.id)).toEqual(['a', 'b', 'c']);
  });

  it('sends no filters object when there are none, and reuses filters on refresh', async () => {
    const { api, store } = historyStore({ 'notifications.list': () => ok(page([], null)) });
    await store.getState().loadHistory('p1');
    await store.getState().loadHistory('p1', { reference: 'x' });
    await store.getState().loadHistory('p1');
    expect(api.callsTo('notifications.list')).toEqual([
      { profileId: 'p1' },
      { profileId: 'p1', filters: { reference: 'x' } },
      { profileId: 'p1', filters: { reference: 'x' } },
    ]);
  });

  it('drops a slow page when the filters change meanwhile', async () => {
    const slow = deferred<ReturnType<typeof ok<ReturnType<typeof page>>>>();
    let call = 0;
    const { store } = historyStore({
      'notifications.list': () => (call++ === 0 ? slow.promise : ok(page(['new'], null))),
    });
    const first = store.getState().loadHistory('p1');
    await store.getState().loadHistory('p1', { status: ['delivered'] });
    slow.resolve(ok(page(['old'], null)));
    await first;
    expect(store.getState().history.rows.map((n) => n.id)).toEqual(['new']);
  });

  it('cancels a load: the page in flight is ignored and the core is told', async () => {
    const slow = deferred<ReturnType<typeof ok<ReturnType<typeof page>>>>();
    const { api, store } = historyStore({
      'notifications.list': () => slow.promise,
      'notifications.cancelList': () => ok({ cancelled: 1 }),
    });
    const load = store.getState().loadHistory('p1');
    await store.getState().cancelHistory();
    slow.resolve(ok(page(['late'], null)));
    await load;
    expect(store.getState().history.rows).toEqual([]);
    expect(store.getState().history.status).toBe('idle');
    expect(api.callsTo('notifications.cancelList')).toEqual([{ profileId: 'p1' }]);
  });

  it('does not load more while loading or at the end', async () => {
    const { api, store } = historyStore({ 'notifications.list': () => ok(page(['a'], null)) });
    await store.getState().loadMoreHistory();
    await store.getState().loadHistory('p1');
    await store.getState().loadMoreHistory();
    expect(api.callsTo('notifications.list')).toHaveLength(1);
  });
});

describe('received texts, support and inspector', () => {
  const msg = (id: string) => ({
    id,
    created_at: '2026-01-01T00:00:00.000000Z',
    service_id: 's',
    notify_number: '07700900000',
    user_number: '07700900123',
    content: 'STOP',
  });

  it('pages received texts per profile', async () => {
    const api = fakeApi({
      'receivedTexts.list': ({ olderThan }) =>
        ok(
          olderThan
            ? // The older page repeats the boundary message: it is listed once.
              { messages: [msg('m1'), msg('m2')], nextOlderThan: null }
            : { messages: [msg('m1')], nextOlderThan: 'm1' },
        ),
    });
    const store = createAppStore(api);
    await store.getState().loadReceived('p1');
    await store.getState().loadMoreReceived('p1');
    await store.getState().loadMoreReceived('p1');
    expect(store.getState().received['p1']?.messages.map((m) => m.id)).toEqual(['m1', 'm2']);
    expect(api.callsTo('receivedTexts.list')).toEqual([
      { profileId: 'p1' },
      { profileId: 'p1', olderThan: 'm1' },
    ]);
    // Loading again starts over from the newest page instead of appending to what was there.
    await store.getState().loadReceived('p1');
    expect(store.getState().received['p1']).toMatchObject({ status: 'ready', nextOlderThan: 'm1' });
    expect(store.getState().received['p1']?.messages.map((m) => m.id)).toEqual(['m1']);
    expect(store.getState().received['p2']).toBeUndefined();
  });

  it('looks up across profiles and keeps only the latest answer', async () => {
    const slow = deferred<ReturnType<typeof ok<{ results: never[]; searched: never[] }>>>();
    const result = {
      results: [
        {
          profileId: 'p2',
          profileName: 'Live',
          notification: notification(),
          profiles: [{ profileId: 'p2', profileName: 'Live' }],
          templateName: null,
        },
      ],
      searched: [{ profileId: 'p2', profileName: 'Live', error: null }],
    };
    let n = 0;
    const api = fakeApi({ 'notifications.lookup': () => (n++ === 0 ? slow.promise : ok(result)) });
    const store = createAppStore(api);
    const first = store.getState().runLookup('old-ref');
    await store.getState().runLookup(' 33333333-3333-3333-3333-333333333333 ');
    slow.resolve(ok({ results: [], searched: [] }));
    await first;
    expect(store.getState().lookup).toMatchObject({
      status: 'ready',
      query: '33333333-3333-3333-3333-333333333333',
      value: result,
    });
    await store.getState().runLookup('   ');
    expect(api.callsTo('notifications.lookup')).toHaveLength(2);
  });

  it('loads the failure summary', async () => {
    const store = createAppStore(
      fakeApi({
        'failures.summary': () => ok({ groups: [], errors: [{ profileId: 'p1', error: 'Vault locked' }] }),
      }),
    );
    await store.getState().loadFailures();
    expect(store.getState().failures.value?.errors).toHaveLength(1);
  });

  it('keeps events that arrive while the inspector loads, newest first, capped', async () => {
    const entry = (id: string, startedAt: string): RequestLogEntry => ({
      id,
      profileId: 'p1',
      method: 'GET',
      path: '/v2/notifications',
      status: 200,
      durationMs: 5,
      startedAt,
      attempt: 1,
      jwtClaims: null,
      clockSkewSeconds: null,
      error: null,
      outcome: 'ok',
    });
    const slow = deferred<ReturnType<typeof ok<{ entries: RequestLogEntry[] }>>>();
    const api = fakeApi({ 'inspector.list': () => slow.promise });
    const store = createAppStore(api);
    startEventFeed(store, api);
    const logged = (e: RequestLogEntry) => api.emit({ name: 'request.logged', payload: e });
    const loading = store.getState().loadInspector();
    logged(entry('new', '2026-01-01T00:00:10.000Z'));
    // The same request logged twice is listed once.
    logged(entry('new', '2026-01-01T00:00:10.000Z'));
    slow.resolve(ok({ entries: [entry('old', '2026-01-01T00:00:01.000Z')] }));
    await loading;
    expect(store.getState().inspector.value?.map((e) => e.id)).toEqual(['new', 'old']);
    // The window keeps the newest 1,000 requests, and asks the core for no more than that.
    expect(api.callsTo('inspector.list')).toEqual([{ limit: 1000 }]);
    for (let i = 0; i < 1005; i++) logged(entry(`e${i}`, '2026-01-01T00:00:20.000Z'));
    const shown = store.getState().inspector.value ?? [];
    expect(shown).toHaveLength(1000);
    expect(shown[0]?.id).toBe('e1004');
    expect(shown.at(-1)?.id).toBe('e5');
  });
});
