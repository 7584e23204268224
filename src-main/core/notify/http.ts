/**
 * One HTTP exchange with Notify over undici, and what went wrong when it failed.
 *
 * Kept apart from the client so the client reasons only about outcomes: an answer (status,
 * headers, bytes) or a {@link TransportFailure} that says which layer failed and whether the request
 * may have left this machine. That last bit decides whether a send's outcome is unknown.
 */
import { EnvHttpProxyAgent, ProxyAgent, request, type Dispatcher } from 'undici';
import type { NetworkErrorKind } from '../../../src-shared/notify/explanation';

/** Timeouts per phase; `totalMs` bounds the whole exchange, including a slow-drip body. */
export type Timeouts = { connectMs: number; headersMs: number; bodyMs: number; totalMs: number };

/** Connect fast or not at all; give Notify (and a slow proxy) time to answer; never hang forever. */
export const DEFAULT_TIMEOUTS: Timeouts = {
  connectMs: 10_000,
  headersMs: 30_000,
  bodyMs: 30_000,
  totalMs: 120_000,
};

/** Notify's largest answers are letter PDFs of a few MB; anything far bigger is not Notify. */
export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

/** An answer, read in full. */
export type RawResponse = {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Uint8Array;
  /** Local clock when the headers arrived: the far end of the round trip for skew. */
  headersAtMs: number;
};

/**
 * A request that got no complete answer.
 *
 * `sent` is false only when the failure certainly happened before any byte of the request left
 * (DNS, refused connection, TLS handshake, proxy refusal): the one case where a send certainly did
 * not reach Notify.
 */
export class TransportFailure extends Error {
  override name = 'TransportFailure';
  constructor(
    readonly kind: NetworkErrorKind,
    readonly sent: boolean,
    readonly detail: string,
    readonly status: number | null = null,
    /** The answer's Date header when headers arrived before the failure. */
    readonly dateHeader: string | null = null,
    /** Worth retrying for a request without side effects. */
    readonly transient: boolean = true,
    /** The status a proxy answered to CONNECT, when it refused the tunnel. */
    readonly proxyStatus: number | null = null,
  ) {
    super(detail);
  }
}

/**
 * The undici dispatcher for one profile: keep-alive, per-phase timeouts, and a proxy.
 *
 * An explicit proxy gets a `ProxyAgent`; otherwise `EnvHttpProxyAgent` honours HTTP_PROXY,
 * HTTPS_PROXY and NO_PROXY, and connects directly when they are unset.
 */
export function createDispatcher(proxy: string | null | undefined, timeouts: Timeouts): Dispatcher {
  const common = {
    headersTimeout: timeouts.headersMs,
    bodyTimeout: timeouts.bodyMs,
    keepAliveTimeout: 10_000,
    keepAliveMaxTimeout: 60_000,
    connections: 16,
  };
  if (proxy) {
    return new ProxyAgent({
      uri: proxy,
      ...common,
      proxyTls: { timeout: timeouts.connectMs },
      requestTls: { timeout: timeouts.connectMs },
    });
  }
  return new EnvHttpProxyAgent({ ...common, connect: { timeout: timeouts.connectMs } });
}

/** One request as {@link exchange} sends it. */
type ExchangeOptions = {
  url: URL;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  maxBytes: number;
  totalMs: number;
  clock: () => number;
  /** An explicit proxy is configured: connect-phase failures are the proxy's. */
  explicitProxy: boolean;
};

/**
 * Sends one request and reads the whole answer, within the size cap.
 *
 * Never follows redirects (undici's `request` does not), so the Authorization header only ever
 * goes to `url`'s origin. Every failure, whatever undici throws, becomes a TransportFailure.
 */
export async function exchange(dispatcher: Dispatcher, o: ExchangeOptions): Promise<RawResponse> {
  let status: number | null = null;
  let date: string | null = null;
  try {
    const res = await request(o.url, {
      dispatcher,
      method: o.method,
      headers: o.headers,
      body: o.body,
      signal: AbortSignal.timeout(o.totalMs),
    });
    const headersAtMs = o.clock();
    status = res.statusCode;
    date = headerText(res.headers.date);
    const declared = Number(headerText(res.headers['content-length']) ?? NaN);
    if (Number.isFinite(declared) && declared > o.maxBytes) {
      res.body.destroy();
      throw tooLarge(o.maxBytes, status, date);
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > o.maxBytes) {
        res.body.destroy();
        throw tooLarge(o.maxBytes, status, date);
      }
      chunks.push(chunk);
    }
    return { status, headers: res.headers, body: concat(chunks, size), headersAtMs };
  } catch (err) {
    if (err instanceof TransportFailure) throw err;
    const c = classify(err, o.url, o.explicitProxy);
    // Once a status arrived the request certainly reached the server.
    throw new TransportFailure(
      c.kind,
      status !== null || c.sent,
      c.detail,
      status,
      date,
      c.transient,
      c.proxyStatus ?? null,
    );
  }
}

function tooLarge(maxBytes: number, status: number, date: string | null): TransportFailure {
  return new TransportFailure(
    'too-large',
    true,
    `the answer is larger than ${maxBytes} bytes, the most the console reads`,
    status,
    date,
    false,
  );
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** First value of a header as text. */
export function headerText(v: string | string[] | undefined): string | null {
  if (Array.isArray(v)) return v[0] ?? null;
  return v ?? null;
}

type Classified = {
  kind: NetworkErrorKind;
  sent: boolean;
  detail: string;
  transient: boolean;
  proxyStatus?: number | null;
};

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME']);
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'EADDRNOTAVAIL',
]);
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);
const TLS_CODES = new Set([
  'EPROTO',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'HOSTNAME_MISMATCH',
]);

type ErrorFacts = { codes: string[]; messages: string[]; hostname?: string; port?: number; name: string };

/** Collects codes and messages along an error's cause chain (and AggregateError's members). */
function facts(err: unknown): ErrorFacts {
  const out: ErrorFacts = { codes: [], messages: [], name: '' };
  const seen = new Set<unknown>();
  const visit = (e: unknown, depth: number): void => {
    if (depth > 5 || e === null || typeof e !== 'object' || seen.has(e)) return;
    seen.add(e);
    const o = e as {
      code?: unknown;
      message?: unknown;
      name?: unknown;
      hostname?: unknown;
      port?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    if (typeof o.code === 'string') out.codes.push(o.code);
    if (typeof o.message === 'string') out.messages.push(o.message);
    if (!out.name && typeof o.name === 'string') out.name = o.name;
    if (out.hostname === undefined && typeof o.hostname === 'string') out.hostname = o.hostname;
    if (out.port === undefined && (typeof o.port === 'number' || typeof o.port === 'string'))
      out.port = Number(o.port);
    visit(o.cause, depth + 1);
    if (Array.isArray(o.errors)) for (const m of o.errors) visit(m, depth + 1);
  };
  visit(err, 0);
  return out;
}

function targetPort(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
}

/**
 * Sorts an undici/Node failure into the kinds the console explains.
 *
 * Decides `sent` conservatively: only failures that certainly happen before the request is
 * written count as not sent; anything unrecognised is assumed to have been sent.
 */
export function classify(err: unknown, url: URL, explicitProxy: boolean): Classified {
  const f = facts(err);
  const has = (code: string) => f.codes.includes(code);
  const text = f.messages.join(' | ');
  const codeNote = f.codes[0] ? ` (${f.codes[0]})` : '';

  const proxyStatus = /Proxy response \((\d+)\)/.exec(text);
  if (proxyStatus || has('UND_ERR_PRX_TLS')) {
    const status = proxyStatus ? Number(proxyStatus[1]) : null;
    return {
      kind: 'proxy',
      sent: false,
      detail: status
        ? `the proxy answered ${status} instead of opening a tunnel to ${url.host}`
        : 'the TLS connection to the proxy failed',
      transient: status !== null && status >= 500,
      proxyStatus: status,
    };
  }
  // A connect-phase failure against something other than the target is the proxy's, whether the
  // proxy came from the profile or from HTTPS_PROXY.
  const towardsProxy =
    explicitProxy ||
    (f.hostname !== undefined && f.hostname !== url.hostname.replace(/^\[|\]$/g, '')) ||
    (f.port !== undefined && Number.isFinite(f.port) && f.port !== targetPort(url));

  const dns = f.codes.find((c) => DNS_CODES.has(c));
  if (dns) {
    if (towardsProxy)
      return {
        kind: 'proxy',
        sent: false,
        detail: `the proxy’s name ${f.hostname ?? ''} could not be resolved (${dns})`,
        transient: false,
      };
    return {
      kind: 'dns',
      sent: false,
      detail: `${url.hostname} could not be resolved (${dns})`,
      transient: dns === 'EAI_AGAIN',
    };
  }
  const unreachable = f.codes.find((c) => UNREACHABLE_CODES.has(c));
  if (unreachable) {
    if (towardsProxy)
      return {
        kind: 'proxy',
        sent: false,
        detail: `the proxy could not be reached (${unreachable})`,
        transient: true,
      };
    return {
      kind: 'refused',
      sent: false,
      detail:
        unreachable === 'ECONNREFUSED'
          ? `${url.host} refused the connection (ECONNREFUSED)`
          : `${url.host} is unreachable (${unreachable})`,
      transient: true,
    };
  }
  if (has('UND_ERR_CONNECT_TIMEOUT') || (has('ETIMEDOUT') && /connect/i.test(text))) {
    if (towardsProxy)
      return { kind: 'proxy', sent: false, detail: 'connecting to the proxy timed out', transient: true };
    return { kind: 'timeout', sent: false, detail: `connecting to ${url.host} timed out`, transient: true };
  }
  if (
    f.codes.some(
      (c) => TLS_CODES.has(c) || c.startsWith('ERR_SSL_') || c.startsWith('ERR_TLS_') || c.includes('CERT'),
    ) ||
    /before secure TLS connection was established|wrong version number|SSL routines/i.test(text)
  ) {
    return {
      kind: 'tls',
      sent: false,
      detail: `the TLS handshake with ${url.host} failed${codeNote}`,
      transient: false,
    };
  }
  if (has('UND_ERR_HEADERS_TIMEOUT')) {
    return {
      kind: 'timeout',
      sent: true,
      detail: `${url.host} did not answer in time (no headers)`,
      transient: true,
    };
  }
  if (has('UND_ERR_BODY_TIMEOUT')) {
    return {
      kind: 'timeout',
      sent: true,
      detail: `${url.host} stopped sending the answer (body timeout)`,
      transient: true,
    };
  }
  if (f.name === 'TimeoutError' || has('ETIMEDOUT') || has('ABORT_ERR') || has('UND_ERR_ABORTED')) {
    return {
      kind: 'timeout',
      sent: true,
      detail: `the exchange with ${url.host} took too long`,
      transient: true,
    };
  }
  if (f.codes.some((c) => RESET_CODES.has(c)) || /other side closed|socket hang up/i.test(text)) {
    return {
      kind: 'reset',
      sent: true,
      detail: `the connection to ${url.host} closed before the answer arrived${codeNote}`,
      transient: true,
    };
  }
  if (
    has('UND_ERR_INVALID_ARG') ||
    has('ERR_INVALID_URL') ||
    has('ERR_INVALID_ARG_TYPE') ||
    has('ERR_INVALID_CHAR')
  ) {
    return {
      kind: 'other',
      sent: false,
      detail: `the request could not be made${codeNote}`,
      transient: false,
    };
  }
  return {
    kind: 'other',
    sent: true,
    detail: `the request to ${url.host} failed${codeNote}`,
    transient: true,
  };
}
