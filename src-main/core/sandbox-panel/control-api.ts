/**
 * The embedded sandbox's control API (`/_sandbox/…`, src-sandbox/control.ts and control-inbox.ts),
 * typed, over the `EmbeddedSandbox` port: the host adds the control secret, this reads the answers.
 *
 * Every answer is checked with a loose zod schema of the fields the panel uses, so a sandbox that
 * answers something else is a clear error, not a crash further on. The sandbox's own refusals
 * (`{"message": …, "result": "error"}`, Notify's app-level envelope) become `sandbox_refused` with
 * its message; a sandbox that is off, restarting or unreachable is `sandbox_unavailable`. Neither
 * message can hold the secret: the host never puts it anywhere but a request header.
 */
import { z } from 'zod';
import { CoreError, type EmbeddedSandbox, type SandboxControlRequest } from '../ports';

/** The control API is off, not running or did not answer. */
class SandboxUnavailableError extends CoreError {
  override name = 'SandboxUnavailableError';
  constructor(message: string) {
    super('sandbox_unavailable', message);
  }
}

/** The control API answered with an error: its message, for the user. */
export class SandboxRefusedError extends CoreError {
  override name = 'SandboxRefusedError';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super('sandbox_refused', message);
  }
}

const keyInfo = z.looseObject({
  id: z.string(),
  name: z.string(),
  key_type: z.enum(['normal', 'team', 'test']),
  api_key: z.string(),
  revoked: z.boolean(),
});
export type ControlKey = z.infer<typeof keyInfo>;

const controlInfo = z.looseObject({
  base_url: z.string(),
  services: z.array(
    z.looseObject({
      id: z.string(),
      name: z.string(),
      restricted: z.boolean(),
      api_keys: z.array(keyInfo),
      templates: z.array(
        z.looseObject({
          id: z.string(),
          name: z.string(),
          type: z.enum(['sms', 'email', 'letter']),
          archived: z.boolean(),
          version: z.number().optional(),
        }),
      ),
    }),
  ),
});
type ControlInfo = z.infer<typeof controlInfo>;

const controlFault = z.looseObject({
  id: z.string(),
  kind: z.enum(['latency', 'slow_network', 'error', 'drop']),
  status: z.number().optional(),
  latency_ms: z.number().optional(),
  remaining: z.number().nullable(),
  hits: z.number(),
  path_prefix: z.string(),
  method: z.string().optional(),
  phase: z.enum(['before', 'after']),
  retry_after: z.number().optional(),
});
export type ControlFault = z.infer<typeof controlFault>;

const controlClock = z.looseObject({
  now: z.string(),
  skew_seconds: z.number(),
  time_scale: z.number(),
  pending_events: z.number(),
});

const limits = z.looseObject({
  email: z.number(),
  sms: z.number(),
  letter: z.number(),
  international_sms: z.number(),
});
const callback = z.looseObject({ url: z.string() }).nullish();
const controlService = z.looseObject({
  id: z.string(),
  name: z.string(),
  active: z.boolean().default(true),
  restricted: z.boolean(),
  rate_limit: z.number(),
  limits,
  permissions: z.array(z.string()),
  callbacks: z
    .looseObject({
      delivery_status: callback,
      received_text: callback,
      returned_letter: callback,
      complaint: callback,
    })
    .default({}),
});
export type ControlService = z.infer<typeof controlService>;
export type ControlLimits = z.infer<typeof limits>;

const controlInboxItem = z.looseObject({
  id: z.string(),
  service_id: z.string(),
  service_name: z.string().nullable(),
  key_type: z.enum(['normal', 'team', 'test']),
  api_key_name: z.string().nullable(),
  created_by_name: z.string().nullable(),
  type: z.enum(['sms', 'email', 'letter']),
  status: z.string(),
  api_status: z.string().optional(),
  to: z.string().nullable(),
  reference: z.string().nullable(),
  template_id: z.string(),
  template_name: z.string().nullable(),
  template_version: z.number(),
  subject: z.string().nullable(),
  body_preview: z.string(),
  created_at: z.string(),
});
export type ControlInboxItem = z.infer<typeof controlInboxItem>;

const controlInboxPage = z.looseObject({
  cursor: z.string(),
  links: z.looseObject({ next: z.string().optional() }).default({}),
  notifications: z.array(controlInboxItem),
});
const controlInboxChanges = z.looseObject({
  complete: z.boolean(),
  cursor: z.string(),
  notifications: z.array(controlInboxItem),
  removed: z.array(z.string()),
});

const callbackRecord = z.looseObject({
  id: z.string(),
  kind: z.string(),
  url: z.string(),
  state: z.string(),
  attempts: z.array(z.looseObject({ status: z.number().nullable(), error: z.string().nullable() })),
  /** The body sent: a complaint's names its `complaint_id`. */
  payload: z.record(z.string(), z.unknown()).default({}),
});
const unsubscribe = z.looseObject({ notificationId: z.string(), at: z.string() });

const appErrorBody = z.looseObject({ message: z.string() });

/** The raw answer of a call, once it is known to be a success. */
interface ControlBytes {
  contentType: string;
  body: Uint8Array;
}

export class SandboxControlApi {
  constructor(private readonly sandbox: EmbeddedSandbox | null) {}

  /** Whether the console runs an embedded sandbox at all. */
  get present(): boolean {
    return this.sandbox !== null;
  }

  /** Whether it runs now. */
  get running(): boolean {
    return this.sandbox?.status().state === 'running';
  }

  async info(): Promise<ControlInfo> {
    return this.json({ method: 'GET', path: '/info' }, controlInfo);
  }

  async createKey(serviceId: string, name: string, keyType: 'normal' | 'team' | 'test') {
    return this.json(
      { method: 'POST', path: `/services/${serviceId}/keys`, body: { name, key_type: keyType } },
      z.looseObject({ id: z.string() }),
    );
  }

  async revokeKey(keyId: string): Promise<void> {
    await this.json({ method: 'POST', path: `/keys/${keyId}/revoke` }, z.unknown());
  }

  async faults(): Promise<ControlFault[]> {
    return (
      await this.json({ method: 'GET', path: '/faults' }, z.looseObject({ faults: z.array(controlFault) }))
    ).faults;
  }

  async addFault(body: Record<string, unknown>): Promise<void> {
    await this.json({ method: 'POST', path: '/faults', body }, controlFault);
  }

  async removeFault(id: string): Promise<void> {
    await this.json({ method: 'DELETE', path: `/faults/${encodeURIComponent(id)}` }, z.unknown());
  }

  async clearFaults(): Promise<void> {
    await this.json({ method: 'DELETE', path: '/faults' }, z.unknown());
  }

  async clock(change?: Record<string, number>) {
    return this.json(
      change ? { method: 'POST', path: '/clock', body: change } : { method: 'GET', path: '/clock' },
      controlClock,
    );
  }

  /** Modelled response times; with a change, sets them first. */
  async latency(change?: { mode: string; seed?: number }) {
    return this.json(
      change ? { method: 'POST', path: '/latency', body: change } : { method: 'GET', path: '/latency' },
      z.looseObject({ mode: z.string(), seed: z.number() }),
    );
  }

  async reset(): Promise<void> {
    await this.json({ method: 'POST', path: '/reset', timeoutMs: 60_000 }, z.unknown());
  }

  async stats(): Promise<number> {
    return (await this.json({ method: 'GET', path: '/stats' }, z.looseObject({ notifications: z.number() })))
      .notifications;
  }

  /** Changes a service's settings; an empty patch reads them (the control API has no GET for a service). */
  async patchService(serviceId: string, patch: Record<string, unknown>): Promise<ControlService> {
    return (
      await this.json(
        { method: 'PATCH', path: `/services/${serviceId}`, body: patch },
        z.looseObject({ service: controlService }),
      )
    ).service;
  }

  async inbound(serviceId: string, userNumber: string, content: string) {
    return this.json(
      {
        method: 'POST',
        path: `/services/${serviceId}/inbound`,
        body: { user_number: userNumber, content },
      },
      z.looseObject({ id: z.string(), created_at: z.string() }),
    );
  }

  async createTemplate(serviceId: string, body: Record<string, unknown>) {
    return this.json(
      { method: 'POST', path: `/services/${serviceId}/templates`, body },
      z.looseObject({ id: z.string(), version: z.number() }),
    );
  }

  async callbacks() {
    return (
      await this.json(
        { method: 'GET', path: '/callbacks' },
        z.looseObject({ callbacks: z.array(callbackRecord) }),
      )
    ).callbacks;
  }

  async unsubscribes() {
    return (
      await this.json(
        { method: 'GET', path: '/unsubscribes' },
        z.looseObject({ unsubscribes: z.array(unsubscribe) }),
      )
    ).unsubscribes;
  }

  async inboxPage(query: Record<string, string>) {
    return this.json({ method: 'GET', path: '/notifications', query }, controlInboxPage);
  }

  /** The inbox's changes since `since`, waiting up to `waitSeconds` for one. */
  async inboxChanges(since: string | null, waitSeconds: number, signal?: AbortSignal) {
    return this.json(
      {
        method: 'GET',
        path: '/notifications/changes',
        query: { ...(since ? { since } : {}), wait: String(waitSeconds) },
        timeoutMs: (waitSeconds + 10) * 1000,
        ...(signal ? { signal } : {}),
      },
      controlInboxChanges,
    );
  }

  /** A notification as its recipient sees it: text/plain, an HTML page or a PDF. */
  async rendered(id: string): Promise<ControlBytes> {
    return this.call({ method: 'GET', path: `/notifications/${id}/rendered`, timeoutMs: 30_000 });
  }

  async forceStatus(id: string, status: string) {
    return this.json(
      { method: 'POST', path: `/notifications/${id}/status`, body: { status } },
      z.looseObject({ status: z.string() }),
    );
  }

  /** Records a complaint about an email (its recipient reported it as spam); a text or a letter is refused. */
  async complain(id: string) {
    return this.json(
      { method: 'POST', path: `/notifications/${id}/complaint`, body: {} },
      z.looseObject({ id: z.string(), complaint_date: z.string() }),
    );
  }

  /** A call that answered 2xx, or the error saying why not. */
  async call(request: SandboxControlRequest): Promise<ControlBytes> {
    const sandbox = this.sandbox;
    if (!sandbox)
      throw new SandboxUnavailableError('The embedded sandbox is off: this console was started without it.');
    const state = sandbox.status();
    if (state.state !== 'running')
      throw new SandboxUnavailableError(
        `The embedded sandbox is not running (${state.state})${state.message ? `: ${state.message}` : '.'}`,
      );
    let answer;
    try {
      answer = await sandbox.control(request);
    } catch (err) {
      throw new SandboxUnavailableError(
        `The embedded sandbox did not answer: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    if (answer.status >= 200 && answer.status < 300) return answer;
    throw new SandboxRefusedError(refusalMessage(answer.status, answer.body), answer.status);
  }

  private async json<S extends z.ZodType>(request: SandboxControlRequest, schema: S): Promise<z.output<S>> {
    const { body } = await this.call(request);
    let value: unknown;
    try {
      value = JSON.parse(Buffer.from(body).toString('utf8'));
    } catch {
      throw new SandboxRefusedError(
        `The embedded sandbox answered ${request.path} with something other than JSON.`,
        200,
      );
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success)
      throw new SandboxRefusedError(
        `The embedded sandbox's answer to ${request.method} ${request.path} is not what this console expects (is it an older sandbox?).`,
        200,
      );
    return parsed.data;
  }
}

/** The sandbox's own words for a refusal, cut to a sentence's length. */
function refusalMessage(status: number, body: Uint8Array): string {
  try {
    const parsed = appErrorBody.safeParse(JSON.parse(Buffer.from(body).toString('utf8')));
    if (parsed.success) return `The sandbox said: ${parsed.data.message.slice(0, 500)}`;
  } catch {
    // Not JSON: the status says enough.
  }
  return `The sandbox answered HTTP ${status}.`;
}
