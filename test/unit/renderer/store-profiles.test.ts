import { describe, expect, it } from 'vitest';
import { createAppStore, startEventFeed, bootstrap } from '../../../src-renderer/state/store';
import { selectActiveProfile } from '../../../src-renderer/state/slices/profiles-slice';
import { fail, fakeApi, fakePrefs, flush, ok, profile } from './fake-api';

/**
 * Where the window keeps the theme and presentation mode (localStorage). Stated here, not imported:
 * renaming a key would silently forget every user's choice.
 */
const THEME_KEY = 'notify-console.theme';
const PRESENTING_KEY = 'notify-console.presenting';

const appStatus = (
  vault: Partial<{ kind: 'os-keychain' | 'passphrase'; locked: boolean; needsSetup: boolean }> = {},
) => ({
  version: '0.1.0',
  mode: 'browser' as const,
  vault: { kind: 'passphrase' as const, locked: true, needsSetup: false, reason: null, ...vault },
  sandboxUrl: 'http://127.0.0.1:6011',
  activeProfileId: 'p1',
});

describe('profiles', () => {
  it('loads profiles and the active one', async () => {
    const api = fakeApi({
      'profiles.list': () =>
        ok({ profiles: [profile(), profile({ id: 'p2', name: 'Live', keyType: 'live' })], activeId: 'p2' }),
      'app.status': () => ok(appStatus()),
    });
    const store = createAppStore(api);
    await bootstrap(store);
    expect(store.getState().profiles.status).toBe('ready');
    expect(selectActiveProfile(store.getState())?.name).toBe('Live');
    expect(store.getState().appStatus.value?.vault.locked).toBe(true);
  });

  it('falls back to the first profile when none is active', async () => {
    const store = createAppStore(
      fakeApi({ 'profiles.list': () => ok({ profiles: [profile()], activeId: null }) }),
    );
    await store.getState().loadProfiles();
    expect(store.getState().activeProfileId).toBe('p1');
  });

  it('keeps the list and reports the error when loading fails', async () => {
    const api = fakeApi({ 'profiles.list': () => ok({ profiles: [profile()], activeId: 'p1' }) });
    const store = createAppStore(api);
    await store.getState().loadProfiles();
    api.handlers['profiles.list'] = () => fail('locked', 'The key vault is locked.');
    await store.getState().loadProfiles();
    expect(store.getState().profiles).toMatchObject({ status: 'error', error: { code: 'locked' } });
    expect(store.getState().profiles.value).toHaveLength(1);
  });

  it('returns the core’s validation error for a bad key and reloads only on success', async () => {
    const badKey = fail('invalid_profile', 'apiKey: That is not a Notify API key', {
      issues: [{ field: 'apiKey', message: 'That is not a Notify API key' }],
    });
    const api = fakeApi({
      'profiles.create': () => badKey,
      'profiles.list': () => ok({ profiles: [profile()], activeId: 'p1' }),
    });
    const store = createAppStore(api);
    const input = {
      name: 'New',
      baseUrl: 'https://api.notifications.service.gov.uk',
      apiKey: 'nope',
      keyType: 'test' as const,
    };
    expect(await store.getState().createProfile(input)).toEqual(badKey);
    expect(api.callsTo('profiles.list')).toHaveLength(0);
    api.handlers['profiles.create'] = () => ok(profile({ id: 'p9' }));
    expect((await store.getState().createProfile(input)).ok).toBe(true);
    expect(api.callsTo('profiles.create')[1]).toEqual(input);
    expect(api.callsTo('profiles.list')).toHaveLength(1);
  });

  it('switches profile optimistically, clears profile-scoped state, and reverts on failure', async () => {
    const api = fakeApi({
      'profiles.list': () => ok({ profiles: [profile(), profile({ id: 'p2' })], activeId: 'p1' }),
      'profiles.setActive': () => ok({ activeId: 'p2' }),
    });
    const store = createAppStore(api);
    await store.getState().loadProfiles();
    store.setState({ history: { ...store.getState().history, profileId: 'p1', rows: [], status: 'ready' } });
    store.getState().updateSendForm({ recipient: '07700900123' });
    await store.getState().setActiveProfile('p2');
    expect(store.getState().activeProfileId).toBe('p2');
    expect(store.getState().history.profileId).toBeNull();
    expect(store.getState().send.form.recipient).toBe('07700900123');
    api.handlers['profiles.setActive'] = () => fail('profile_not_found', 'That profile no longer exists.');
    await store.getState().setActiveProfile('p1');
    expect(store.getState().activeProfileId).toBe('p2');
    expect(store.getState().toasts.at(-1)).toMatchObject({ kind: 'error' });
  });

  it('records connection tests per profile or draft', async () => {
    const verdict = {
      verdict: 'clock-skew' as const,
      message: 'Your clock is 45 s behind.',
      skewSeconds: 45,
      durationMs: 80,
    };
    const api = fakeApi({ 'profiles.testConnection': () => ok(verdict) });
    const store = createAppStore(api);
    const pending = store.getState().testConnection('draft', { baseUrl: 'http://x', apiKey: 'k' });
    expect(store.getState().connectionTests['draft']?.status).toBe('loading');
    await pending;
    expect(store.getState().connectionTests['draft']).toMatchObject({ status: 'ready', value: verdict });
    store.getState().clearConnectionTest('draft');
    expect(store.getState().connectionTests['draft']).toBeUndefined();
  });

  it('drops a "Connected" result once Notify reports the key revoked (issue 9.6)', async () => {
    const ok_ = {
      verdict: 'ok' as const,
      message: 'Connected: the key works.',
      skewSeconds: 0,
      durationMs: 5,
    };
    const key = profile().key!;
    let revoked = false;
    const api = fakeApi({
      'profiles.testConnection': () => ok(ok_),
      'profiles.list': () =>
        ok({
          profiles: [
            profile({ key: { ...key, revokedSeenAt: revoked ? '2026-03-01T10:00:00.000Z' : null } }),
          ],
          activeId: 'p1',
        }),
    });
    const store = createAppStore(api);
    await store.getState().loadProfiles();
    await store.getState().testConnection('p1', { id: 'p1' });
    await store.getState().loadProfiles();
    expect(store.getState().connectionTests['p1']?.value?.verdict).toBe('ok');
    revoked = true;
    await store.getState().loadProfiles();
    expect(store.getState().connectionTests['p1']).toBeUndefined();
  });

  it('imports and reloads', async () => {
    const api = fakeApi({
      'profiles.import': () => ok({ imported: ['A'], skipped: [], renamed: [] }),
      'profiles.list': () => ok({ profiles: [profile()], activeId: 'p1' }),
    });
    const store = createAppStore(api);
    expect(await store.getState().importProfiles('{"x":1}')).toEqual(
      ok({ imported: ['A'], skipped: [], renamed: [] }),
    );
    expect(api.callsTo('profiles.list')).toHaveLength(1);
  });
});

describe('vault', () => {
  it('unlocks, updates the status and reloads profiles', async () => {
    const api = fakeApi({
      'app.status': () => ok(appStatus({ locked: true })),
      'vault.unlock': ({ passphrase }) =>
        passphrase === 'right horse'
          ? ok({ locked: false })
          : fail('wrong_passphrase', 'That passphrase is not right.'),
      'profiles.list': () => ok({ profiles: [profile()], activeId: 'p1' }),
    });
    const store = createAppStore(api);
    await store.getState().loadAppStatus();
    const wrong = await store.getState().unlockVault('nope');
    expect(wrong).toMatchObject({ ok: false, error: { message: 'That passphrase is not right.' } });
    expect(store.getState().appStatus.value?.vault.locked).toBe(true);
    await store.getState().unlockVault('right horse');
    expect(store.getState().appStatus.value?.vault.locked).toBe(false);
    expect(api.callsTo('profiles.list')).toHaveLength(1);
  });

  it('marks the vault set up after setup', async () => {
    const api = fakeApi({
      'app.status': () => ok(appStatus({ needsSetup: true, locked: true })),
      'vault.setup': () => ok({ locked: false }),
      'profiles.list': () => ok({ profiles: [], activeId: null }),
    });
    const store = createAppStore(api);
    await store.getState().loadAppStatus();
    await store.getState().setupVault('a long passphrase');
    expect(store.getState().appStatus.value?.vault).toMatchObject({ needsSetup: false, locked: false });
  });
});

describe('events', () => {
  it('routes vault and profile events', async () => {
    const api = fakeApi({
      'app.status': () => ok(appStatus({ locked: false })),
      'profiles.list': () => ok({ profiles: [profile()], activeId: 'p1' }),
    });
    const store = createAppStore(api);
    await store.getState().loadAppStatus();
    const stop = startEventFeed(store, api);
    api.emit({ name: 'vault.changed', payload: { locked: true } });
    expect(store.getState().appStatus.value?.vault.locked).toBe(true);
    api.emit({ name: 'profiles.changed', payload: { activeId: 'p1' } });
    await flush();
    expect(api.callsTo('profiles.list')).toHaveLength(1);
    stop();
    api.emit({ name: 'vault.changed', payload: { locked: false } });
    expect(store.getState().appStatus.value?.vault.locked).toBe(true);
  });

  it('appends logged requests to the inspector', () => {
    const api = fakeApi();
    const store = createAppStore(api);
    startEventFeed(store, api);
    const entry = {
      id: 'r1',
      profileId: 'p1',
      method: 'GET',
      path: '/v2/templates',
      status: 200,
      durationMs: 12,
      startedAt: '2026-01-01T00:00:00.000Z',
      attempt: 1,
      jwtClaims: { iss: 'svc', iat: 1767225600 },
      clockSkewSeconds: 0.4,
      error: null,
      outcome: 'ok' as const,
    };
    api.emit({ name: 'request.logged', payload: entry });
    api.emit({ name: 'request.logged', payload: entry });
    expect(store.getState().inspector.value).toEqual([entry]);
  });
});

describe('ui', () => {
  it('persists the theme and reads it back', () => {
    const prefs = fakePrefs();
    const store = createAppStore(fakeApi(), { prefs });
    expect(store.getState().theme).toBe('system');
    store.getState().setTheme('dark');
    expect(prefs.getItem(THEME_KEY)).toBe('dark');
    expect(createAppStore(fakeApi(), { prefs }).getState().theme).toBe('dark');
    expect(createAppStore(fakeApi(), { prefs: fakePrefs({ [THEME_KEY]: 'purple' }) }).getState().theme).toBe(
      'system',
    );
  });

  it('persists presentation mode and reads it back', () => {
    const prefs = fakePrefs();
    const store = createAppStore(fakeApi(), { prefs });
    expect(store.getState().presenting).toBe(false);
    store.getState().setPresenting(true);
    expect(store.getState().presenting).toBe(true);
    expect(prefs.getItem(PRESENTING_KEY)).toBe('on');
    expect(createAppStore(fakeApi(), { prefs }).getState().presenting).toBe(true);
    store.getState().setPresenting(false);
    expect(prefs.getItem(PRESENTING_KEY)).toBe('off');
    expect(createAppStore(fakeApi(), { prefs }).getState().presenting).toBe(false);
    // Only an explicit "on" turns it on.
    expect(
      createAppStore(fakeApi(), { prefs: fakePrefs({ [PRESENTING_KEY]: 'yes' }) }).getState().presenting,
    ).toBe(false);
  });

  it('still toggles presentation mode when storage fails', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    const store = createAppStore(fakeApi(), { prefs: broken });
    expect(store.getState().presenting).toBe(false);
    store.getState().setPresenting(true);
    expect(store.getState().presenting).toBe(true);
  });

  it('keeps a few toasts and closes the palette on navigation', () => {
    const store = createAppStore(fakeApi());
    for (let i = 0; i < 6; i++) store.getState().pushToast('info', `t${i}`);
    expect(store.getState().toasts.map((t) => t.message)).toEqual(['t2', 't3', 't4', 't5']);
    store.getState().dismissToast(store.getState().toasts[0]!.id);
    expect(store.getState().toasts).toHaveLength(3);
    store.getState().setPaletteOpen(true);
    store.getState().navigate({ screen: 'history' });
    expect(store.getState()).toMatchObject({ paletteOpen: false, route: { screen: 'history' } });
    store.getState().setShortcutsOpen(true);
    store.getState().setPaletteOpen(true);
    expect(store.getState().shortcutsOpen).toBe(false);
  });
});
