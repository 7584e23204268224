/**
 * The Notify Sandbox server: a local Notify API v2, as a library and behind the CLI.
 *
 * `startSandbox()` binds 127.0.0.1 by default, loads a fixture (or the data folder's saved state),
 * and answers Notify's routes with Notify's bytes. The console embeds it; tests start one per suite
 * on an ephemeral port.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { CallbackDispatcher } from './callback-dispatcher';
import { SandboxClock } from './clock';
import type { SandboxContext } from './context';
import { DocumentStore } from './documents';
import type { Fixture } from './fixtures';
import { Faults, injectedError } from './faults';
import { Latency, type LatencySetting } from './latency';
import { ChangeFeed } from './change-feed';
import { appError, v2Error, type SandboxRequest, type SandboxResponse } from './http';
import { Lifecycle } from './lifecycle';
import { Limits } from './limits';
import { FilePdfStore, MemoryPdfStore } from './pdf-store';
import { RenderPool } from './render-pool';
import type { JournalRecovery } from './persistence';
import { SandboxStore } from './store';
import { latencyRouteOf, wsgiPath } from './router';
import { handleControl } from './control';
import { BASE_HEADERS, CONTROL_BASE, readBody, send } from './wire';
import { checkControlBody, checkControlHeaders, type ControlAccess } from './control-access';
import { headerLimitProblem, headerLimitPage, MAX_HEADER_BLOCK_BYTES } from './gateway';
import { answerClientError } from './client-error';
import { createDispatch } from './dispatch';
import { describeSandbox, type SandboxInfo } from './sandbox-info';
import { loadStartingState } from './starting-state';

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

const EMPTY_QUERY = new URLSearchParams();
const EMPTY_PAIRS: [string, string][] = Object.freeze([]) as unknown as [string, string][];
const DEFAULT_MAX_BODY = 12 * 1024 * 1024;

/** Starts a sandbox and resolves once it is listening. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const clock = new SandboxClock(options.timeScale ?? 1);
  const store = new SandboxStore(() => clock.nowMicros());
  const onError = options.onError ?? ((err: unknown) => console.error('[sandbox]', err));

  const { journal, recovery, fixture, unsubscribeSecret } = await loadStartingState(
    options,
    clock,
    store,
    onError,
  );

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
    renders: new RenderPool(),
    unsubscribeSecret,
    skewMs: 0,
  };
  const dispatch = createDispatch(ctx, onError);
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
  server.on('clientError', answerClientError);

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
    await ctx.renders.close();
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
    info: () => describeSandbox(url, store),
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

function hostHeader(req: IncomingMessage): string | null {
  const h = req.headers.host;
  return h && /^[A-Za-z0-9.:[\]-]+$/.test(h) ? h : null;
}
