/**
 * The Notify Sandbox server: a local Notify API v2, as a library and behind the CLI.
 *
 * `startSandbox()` binds 127.0.0.1 by default, loads a fixture (or the data folder's saved state),
 * and answers Notify's routes with Notify's bytes. The console embeds it; tests start one per suite
 * on an ephemeral port.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { authenticate, AuthError, formatApiKey } from './auth';
import { CallbackDispatcher } from './callback-dispatcher';
import { SandboxClock } from './clock';
import type { SandboxContext } from './context';
import { completeFixture, parseFixture, type Fixture } from './fixtures';
import { sortedJson } from './json';
import { defaultFixture } from './default-fixture';
import { DocumentStore } from './documents';
import { Faults, injectedError } from './faults';
import { Latency, type LatencySetting } from './latency';
import { ChangeFeed } from './change-feed';
import {
  appError,
  METHOD_NOT_ALLOWED_MESSAGE,
  NOTIFY_HEADERS,
  notFound,
  V2Error,
  v2Error,
  type SandboxRequest,
  type SandboxResponse,
} from './http';
import { Lifecycle } from './lifecycle';
import { Limits } from './limits';
import { FilePdfStore, MemoryPdfStore } from './pdf-store';
import { FileJournal } from './persistence';
import { SandboxStore } from './store';
import {
  latencyRouteOf,
  matchRoutes,
  quotePath,
  ROUTES,
  slashRedirect,
  wsgiPath,
  type Route,
  type RouteMatch,
} from './router';
import { handleControl } from './control';
import { BASE_HEADERS, CONTROL_BASE, readBody, send } from './wire';
import { checkControlBody, checkControlHeaders, type ControlAccess } from './control-access';
import { headerLimitProblem, headerLimitPage, headerLimitResponse, MAX_HEADER_BLOCK_BYTES } from './gateway';
import type { JournalRecovery } from './persistence';

export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Loopback by default; the control API refuses non-loopback callers whatever this is. */
  host?: string;
  /**
   * When set, every control API call (`/_sandbox/*`) must carry it in the `X-Sandbox-Secret` header
   * (`CONTROL_SECRET_HEADER`). The console sets a random one for the sandbox it embeds.
   */
  controlSecret?: string | null;
  /** A fixture object; default: the built-in demo. Ignored when the data folder already holds state. */
  fixture?: Fixture | unknown;
  /** Folder for durable state; none keeps everything in memory. */
  dataDir?: string | null;
  /** Compresses lifecycle delays: 1 is realistic, 1000 runs a day in under 90 seconds. */
  timeScale?: number;
  /** Rate and daily limits on (default) or off. */
  limits?: boolean;
  /**
   * Response times: `realistic` (default: each route's modelled latency, seeded, see `latency.ts`) or
   * `none` for fast test suites. Wins over the fixture's `latency`.
   */
  latency?: LatencySetting;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
  /** With a data folder: a journal this big is compacted into the snapshot (default 64 MiB). */
  compactAfterBytes?: number;
  /** Called for unexpected errors (default: console.error). */
  onError?: (err: unknown) => void;
}

export interface SandboxKeyInfo {
  id: string;
  name: string;
  key_type: 'normal' | 'team' | 'test';
  api_key: string;
  revoked: boolean;
}

export interface SandboxInfo {
  base_url: string;
  services: {
    id: string;
    name: string;
    restricted: boolean;
    api_keys: SandboxKeyInfo[];
    templates: { id: string; name: string; type: string; archived: boolean; version: number }[];
  }[];
}

export interface Sandbox {
  url: string;
  port: number;
  ctx: SandboxContext;
  faults: Faults;
  /** Response times in force (`GET /_sandbox/latency` shows them). */
  latency: Latency;
  /** Each notification stored, changed or removed, for tools that follow them (`control-inbox.ts`). */
  changes: ChangeFeed;
  /**
   * What start-up recovered from, when the data folder was not closed cleanly (a torn last journal
   * line set aside); null otherwise.
   */
  recovery: JournalRecovery | null;
  info(): SandboxInfo;
  /** Resolves when no lifecycle work or callback is in flight. */
  idle(): Promise<void>;
  /**
   * Back to the starting fixture (same keys); notifications and counters cleared, faults back to the
   * fixture's, latency back to its starting setting with its streams started again, the clock's time
   * scale and skew as at the start.
   */
  reset(): Promise<void>;
  /** Stops the server and writes the data folder's snapshot. Calling it again returns the same promise. */
  close(): Promise<void>;
}

/** An answer and the route that gave it (null when no rule matched), for its response time. */
interface Dispatched {
  route: Route | null;
  params: Record<string, string>;
  response: SandboxResponse;
}

const EMPTY_QUERY = new URLSearchParams();
const EMPTY_PAIRS: [string, string][] = Object.freeze([]) as unknown as [string, string][];
const DEFAULT_MAX_BODY = 12 * 1024 * 1024;

/** Starts a sandbox and resolves once it is listening. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const clock = new SandboxClock(options.timeScale ?? 1);
  const store = new SandboxStore(() => clock.nowMicros());
  const onError = options.onError ?? ((err: unknown) => console.error('[sandbox]', err));

  let journal: FileJournal | null = null;
  let recovery: JournalRecovery | null = null;
  let fixture: Fixture;
  let unsubscribeSecret = randomBytes(32).toString('hex');
  if (options.dataDir) {
    const opened = await FileJournal.open(options.dataDir, {
      compactAfterBytes: options.compactAfterBytes,
      onError,
    });
    journal = opened.journal;
    recovery = opened.recovery;
    const fixturePath = join(options.dataDir, 'fixture.json');
    const secretPath = join(options.dataDir, 'secret');
    if (opened.fresh) {
      fixture = completeFixture(parseFixture(options.fixture ?? defaultFixture()), new Date(clock.nowMs()));
      await writeFile(fixturePath, JSON.stringify(fixture, null, 2), { mode: 0o600 });
      await writeFile(secretPath, unsubscribeSecret, { mode: 0o600 });
      store.startingFixture = fixture;
      store.loadFixture(fixture);
    } else {
      fixture = completeFixture(
        parseFixture(JSON.parse(await readFile(fixturePath, 'utf8')), fixturePath),
        new Date(clock.nowMs()),
      );
      unsubscribeSecret = (await readFile(secretPath, 'utf8')).trim();
      store.startingFixture = fixture;
      for (const rec of opened.records) store.replay(rec);
    }
    await journal.start(() => store.snapshot());
    store.journal = journal;
  } else {
    fixture = completeFixture(parseFixture(options.fixture ?? defaultFixture()), new Date(clock.nowMs()));
    store.startingFixture = fixture;
    store.loadFixture(fixture);
  }

  const pdfs = options.dataDir ? new FilePdfStore(join(options.dataDir, 'pdf')) : new MemoryPdfStore();
  const callbacks = new CallbackDispatcher({
    scheduler: { setTimeout: (fn, ms) => clock.schedule(ms, fn) },
    timeScale: 1,
    now: () => new Date(clock.nowMs()),
  });
  const limits = new Limits(store, () => clock.nowMs());
  limits.enabled = options.limits ?? true;
  const ctx: SandboxContext = {
    store,
    clock,
    limits,
    lifecycle: new Lifecycle(store, clock, pdfs, callbacks),
    callbacks,
    pdfs,
    documents: new DocumentStore(),
    unsubscribeSecret,
    skewMs: 0,
  };
  const changes = new ChangeFeed();
  store.onChange = (id) => (id === null ? changes.reset() : changes.record(id));
  const faults = new Faults();
  const addFixtureFaults = () => {
    for (const f of fixture.faults ?? []) faults.add(f);
  };
  addFixtureFaults();
  const startingLatency: LatencySetting = options.latency ?? fixture.latency ?? 'realistic';
  const latency = new Latency(startingLatency);
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const sockets = new Set<import('node:net').Socket>();
  /** Fault delays in progress, ended early by `close()`. */
  const delays = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  const delay = (ms: number) =>
    new Promise<void>((resolve) => {
      const d = {
        timer: setTimeout(() => {
          delays.delete(d);
          resolve();
        }, ms),
        resolve,
      };
      delays.add(d);
    });
  // The port is known once listening; the request handler only runs after that.
  const access: ControlAccess = { port: 0, secret: options.controlSecret ?? null };

  const purgeTimer = setInterval(() => void store.purgeExpired(clock.nowMs()).catch(onError), 60_000);
  purgeTimer.unref();

  // Assigned once listening; the request handler only runs after that.
  // eslint-disable-next-line prefer-const
  let sandbox: Sandbox;

  // Header limits are gunicorn's, checked per request (gateway.ts); Node's own limit sits above them.
  const server: Server = createServer(
    { keepAliveTimeout: 65_000, maxHeaderSize: MAX_HEADER_BLOCK_BYTES },
    (req, res) => {
      void handle(req, res).catch((err) => {
        onError(err);
        if (!res.headersSent)
          send(res, v2Error(500, [{ error: 'Exception', message: 'Internal server error' }]), false);
        else res.destroy();
      });
    },
  );
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  // A request Node cannot parse still gets an answer in Notify's app-level envelope, with Werkzeug's words.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || (err.code === 'ECONNRESET' && !socket.readable)) {
      socket.destroy();
      return;
    }
    // A HEAD request gets the headers only, or the client would read the body as a second response.
    const raw = (err as { rawPacket?: Buffer }).rawPacket;
    const head = raw?.subarray(0, 5).toString('latin1') === 'HEAD ';
    if (err.code === 'HPE_HEADER_OVERFLOW') {
      socket.end(headerLimitResponse('size', head));
      return;
    }
    const body = sortedJson({
      message: 'The browser (or proxy) sent a request that this server could not understand.',
      result: 'error',
    });
    const headers = Object.entries({ ...NOTIFY_HEADERS, 'Content-Type': 'application/json' })
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
    socket.end(
      `HTTP/1.1 400 Bad Request\r\n${headers}Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${head ? '' : body}`,
    );
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawUrl = req.url ?? '/';
    const q = rawUrl.indexOf('?');
    const rawPath = q < 0 ? rawUrl : rawUrl.slice(0, q);
    // Routing sees the percent-decoded path, as Werkzeug does behind a WSGI server (`%2F` is a `/`).
    const path = wsgiPath(rawPath);
    const search = q < 0 ? '' : rawUrl.slice(q + 1);
    const method = req.method ?? 'GET';
    const remote = req.socket.remoteAddress ?? '';
    const head = method === 'HEAD';
    const control = path.startsWith('/_sandbox');
    const base = control ? CONTROL_BASE : BASE_HEADERS;

    // Notify's web server refuses oversized headers before the app (or its auth) sees them.
    const problem = headerLimitProblem(req.rawHeaders);
    if (problem) {
      const page = headerLimitPage(problem);
      res.sendDate = false;
      res.writeHead(400, 'Bad Request', [
        'Connection',
        'close',
        'Content-Type',
        'text/html',
        'Content-Length',
        String(page.length),
      ]);
      res.end(head ? undefined : page);
      return;
    }
    // The control API checks who is calling before it reads a byte of the body.
    if (control) {
      const refusal = checkControlHeaders(method, req.headers, remote, access);
      if (refusal) return send(res, refusal, head, true, 0, base);
    }

    const { chunks, tooBig } = await readBody(req, maxBody);
    if (tooBig) {
      send(res, appError(413, 'The data value transmitted exceeds the capacity limit.'), head, true, 0, base);
      return;
    }
    // Most requests have no query string: they share one empty, frozen view of it.
    const query = search ? new URLSearchParams(search) : EMPTY_QUERY;
    const sreq: SandboxRequest = {
      method,
      path,
      query,
      queryPairs: search ? [...query] : EMPTY_PAIRS,
      headers: req.headers,
      body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks),
      urlRoot: `http://${hostHeader(req) ?? `127.0.0.1:${sandbox.port}`}/`,
      remoteAddress: remote,
    };

    if (control) {
      const parsed = checkControlBody(method, sreq.body);
      if (!parsed.ok) return send(res, parsed.refusal, head, false, 0, base);
      sreq.json = parsed.json;
      return send(res, await handleControl(sreq, sandbox), head, false, 0, base);
    }

    const hit = faults.take(method, path);
    let dropAfter = false;
    let latencyMs = 0;
    let injected: SandboxResponse | null = null;
    for (const f of hit) {
      if (f.kind === 'slow_network') await delay(f.latency_ms ?? 1000);
      if (f.kind === 'latency') latencyMs += f.latency_ms ?? 1000;
      if (f.kind === 'drop' && f.phase === 'before') {
        req.socket.destroy();
        return;
      }
      if (f.kind === 'drop') dropAfter = true;
      if (f.kind === 'error') injected ??= injectedError(f.status ?? 500, f.retry_after);
    }

    // A latency fault, and Notify's modelled response time, delay the answer, not the request: auth
    // (and its `iat` check) and the work happen on arrival.
    let response: SandboxResponse;
    if (injected) {
      response = injected;
      latencyMs += latency.draw('error');
    } else {
      const answered = await dispatch(sreq, head ? 'GET' : method, search);
      response = answered.response;
      const modelled = latencyRouteOf(answered.route, answered.params, response);
      if (modelled) latencyMs += latency.draw(modelled);
    }
    if (latencyMs > 0) await delay(latencyMs);
    if (dropAfter) {
      req.socket.destroy();
      return;
    }
    send(res, response, head, false, ctx.skewMs);
  }

  /**
   * Werkzeug's routing, then Flask's dispatch: a matching rule runs (v2 rules behind `requires_auth`);
   * a path that matches only with other methods is a 405 with `Allow`, or Flask's automatic OPTIONS
   * answer; a path that matches once doubled slashes are merged is a 308 to the merged path.
   */
  async function dispatch(req: SandboxRequest, method: string, search: string): Promise<Dispatched> {
    const match = matchRoutes(req.path, method);
    const { route: r, params } = match;
    return { route: r, params, response: await answer(req, method, search, match) };
  }

  async function answer(
    req: SandboxRequest,
    method: string,
    search: string,
    match: RouteMatch,
  ): Promise<SandboxResponse> {
    if (!match.route && match.allowed.size === 0 && req.path.includes('//')) {
      // Werkzeug's `merge_slashes`: each `//` becomes `/` once, and a rule that matches then redirects.
      const merged = req.path.replace(/\/\//g, '/');
      const again = matchRoutes(merged, method);
      if (again.route || again.allowed.size > 0)
        return slashRedirect(`${req.urlRoot.slice(0, -1)}${quotePath(merged)}${search ? `?${search}` : ''}`);
    }
    const { route: r, params, allowed } = match;
    if (r && method !== 'OPTIONS') {
      try {
        if (r.open) return await r.open(req, ctx, params);
        const auth = authenticate(headerValue(req.headers.authorization), store, Date.now() + ctx.skewMs);
        if (auth instanceof AuthError)
          return v2Error(auth.status, [{ error: 'AuthError', message: auth.message }]);
        return await r.v2!(req, ctx, auth, params);
      } catch (err) {
        if (err instanceof V2Error) return v2Error(err.status, err.errors);
        onError(err);
        return v2Error(500, [
          { error: (err as Error)?.constructor?.name ?? 'Exception', message: 'Internal server error' },
        ]);
      }
    }
    if (allowed.size === 0) return notFound();
    if (allowed.has('GET')) allowed.add('HEAD');
    allowed.add('OPTIONS');
    const allow = [...allowed].sort().join(', ');
    if (method === 'OPTIONS') {
      // Flask answers OPTIONS itself, but only after the blueprint's before_request: v2 paths need auth.
      const v2 = ROUTES.some((x) => x.v2 && x.pattern.test(req.path));
      if (v2) {
        const auth = authenticate(headerValue(req.headers.authorization), store, Date.now() + ctx.skewMs);
        if (auth instanceof AuthError)
          return v2Error(auth.status, [{ error: 'AuthError', message: auth.message }]);
      }
      return { status: 200, body: '', headers: { Allow: allow, 'Content-Type': 'text/html; charset=utf-8' } };
    }
    // Flask copies Werkzeug's exception headers over jsonify's, so this JSON goes out labelled text/html.
    const r405 = appError(405, METHOD_NOT_ALLOWED_MESSAGE, { Allow: allow });
    return { ...r405, headers: { ...r405.headers, 'Content-Type': 'text/html; charset=utf-8' } };
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  access.port = address.port;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`;

  let closing: Promise<void> | null = null;
  const closeOnce = async () => {
    clearInterval(purgeTimer);
    changes.close();
    clock.close();
    callbacks.close();
    for (const d of delays) {
      clearTimeout(d.timer);
      d.resolve();
    }
    delays.clear();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const s of sockets) s.destroy();
    });
    await ctx.lifecycle.idle();
    if (journal) await journal.close();
  };

  sandbox = {
    url,
    port: address.port,
    ctx,
    faults,
    latency,
    changes,
    recovery,
    info: () => describe(url, store),
    idle: async () => {
      for (let i = 0; i < 50; i++) {
        await ctx.lifecycle.idle();
        await callbacks.idle();
        if (journal) await journal.drain();
        await new Promise((r) => setImmediate(r));
      }
    },
    reset: async () => {
      limits.reset();
      faults.clear();
      addFixtureFaults();
      latency.restart(startingLatency);
      // Each test after a reset starts as the first did: the clock's speed and skew as at the start
      // (simulated time itself only moves forward).
      clock.setTimeScale(options.timeScale ?? 1);
      ctx.skewMs = 0;
      ctx.documents.clear();
      // Journaled as a record of its own, so sends that land while the data folder is compacted
      // keep their place after it.
      await store.reset();
      if (journal) await journal.compact();
    },
    close: () => (closing ??= closeOnce()),
  };
  return sandbox;
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

function hostHeader(req: IncomingMessage): string | null {
  const h = req.headers.host;
  return h && /^[A-Za-z0-9.:[\]-]+$/.test(h) ? h : null;
}

function describe(url: string, store: SandboxStore): SandboxInfo {
  return {
    base_url: url,
    services: [...store.services.values()].map((s) => ({
      id: s.id,
      name: s.name,
      restricted: s.restricted,
      api_keys: (store.keys.get(s.id) ?? []).map((k) => ({
        id: k.id,
        name: k.name,
        key_type: k.keyType,
        api_key: formatApiKey(k),
        revoked: k.revokedAt !== null,
      })),
      templates: store.templatesOf(s.id).map((t) => ({
        id: t.id,
        name: t.name,
        type: t.type,
        archived: t.archived,
        version: t.versions[t.versions.length - 1]?.version ?? 1,
      })),
    })),
  };
}
