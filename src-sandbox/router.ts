/**
 * The sandbox's routing table and Werkzeug's routing rules: which handler answers a path, which
 * methods a path allows, how a path is decoded and how a redirect quotes it.
 */
import { notFound, type SandboxRequest, type SandboxResponse } from './http';
import type { SandboxContext, V2Handler } from './context';
import type { LatencyRoute } from './latency';
import { postNotification } from './routes/post-notification';
import { getNotificationById, getNotifications, getPdf } from './routes/get-notifications';
import { getTemplate, getTemplates, previewTemplate } from './routes/template-views';
import { getReceivedTexts } from './routes/received-texts';
import { postUnsubscribe } from './routes/unsubscribe';
import { json, appError } from './http';

export interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  /** Whose response times a successful answer takes (`latency.ts`); null: none added. */
  latency: LatencyRoute | null;
  v2?: V2Handler;
  open?: (
    req: SandboxRequest,
    ctx: SandboxContext,
    params: Record<string, string>,
  ) => Promise<SandboxResponse> | SandboxResponse;
}

function route(
  method: string,
  path: string,
  latency: LatencyRoute | null,
  handler: Pick<Route, 'v2' | 'open'>,
): Route {
  const names: string[] = [];
  // Werkzeug's converters: default `[^/]+`, `int` digits, `uuid` the canonical 8-4-4-4-12 hex form.
  const source = path.replace(/:(\w+)(?:\((int|uuid)\))?/g, (_m, name: string, conv?: string) => {
    names.push(name);
    if (conv === 'int') return '(\\d+)';
    if (conv === 'uuid')
      return '([A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12})';
    return '([^/]+)';
  });
  return { method, pattern: new RegExp(`^${source}$`), names, latency, ...handler };
}

const postType =
  (): V2Handler =>
  (req, ctx, auth, params): Promise<SandboxResponse> | SandboxResponse => {
    const type = params.type!;
    if (type === 'sms' || type === 'email' || type === 'letter')
      return postNotification(req, ctx, auth, type);
    // Notify checks the rate limit, then aborts with the app-level 404.
    ctx.limits.checkRateLimit(auth.service, auth.key.keyType);
    return notFound();
  };

/** POST /v2/notifications/{type}'s response times by type; the handler names the precompiled and file cases. */
const POST_LATENCY: Record<string, LatencyRoute> = {
  sms: 'post_sms',
  email: 'post_email',
  letter: 'post_letter',
};

export const ROUTES: Route[] = [
  route('GET', '/_status', 'status', {
    open: (req) =>
      json(
        200,
        req.query.get('simple')
          ? { status: 'ok' }
          : { status: 'ok', db_version: 'sandbox', commit_sha: 'sandbox' },
      ),
  }),
  route('POST', '/unsubscribe/:id(uuid)/:token', 'unsubscribe', {
    open: (req, ctx, p) => postUnsubscribe(req, ctx, p),
  }),
  // Document Download is another service than Notify's API: its downloads get no modelled latency.
  route('GET', '/d/:service/:document', null, {
    open: (req, ctx, p) => {
      const doc = ctx.documents.find(p.service!, p.document!, req.query.get('key') ?? '');
      if (!doc)
        return appError(404, 'This file is not available. It may have expired or the link may be wrong.');
      return {
        status: 200,
        body: doc.bytes,
        headers: {
          'Content-Type': doc.mimetype,
          'Content-Disposition': `attachment; filename="${(doc.filename ?? 'document').replace(/["\\\r\n]/g, '_')}"`,
        },
      };
    },
  }),
  route('POST', '/v2/notifications/:type', 'post_sms', { v2: postType() }),
  route('GET', '/v2/notifications', 'get_notifications', { v2: getNotifications }),
  route('GET', '/v2/notifications/:id', 'get_notification', { v2: getNotificationById }),
  route('GET', '/v2/notifications/:id/pdf', 'get_pdf', { v2: getPdf }),
  route('GET', '/v2/template/:id', 'get_template', { v2: getTemplate }),
  route('GET', '/v2/template/:id/version/:version(int)', 'get_template', { v2: getTemplate }),
  route('POST', '/v2/template/:id/preview', 'post_template_preview', { v2: previewTemplate }),
  route('GET', '/v2/templates', 'get_templates', { v2: getTemplates }),
  route('GET', '/v2/received-text-messages', 'get_received_texts', { v2: getReceivedTexts }),
];

/**
 * The response-time route of an answer: any error is `error`; a send takes its type's unless the
 * handler named a slower case (a precompiled letter, an email with a file).
 */
export function latencyRouteOf(
  r: Route | null,
  params: Record<string, string>,
  res: SandboxResponse,
): LatencyRoute | null {
  if (res.status >= 400) return 'error';
  if (!r) return res.status === 200 ? 'status' : 'error';
  if (res.latencyRoute) return res.latencyRoute;
  if (r.latency === 'post_sms') return POST_LATENCY[params.type!] ?? 'error';
  return r.latency;
}

export interface RouteMatch {
  route: Route | null;
  params: Record<string, string>;
  /** Methods of every rule whose path matches. */
  allowed: Set<string>;
}

export function matchRoutes(path: string, method: string): RouteMatch {
  // The common case first: a rule for this method matches, and nothing else is needed (the other
  // methods matter only for 405 and OPTIONS answers).
  if (method !== 'OPTIONS') {
    for (const r of ROUTES) {
      if (r.method !== method) continue;
      const m = r.pattern.exec(path);
      if (!m) continue;
      const params: Record<string, string> = {};
      for (let i = 0; i < r.names.length; i++) params[r.names[i]!] = m[i + 1]!;
      return { route: r, params, allowed: new Set([method]) };
    }
  }
  const allowed = new Set<string>();
  for (const r of ROUTES) if (r.pattern.test(path)) allowed.add(r.method);
  return { route: null, params: {}, allowed };
}

/**
 * PATH_INFO as Werkzeug sees it: percent-escapes decoded to bytes (a bad escape stays as typed), then
 * read as UTF-8 with invalid sequences replaced.
 */
export function wsgiPath(raw: string): string {
  if (!raw.includes('%')) return raw;
  const bytes: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x25 && /^[0-9A-Fa-f]{2}$/.test(raw.slice(i + 1, i + 3))) {
      bytes.push(parseInt(raw.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c < 0x80) {
      bytes.push(c);
    } else {
      for (const b of Buffer.from(raw[i]!, 'utf8')) bytes.push(b);
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

const PATH_SAFE = new Set(
  [...`ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~!$&'()*+,/:;=@`].map((c) =>
    c.charCodeAt(0),
  ),
);

/** `urllib.parse.quote(path, safe="!$&'()*+,/:;=@")`, as Werkzeug quotes a redirect's new path. */
export function quotePath(path: string): string {
  let out = '';
  for (const b of Buffer.from(path, 'utf8')) {
    out += PATH_SAFE.has(b) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Werkzeug's RequestRedirect: 308 with an HTML body, answered before any view or auth runs. */
export function slashRedirect(location: string): SandboxResponse {
  const esc = location
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
  return {
    status: 308,
    body: `<!doctype html>\n<html lang=en>\n<title>Redirecting...</title>\n<h1>Redirecting...</h1>\n<p>You should be redirected automatically to the target URL: <a href="${esc}">${esc}</a>. If not, click the link.\n`,
    headers: { 'Content-Type': 'text/html; charset=utf-8', Location: location },
  };
}
