import { describe, expect, it } from 'vitest';
import {
  takeBrowserToken,
  TOKEN_STORAGE_KEY,
  type TokenEnvironment,
} from '../../../src-renderer/api/browser-token';

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
