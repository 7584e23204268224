/**
 * The Notify Sandbox testing kit: `notify-console/sandbox`, for developers' own test suites.
 *
 * Start a sandbox on a free port with a fixture (or connect to one already running: the CLI, a
 * Docker container, a CI service), point the code under test at `url` with one of its API keys, then
 * read what the code sent, wait for a status, force one, inject a received text or a complaint, move
 * the clock, reset between tests and stop. Everything goes through the sandbox's control API (docs/sandbox.md),
 * so a kit connected to a sandbox in another process does exactly what one that started it does.
 *
 * This file's types are the package's published ones (out/kit/sandbox.d.ts is emitted from it
 * alone): they are declared here, not imported, so the declarations stand on their own.
 */
import { startSandbox as startServer } from '../server';
import { loadFixtureFile, parseFixture } from '../fixtures';

export type KeyType = 'normal' | 'team' | 'test';
export type NotificationType = 'sms' | 'email' | 'letter';
/** `realistic` (the sandbox's default: Notify's response times per route) or `none` (at once). */
export type LatencySetting = 'realistic' | 'none' | { mode: 'realistic' | 'none'; seed?: number };

/**
 * A fixture (docs/sandbox.md, "Fixtures"): services with their keys, templates and settings, in
 * Notify's field names. Checked when the sandbox starts; a bad one is refused with the path to fix.
 */
export interface SandboxFixture {
  services: ({ id: string; name: string } & Record<string, unknown>)[];
  latency?: LatencySetting;
  faults?: FaultInput[];
}

export interface StartOptions {
  /** A fixture object, or the path of a JSON fixture file; default: the built-in demo service. */
  fixture?: SandboxFixture | string;
  /** Default 0: any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default `realistic`; `none` for fast suites. */
  latency?: LatencySetting;
  /** Lifecycle speed: 1 (default) delivers a text in about 5 s, 1000 in milliseconds. */
  timeScale?: number;
  /** Rate and daily limits (default on). */
  limits?: boolean;
  /** Makes the control API require this secret (the kit sends it). */
  controlSecret?: string;
  /** Keep state in this folder across restarts (default: memory only). */
  dataDir?: string;
  /** Unexpected server errors (default: console.error). */
  onError?: (err: unknown) => void;
}

export interface ConnectOptions {
  /** The sandbox's control secret, when it has one (`NOTIFY_SANDBOX_CONTROL_SECRET`). */
  controlSecret?: string;
}

export interface SandboxApiKey {
  id: string;
  name: string;
  key_type: KeyType;
  api_key: string;
  revoked: boolean;
}

export interface SandboxService {
  id: string;
  name: string;
  restricted: boolean;
  api_keys: SandboxApiKey[];
  templates: { id: string; name: string; type: NotificationType; archived: boolean }[];
}

/** A notification as the sandbox's inbox shows it (`GET /_sandbox/notifications`). */
export interface SandboxNotification {
  id: string;
  service_id: string;
  service_name: string | null;
  key_type: KeyType;
  /** The API key's name; null for admin-site sends (the control API's `send`). */
  api_key_name: string | null;
  created_by_name: string | null;
  job: boolean;
  type: NotificationType;
  /** Notify's internal status (`created`, `sending`, `delivered`, `permanent-failure`…). */
  status: string;
  /** The status as Notify's API shows it (letters: `accepted`, `received`). */
  api_status: string;
  /** Phone number or email address as sent; a letter's address lines. */
  to: string | null;
  reference: string | null;
  template_id: string;
  template_name: string | null;
  template_version: number;
  subject: string | null;
  /** The first 200 characters of the body. */
  body_preview: string;
  postage: string | null;
  precompiled: boolean;
  created_at: string;
  sent_at: string | null;
  updated_at: string | null;
  history: { status: string; at: string }[];
  /** The whole body: in `notification(id)`'s answer only. */
  body?: string;
}

/** Filters for `notifications()` and `waitForNotification()`; all given must match. */
export interface NotificationFilter {
  /** A phone number or email address however written (`07700 900123` finds `+447700900123`), or part of a letter's address. */
  recipient?: string;
  template_id?: string;
  reference?: string;
  type?: NotificationType;
  /** An internal status or the API's name for it. */
  status?: string;
  key_type?: KeyType;
  service_id?: string;
}

/** A complaint recorded about an email (`POST /_sandbox/notifications/{id}/complaint`). */
export interface SandboxComplaint {
  id: string;
  notification_id: string;
  service_id: string;
  /** The address the email went to. */
  email_address: string;
  complaint_date: string;
}

export interface FaultInput {
  kind: 'latency' | 'slow_network' | 'error' | 'drop';
  status?: number;
  latency_ms?: number;
  count?: number;
  path_prefix?: string;
  method?: 'GET' | 'POST';
  phase?: 'before' | 'after';
  retry_after?: number;
}

export type Rendered =
  { type: 'sms'; text: string } | { type: 'email'; html: string } | { type: 'letter'; pdf: Uint8Array };

export interface WaitOptions {
  /** Give up after this long (default 10 s) with an error naming the last status seen. */
  timeoutMs?: number;
}

export interface SandboxKit {
  /** The base URL to give a Notify client (`new NotifyClient(sandbox.url, apiKey)`). */
  readonly url: string;
  /** Services, their API keys and templates. */
  services(): Promise<SandboxService[]>;
  /** An API key of a service (default: the first service) and key type (default `normal`, live). */
  apiKey(options?: { service?: string; key_type?: KeyType }): Promise<string>;
  /** Every notification matching the filter, newest first, from any key. */
  notifications(filter?: NotificationFilter): Promise<SandboxNotification[]>;
  /** One notification, with its whole body. */
  notification(id: string): Promise<SandboxNotification>;
  /** The newest notification matching the filter, waiting for one to arrive if there is none yet. */
  waitForNotification(filter: NotificationFilter, options?: WaitOptions): Promise<SandboxNotification>;
  /** Waits until the notification has one of these statuses (internal or API names). */
  waitForStatus(id: string, status: string | string[], options?: WaitOptions): Promise<SandboxNotification>;
  /**
   * Moves a notification to a status now (its callback is sent as for a real change: a letter's
   * `returned-letter` goes to the service's returned-letter callback).
   */
  forceStatus(id: string, status: string): Promise<SandboxNotification>;
  /**
   * The recipient of an email reports it as spam: the complaint is recorded and sent to the service's
   * complaint callback. Refused (400) for a text message or a letter.
   */
  complain(id: string): Promise<SandboxComplaint>;
  /** A text message sent to the service's inbound number (and its callback). */
  receiveText(text: {
    from: string;
    content: string;
    service?: string;
  }): Promise<{ id: string; created_at: string }>;
  /** Moves simulated time forward, running every status change that falls due. */
  advanceClock(seconds: number): Promise<void>;
  /** Lifecycle speed from now on. */
  setTimeScale(scale: number): Promise<void>;
  setLatency(setting: LatencySetting): Promise<void>;
  addFault(fault: FaultInput): Promise<{ id: string }>;
  clearFaults(): Promise<void>;
  /** As the recipient sees it: a text's words, an email's HTML page, a letter's PDF. */
  rendered(id: string): Promise<Rendered>;
  /** Back to the starting fixture: notifications, faults, clock speed and latency as at the start. */
  reset(): Promise<void>;
  /** Stops a sandbox this kit started (a connected one keeps running). */
  stop(): Promise<void>;
}

/** A control API call the sandbox refused, with its status and message. */
export class SandboxKitError extends Error {
  override name = 'SandboxKitError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Starts a sandbox in this process and resolves once it listens. */
export async function startSandbox(options: StartOptions = {}): Promise<SandboxKit> {
  const fixture =
    typeof options.fixture === 'string'
      ? await loadFixtureFile(options.fixture)
      : options.fixture === undefined
        ? undefined
        : parseFixture(options.fixture);
  const server = await startServer({
    port: options.port ?? 0,
    host: options.host,
    fixture,
    latency: options.latency,
    timeScale: options.timeScale,
    limits: options.limits,
    controlSecret: options.controlSecret ?? null,
    dataDir: options.dataDir ?? null,
    onError: options.onError,
  });
  return kit(server.url, options.controlSecret ?? null, () => server.close());
}

/** A kit for a sandbox already running at `url` (`npm run sandbox`, a container, a CI service). */
export function connectSandbox(url: string, options: ConnectOptions = {}): SandboxKit {
  return kit(url.replace(/\/+$/, ''), options.controlSecret ?? null, async () => {});
}

function kit(url: string, secret: string | null, close: () => Promise<void>): SandboxKit {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const changes = method !== 'GET';
    const headers: Record<string, string> = changes ? { 'Content-Type': 'application/json' } : {};
    if (secret) headers['X-Sandbox-Secret'] = secret;
    const res = await fetch(`${url}/_sandbox${path}`, {
      method,
      headers,
      body: changes ? JSON.stringify(body ?? {}) : undefined,
    });
    if (!res.ok) {
      const text = await res.text();
      let message = text;
      try {
        message = String((JSON.parse(text) as { message?: unknown }).message ?? text);
      } catch {
        // not JSON: the text itself
      }
      throw new SandboxKitError(res.status, `${method} /_sandbox${path}: ${res.status} ${message}`);
    }
    const type = res.headers.get('content-type') ?? '';
    return (type.startsWith('application/json') ? await res.json() : res) as T;
  };
  const query = (filter: object) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(filter)) if (v !== undefined) q.set(k, String(v));
    return q;
  };
  const services = async () => (await call<{ services: SandboxService[] }>('GET', '/info')).services;
  const serviceId = async (service?: string) => {
    const all = await services();
    const found = service === undefined ? all[0] : all.find((s) => s.id === service || s.name === service);
    if (!found) throw new SandboxKitError(404, `No service ${service ?? ''} in this sandbox.`);
    return found;
  };
  type Page = { cursor: string; notifications: SandboxNotification[]; links: { next?: string } };
  type Changed = { cursor: string; complete: boolean; notifications: SandboxNotification[] };
  const changesSince = (cursor: string, waitMs: number, filter: object = {}) =>
    call<Changed>(
      'GET',
      `/notifications/changes?${query({ ...filter, since: cursor, wait: Math.max(0, Math.min(30, waitMs / 1000)).toFixed(3) })}`,
    );
  const notification = (id: string) =>
    call<SandboxNotification>('GET', `/notifications/${encodeURIComponent(id)}`);

  return {
    url,
    services,
    async apiKey(options = {}) {
      const s = await serviceId(options.service);
      const keyType = options.key_type ?? 'normal';
      const key = s.api_keys.find((k) => k.key_type === keyType && !k.revoked);
      if (!key) throw new SandboxKitError(404, `${s.name} has no ${keyType} API key.`);
      return key.api_key;
    },
    async notifications(filter = {}) {
      const out: SandboxNotification[] = [];
      let path: string | undefined = `/notifications?${query({ ...filter, page_size: 1000 })}`;
      while (path) {
        const page: Page = await call<Page>('GET', path);
        out.push(...page.notifications);
        path = page.links.next?.replace(/^\/_sandbox/, '');
      }
      return out;
    },
    notification,
    async waitForNotification(filter, options = {}) {
      const deadline = Date.now() + (options.timeoutMs ?? 10_000);
      const first = await call<Page>('GET', `/notifications?${query({ ...filter, page_size: 1 })}`);
      if (first.notifications[0]) return first.notifications[0];
      let cursor = first.cursor;
      while (Date.now() < deadline) {
        const changed = await changesSince(cursor, deadline - Date.now(), filter);
        cursor = changed.cursor;
        if (changed.notifications[0]) return changed.notifications[0];
      }
      throw new SandboxKitError(408, `No notification matching ${JSON.stringify(filter)} arrived in time.`);
    },
    async waitForStatus(id, status, options = {}) {
      const wanted = new Set(Array.isArray(status) ? status : [status]);
      const deadline = Date.now() + (options.timeoutMs ?? 10_000);
      const matches = (n: SandboxNotification) => wanted.has(n.status) || wanted.has(n.api_status);
      // The cursor is taken before the read, so a change between the two is not missed.
      let cursor = (await call<Page>('GET', '/notifications?page_size=1')).cursor;
      let n = await notification(id);
      while (!matches(n)) {
        if (Date.now() >= deadline)
          throw new SandboxKitError(
            408,
            `Notification ${id} is ${n.status}, not ${[...wanted].join(' or ')}, after ${options.timeoutMs ?? 10_000} ms (statuses so far: ${n.history.map((h) => h.status).join(' → ')}).`,
          );
        const changed = await changesSince(cursor, deadline - Date.now());
        cursor = changed.cursor;
        if (!changed.complete || changed.notifications.some((x) => x.id === id)) n = await notification(id);
      }
      return n;
    },
    forceStatus: (id, status) =>
      call<SandboxNotification>('POST', `/notifications/${encodeURIComponent(id)}/status`, { status }),
    complain: (id) =>
      call<SandboxComplaint>('POST', `/notifications/${encodeURIComponent(id)}/complaint`, {}),
    async receiveText(text) {
      const s = await serviceId(text.service);
      return call('POST', `/services/${s.id}/inbound`, { user_number: text.from, content: text.content });
    },
    async advanceClock(seconds) {
      await call('POST', '/clock', { advance_seconds: seconds });
    },
    async setTimeScale(scale) {
      await call('POST', '/clock', { time_scale: scale });
    },
    async setLatency(setting) {
      await call('POST', '/latency', typeof setting === 'string' ? { mode: setting } : setting);
    },
    addFault: (fault) => call<{ id: string }>('POST', '/faults', fault),
    async clearFaults() {
      await call('DELETE', '/faults', {});
    },
    async rendered(id) {
      const res = await call<Response>('GET', `/notifications/${encodeURIComponent(id)}/rendered`);
      const type = res.headers.get('content-type') ?? '';
      if (type.startsWith('application/pdf'))
        return { type: 'letter', pdf: new Uint8Array(await res.arrayBuffer()) };
      if (type.startsWith('text/html')) return { type: 'email', html: await res.text() };
      return { type: 'sms', text: await res.text() };
    },
    async reset() {
      await call('POST', '/reset', {});
    },
    stop: close,
  };
}
