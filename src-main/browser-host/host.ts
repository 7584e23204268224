/**
 * The browser-mode host: the console's core served to a browser tab on 127.0.0.1.
 *
 * Browser mode exists for machines where Electron cannot run (ARCHITECTURE.md), so this is a first-class,
 * hostile-web-facing server, not a test hack. Every web page the user has open can send requests to a
 * loopback port, so every request must pass, in order: the `Host` check (DNS rebinding), the `Origin` and
 * `Sec-Fetch-Site` checks (cross-site pages), the bearer token (anything else on the machine), the JSON
 * content type (no simple-request CSRF) and the body cap. Errors are `{ ok: false, error }` JSON without
 * stack traces; every response carries the security headers from ./guards.
 *
 * Auth scheme: a random 32-byte token per start, handed to the user once in the URL fragment
 * (`http://127.0.0.1:PORT/#token=…`); the page moves it to sessionStorage and strips it from the address
 * bar. Fragments never reach the server, its logs or a Referer. `/rpc` takes it as `Authorization: Bearer`.
 * `EventSource` cannot send headers, so `/events` takes a one-time ticket from `POST /events-ticket`
 * (bearer-authenticated, valid 30 s, single use) instead of the long-lived token in a URL.
 */
import { createReadStream } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { HTTP_ROUTES, type BridgeEvent } from '../contract/channels';
import { TRANSPORT_LIMITS } from '../contract/methods';
import type { Result } from '../contract/result';
import { silentLogger, type Logger } from '../core';
import type { RpcEndpoint } from '../rpc/dispatch';
import {
  applySecurityHeaders,
  bearerToken,
  isAllowedApiFetchSite,
  isAllowedHost,
  isAllowedOrigin,
  isAllowedStaticFetch,
  isJsonContentType,
  newSecret,
  secretsEqual,
} from './guards';
import { resolveStaticFile } from '../host/static-files';

export interface BrowserHostOptions {
  endpoint: RpcEndpoint;
  /** The built renderer (index.html and assets), or null to serve the API only. */
  staticDir: string | null;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** A fixed token (at least 32 base64url characters); by default a fresh random one per start. */
  token?: string;
  onListening?: (info: { url: string; port: number }) => void;
  logger?: Logger;
  /** SSE comment interval, so proxies and the browser keep the stream open. */
  heartbeatMs?: number;
  /** How long an unused SSE ticket stays valid. */
  ticketTtlMs?: number;
}

export interface BrowserHost {
  /** The URL to open, token in the fragment. Print it once; never log it elsewhere. */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  /** Stops accepting connections, ends every event stream and resolves when the server has closed. */
  close(): Promise<void>;
}

const HEARTBEAT_MS = 15_000;
const TICKET_TTL_MS = 30_000;
const MAX_TICKETS = 32;
const MAX_EVENT_STREAMS = 16;
/** A stream whose browser stops reading is dropped rather than buffered without bound. */
const MAX_STREAM_BACKLOG_BYTES = 1024 * 1024;
/**
 * After refusing a request early, the rest of its body is read and discarded up to this many bytes so
 * the client can read our answer; past it, or after {@link LINGER_MS}, the connection is cut.
 */
const DRAIN_LIMIT_BYTES = TRANSPORT_LIMITS.maxBodyBytes + 1024 * 1024;
const LINGER_MS = 2_000;
const CLOSE_GRACE_MS = 2_000;

type ErrorCode =
  | 'misdirected'
  | 'forbidden'
  | 'unauthorized'
  | 'method-not-allowed'
  | 'unsupported-media-type'
  | 'payload-too-large'
  | 'bad-request'
  | 'not-found'
  | 'busy'
  | 'internal';

/** One-time, short-lived SSE tickets. */
class TicketBook {
  private readonly tickets = new Map<string, number>();

  constructor(private readonly ttlMs: number) {}

  issue(): string {
    this.sweep();
    // Map iteration is insertion order: the first key is the oldest ticket.
    if (this.tickets.size >= MAX_TICKETS) {
      const oldest = this.tickets.keys().next();
      if (!oldest.done) this.tickets.delete(oldest.value);
    }
    const ticket = newSecret();
    this.tickets.set(ticket, Date.now() + this.ttlMs);
    return ticket;
  }

  /** Consumes a ticket; true only for a live one. Compares in constant time against each live ticket. */
  redeem(presented: string): boolean {
    this.sweep();
    for (const ticket of this.tickets.keys()) {
      if (secretsEqual(presented, ticket)) {
        this.tickets.delete(ticket);
        return true;
      }
    }
    return false;
  }

  clear(): void {
    this.tickets.clear();
  }

  private sweep(): void {
    const now = Date.now();
    for (const [ticket, expires] of this.tickets) if (expires <= now) this.tickets.delete(ticket);
  }
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

function errorBody(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

/**
 * Discards whatever is left of a refused request's body, within bounds.
 *
 * Closing a socket that still has unread bytes makes the kernel send a reset, which can destroy our
 * answer before the client reads it. So the rest is read and dropped (never buffered) up to
 * {@link DRAIN_LIMIT_BYTES} or {@link LINGER_MS}; a client that keeps sending past that is cut off.
 */
function drainBounded(req: IncomingMessage): void {
  if (req.complete) return;
  req.removeAllListeners('data');
  let discarded = 0;
  const cut = (): void => {
    req.socket.destroy();
  };
  const timer = setTimeout(cut, LINGER_MS);
  timer.unref();
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > DRAIN_LIMIT_BYTES) cut();
  });
  req.once('end', () => clearTimeout(timer));
  req.once('close', () => clearTimeout(timer));
  req.resume();
}

function refuse(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  code: ErrorCode,
  message: string,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, errorBody(code, message), headers);
  drainBounded(req);
}

/** Reads a body of at most `limit` bytes; resolves null as soon as it is larger, without keeping the excess. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (): void => {
      settled = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        finish();
        chunks.length = 0;
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      if (settled) return;
      finish();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (err: Error): void => {
      if (settled) return;
      finish();
      reject(err);
    };
    const onClose = (): void => {
      if (settled) return;
      finish();
      reject(new Error('the client went away before sending the whole body'));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Parses `{ method, input }`, refusing anything else so the endpoint only ever sees that shape. */
function parseCall(body: Buffer): { method: string; input: unknown } | string {
  let value: unknown;
  try {
    value = JSON.parse(utf8.decode(body));
  } catch {
    return 'The body is not valid UTF-8 JSON.';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'The body must be a JSON object {"method": "…", "input": {…}}.';
  }
  const record = value as Record<string, unknown>;
  if (!Object.keys(record).every((k) => k === 'method' || k === 'input')) {
    return 'The body may only have "method" and "input".';
  }
  const { method, input } = record;
  if (typeof method !== 'string' || method.length === 0 || method.length > TRANSPORT_LIMITS.maxMethodLength) {
    return `"method" must be a method name of at most ${TRANSPORT_LIMITS.maxMethodLength} characters.`;
  }
  return { method, input };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error): void => reject(err);
    server.once('error', onError);
    // Loopback only: never 0.0.0.0 or ::, so nothing off this machine can connect.
    server.listen({ host: '127.0.0.1', port, exclusive: true }, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * Starts the browser-mode host on 127.0.0.1.
 *
 * Resolves once listening. The returned URL carries the token in its fragment: print it for the user
 * (or open it) and nowhere else.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? newSecret();
  if (!/^[A-Za-z0-9_-]{32,512}$/.test(token)) {
    throw new TypeError('The browser host token must be at least 32 base64url characters.');
  }
  const { endpoint } = options;
  const logger = options.logger ?? silentLogger;
  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  const realRoot = options.staticDir === null ? null : await realpath(options.staticDir);
  const tickets = new TicketBook(options.ticketTtlMs ?? TICKET_TTL_MS);
  const streams = new Set<() => void>();
  let port = 0;

  const authorised = (req: IncomingMessage): boolean => {
    const presented = bearerToken(req.headers.authorization);
    return presented !== null && secretsEqual(presented, token);
  };

  const refuseUnauthorised = (req: IncomingMessage, res: ServerResponse): void =>
    refuse(req, res, 401, 'unauthorized', 'Open the console from the link it printed when it started.', {
      'WWW-Authenticate': 'Bearer',
    });

  const refuseCrossSite = (req: IncomingMessage, res: ServerResponse): void =>
    refuse(req, res, 403, 'forbidden', 'Requests from other sites are refused.');

  async function handleRpc(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') {
      return refuse(req, res, 405, 'method-not-allowed', 'Use POST for /rpc.', { Allow: 'POST' });
    }
    if (!isAllowedApiFetchSite(req.headers['sec-fetch-site'])) return refuseCrossSite(req, res);
    if (!authorised(req)) return refuseUnauthorised(req, res);
    if (!isJsonContentType(req.headers['content-type'])) {
      return refuse(req, res, 415, 'unsupported-media-type', 'Send the call as application/json.');
    }
    const tooLarge = (): void =>
      refuse(
        req,
        res,
        413,
        'payload-too-large',
        `A call may be at most ${TRANSPORT_LIMITS.maxBodyBytes} bytes.`,
      );
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > TRANSPORT_LIMITS.maxBodyBytes) return tooLarge();
    const body = await readBody(req, TRANSPORT_LIMITS.maxBodyBytes);
    if (body === null) return tooLarge();
    const call = parseCall(body);
    if (typeof call === 'string') return refuse(req, res, 400, 'bad-request', call);
    const result = await endpoint.call(call.method, call.input, { transport: 'http' });
    sendJson(res, 200, result);
  }

  function handleTicket(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'POST') {
      return refuse(req, res, 405, 'method-not-allowed', 'Use POST for /events-ticket.', { Allow: 'POST' });
    }
    if (!isAllowedApiFetchSite(req.headers['sec-fetch-site'])) return refuseCrossSite(req, res);
    if (!authorised(req)) return refuseUnauthorised(req, res);
    sendJson(res, 200, {
      ok: true,
      value: { ticket: tickets.issue(), expiresInMs: options.ticketTtlMs ?? TICKET_TTL_MS },
    });
    drainBounded(req);
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET') {
      return refuse(req, res, 405, 'method-not-allowed', 'Use GET for /events.', { Allow: 'GET' });
    }
    if (!isAllowedApiFetchSite(req.headers['sec-fetch-site'])) return refuseCrossSite(req, res);
    const query = (req.url ?? '').split('?')[1] ?? '';
    const ticket = new URLSearchParams(query).get('ticket');
    if (ticket === null || !tickets.redeem(ticket)) {
      return refuse(
        req,
        res,
        401,
        'unauthorized',
        'Ask POST /events-ticket for a fresh ticket, then connect once with it.',
      );
    }
    if (streams.size >= MAX_EVENT_STREAMS) {
      return refuse(req, res, 503, 'busy', 'Too many event streams are open; close another console tab.');
    }
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      // The socket is never reused, and closing it with the stream lets close() finish promptly.
      Connection: 'close',
    });
    res.write(': connected\n\n');

    let ended = false;
    const end = (): void => {
      if (ended) return;
      ended = true;
      unsubscribe();
      clearInterval(heartbeat);
      streams.delete(end);
      if (!res.writableEnded) res.end();
    };
    const unsubscribe = endpoint.subscribe((name, payload) => {
      if (ended) return;
      const event: BridgeEvent = { name, payload };
      // JSON.stringify never emits a raw newline, so one `data:` line carries the whole event.
      res.write(`data: ${JSON.stringify(event)}\n\n`);
      if (res.writableLength > MAX_STREAM_BACKLOG_BYTES) end();
    });
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), heartbeatMs);
    heartbeat.unref();
    streams.add(end);
    res.on('close', end);
    res.on('error', end);
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return refuse(req, res, 405, 'method-not-allowed', 'Only GET and HEAD are served here.', {
        Allow: 'GET, HEAD',
      });
    }
    if (!isAllowedStaticFetch(req.headers['sec-fetch-site'], req.headers['sec-fetch-mode'])) {
      return refuseCrossSite(req, res);
    }
    if (realRoot === null) return refuse(req, res, 404, 'not-found', 'This host serves the API only.');
    const found = await resolveStaticFile(realRoot, req.url ?? '');
    if (found.kind === 'bad-request')
      return refuse(req, res, 400, 'bad-request', 'That path is not allowed.');
    if (found.kind === 'not-found') return refuse(req, res, 404, 'not-found', 'There is no such file.');
    res.writeHead(200, {
      'Content-Type': found.contentType,
      'Content-Length': found.size,
      // index.html names the current hashed assets and must never be stale; assets revalidate.
      'Cache-Control': found.contentType.startsWith('text/html') ? 'no-store' : 'no-cache',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    await pipeline(createReadStream(found.path), res);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    applySecurityHeaders(res);
    if (!isAllowedHost(req.headers.host, port)) {
      return refuse(req, res, 421, 'misdirected', 'This host answers only to 127.0.0.1 and localhost.');
    }
    if (!isAllowedOrigin(req.headers.origin, port)) return refuseCrossSite(req, res);
    const pathname = (req.url ?? '').split('?', 1)[0];
    switch (pathname) {
      case HTTP_ROUTES.rpc:
        return handleRpc(req, res);
      case HTTP_ROUTES.eventsTicket:
        return handleTicket(req, res);
      case HTTP_ROUTES.events:
        return handleEvents(req, res);
      default:
        return handleStatic(req, res);
    }
  }

  const server = createServer({ headersTimeout: 15_000, requestTimeout: 60_000 }, (req, res) => {
    handle(req, res).catch((err: unknown) => {
      // Log the route only: a body or header could hold a secret.
      logger.error('browser host: request failed', {
        route: (req.url ?? '').split('?', 1)[0]?.slice(0, 100),
        error: err instanceof Error ? err.name : typeof err,
      });
      if (!res.headersSent) {
        refuse(req, res, 500, 'internal', 'Something went wrong inside the console host.');
      } else {
        res.destroy();
      }
    });
  });
  port = await listen(server, options.port ?? 0);
  const url = `http://127.0.0.1:${port}/#token=${token}`;
  options.onListening?.({ url, port });

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      const force = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
      force.unref();
      server.close(() => {
        clearTimeout(force);
        resolve();
      });
      tickets.clear();
      for (const end of [...streams]) end();
      // In-flight calls finish within the grace period; idle keep-alive sockets go now.
      server.closeIdleConnections();
    });
    return closing;
  };

  return { url, port, token, close };
}
