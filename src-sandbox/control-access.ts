/**
 * Who may call the sandbox's control API (`/_sandbox/*`): local tools, never a web page.
 *
 * The control API hands out API keys and recipients and can wipe a data folder, so a page in the
 * user's browser must not reach it. Each check closes one way in:
 * - the caller's address is loopback (nothing from the network);
 * - the Host header names a loopback address with the sandbox's own port (a DNS-rebinding page
 *   reaches 127.0.0.1 under its own host name, and says so in Host);
 * - an `Origin` (or `Sec-Fetch-Site`) other than the sandbox's own means a page sent it;
 * - a CORS preflight is refused, and no answer carries CORS headers, so a page cannot read one;
 * - calls that change something need `Content-Type: application/json` with a JSON body, which a page
 *   cannot send across origins without a preflight;
 * - with a control secret set, every call carries it in `X-Sandbox-Secret` (compared in constant time).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { appError, type SandboxResponse } from './http';

/** The header that carries the control secret. */
export const CONTROL_SECRET_HEADER = 'X-Sandbox-Secret';

/** Methods that change the sandbox's state. */
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface ControlAccess {
  /** The port the sandbox listens on: the only one a Host header may name. */
  port: number;
  /** When set, every control call must carry it in `X-Sandbox-Secret`. */
  secret: string | null;
}

/** A refusal's message quotes what the caller sent, shortened and with control characters removed. */
function quote(value: string): string {
  let clean = '';
  for (const ch of value.slice(0, 81)) clean += ch < ' ' || ch === '\u007f' ? '?' : ch;
  return `“${value.length > 80 ? `${clean.slice(0, 80)}…` : clean}”`;
}

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/** `127.0.0.0/8` written as a dotted quad. */
function isIpv4Loopback(host: string): boolean {
  const parts = host.split('.');
  return (
    parts.length === 4 && parts[0] === '127' && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)
  );
}

/** A loopback host name as it appears in a Host header or an origin: `localhost`, 127.x.x.x, `[::1]`. */
function isLoopbackName(host: string): boolean {
  const h = host.toLowerCase();
  return h === 'localhost' || h === '[::1]' || h === '[0:0:0:0:0:0:0:1]' || isIpv4Loopback(h);
}

/** Splits `host[:port]` (IPv6 in brackets); null when it is not that shape. */
function splitHostPort(value: string): { host: string; port: number } | null {
  const m = /^(\[[0-9A-Fa-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(value);
  if (!m) return null;
  return { host: m[1]!, port: m[2] === undefined ? 80 : Number(m[2]) };
}

/** True when `origin` is `http://<loopback name>:<port>`: a page the sandbox itself served. */
function isOwnOrigin(origin: string, port: number): boolean {
  const m = /^http:\/\/(.+)$/.exec(origin);
  if (!m) return false;
  const hp = splitHostPort(m[1]!);
  return hp !== null && hp.port === port && isLoopbackName(hp.host);
}

/** `application/json`, with or without parameters such as `charset=utf-8`. */
function isJsonContentType(value: string | undefined): boolean {
  return value !== undefined && value.split(';')[0]!.trim().toLowerCase() === 'application/json';
}

/** Compares two secrets in time that depends on neither (both are hashed to the same length first). */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

function refuse(status: number, message: string): SandboxResponse {
  return appError(status, message);
}

/**
 * Checks a control call's headers, before its body is read. Returns the refusal to send, or null when
 * the call may go on (its body still has to pass `checkControlBody`).
 */
export function checkControlHeaders(
  method: string,
  headers: IncomingHttpHeaders,
  remoteAddress: string,
  access: ControlAccess,
): SandboxResponse | null {
  if (!isLoopbackAddress(remoteAddress))
    return refuse(403, 'The sandbox control API only answers on loopback.');

  const host = first(headers.host);
  const own = `127.0.0.1:${access.port}, localhost:${access.port} or [::1]:${access.port}`;
  if (host === undefined || host === '')
    return refuse(400, `The sandbox control API needs a Host header: ${own}.`);
  const hp = splitHostPort(host);
  if (!hp || hp.port !== access.port || !isLoopbackName(hp.host))
    return refuse(
      403,
      `The sandbox control API answers only requests addressed to it (Host ${own}), not Host ${quote(host)}.`,
    );

  const origin = first(headers.origin);
  if (origin !== undefined && !isOwnOrigin(origin, access.port))
    return refuse(
      403,
      `The sandbox control API does not answer web pages: this request came from ${quote(origin)}.`,
    );
  const site = first(headers['sec-fetch-site']);
  if (site !== undefined && site !== 'same-origin' && site !== 'none')
    return refuse(403, `The sandbox control API does not answer web pages (Sec-Fetch-Site ${quote(site)}).`);
  if (method === 'OPTIONS' && headers['access-control-request-method'] !== undefined)
    return refuse(403, 'The sandbox control API refuses CORS preflight requests.');

  if (access.secret !== null) {
    const given = first(headers[CONTROL_SECRET_HEADER.toLowerCase()]);
    if (given === undefined)
      return refuse(
        403,
        `The sandbox control API needs this sandbox's control secret in ${CONTROL_SECRET_HEADER}.`,
      );
    if (!sameSecret(given, access.secret))
      return refuse(403, `The ${CONTROL_SECRET_HEADER} header does not match this sandbox's control secret.`);
  }

  if (STATE_CHANGING.has(method) && !isJsonContentType(first(headers['content-type'])))
    return refuse(
      415,
      `A control call that changes something (${method}) needs Content-Type: application/json, not ${quote(first(headers['content-type']) ?? 'none')}.`,
    );
  return null;
}

/**
 * Parses a state-changing control call's body: it must be JSON (`{}` for a call without fields).
 * Returns the parsed value, or the refusal to send.
 */
export function checkControlBody(
  method: string,
  body: Buffer,
): { ok: true; json: unknown } | { ok: false; refusal: SandboxResponse } {
  if (!STATE_CHANGING.has(method)) return { ok: true, json: undefined };
  if (body.length === 0)
    return {
      ok: false,
      refusal: refuse(
        400,
        `A control call that changes something (${method}) needs a JSON body: send {} when it takes no fields.`,
      ),
    };
  try {
    return { ok: true, json: JSON.parse(body.toString('utf8')) };
  } catch (err) {
    return { ok: false, refusal: refuse(400, `Body is not valid JSON: ${(err as Error).message}`) };
  }
}

/** A loopback peer address as Node reports it: `127.x.x.x`, `::1` or `::ffff:127.x.x.x`. */
function isLoopbackAddress(addr: string): boolean {
  return addr === '::1' || addr.startsWith('127.') || addr.startsWith('::ffff:127.');
}
