/**
 * GET /v2/notifications/{id}, GET /v2/notifications and GET /v2/notifications/{id}/pdf (§4.5–4.7).
 */
import { estimatedDelivery } from '../../src-shared/letters/letter-timings';
import { letterRate, SMS_RATE_POUNDS, smsCostInPounds } from '../../src-shared/letters/costs';
import {
  COMPLETED_STATUSES,
  expandStatusFilter,
  publicStatus,
  STATUS_FILTER_VALUES,
  type InternalStatus,
  type PublicStatus,
} from '../../src-shared/statuses';
import type { SandboxContext, V2Handler } from '../context';
import { badRequest, json, queryLists, V2Error, validationError, type SandboxRequest } from '../http';
import { formatDatetime, parseUuid, PyFloat } from '../json';
import type { StoredNotification } from '../model';
import { lowerBound } from '../store';
import { itemsOf, oneOf, typed, uuidField, validateObject } from '../schema';
import { unsubscribeUrl } from './unsubscribe';

const API_PAGE_SIZE = 250;
const NEVER_SENT: ReadonlySet<InternalStatus> = new Set([
  'cancelled',
  'technical-failure',
  'validation-failed',
  'virus-scan-failed',
]);

const noResult = () => V2Error.one(404, 'NoResultFound', 'No result found');

function baseUrl(req: SandboxRequest): string {
  return req.urlRoot.replace(/\/$/, '');
}

/** Visible to the API: exists, belongs to the service, and is inside the service's retention. */
function findNotification(ctx: SandboxContext, serviceId: string, id: string): StoredNotification | null {
  const n = ctx.store.notifications.get(id);
  if (!n || n.serviceId !== serviceId) return null;
  const days = ctx.store.services.get(serviceId)?.data_retention_days ?? 7;
  if (n.createdAt / 1000 < ctx.clock.nowMs() - days * 86_400_000) return null;
  return n;
}

/** Notification.serialize + serialize_with_cost_data. */
function serializeNotification(n: StoredNotification, req: SandboxRequest, ctx: SandboxContext) {
  const completed = COMPLETED_STATUSES.has(n.status) && n.updatedAt !== null;
  const tplUri = `${baseUrl(req)}/v2/template/${n.templateId}/version/${n.templateVersion}`;
  const out: Record<string, unknown> = {
    body: n.body,
    completed_at: completed ? formatDatetime(n.updatedAt!) : null,
    created_at: formatDatetime(n.createdAt),
    created_by_name: n.createdByName,
    email_address: n.type === 'email' ? n.to : null,
    id: n.id,
    line_1: n.address?.lines[0] ?? null,
    line_2: n.address?.lines[1] ?? null,
    line_3: n.address?.lines[2] ?? null,
    line_4: n.address?.lines[3] ?? null,
    line_5: n.address?.lines[4] ?? null,
    line_6: n.address?.lines[5] ?? null,
    one_click_unsubscribe_url: n.oneClickUnsubscribeUrl ?? generatedUnsubscribe(n, req, ctx),
    phone_number: n.type === 'sms' ? n.to : null,
    postage: n.type === 'letter' ? n.postage : null,
    postcode: n.address?.postcode ?? null,
    reference: n.reference,
    scheduled_for: null,
    sent_at: n.sentAt === null ? null : formatDatetime(n.sentAt),
    status: publicStatus(n.status, n.type),
    subject: n.subject,
    template: { id: n.templateId, uri: tplUri, version: n.templateVersion },
    type: n.type,
    ...costData(n),
  };
  if (n.type === 'letter' && n.postage) {
    // `set_gmt_hour` replaces only the hour and minute, so created_at's seconds and microseconds carry over.
    const delivery = estimatedDelivery(new Date(Math.floor(n.createdAt / 1000)), n.postage);
    out.estimated_delivery = formatDatetime(delivery.getTime() * 1000 + (n.createdAt % 1000));
  }
  return out;
}

function generatedUnsubscribe(
  n: StoredNotification,
  req: SandboxRequest,
  ctx: SandboxContext,
): string | null {
  if (n.type !== 'email') return null;
  const t = ctx.store.templates.get(n.templateId);
  return t?.has_unsubscribe_link ? unsubscribeUrl(req.urlRoot, n, ctx.unsubscribeSecret) : null;
}

function costData(n: StoredNotification) {
  if (n.type === 'email')
    return { cost_details: {}, cost_in_pounds: new PyFloat(0), is_cost_data_ready: true };
  const notReady = { cost_details: {}, cost_in_pounds: null, is_cost_data_ready: false };
  if (n.type === 'sms') {
    if (n.status === 'created' && !n.billableUnits) return notReady;
    return {
      cost_details: {
        billable_sms_fragments: n.billableUnits,
        international_rate_multiplier: new PyFloat(n.rateMultiplier),
        sms_rate: new PyFloat(SMS_RATE_POUNDS),
      },
      cost_in_pounds: new PyFloat(smsCostInPounds(n.billableUnits, n.rateMultiplier)),
      is_cost_data_ready: true,
    };
  }
  if (n.status === 'pending-virus-check' || (n.status === 'created' && !n.billableUnits)) return notReady;
  if (NEVER_SENT.has(n.status)) {
    return {
      cost_details: { billable_sheets_of_paper: 0, postage: n.postage },
      cost_in_pounds: new PyFloat(0),
      is_cost_data_ready: true,
    };
  }
  let rate: number;
  try {
    rate = letterRate(n.billableUnits, n.postage ?? 'second');
  } catch {
    // Notify has rates for 1–5 sheets; a letter past that fails validation before it is costed.
    return notReady;
  }
  // Notify's `cost_details` for a letter holds the sheets and the postage only: the rate is in the cost.
  return {
    cost_details: { billable_sheets_of_paper: n.billableUnits, postage: n.postage },
    cost_in_pounds: new PyFloat(rate),
    is_cost_data_ready: true,
  };
}

export const getNotificationById: V2Handler = (req, ctx, auth, params) => {
  const id = parseUuid(params.id!);
  if (!id) throw validationError(['notification_id is not a valid UUID']);
  const n = findNotification(ctx, auth.service.id, id);
  if (!n) throw noResult();
  return json(200, serializeNotification(n, req, ctx));
};

export const getPdf: V2Handler = async (_req, ctx, auth, params) => {
  const id = parseUuid(params.id!);
  if (!id) throw validationError(['notification_id is not a valid UUID']);
  const n = findNotification(ctx, auth.service.id, id);
  if (!n) throw noResult();
  if (n.type !== 'letter') throw badRequest('Notification is not a letter');
  if (n.status === 'virus-scan-failed') throw badRequest('File did not pass the virus scan');
  if (n.status === 'technical-failure')
    throw badRequest('PDF not available for letters in status technical-failure');
  const pdf = n.status === 'pending-virus-check' ? null : await ctx.pdfs.get(n.id);
  if (!pdf) throw V2Error.one(400, 'PDFNotReadyError', 'PDF not available yet, try again later');
  return { status: 200, body: pdf, headers: { 'Content-Type': 'application/pdf' } };
};

const listSchema = {
  properties: {
    // Notify's schema order, which decides the order of errors.
    reference: typed(['string']),
    status: itemsOf(oneOf(STATUS_FILTER_VALUES)),
    template_type: itemsOf(oneOf(['sms', 'email', 'letter'])),
    include_jobs: oneOf(['true', 'True']),
    older_than: uuidField,
  },
  additionalProperties: false,
};

export const getNotifications: V2Handler = (req, ctx, auth) => {
  const lists = queryLists(req.queryPairs);
  const args: Record<string, unknown> = {};
  for (const [k, v] of lists) args[k] = k === 'template_type' || k === 'status' ? v : v[0];
  const errors = validateObject(args, listSchema);
  if (errors.length) throw validationError(errors);
  const types = (args.template_type as string[] | undefined) ?? [];
  const statuses = expandStatusFilter((args.status as PublicStatus[] | undefined) ?? []);
  const statusSet = statuses && (args.status as string[] | undefined)?.length ? new Set(statuses) : null;
  const reference = args.reference as string | undefined;
  const includeJobs = args.include_jobs !== undefined;
  const olderThan = args.older_than === undefined ? undefined : parseUuid(args.older_than)!;

  const service = auth.service;
  const list = ctx.store.listFor(service.id, auth.key.keyType);
  const retentionFloor = (ctx.clock.nowMs() - service.data_retention_days * 86_400_000) * 1000;
  let end = list.length; // exclusive
  let page: StoredNotification[] = [];
  let valid = true;
  if (olderThan !== undefined) {
    const pivot = ctx.store.notifications.get(olderThan);
    if (!pivot || pivot.serviceId !== service.id) valid = false;
    else end = lowerBound(list, pivot.createdAt);
  }
  if (valid) {
    for (let i = end - 1; i >= 0 && page.length < API_PAGE_SIZE; i--) {
      const n = list[i]!;
      if (n.createdAt < retentionFloor) break;
      if (types.length && !types.includes(n.type)) continue;
      if (statusSet && !statusSet.has(n.status)) continue;
      if (reference !== undefined && n.reference !== reference) continue;
      if (n.fromJob && !includeJobs) continue;
      page.push(n);
    }
  }
  page = page.slice(0, API_PAGE_SIZE);
  const current = listUrl(req, lists, null);
  const links: Record<string, string> = { current };
  const last = page[page.length - 1];
  if (last) links.next = listUrl(req, lists, last.id);
  return json(200, { links, notifications: page.map((n) => serializeNotification(n, req, ctx)) });
};

/**
 * Rebuilds the list URL as `url_for(".get_notifications", _external=True, **data)`: the validated args in
 * request order, lists repeated, `older_than` replaced in place (`dict(data, older_than=…)`) or appended,
 * each name and value encoded by Werkzeug's `_urlencode`.
 */
function listUrl(req: SandboxRequest, lists: Map<string, string[]>, olderThan: string | null): string {
  const parts: string[] = [];
  let placed = false;
  for (const [k, values] of lists) {
    const vs = k === 'template_type' || k === 'status' ? values : [values[0]!];
    if (k === 'older_than' && olderThan !== null) {
      parts.push(`older_than=${olderThan}`);
      placed = true;
      continue;
    }
    for (const v of vs) parts.push(`${werkzeugQuote(k)}=${werkzeugQuote(v)}`);
  }
  if (olderThan !== null && !placed) parts.push(`older_than=${olderThan}`);
  return `${baseUrl(req)}/v2/notifications${parts.length ? `?${parts.join('&')}` : ''}`;
}

const URLENCODE_SAFE = new Set(
  [...`ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~!$'()*,/:;?@`].map((c) =>
    c.charCodeAt(0),
  ),
);

/** `urllib.parse.quote_plus(s, safe="!$'()*,/:;?@")` over UTF-8, as Werkzeug's `_urlencode` calls it. */
function werkzeugQuote(s: string): string {
  let out = '';
  for (const b of Buffer.from(s, 'utf8')) {
    if (URLENCODE_SAFE.has(b)) out += String.fromCharCode(b);
    else if (b === 0x20) out += '+';
    else out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
