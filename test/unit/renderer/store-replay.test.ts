import { describe, expect, it } from 'vitest';
import type { CallbackReplayResult } from '../../../src-main/contract/methods';
import { buildCallbackPayload } from '../../../src-shared/callback-payload';
import { createAppStore } from '../../../src-renderer/state/store';
import { fail, fakeApi, fakePrefs, notification, ok } from './fake-api';

const ID = '33333333-3333-3333-3333-333333333333';
const result = (over: Partial<CallbackReplayResult> = {}): CallbackReplayResult => ({
  status: 200,
  ok: true,
  durationMs: 12,
  sentAt: '2026-01-05T12:00:00.000Z',
  responseBody: 'ok',
  responseTruncated: false,
  error: null,
  payload: buildCallbackPayload(notification()),
  ...over,
});

describe('replay slice', () => {
  it('sends the form’s URL and token, logs the result (never the token) and resends', async () => {
    const api = fakeApi({ 'callbacks.replay': () => ok(result()) });
    const prefs = fakePrefs();
    const store = createAppStore(api, { prefs });
    store.getState().setReplayUrl(' http://localhost:3000/cb ');
    store.getState().setReplayToken('tok-123');
    await store.getState().sendReplay('p1', ID);
    expect(api.callsTo('callbacks.replay')).toEqual([
      { profileId: 'p1', notificationId: ID, url: 'http://localhost:3000/cb', bearerToken: 'tok-123' },
    ]);
    const [entry] = store.getState().replay.log;
    expect(entry).toMatchObject({
      url: 'http://localhost:3000/cb',
      withToken: true,
      result: { status: 200 },
    });
    expect(JSON.stringify(store.getState().replay.log)).not.toContain('tok-123');
    // Resend: same URL, the token in the form now (none).
    store.getState().setReplayToken('');
    await store.getState().resendReplay(entry!.id);
    expect(api.callsTo('callbacks.replay')[1]).toEqual({
      profileId: 'p1',
      notificationId: ID,
      url: 'http://localhost:3000/cb',
    });
    expect(store.getState().replay.log).toHaveLength(2);
    expect(store.getState().replay.log[0]!.withToken).toBe(false);
    // Nothing about the form goes into preferences.
    expect([...prefs.values.values()].join()).not.toContain('tok-123');
    expect([...prefs.values.values()].join()).not.toContain('localhost:3000');
  });

  it('keeps a refused URL as the form’s error, and asks for a URL before calling', async () => {
    const api = fakeApi({
      'callbacks.replay': () =>
        fail('validation', 'Plain http:// is only allowed…', {
          issues: [{ field: 'url', message: 'Plain http://' }],
        }),
    });
    const store = createAppStore(api);
    await store.getState().sendReplay('p1', ID);
    expect(api.callsTo('callbacks.replay')).toHaveLength(0);
    expect(store.getState().replay.error?.message).toMatch(/Enter the URL/);
    store.getState().setReplayUrl('http://example.com/');
    expect(store.getState().replay.error).toBeNull();
    await store.getState().sendReplay('p1', ID);
    expect(store.getState().replay.error?.code).toBe('validation');
    expect(store.getState().replay.log).toHaveLength(0);
    expect(store.getState().replay.sendingFor).toBeNull();
  });
});
