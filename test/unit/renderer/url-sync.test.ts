import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src-renderer/state/store';
import { startUrlSync, type UrlEnvironment } from '../../../src-renderer/state/url-sync';
import { fakeApi } from './fake-api';

const NOTIFICATION = 'a1b2c3d4-0000-4000-8000-00000000beef';
const TEMPLATE = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

/**
 * A window's history in miniature: a stack of fragments, push/replace that fire nothing (as in a
 * browser), and back/forward/visit that change the fragment and then fire the events a browser
 * fires for a same-document navigation.
 */
function fakeWindow(initialHash = '') {
  const entries = [initialHash];
  let index = 0;
  const listeners = new Map<string, Set<() => void>>();
  const log: string[] = [];
  const resolve = (url?: string) => {
    if (url === undefined) return entries[index]!;
    expect(url.startsWith('#')).toBe(true);
    return url;
  };
  const fire = (...types: string[]) => types.forEach((t) => listeners.get(t)?.forEach((l) => l()));
  const env: UrlEnvironment = {
    location: {
      get hash() {
        return entries[index]!;
      },
    },
    history: {
      pushState(_data, _unused, url) {
        log.push(`push ${url}`);
        entries.splice(index + 1, entries.length, resolve(url));
        index++;
      },
      replaceState(_data, _unused, url) {
        log.push(`replace ${url}`);
        entries[index] = resolve(url);
      },
    },
    addEventListener(type, listener) {
      if (!listeners.has(type)) listeners.set(type, new Set());
      listeners.get(type)!.add(listener);
    },
    removeEventListener(type, listener) {
      listeners.get(type)?.delete(listener);
    },
  };
  return {
    env,
    log,
    entries: () => [...entries],
    get index() {
      return index;
    },
    listenerCount: () => [...listeners.values()].reduce((n, set) => n + set.size, 0),
    back() {
      index--;
      fire('popstate', 'hashchange');
    },
    forward() {
      index++;
      fire('popstate', 'hashchange');
    },
    /** A fragment typed or pasted into the address bar: a new entry, then both events. */
    visit(hash: string) {
      entries.splice(index + 1, entries.length, hash);
      index++;
      fire('popstate', 'hashchange');
    },
  };
}

describe('startUrlSync', () => {
  it('opens the screen the fragment names, without touching history', () => {
    const win = fakeWindow(`#/status/sandbox-test/${NOTIFICATION}`);
    const store = createAppStore(fakeApi());
    startUrlSync(store, win.env);
    expect(store.getState().route).toEqual({ screen: 'status', profileId: 'sandbox-test', id: NOTIFICATION });
    expect(win.log).toEqual([]);
  });

  it('leaves an empty fragment empty and shows the default screen', () => {
    const win = fakeWindow('');
    const store = createAppStore(fakeApi());
    startUrlSync(store, win.env);
    expect(store.getState().route).toEqual({ screen: 'send' });
    expect(win.log).toEqual([]);
  });

  it.each(['#/nowhere', '#view=history', '#/history/extra', '#token=abc'])(
    'replaces %s with the default screen at start',
    (hash) => {
      const win = fakeWindow(hash);
      const store = createAppStore(fakeApi());
      startUrlSync(store, win.env);
      expect(store.getState().route).toEqual({ screen: 'send' });
      expect(win.log).toEqual(['replace #/send']);
      expect(win.entries()).toEqual(['#/send']);
    },
  );

  it('pushes an entry when the route changes, and only then', () => {
    const win = fakeWindow('');
    const store = createAppStore(fakeApi());
    startUrlSync(store, win.env);
    store.getState().navigate({ screen: 'history' });
    store.getState().navigate({ screen: 'history' });
    store.getState().navigate({ screen: 'status', profileId: 'p1', id: NOTIFICATION });
    store.getState().navigate({ screen: 'status', profileId: 'p1', id: NOTIFICATION });
    store.getState().setTheme('dark');
    store.getState().pushToast('info', 'hello');
    expect(win.log).toEqual(['push #/history', `push #/status/p1/${NOTIFICATION}`]);
    expect(win.entries()).toEqual(['', '#/history', `#/status/p1/${NOTIFICATION}`]);
  });

  it('does not push the default screen over an empty fragment', () => {
    const win = fakeWindow('');
    const store = createAppStore(fakeApi());
    startUrlSync(store, win.env);
    store.getState().navigate({ screen: 'send' });
    expect(win.log).toEqual([]);
  });

  it('pushes what a link can carry when a route holds more', () => {
    const win = fakeWindow('#/history');
    const store = createAppStore(fakeApi());
    startUrlSync(store, win.env);
    store.getState().navigate({ screen: 'status', profileId: 'p1' });
    expect(win.log).toEqual(['push #/status']);
  });

  it('applies Back and Forward without pushing', () => {
    const win = fakeWindow('#/history');
    const store = createAppStore(fakeApi());
    startUrlSync(store, win.env);
    store.getState().navigate({ screen: 'send', templateId: TEMPLATE });
    store.getState().navigate({ screen: 'support' });
    expect(win.log).toEqual([`push #/send/${TEMPLATE}`, 'push #/support']);

    win.back();
    expect(store.getState().route).toEqual({ screen: 'send', templateId: TEMPLATE });
    win.back();
    expect(store.getState().route).toEqual({ screen: 'history', filters: {} });
    win.forward();
    expect(store.getState().route).toEqual({ screen: 'send', templateId: TEMPLATE });
    expect(win.log).toHaveLength(2);
    expect(win.index).toBe(1);

    // Navigating from the middle of history drops the forward entries, as a browser does.
    store.getState().navigate({ screen: 'inspector' });
    expect(win.entries()).toEqual(['#/history', `#/send/${TEMPLATE}`, '#/inspector']);
  });

  it('goes back to an empty fragment as the default screen', () => {
    const win = fakeWindow('');
    const store = createAppStore(fakeApi());
    startUrlSync(store, win.env);
    store.getState().navigate({ screen: 'received' });
    win.back();
    expect(store.getState().route).toEqual({ screen: 'send' });
    expect(win.log).toEqual(['push #/received']);
  });

  it('follows a link pasted into the address bar', () => {
    const win = fakeWindow('#/history');
    const store = createAppStore(fakeApi());
    startUrlSync(store, win.env);
    win.visit(`#/status/p1/${NOTIFICATION}`);
    expect(store.getState().route).toEqual({ screen: 'status', profileId: 'p1', id: NOTIFICATION });
    expect(win.log).toEqual([]);
  });

  it('replaces, never pushes, a pasted fragment it cannot read', () => {
    const win = fakeWindow('#/history');
    const store = createAppStore(fakeApi());
    startUrlSync(store, win.env);
    win.visit('#token=secret');
    expect(store.getState().route).toEqual({ screen: 'send' });
    expect(win.log).toEqual(['replace #/send']);
    expect(win.entries()).toEqual(['#/history', '#/send']);
  });

  it('closes the palette when Back changes the screen', () => {
    const win = fakeWindow('#/history');
    const store = createAppStore(fakeApi());
    startUrlSync(store, win.env);
    store.getState().navigate({ screen: 'support' });
    store.getState().setPaletteOpen(true);
    win.back();
    expect(store.getState().paletteOpen).toBe(false);
    expect(store.getState().route).toEqual({ screen: 'history', filters: {} });
  });

  it('stops listening and pushing when stopped', () => {
    const win = fakeWindow('#/history');
    const store = createAppStore(fakeApi());
    const stop = startUrlSync(store, win.env);
    expect(win.listenerCount()).toBe(2);
    stop();
    expect(win.listenerCount()).toBe(0);
    store.getState().navigate({ screen: 'support' });
    expect(win.log).toEqual([]);
  });
});
