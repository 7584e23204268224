/**
 * The `/_sandbox/` control API: inspect and reset state, create keys and templates, inject faults,
 * simulate inbound texts, move the clock. Local tools only: `control-access.ts` checks the caller
 * (loopback, Host, Origin, content type, control secret) before a request gets here.
 *
 * Answers plain JSON (this API is the sandbox's own); its errors use Notify's app-level envelope.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { InternalStatus } from '../src-shared/statuses';
import { formatApiKey, verifiedTokenCache } from './auth';
import {
  clockInput,
  complaintInput,
  inboundInput,
  keyInput,
  latencyInput,
  sendInput,
  servicePatch,
  statusInput,
  templateInput,
} from './control-inputs';
import { appError, json, V2Error, v2Error, type SandboxRequest, type SandboxResponse } from './http';
import { formatDatetime, parseUuid } from './json';
import type { Complaint } from './model';
import type { Sandbox } from './server';
import { faultSchema } from './faults';
import { sendComplaint, sendReceivedText } from './service-callbacks';
import { postNotification } from './routes/post-notification';
import { inboxChanges, inboxItem, inboxPage, renderedNotification } from './control-inbox';

export { CONTROL_SECRET_HEADER } from './control-access';

const CONTROL_ROUTES: { method: string; path: string; does: string }[] = [
  { method: 'GET', path: '/_sandbox/', does: 'this list' },
  { method: 'GET', path: '/_sandbox/info', does: 'base URL, services, API keys and template ids' },
  {
    method: 'POST',
    path: '/_sandbox/reset',
    does: 'back to the starting fixture (same keys), everything sent is forgotten',
  },
  {
    method: 'GET',
    path: '/_sandbox/notifications',
    does: 'every notification received from any key, newest first: ?recipient, template_id, reference, type, status, key_type, service_id filter; ?page_size (up to 1000) and older_than page; answers a cursor for /changes',
  },
  {
    method: 'GET',
    path: '/_sandbox/notifications/changes?since={cursor}&wait={seconds}',
    does: 'notifications stored or changed since a cursor (same filters), waiting up to 30 s for one; complete: false means reload',
  },
  {
    method: 'GET',
    path: '/_sandbox/notifications/{id}',
    does: 'one notification with its whole body and status history',
  },
  {
    method: 'GET',
    path: '/_sandbox/notifications/{id}/rendered',
    does: 'as the recipient sees it: a text as text/plain, an email as an HTML page, a letter as its PDF',
  },
  {
    method: 'POST',
    path: '/_sandbox/notifications/{id}/status',
    does: '{"status": "..."} forces a status (its callback is sent; a letter\'s returned-letter goes to the returned-letter callback)',
  },
  {
    method: 'POST',
    path: '/_sandbox/notifications/{id}/complaint',
    does: '{} records a complaint about an email (its recipient reported it as spam) and sends the complaint callback',
  },
  {
    method: 'POST',
    path: '/_sandbox/services/{id}/keys',
    does: '{"name", "key_type"} creates an API key (answered once with the key)',
  },
  { method: 'POST', path: '/_sandbox/keys/{id}/revoke', does: 'revokes an API key' },
  {
    method: 'PATCH',
    path: '/_sandbox/services/{id}',
    does: 'changes service settings (restricted, permissions, limits, rate_limit, callbacks, active…)',
  },
  {
    method: 'POST',
    path: '/_sandbox/services/{id}/templates',
    does: '{"id"?, "name", "type", "content", "subject"?…} creates a template or a new version',
  },
  {
    method: 'POST',
    path: '/_sandbox/services/{id}/send',
    does: '{"type", "created_by_name"?, "job"?, …API body} sends as the admin site would: a one-off send (created_by_name) or a CSV job row (job: true, listed with include_jobs)',
  },
  {
    method: 'POST',
    path: '/_sandbox/services/{id}/inbound',
    does: '{"user_number", "content"} simulates a received text',
  },
  { method: 'GET', path: '/_sandbox/faults', does: 'active faults' },
  {
    method: 'POST',
    path: '/_sandbox/faults',
    does: '{"kind": latency|slow_network|error|drop, "status"?, "latency_ms"?, "count"?, "path_prefix"?, "method"?, "phase"?} injects a fault: latency delays the answer (after auth and the work), slow_network the arrival',
  },
  { method: 'DELETE', path: '/_sandbox/faults', does: 'removes every fault' },
  {
    method: 'GET',
    path: '/_sandbox/latency',
    does: "response times: the mode (realistic or none), the seed, each route's median and p95, and what was added so far",
  },
  {
    method: 'POST',
    path: '/_sandbox/latency',
    does: '{"mode"?: "realistic" | "none", "seed"?} turns modelled response times on or off; a seed starts each route\'s stream again',
  },
  { method: 'GET', path: '/_sandbox/clock', does: 'sandbox time, skew and time scale' },
  {
    method: 'POST',
    path: '/_sandbox/clock',
    does: '{"advance_seconds"?, "skew_seconds"?, "time_scale"?} moves simulated time, skews the server clock, or changes the time scale',
  },
  {
    method: 'GET',
    path: '/_sandbox/stats',
    does: 'stored notification count, process memory and the verified-token cache',
  },
  { method: 'GET', path: '/_sandbox/callbacks', does: 'every callback sent and each attempt' },
  { method: 'GET', path: '/_sandbox/complaints', does: 'complaints recorded, oldest first' },
  { method: 'GET', path: '/_sandbox/unsubscribes', does: 'one-click unsubscribe requests received' },
];

/** A recorded complaint as the control API shows it. */
function complaintJson(c: Complaint) {
  return {
    id: c.id,
    notification_id: c.notificationId,
    service_id: c.serviceId,
    email_address: c.emailAddress,
    complaint_date: formatDatetime(c.at),
  };
}

/** The body the access check parsed (it refuses a state-changing call whose body is not JSON). */
function body(req: SandboxRequest): unknown {
  if (req.json !== undefined) return req.json;
  if (req.body.length === 0) return {};
  return JSON.parse(req.body.toString('utf8'));
}

/** Control errors use Notify's app-level envelope, `{"message": …, "result": "error"}`, like its routing errors. */
function bad(message: string): SandboxResponse {
  return appError(400, message);
}

/** Routes one control request. */
export async function handleControl(req: SandboxRequest, sandbox: Sandbox): Promise<SandboxResponse> {
  try {
    return await control(req, sandbox);
  } catch (err) {
    if (err instanceof z.ZodError) {
      return bad(err.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; '));
    }
    if (err instanceof SyntaxError) return bad(`Body is not valid JSON: ${err.message}`);
    throw err;
  }
}

async function control(req: SandboxRequest, sandbox: Sandbox): Promise<SandboxResponse> {
  const { store, clock, lifecycle, callbacks } = sandbox.ctx;
  const p = req.path.replace(/\/+$/, '');
  const m = req.method;
  const seg = p.split('/').slice(2); // after /_sandbox
  if (seg.length === 0 && m === 'GET') return json(200, { routes: CONTROL_ROUTES });
  const [a, b, c] = seg;
  if (a === 'info' && m === 'GET') return json(200, sandbox.info());
  if (a === 'reset' && m === 'POST') {
    await sandbox.reset();
    return json(200, { result: 'reset' });
  }
  if (a === 'notifications' && m === 'GET' && !b) return inboxPage(req, sandbox);
  if (a === 'notifications' && b === 'changes' && !c && m === 'GET') return inboxChanges(req, sandbox);
  if (a === 'notifications' && b) {
    const n = store.notifications.get(parseUuid(b) ?? '');
    if (!n) return appError(404, 'No such notification (smoke-test recipients are never stored).');
    if (!c && m === 'GET') return json(200, inboxItem(n, sandbox, true));
    if (c === 'rendered' && m === 'GET') return renderedNotification(n, sandbox);
    if (c === 'status' && m === 'POST') {
      const { status } = statusInput.parse(body(req));
      lifecycle.force(n, status as InternalStatus);
      return json(200, inboxItem(n, sandbox, true));
    }
    if (c === 'complaint' && m === 'POST') {
      complaintInput.parse(body(req));
      if (n.type !== 'email')
        return bad(
          `Only an email can get a complaint (its recipient reports it as spam): this notification is a ${n.type === 'sms' ? 'text message' : 'letter'}.`,
        );
      const complaint = {
        id: randomUUID(),
        notificationId: n.id,
        serviceId: n.serviceId,
        emailAddress: n.to ?? '',
        at: clock.nowMicros(),
      };
      await store.addComplaint(complaint);
      sendComplaint(store, callbacks, n, complaint);
      return json(201, complaintJson(complaint));
    }
  }
  if (a === 'services' && b) {
    const service = store.services.get(parseUuid(b) ?? '');
    if (!service) return appError(404, 'No such service.');
    if (!c && m === 'PATCH') {
      const { callbacks: cbPatch, limits: limitPatch, ...rest } = servicePatch.parse(body(req));
      const cbs = { ...service.callbacks };
      for (const [k, v] of Object.entries(cbPatch ?? {}) as [
        keyof typeof cbs,
        { url: string; bearer_token: string } | null,
      ][]) {
        if (v === null) cbs[k] = undefined;
        else cbs[k] = v;
      }
      const next = { ...service, ...rest, limits: { ...service.limits, ...limitPatch }, callbacks: cbs };
      await store.putService(next);
      return json(200, { service: next });
    }
    if (c === 'keys' && m === 'POST') {
      const input = keyInput.parse(body(req));
      const k = {
        id: randomUUID(),
        serviceId: service.id,
        name: input.name,
        keyType: input.key_type,
        secret: randomUUID(),
        revokedAt: null,
      };
      await store.putKey(k);
      return json(201, { id: k.id, name: k.name, key_type: k.keyType, api_key: formatApiKey(k) });
    }
    if (c === 'templates' && m === 'POST') {
      const input = templateInput.parse(body(req));
      const id = input.id ? parseUuid(input.id) : randomUUID();
      if (!id) return bad('id: must be a UUID');
      const existing = store.templates.get(id);
      if (existing && existing.serviceId !== service.id)
        return bad('id: that template belongs to another service');
      if (existing && existing.type !== input.type) return bad('type: a template cannot change type');
      if (input.type !== 'sms' && !input.subject)
        return bad(`subject: a ${input.type} template needs a subject`);
      const versions = existing ? [...existing.versions] : [];
      versions.push({
        version: versions.length + 1,
        name: input.name,
        subject: input.type === 'sms' ? null : (input.subject ?? null),
        content: input.content,
        letter_contact_block: input.letter_contact_block ?? null,
        postage: input.type === 'letter' ? (input.postage ?? 'second') : null,
        created_at: new Date(clock.nowMs()).toISOString(),
        created_by: 'sandbox@localhost',
      });
      const tpl = {
        id,
        name: input.name,
        type: input.type,
        archived: input.archived ?? false,
        hidden: false,
        has_unsubscribe_link: input.has_unsubscribe_link ?? existing?.has_unsubscribe_link ?? false,
        versions,
      };
      await store.putTemplate(service.id, tpl);
      return json(existing ? 200 : 201, { id, version: versions.length });
    }
    if (c === 'send' && m === 'POST') {
      const { type, created_by_name, job, ...apiBody } = sendInput.parse(body(req));
      // The admin site sends with no API key: key type `normal`, so trial-mode rules apply.
      const admin = {
        id: '',
        serviceId: service.id,
        name: 'admin',
        keyType: 'normal' as const,
        secret: '',
        revokedAt: null,
      };
      const origin = {
        createdByName: job ? null : (created_by_name ?? service.team_members[0]?.name ?? 'Sandbox user'),
        fromJob: job ?? false,
      };
      try {
        const asApi = { ...req, body: Buffer.from(JSON.stringify(apiBody)) };
        return await postNotification(asApi, sandbox.ctx, { service, key: admin, origin }, type);
      } catch (err) {
        if (err instanceof V2Error) return v2Error(err.status, err.errors);
        throw err;
      }
    }
    if (c === 'inbound' && m === 'POST') {
      const input = inboundInput.parse(body(req));
      const r = {
        id: randomUUID(),
        serviceId: service.id,
        userNumber: input.user_number,
        notifyNumber: service.inbound_number ?? '',
        content: input.content,
        createdAt: clock.nowMicros(),
      };
      await store.addReceived(r);
      sendReceivedText(store, callbacks, r);
      return json(201, { id: r.id, created_at: formatDatetime(r.createdAt) });
    }
  }
  if (a === 'keys' && b && c === 'revoke' && m === 'POST') {
    for (const list of store.keys.values()) {
      const k = list.find((x) => x.id === parseUuid(b));
      if (k) {
        await store.putKey({ ...k, revokedAt: k.revokedAt ?? clock.nowMs() });
        return json(200, { id: k.id, revoked: true });
      }
    }
    return appError(404, 'No such API key.');
  }
  if (a === 'faults') {
    if (m === 'GET') return json(200, { faults: sandbox.faults.all() });
    if (m === 'POST') return json(201, sandbox.faults.add(faultSchema.parse(body(req))));
    if (m === 'DELETE' && !b) {
      sandbox.faults.clear();
      return json(200, { faults: [] });
    }
    if (m === 'DELETE' && b)
      return sandbox.faults.remove(b) ? json(200, { removed: b }) : appError(404, 'No such fault.');
  }
  if (a === 'latency' && !b) {
    if (m === 'POST') {
      const input = latencyInput.parse(body(req));
      sandbox.latency.set({ mode: input.mode ?? sandbox.latency.mode, seed: input.seed });
    }
    if (m === 'GET' || m === 'POST') return json(200, sandbox.latency.describe());
  }
  if (a === 'clock') {
    if (m === 'POST') {
      const input = clockInput.parse(body(req));
      if (input.time_scale !== undefined) clock.setTimeScale(input.time_scale);
      if (input.skew_seconds !== undefined) sandbox.ctx.skewMs = input.skew_seconds * 1000;
      if (input.advance_seconds) clock.advance(input.advance_seconds * 1000);
    }
    if (m === 'GET' || m === 'POST')
      return json(200, {
        now: new Date(clock.nowMs()).toISOString(),
        skew_seconds: sandbox.ctx.skewMs / 1000,
        time_scale: clock.timeScale,
        pending_events: clock.pending(),
      });
  }
  if (a === 'stats' && m === 'GET') {
    const mem = process.memoryUsage();
    const tokens = verifiedTokenCache();
    return json(200, {
      notifications: store.notifications.size,
      rss_bytes: mem.rss,
      heap_used_bytes: mem.heapUsed,
      token_cache_entries: tokens.entries,
      token_cache_bytes: tokens.bytes,
      uptime_seconds: Math.round(process.uptime()),
    });
  }
  if (a === 'callbacks' && m === 'GET') return json(200, { callbacks: callbacks.list() });
  if (a === 'complaints' && m === 'GET')
    return json(200, { complaints: store.complaints.map(complaintJson) });
  if (a === 'unsubscribes' && m === 'GET')
    return json(200, {
      unsubscribes: store.unsubscribes.map((u) => ({ ...u, at: formatDatetime(u.at) })),
    });
  return appError(404, `No control route ${m} ${req.path}. GET /_sandbox/ lists them.`);
}
