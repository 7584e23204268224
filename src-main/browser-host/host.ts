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
import { drainBounded, parseCall, readBody, refuse, sendJson } from './http-io';
import { TicketBook } from './tickets';

interface BrowserHostOptions {
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
const MAX_EVENT_STREAMS = 16;
/** A stream whose browser stops reading is dropped rather than buffered without bound. */
const MAX_STREAM_BACKLOG_BYTES = 1024 * 1024;
const CLOSE_GRACE_MS = 2_000;

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
