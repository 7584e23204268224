/**
 * Whether a URL's host is this computer, for the decisions that treat local endpoints differently
 * (a profile on a local sandbox; a callback replay that may use plain http and skips the proxy).
 */
import { parseUrl } from './url';

/** A parsed URL's hostname is localhost, 127.0.0.0/8 or [::1]. `URL` has already canonicalised it. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase();
  if (h === 'localhost' || h === '[::1]') return true;
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  return m !== null && m[1] === '127' && m.slice(2).every((part) => Number(part) <= 255);
}

/** The same for a whole URL; false for anything that does not parse. */
export function isLoopbackUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return parsed !== null && isLoopbackHost(parsed.hostname);
}
