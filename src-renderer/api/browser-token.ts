/**
 * The browser-mode session token: taken from `#token=…` once, then kept in sessionStorage.
 *
 * The host prints a link with the token in the fragment (fragments never reach a server, a log or
 * a Referer). The page moves it to sessionStorage (gone when the tab closes) and removes it from
 * the address bar, so it is not bookmarked, shared or left in history. The rest of the fragment is
 * kept as it was written, so a link may carry a screen too (`#token=…&/history`): routing reads
 * what is left once the token is gone.
 */

const TOKEN_STORAGE_KEY = 'notify-console.token';

export interface TokenEnvironment {
  location: { hash: string; pathname: string; search: string };
  sessionStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
  history: { replaceState(data: unknown, unused: string, url?: string): void };
}

/** The fragment (without `#`) with every `token` parameter dropped and the other parts untouched. */
function withoutToken(hash: string): string {
  return hash
    .split('&')
    .filter((part) => part !== '' && !new URLSearchParams(part).has('token'))
    .join('&');
}

/** Reads the token from the fragment (storing it and stripping it) or from sessionStorage. */
export function takeBrowserToken(env: TokenEnvironment): string | null {
  const hash = env.location.hash.replace(/^#/, '');
  const params = new URLSearchParams(hash);
  const fromHash = params.get('token');
  if (fromHash) {
    try {
      env.sessionStorage.setItem(TOKEN_STORAGE_KEY, fromHash);
    } catch {
      // Storage can be disabled; the token still works for this page load.
    }
    const rest = withoutToken(hash);
    env.history.replaceState(
      null,
      '',
      `${env.location.pathname}${env.location.search}${rest ? `#${rest}` : ''}`,
    );
    return fromHash;
  }
  try {
    return env.sessionStorage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    return null;
  }
}
