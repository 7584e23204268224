import { describe, expect, it } from 'vitest';
import { takeBrowserToken, type TokenEnvironment } from '../../../src-renderer/api/browser-token';

/**
 * The sessionStorage key the token is kept under. Stated here, not imported: a tab that was open
 * before an upgrade finds its token again only if the key never changes.
 */
const TOKEN_STORAGE_KEY = 'notify-console.token';

function env(hash: string, stored: Record<string, string> = {}) {
  const storage = new Map(Object.entries(stored));
  const replaced: string[] = [];
  const e: TokenEnvironment = {
    location: { hash, pathname: '/', search: '?x=1' },
    sessionStorage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) },
    history: { replaceState: (_d, _u, url) => void replaced.push(String(url)) },
  };
  return { e, storage, replaced };
}

describe('takeBrowserToken', () => {
  it('takes the token from the fragment, stores it and strips it from the address', () => {
    const { e, storage, replaced } = env('#token=secret_123-abc');
    expect(takeBrowserToken(e)).toBe('secret_123-abc');
    expect(storage.get(TOKEN_STORAGE_KEY)).toBe('secret_123-abc');
    expect(replaced).toEqual(['/?x=1']);
  });

  it('keeps other fragment parameters', () => {
    const { e, replaced } = env('#token=abc&view=history');
    takeBrowserToken(e);
    expect(replaced).toEqual(['/?x=1#view=history']);
  });

  it('keeps a screen the link carries as written, on either side of the token', () => {
    const id = 'a1b2c3d4-0000-4000-8000-00000000beef';
    const first = env(`#token=abc&/status/sandbox-test/${id}`);
    expect(takeBrowserToken(first.e)).toBe('abc');
    expect(first.replaced).toEqual([`/?x=1#/status/sandbox-test/${id}`]);
    const last = env('#/history&token=abc');
    expect(takeBrowserToken(last.e)).toBe('abc');
    expect(last.replaced).toEqual(['/?x=1#/history']);
  });

  it('drops every token parameter, however it is spelled', () => {
    const { e, replaced } = env('#token=abc&%74oken=def&view=history&token=ghi');
    expect(takeBrowserToken(e)).toBe('abc');
    expect(replaced).toEqual(['/?x=1#view=history']);
  });

  it('leaves a fragment without a token alone', () => {
    const { e, replaced } = env('#/history', { [TOKEN_STORAGE_KEY]: 'kept' });
    expect(takeBrowserToken(e)).toBe('kept');
    expect(replaced).toEqual([]);
  });

  it('falls back to sessionStorage after a reload', () => {
    const { e, replaced } = env('', { [TOKEN_STORAGE_KEY]: 'kept' });
    expect(takeBrowserToken(e)).toBe('kept');
    expect(replaced).toEqual([]);
  });

  it('returns null when there is no token anywhere', () => {
    expect(takeBrowserToken(env('#main').e)).toBeNull();
  });

  it('still works when storage throws', () => {
    const { e } = env('#token=abc');
    e.sessionStorage.setItem = () => {
      throw new Error('denied');
    };
    expect(takeBrowserToken(e)).toBe('abc');
  });
});
