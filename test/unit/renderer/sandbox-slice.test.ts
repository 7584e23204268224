/**
 * The Sandbox panel's store: Copy hands the key to the clipboard and keeps nothing, the header's
 * faults follow the event feed, and the inbox pages, filters and live refresh keep one row per
 * notification, newest first, dropping answers for filters no longer shown; a complaint filed about
 * an email refreshes the callbacks list only where it is shown.
 */
import { describe, expect, it } from 'vitest';
import type { InboxItem } from '../../../src-main/contract/sandbox';
import { createAppStore, startEventFeed } from '../../../src-renderer/state/store';
import { fail, fakeApi, flush, ok } from './fake-api';

const n = (id: string, createdAt: string): InboxItem => ({
  id,
  serviceId: 's',
  serviceName: 'Demo service',
  keyType: 'test',
  apiKeyName: 'my app',
  createdByName: null,
  type: 'sms',
  status: 'delivered',
  to: '07700900123',
  reference: null,
  templateId: 't',
  templateName: 'Verification code',
  templateVersion: 1,
  subject: null,
  bodyPreview: 'hi',
  createdAt,
});
const KEY = 'my_app-64463fc4-02e5-43e7-b441-aac003ef740a-3d3c3e2a-1c1b-4e5e-8f8f-0a0b0c0d0e0f';

describe('the Sandbox slice', () => {
  it('writes a copied key to the clipboard in browser mode and keeps it nowhere in the store', async () => {
    const api = fakeApi({ 'sandbox.copyKey': () => ok({ copied: false as const, apiKey: KEY }) });
    const store = createAppStore(api);
    const written: string[] = [];
    const r = await store.getState().copySandboxKey('k', async (t) => (written.push(t), true));
    expect(r.ok).toBe(true);
    expect(written).toEqual([KEY]);
    expect(JSON.stringify(store.getState())).not.toContain(KEY.slice(-36));
  });

  it('leaves the clipboard alone when the desktop app copied it, and says when the clipboard refused', async () => {
    const api = fakeApi({ 'sandbox.copyKey': () => ok({ copied: true as const }) });
    const store = createAppStore(api);
    let calls = 0;
    expect((await store.getState().copySandboxKey('k', async () => (calls++, true))).ok).toBe(true);
    expect(calls).toBe(0);
    api.handlers['sandbox.copyKey'] = () => ok({ copied: false as const, apiKey: KEY });
    const refused = await store.getState().copySandboxKey('k', async () => false);
    expect(refused.ok).toBe(false);
  });

  it('follows the faults event for the header’s marker', () => {
    const api = fakeApi();
    const store = createAppStore(api);
    startEventFeed(store, api);
    const fault = {
      id: 'f',
      kind: 'error' as const,
      status: 500,
      latencyMs: null,
      remaining: null,
      hits: 0,
      pathPrefix: '/v2/',
      method: null,
      phase: 'before' as const,
      retryAfter: null,
      serviceId: null,
      summary: '500',
    };
    api.emit({ name: 'sandbox.faults', payload: { faults: [fault] } });
    expect(store.getState().sandboxFaults).toHaveLength(1);
    api.emit({ name: 'sandbox.faults', payload: { faults: [] } });
    expect(store.getState().sandboxFaults).toEqual([]);
  });

  it('reads the first page again when the inbox changes, keeping older pages and one row each', async () => {
    let page = [n('b', '2026-01-02'), n('a', '2026-01-01')];
    const api = fakeApi({
      'sandbox.inbox': (i) =>
        ok(
          i.olderThan
            ? { notifications: [n('z', '2025-12-01')], nextOlderThan: null }
            : { notifications: page, nextOlderThan: 'a' },
        ),
    });
    const store = createAppStore(api);
    startEventFeed(store, api);
    await store.getState().loadInbox({});
    await store.getState().loadInbox(undefined, true);
    expect(store.getState().inbox.items.map((x) => x.id)).toEqual(['b', 'a', 'z']);
    page = [n('c', '2026-01-03'), { ...n('b', '2026-01-02'), status: 'permanent-failure' }];
    api.emit({ name: 'sandbox.inboxChanged', payload: { cursor: 'x' } });
    await new Promise((r) => setTimeout(r, 0));
    const items = store.getState().inbox.items;
    expect(items.map((x) => x.id)).toEqual(['c', 'b', 'a', 'z']);
    expect(items[1]!.status).toBe('permanent-failure');
  });

  it('files a complaint and reads the callbacks again only where they are shown', async () => {
    let activityReads = 0;
    const filed = { complaintId: 'c', complaintDate: '2026-01-01T00:00:00Z', callbackUrl: null };
    const api = fakeApi({
      'sandbox.complain': (i) => (i.id === 'e' ? ok(filed) : fail('sandbox_refused', 'Only an email')),
      'sandbox.activity': () => (activityReads++, ok({ callbacks: [], unsubscribes: [] })),
    });
    const store = createAppStore(api);
    expect(await store.getState().complainAboutEmail('e')).toEqual({ ok: true, value: filed });
    expect(activityReads).toBe(0);
    await store.getState().loadSandboxActivity();
    await store.getState().complainAboutEmail('e');
    await flush();
    expect(activityReads).toBe(2);
    const refused = await store.getState().complainAboutEmail('t');
    expect(refused).toMatchObject({ ok: false, error: { code: 'sandbox_refused' } });
    expect(activityReads).toBe(2);
  });

  it('drops an answer for filters the user has since changed', async () => {
    const waits: Array<() => void> = [];
    const api = fakeApi({
      'sandbox.inbox': (i) =>
        new Promise((resolve) =>
          waits.push(() =>
            resolve(
              ok({ notifications: [n(i.filters?.recipient ?? 'all', '2026-01-01')], nextOlderThan: null }),
            ),
          ),
        ),
    });
    const store = createAppStore(api);
    const first = store.getState().loadInbox({ recipient: 'old' });
    const second = store.getState().loadInbox({ recipient: 'new' });
    waits[1]!();
    await second;
    waits[0]!();
    await first;
    expect(store.getState().inbox.items.map((x) => x.id)).toEqual(['new']);
    expect(store.getState().inbox.filters).toEqual({ recipient: 'new' });
  });
});
