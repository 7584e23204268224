/**
 * One rule for where an API key may be sent: the base URL and proxy checks every path that signs a
 * request with a key goes through (creating, editing and importing a profile, "Test connection"
 * with typed-in settings, and the Notify client itself).
 *
 * https only, except plain http to this computer (localhost, 127.0.0.0/8, [::1]) where a Notify
 * Sandbox runs; no credentials, query or fragment; proxies are http(s) with host and port only.
 */
import { isLoopbackHost } from './loopback';
import { bad, type Check } from './profile-fields';
import { parseUrl } from './url';

/** Longest base URL or proxy URL accepted, by the contract and by these checks. */
export const MAX_URL_LENGTH = 2048;
/**
 * Checks and normalises a Notify API base URL.
 *
 * https only, except plain http to this computer (127.0.0.0/8, localhost, [::1]) where the Notify
 * Sandbox runs. No credentials, query or fragment: the key is the only credential, and the URL is
 * shown and exported. Trailing slashes are dropped so `…/` and `…` are the same profile.
 */
export function normaliseBaseUrl(raw: unknown): Check<string> {
  if (typeof raw !== 'string' || raw.trim() === '') {
    return bad('Enter the API base URL, for example https://api.notifications.service.gov.uk.');
  }
  const text = raw.trim();
  if (text.length > MAX_URL_LENGTH) return bad(`The URL is too long (over ${MAX_URL_LENGTH} characters).`);
  // URL() silently drops tabs and line breaks inside a URL; a pasted URL with them is a mistake.
  if (/[\s\p{Cc}]/u.test(text))
    return bad('The URL contains a space or line break. Paste it again as one line.');
  const url = parseUrl(text);
  if (url === null) {
    return bad(
      /^[a-z][a-z0-9+.-]*:\/\//i.test(text)
        ? 'This is not a valid URL.'
        : 'Start the URL with https://, for example https://api.notifications.service.gov.uk.',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return bad('Start the URL with https://, for example https://api.notifications.service.gov.uk.');
  }
  if (url.username || url.password || /^[a-z]+:\/\/[^/]*@/i.test(text)) {
    return bad(
      'Remove the user name or password from the URL: the console signs requests with your API key.',
    );
  }
  if (text.includes('?')) return bad('Remove the query (the part from “?”): a base URL has none.');
  if (text.includes('#')) return bad('Remove the part from “#”: a base URL has none.');
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return bad(
      'Use https://. Plain http:// is allowed only for a Notify Sandbox on this computer (localhost, 127.0.0.1 or [::1]).',
    );
  }
  const path = url.pathname.replace(/\/+$/, '');
  if (/\/v2(?:\/|$)/i.test(path)) {
    return bad('Leave out /v2 and anything after it: the console adds the API path itself.');
  }
  return { ok: true, value: `${url.protocol}//${url.host}${path}` };
}

/**
 * Checks and normalises a proxy URL: http(s), host and port only, or null for "no proxy".
 *
 * A stored profile refuses proxy credentials (`credentials: 'refuse'`, the default) because the
 * settings file is not the place for secrets; the environment (HTTPS_PROXY) can carry them instead.
 * The Notify client accepts them (`'allow'`) for callers that hold them in memory; the value
 * returned never contains them.
 */
export function normaliseProxy(
  raw: unknown,
  options: { credentials?: 'refuse' | 'allow' } = {},
): Check<string | null> {
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) {
    return { ok: true, value: null };
  }
  if (typeof raw !== 'string')
    return bad('Enter the proxy as a URL, like http://proxy.example:3128, or leave it empty.');
  const text = raw.trim();
  if (text.length > MAX_URL_LENGTH)
    return bad(`The proxy URL is too long (over ${MAX_URL_LENGTH} characters).`);
  if (/[\s\p{Cc}]/u.test(text)) return bad('The proxy URL contains a space or line break.');
  const url = parseUrl(text);
  if (url === null) {
    return bad('Enter the proxy as a URL starting with http:// or https://, like http://proxy.example:3128.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return bad('The proxy URL must start with http:// or https://.');
  }
  const hasCredentials = url.username !== '' || url.password !== '' || /^[a-z]+:\/\/[^/]*@/i.test(text);
  if (hasCredentials && options.credentials !== 'allow') {
    return bad(
      "Remove the user name and password: the console doesn't store proxy credentials. Set them in the HTTPS_PROXY environment variable instead.",
    );
  }
  if (text.includes('?') || text.includes('#') || url.pathname.replace(/\/+$/, '') !== '') {
    return bad('Give only the proxy’s scheme, host and port, like http://proxy.example:3128.');
  }
  return { ok: true, value: `${url.protocol}//${url.host}` };
}

/**
 * Both checks at once, as the places that send a key use them: the first problem, by field.
 * `proxyCredentials` as for {@link normaliseProxy}.
 */
export function checkKeyDestination(
  baseUrl: unknown,
  proxy: unknown,
  proxyCredentials: 'refuse' | 'allow' = 'refuse',
):
  | { ok: true; baseUrl: string; proxy: string | null }
  | { ok: false; field: 'baseUrl' | 'proxy'; message: string } {
  const url = normaliseBaseUrl(baseUrl);
  if (!url.ok) return { ok: false, field: 'baseUrl', message: url.message };
  const via = normaliseProxy(proxy, { credentials: proxyCredentials });
  if (!via.ok) return { ok: false, field: 'proxy', message: via.message };
  return { ok: true, baseUrl: url.value, proxy: via.value };
}
