/**
 * HTTP plumbing shared by every sandbox route: requests, responses and Notify's two error envelopes.
 */
import { sortedJson } from './json';

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
}

export interface SandboxResponse {
  status: number;
  body: string | Uint8Array;
  headers?: Record<string, string>;
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

export function json(status: number, value: unknown, headers?: Record<string, string>): SandboxResponse {
  return { status, body: sortedJson(value), headers: { 'Content-Type': 'application/json', ...headers } };
}

export interface V2ErrorEntry {
  error: string;
  message: string;
  [extra: string]: unknown;
}

/** The v2 envelope: `{"errors": [...], "status_code": N}`. */
export function v2Error(status: number, errors: V2ErrorEntry[]): SandboxResponse {
  return json(status, { status_code: status, errors });
}

export function v2ErrorOne(status: number, error: string, message: string): SandboxResponse {
  return v2Error(status, [{ error, message }]);
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

export const NOT_FOUND_MESSAGE =
  'The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.';
export const METHOD_NOT_ALLOWED_MESSAGE = 'The method is not allowed for the requested URL.';

/** The app-level envelope used for routing errors: `{"message": ..., "result": "error"}`. */
export function appError(status: number, message: unknown, headers?: Record<string, string>): SandboxResponse {
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

/** Parses a POST body as `request.get_json(force=True)`: null → {}, unparsable → Notify's 400. */
export function parseJsonBody(body: Buffer): unknown {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    throw badRequest('Invalid JSON supplied in POST data');
  }
  return value === null ? {} : value;
}
