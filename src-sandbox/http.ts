/**
 * HTTP plumbing shared by every sandbox route: requests, responses and Notify's two error envelopes.
 */
import { isUtf8 } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import { sortedJson } from './json';
import type { LatencyRoute } from './latency';

export interface SandboxRequest {
  method: string;
  /** Path without the query string, percent-decoding left to the routes. */
  path: string;
  query: URLSearchParams;
  /** Query parameters in request order, as Werkzeug keeps them. */
  queryPairs: [string, string][];
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** `http://host:port/` as Flask's `request.url_root`. */
  urlRoot: string;
  remoteAddress: string;
  /** A control call's body, parsed once by the access check (control routes only). */
  json?: unknown;
}

export interface SandboxResponse {
  status: number;
  body: string | Uint8Array;
  headers?: Record<string, string>;
  /**
   * Whose response times this answer takes when its route's own do not fit (a precompiled letter,
   * an email with a file): see `latency.ts`.
   */
  latencyRoute?: LatencyRoute;
}

/** Headers Notify adds to every response (API `app/__init__.py` after_request). */
export const NOTIFY_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'Content-Type,Authorization',
  'Access-Control-Allow-Methods': 'GET,PUT,POST,DELETE',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'SAMEORIGIN',
  'X-Permitted-Cross-Domain-Policies': 'none',
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains; preload',
  'Cache-Control': 'no-store, no-cache, private, must-revalidate',
};

/**
 * Headers on every `/_sandbox/*` answer instead of Notify's: no CORS at all (a page on another origin
 * cannot read them), and nothing a browser may embed, frame or sniff.
 */
export const CONTROL_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Cache-Control': 'no-store',
};

const JSON_HEADERS: Readonly<Record<string, string>> = Object.freeze({ 'Content-Type': 'application/json' });

export function json(status: number, value: unknown, headers?: Record<string, string>): SandboxResponse {
  return {
    status,
    body: sortedJson(value),
    headers: headers ? { 'Content-Type': 'application/json', ...headers } : JSON_HEADERS,
  };
}

interface V2ErrorEntry {
  error: string;
  message: string;
  [extra: string]: unknown;
}

/** The v2 envelope: `{"errors": [...], "status_code": N}`. */
export function v2Error(status: number, errors: V2ErrorEntry[]): SandboxResponse {
  return json(status, { status_code: status, errors });
}

/** A v2 error raised from deep inside a route; the dispatcher turns it into the envelope. */
export class V2Error extends Error {
  constructor(
    readonly status: number,
    readonly errors: V2ErrorEntry[],
  ) {
    super(errors[0]?.message ?? 'error');
  }
  static one(status: number, error: string, message: string): V2Error {
    return new V2Error(status, [{ error, message }]);
  }
}

export const badRequest = (message: string) => V2Error.one(400, 'BadRequestError', message);
export const validationError = (messages: string[]) =>
  new V2Error(
    400,
    messages.map((message) => ({ error: 'ValidationError', message })),
  );

const NOT_FOUND_MESSAGE =
  'The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.';
export const METHOD_NOT_ALLOWED_MESSAGE = 'The method is not allowed for the requested URL.';

/** The app-level envelope used for routing errors: `{"message": ..., "result": "error"}`. */
export function appError(
  status: number,
  message: unknown,
  headers?: Record<string, string>,
): SandboxResponse {
  return json(status, { result: 'error', message }, headers);
}

export const notFound = (): SandboxResponse => appError(404, NOT_FOUND_MESSAGE);

/** Reads the query string as `to_dict(flat=False)`: each name → its values in order. */
export function queryLists(pairs: [string, string][]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [k, v] of pairs) {
    const list = out.get(k);
    if (list) list.push(v);
    else out.set(k, [v]);
  }
  return out;
}

/** `request.args.to_dict()`: each name's first value, names in request order. */
export function firstValues(pairs: [string, string][]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of pairs) {
    if (!Object.hasOwn(out, k)) {
      Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    }
  }
  return out;
}

/**
 * Parses a POST body as Notify's `get_valid_json()`: `request.get_json(force=True) or {}`.
 *
 * Flask hands the raw bytes to Python's `json.loads`, which picks UTF-8, UTF-16 or UTF-32 from the BOM or
 * the pattern of zero bytes and refuses bytes that do not decode. Anything Python counts as false (`null`,
 * `false`, `0`, `""`, `[]`) becomes `{}`. A body that does not parse is Notify's 400.
 */
export function parseJsonBody(body: Buffer): unknown {
  const text = decodeJsonBytes(body);
  let value: unknown;
  try {
    if (text === null || nestingDepth(text) > MAX_JSON_DEPTH)
      throw new SyntaxError('undecodable or too deep');
    value = parsePythonJson(text);
  } catch {
    throw badRequest('Invalid JSON supplied in POST data');
  }
  return isPythonFalsy(value) ? {} : value;
}

/**
 * Python gives up on JSON nested beyond its recursion limit (1000 frames by default): Notify then fails
 * with RecursionError, a 500. The sandbox answers such a body as unparsable instead.
 */
const MAX_JSON_DEPTH = 1000;

/** The deepest nesting of arrays and objects in a JSON text, ignoring brackets inside strings. */
function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) max = Math.max(max, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

/**
 * `json.loads`: standard JSON, plus the `NaN`, `Infinity` and `-Infinity` literals Python also accepts.
 */
function parsePythonJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    if (!/NaN|Infinity/.test(text)) throw err;
  }
  // Swap the literals (outside strings) for unguessable string markers, parse, then swap them back.
  const mark = `\u0000${randomUUID()}:`;
  const values: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    const literal = ['-Infinity', 'Infinity', 'NaN'].find((l) => text.startsWith(l, i));
    if (literal) {
      out += JSON.stringify(mark + literal);
      i += literal.length - 1;
    } else out += c;
  }
  return JSON.parse(out, (_k, v: unknown) =>
    typeof v === 'string' && v.startsWith(mark) ? values[v.slice(mark.length)] : v,
  );
}

/** Python's truthiness of a parsed JSON value. */
function isPythonFalsy(value: unknown): boolean {
  return (
    value === null ||
    value === false ||
    value === 0 ||
    value === '' ||
    (Array.isArray(value) && value.length === 0) ||
    (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0)
  );
}

/** `json.detect_encoding` then a strict decode; null when the bytes are not valid in that encoding. */
function decodeJsonBytes(b: Buffer): string | null {
  // The common case: UTF-8 without a BOM, its first two bytes not zero.
  if (b.length >= 4 && b[0] && b[1] && b[0] !== 0xef && b[0] !== 0xfe && b[0] !== 0xff)
    return isUtf8(b) ? b.toString('utf8') : null;
  const starts = (...bytes: number[]) => bytes.every((x, i) => b[i] === x);
  const decode = (label: string, bytes: Uint8Array) => {
    try {
      return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      return null;
    }
  };
  if (starts(0x00, 0x00, 0xfe, 0xff)) return decodeUtf32(b.subarray(4), false);
  if (starts(0xff, 0xfe, 0x00, 0x00)) return decodeUtf32(b.subarray(4), true);
  if (starts(0xfe, 0xff)) return decode('utf-16be', b.subarray(2));
  if (starts(0xff, 0xfe)) return decode('utf-16le', b.subarray(2));
  if (starts(0xef, 0xbb, 0xbf)) return decode('utf-8', b.subarray(3));
  if (b.length >= 4) {
    if (!b[0]) return b[1] ? decode('utf-16be', b) : decodeUtf32(b, false);
    if (!b[1]) return b[2] || b[3] ? decode('utf-16le', b) : decodeUtf32(b, true);
  } else if (b.length === 2) {
    if (!b[0]) return decode('utf-16be', b);
    if (!b[1]) return decode('utf-16le', b);
  }
  return decode('utf-8', b);
}

function decodeUtf32(b: Buffer, littleEndian: boolean): string | null {
  if (b.length % 4 !== 0) return null;
  let out = '';
  for (let i = 0; i < b.length; i += 4) {
    const cp = littleEndian ? b.readUInt32LE(i) : b.readUInt32BE(i);
    if (cp > 0x10ffff) return null;
    out += String.fromCodePoint(cp);
  }
  return out;
}
