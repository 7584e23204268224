/**
 * The Sandbox panel's service (issue 9.2): everything the embedded sandbox's control API does,
 * as the console's `sandbox.*` methods, with no secret leaving the core.
 *
 * - Keys come out masked. Copy writes the clipboard here when the host has one (the desktop app);
 *   in browser mode the key is answered to that one call for the page to write (`sandbox.copyKey`).
 * - "Add as profile" saves a stored profile with the key, through the profiles service, so the
 *   vault's rules apply as on the Profiles screen (a passphrase vault must be set up and unlocked).
 * - Received texts are read through Notify's own API (`GET /v2/received-text-messages`) with one
 *   of the service's keys, the one read the control API has no route for; the request is not an
 *   inspector entry, since the user did not make it.
 */
import { maskApiKey } from '../../../src-shared/notify/api-key';
import { PROFILE_NAME_MAX } from '../../../src-shared/notify/profile-fields';
import type { MethodInput, MethodOutput } from '../../contract/methods';
import type { PanelKey, PanelOverview, PanelServiceSettings } from '../../contract/sandbox';
import { NotifyClient } from '../notify/client';
import type { ClipboardPort, EmbeddedSandbox } from '../ports';
import type { ProfileService } from '../profiles/profile-service';
import {
  SandboxRefusedError,
  type ControlKey,
  type ControlService,
  type SandboxControlApi,
} from './control-api';
import type { PanelFaults } from './panel-faults';

const KEY_TYPE_LABEL = { normal: 'live', team: 'team', test: 'test' } as const;
const KEY_TYPE_WORDS = { normal: 'live key', team: 'team key', test: 'test key' } as const;

/** Each callback setting of `sandbox.updateService`, and its name in the control API (and Notify). */
const CALLBACK_NAMES = [
  ['deliveryStatusCallback', 'delivery_status'],
  ['receivedTextCallback', 'received_text'],
  ['returnedLetterCallback', 'returned_letter'],
  ['complaintCallback', 'complaint'],
] as const;

interface SandboxPanelOptions {
  control: SandboxControlApi;
  sandbox: EmbeddedSandbox | null;
  faults: PanelFaults;
  profiles: ProfileService;
  /** The host's clipboard (the desktop app's), or null in browser mode. */
  clipboard: ClipboardPort | null;
}

function toPanelKey(k: ControlKey): PanelKey {
  return { id: k.id, name: k.name, keyType: k.key_type, masked: maskApiKey(k.api_key), revoked: k.revoked };
}

function toSettings(s: ControlService): PanelServiceSettings {
  return {
    id: s.id,
    name: s.name,
    active: s.active,
    restricted: s.restricted,
    rateLimit: s.rate_limit,
    limits: {
      email: s.limits.email,
      sms: s.limits.sms,
      letter: s.limits.letter,
      international_sms: s.limits.international_sms,
    },
    permissions: s.permissions,
    deliveryStatusCallbackUrl: s.callbacks.delivery_status?.url ?? null,
    receivedTextCallbackUrl: s.callbacks.received_text?.url ?? null,
    returnedLetterCallbackUrl: s.callbacks.returned_letter?.url ?? null,
    complaintCallbackUrl: s.callbacks.complaint?.url ?? null,
  };
}

export class SandboxPanelService {
  private readonly control: SandboxControlApi;

  constructor(private readonly options: SandboxPanelOptions) {
    this.control = options.control;
  }

  async overview(): Promise<PanelOverview> {
    const sandbox = this.options.sandbox;
    if (!sandbox)
      return {
        state: 'off',
        message: 'This console was started without its embedded sandbox (--no-notify-sandbox).',
        url: null,
        services: [],
        faults: [],
        clock: null,
        latency: null,
        notificationCount: null,
      };
    const status = sandbox.status();
    if (status.state !== 'running')
      return {
        state: status.state,
        message: status.message,
        url: sandbox.baseUrl,
        services: [],
        faults: [],
        clock: null,
        latency: null,
        notificationCount: null,
      };
    const [info, faults, clock, count, latency] = await Promise.all([
      this.control.info(),
      this.options.faults.refresh(),
      this.control.clock(),
      this.control.stats(),
      this.control.latency(),
    ]);
    return {
      state: 'running',
      message: null,
      url: sandbox.baseUrl,
      services: info.services.map((s) => ({
        id: s.id,
        name: s.name,
        restricted: s.restricted,
        keys: s.api_keys.map(toPanelKey),
        templates: s.templates.map((t) => ({
          id: t.id,
          name: t.name,
          type: t.type,
          version: typeof t.version === 'number' ? t.version : null,
          archived: t.archived,
        })),
      })),
      faults,
      clock: {
        now: clock.now,
        skewSeconds: clock.skew_seconds,
        timeScale: clock.time_scale,
        pendingEvents: clock.pending_events,
      },
      latency: { mode: latency.mode, seed: latency.seed },
      notificationCount: count,
    };
  }

  async setLatency(input: MethodInput<'sandbox.setLatency'>): Promise<MethodOutput<'sandbox.setLatency'>> {
    const r = await this.control.latency({
      mode: input.mode,
      ...(input.seed === undefined ? {} : { seed: input.seed }),
    });
    return { mode: r.mode, seed: r.seed };
  }

  async createKey(input: MethodInput<'sandbox.createKey'>): Promise<MethodOutput<'sandbox.createKey'>> {
    const created = await this.control.createKey(input.serviceId, input.name, input.keyType);
    return { key: toPanelKey((await this.findKey(created.id)).key) };
  }

  async revokeKey(keyId: string): Promise<MethodOutput<'sandbox.revokeKey'>> {
    await this.findKey(keyId);
    await this.control.revokeKey(keyId);
    return { key: toPanelKey((await this.findKey(keyId)).key) };
  }

  async copyKey(keyId: string): Promise<MethodOutput<'sandbox.copyKey'>> {
    const { key } = await this.findKey(keyId);
    if (this.options.clipboard) {
      this.options.clipboard.writeText(key.api_key);
      return { copied: true };
    }
    return { copied: false, apiKey: key.api_key };
  }

  async addKeyProfile(keyId: string): Promise<MethodOutput<'sandbox.addKeyProfile'>> {
    const { key, serviceName } = await this.findKey(keyId);
    if (key.revoked)
      throw new SandboxRefusedError('This key is revoked: a profile with it could not send.', 400);
    const baseUrl = this.options.sandbox?.baseUrl;
    if (!baseUrl) throw new SandboxRefusedError('The embedded sandbox is not running.', 503);
    const taken = new Set(this.options.profiles.list().profiles.map((p) => p.name));
    // Profile names are at most PROFILE_NAME_MAX (60) characters; room is left for " 12".
    const base = `${serviceName} — ${key.name} (${KEY_TYPE_WORDS[key.key_type]})`.slice(
      0,
      PROFILE_NAME_MAX - 4,
    );
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base} ${n}`;
    const profile = await this.options.profiles.create({
      name,
      baseUrl,
      apiKey: key.api_key,
      keyType: KEY_TYPE_LABEL[key.key_type],
    });
    return { profile };
  }

  async receivedTexts(serviceId: string): Promise<MethodOutput<'sandbox.receivedTexts'>> {
    const info = await this.control.info();
    const service = info.services.find((s) => s.id === serviceId);
    if (!service) throw new SandboxRefusedError('The sandbox has no such service.', 404);
    const key = service.api_keys.find((k) => !k.revoked);
    if (!key)
      throw new SandboxRefusedError(
        'Every key of this service is revoked: create a key to read its received texts.',
        400,
      );
    const client = new NotifyClient({
      baseUrl: info.base_url,
      apiKey: key.api_key,
      proxy: null,
      retry: { attempts: 1 },
    });
    try {
      return { messages: (await client.getReceivedTexts()).received_text_messages };
    } finally {
      await client.close();
    }
  }

  async injectInbound(
    input: MethodInput<'sandbox.injectInbound'>,
  ): Promise<MethodOutput<'sandbox.injectInbound'>> {
    const r = await this.control.inbound(input.serviceId, input.userNumber, input.content);
    return { id: r.id, createdAt: r.created_at };
  }

  async addFault(input: MethodInput<'sandbox.addFault'>) {
    const body: Record<string, unknown> = { kind: input.kind };
    if (input.status !== undefined) body.status = input.status;
    if (input.latencyMs !== undefined) body.latency_ms = input.latencyMs;
    if (input.count !== undefined) body.count = input.count;
    if (input.pathPrefix !== undefined) body.path_prefix = input.pathPrefix;
    if (input.method !== undefined) body.method = input.method;
    if (input.phase !== undefined) body.phase = input.phase;
    if (input.retryAfter !== undefined) body.retry_after = input.retryAfter;
    return { faults: await this.options.faults.add(body) };
  }

  async setClock(input: MethodInput<'sandbox.setClock'>): Promise<MethodOutput<'sandbox.setClock'>> {
    const change: Record<string, number> = {};
    if (input.advanceSeconds !== undefined) change.advance_seconds = input.advanceSeconds;
    if (input.skewSeconds !== undefined) change.skew_seconds = input.skewSeconds;
    if (input.timeScale !== undefined) change.time_scale = input.timeScale;
    const c = await this.control.clock(change);
    return {
      now: c.now,
      skewSeconds: c.skew_seconds,
      timeScale: c.time_scale,
      pendingEvents: c.pending_events,
    };
  }

  async reset(): Promise<MethodOutput<'sandbox.reset'>> {
    await this.control.reset();
    this.options.faults.forgetDailyLimits();
    await this.options.faults.refresh();
    return { reset: true };
  }

  async serviceSettings(serviceId: string): Promise<PanelServiceSettings> {
    return toSettings(await this.control.patchService(serviceId, {}));
  }

  async updateService(input: MethodInput<'sandbox.updateService'>): Promise<PanelServiceSettings> {
    const patch: Record<string, unknown> = {};
    if (input.active !== undefined) patch.active = input.active;
    if (input.restricted !== undefined) patch.restricted = input.restricted;
    if (input.rateLimit !== undefined) patch.rate_limit = input.rateLimit;
    if (input.limits !== undefined) patch.limits = input.limits;
    if (input.permissions !== undefined) patch.permissions = input.permissions;
    const callbacks: Record<string, unknown> = {};
    for (const [field, name] of CALLBACK_NAMES) {
      const v = input[field];
      if (v !== undefined) callbacks[name] = v === null ? null : { url: v.url, bearer_token: v.bearerToken };
    }
    if (Object.keys(callbacks).length > 0) patch.callbacks = callbacks;
    return toSettings(await this.control.patchService(input.serviceId, patch));
  }

  async createTemplate(input: MethodInput<'sandbox.createTemplate'>) {
    const r = await this.control.createTemplate(input.serviceId, {
      ...(input.templateId ? { id: input.templateId } : {}),
      name: input.name,
      type: input.type,
      content: input.content,
      ...(input.type === 'sms' ? {} : { subject: input.subject ?? '' }),
    });
    return { id: r.id, version: r.version };
  }

  async activity(): Promise<MethodOutput<'sandbox.activity'>> {
    const [callbacks, unsubscribes] = await Promise.all([
      this.control.callbacks(),
      this.control.unsubscribes(),
    ]);
    return {
      callbacks: callbacks
        .slice(-200)
        .reverse()
        .map((c) => {
          const last = c.attempts[c.attempts.length - 1];
          return {
            id: c.id,
            kind: c.kind,
            url: c.url,
            state: c.state,
            attempts: c.attempts.length,
            lastStatus: last?.status ?? null,
            lastError: last?.error ?? null,
          };
        }),
      unsubscribes: unsubscribes
        .slice(-200)
        .reverse()
        .map((u) => ({ notificationId: u.notificationId, at: u.at })),
    };
  }

  /** A key with its service's name, or a refusal naming what is missing. */
  private async findKey(keyId: string): Promise<{ key: ControlKey; serviceName: string }> {
    const info = await this.control.info();
    for (const s of info.services) {
      const key = s.api_keys.find((k) => k.id === keyId);
      if (key) return { key, serviceName: s.name };
    }
    throw new SandboxRefusedError('The sandbox has no API key with this id.', 404);
  }
}
