/**
 * The browser-mode host's request guards and response headers.
 *
 * Browser mode serves the core on a loopback port that every web page the user visits can also reach
 * (`fetch('http://127.0.0.1:PORT/rpc')`, DNS rebinding, `<img>`/`<form>` tricks). These pure checks are
 * what stands between a hostile page and the user's API keys, so each one is small and tested alone.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { CONTENT_SECURITY_POLICY } from '../host/content-security-policy';

/** Headers every response carries, errors included. */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  // The policy the Electron shell sends too (one copy, src-main/host/content-security-policy.ts).
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  // Legacy twin of frame-ancestors for browsers that ignore CSP level 2.
  'X-Frame-Options': 'DENY',
};

/** Sets {@link SECURITY_HEADERS} on a response that has not started yet. */
export function applySecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}

/**
 * A fresh 32-byte secret, base64url-encoded (43 characters).
 *
 * Used for the session token and for SSE tickets: 256 bits cannot be guessed by a page that probes the
 * port, and base64url survives a URL fragment and a query string without escaping.
 */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Compares a presented secret with the expected one in constant time.
 *
 * Both sides are hashed first so `timingSafeEqual` sees equal lengths and the comparison leaks neither
 * the content nor the length of the real token.
 */
export function secretsEqual(presented: string, expected: string): boolean {
  const a = createHash('sha256').update(presented, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

/** The token from an `Authorization: Bearer …` header, or null when the header is missing or malformed. */
export function bearerToken(header: string | undefined): string | null {
  if (typeof header !== 'string') return null;
  const match = /^Bearer ([A-Za-z0-9._~+/=-]{1,512})$/.exec(header.trim());
  return match?.[1] ?? null;
}

/**
 * Whether the `Host` header names this host, and nothing else.
 *
 * DNS-rebinding defence: a hostile page can make `evil.example` resolve to 127.0.0.1, but its requests
 * still say `Host: evil.example:PORT`. Only the two loopback spellings the user could have typed match.
 */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (typeof host !== 'string') return false;
  const h = host.toLowerCase();
  return h === `127.0.0.1:${port}` || h === `localhost:${port}`;
}

/** Whether an `Origin` header, when a browser sent one, is this host's own page. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/**
 * Whether `Sec-Fetch-Site` (sent by every current browser) allows an API request.
 *
 * Only our own page (`same-origin`) may call the API. `same-site` is refused too: another dev server on
 * `localhost:3000` is same-site with us but must not reach the user's keys. Absent means a non-browser
 * client (curl, tests), which the bearer token alone governs.
 */
export function isAllowedApiFetchSite(value: string | undefined): boolean {
  return value === undefined || value === 'same-origin';
}

/**
 * Whether `Sec-Fetch-Site`/`Sec-Fetch-Mode` allow a static file request.
 *
 * Top-level navigations from anywhere are fine (a user clicking the printed link); other sites embedding
 * or fetching our scripts are not (Cross-Origin-Resource-Policy says the same to the browser).
 */
export function isAllowedStaticFetch(site: string | undefined, mode: string | undefined): boolean {
  if (site === undefined || site === 'same-origin' || site === 'none') return true;
  return mode === 'navigate';
}

/**
 * Whether a `Content-Type` is JSON in UTF-8, the only body `/rpc` accepts.
 *
 * Insisting on `application/json` means a cross-site `<form>` (which can only send form or text types)
 * can never produce an acceptable request, and any cross-site `fetch` with JSON needs a CORS preflight
 * this host never approves.
 */
export function isJsonContentType(value: string | undefined): boolean {
  if (typeof value !== 'string') return false;
  const [type, ...params] = value.split(';').map((p) => p.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((p) => p === '' || p === 'charset=utf-8' || p === 'charset="utf-8"');
}
