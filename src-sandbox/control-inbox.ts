/**
 * The sandbox's inbox: every notification it received, from any key (the developer's own app's
 * included), for tools that show or check what was sent. A page of them newest first, filtered by
 * recipient, template, reference and more; the changes since a cursor, with a long poll so an inbox
 * follows new ones cheaply; and each one rendered as its recipient would see it: the text a phone
 * shows, the email as HTML, the letter's PDF.
 *
 * Control routes: `GET /_sandbox/notifications`, `GET /_sandbox/notifications/changes`,
 * `GET /_sandbox/notifications/{id}`, `GET /_sandbox/notifications/{id}/rendered`.
 */
import { z } from 'zod';
import { formatRecipient } from '../src-shared/recipients/format-recipient';
import { publicStatus, STATUS_FILTER_VALUES } from '../src-shared/statuses';
import { escapeHtml, renderEmailHtml, sanitiseSms } from '../src-shared/template';
import { appError, json, type SandboxRequest, type SandboxResponse } from './http';
import { formatDatetime, parseUuid } from './json';
import type { StoredNotification } from './model';
import type { Sandbox } from './server';

/** The most an inbox page holds, and how many when the caller does not say. */
const INBOX_MAX_PAGE = 1000;
const INBOX_DEFAULT_PAGE = 250;
/** The longest a changes call waits for something to change. */
const INBOX_MAX_WAIT_SECONDS = 30;
/** How much of a body a list item shows. */
const PREVIEW_CHARACTERS = 200;
/**
 * The most of an email's body the rendered HTML shows. Markdown to HTML runs on the event loop at
 * about 1 µs a character, and an email may be 2 MB: the rest is in `GET …/{id}`'s `body`.
 */
const RENDERED_EMAIL_MAX_CHARACTERS = 50_000;

const uuid = z.string().refine((v) => parseUuid(v) !== null, 'must be a UUID');
const filterShape = {
  service_id: uuid.optional(),
  recipient: z.string().min(1).max(500).optional(),
  template_id: uuid.optional(),
  reference: z.string().max(1000).optional(),
  type: z.enum(['sms', 'email', 'letter']).optional(),
  status: z.enum(STATUS_FILTER_VALUES as [string, ...string[]]).optional(),
  key_type: z.enum(['normal', 'team', 'test']).optional(),
};
const pageQuery = z.strictObject({
  ...filterShape,
  older_than: uuid.optional(),
  page_size: z.coerce.number().int().min(1).max(INBOX_MAX_PAGE).optional(),
});
const changesQuery = z.strictObject({
  ...filterShape,
  since: z.string().max(40).optional(),
  wait: z.coerce.number().min(0).max(INBOX_MAX_WAIT_SECONDS).optional(),
});
type Filter = { [K in keyof typeof filterShape]?: string };

/** The query string as one value per name; a name given twice is refused (which one would count?). */
function queryObject(req: SandboxRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of req.queryPairs) {
    if (Object.hasOwn(out, k))
      throw new z.ZodError([{ code: 'custom', path: [k], message: 'given twice', input: v }]);
    out[k] = v;
  }
  return out;
}

/** A test for each filter given; all must pass. */
function matcher(f: Filter): (n: StoredNotification) => boolean {
  const tests: ((n: StoredNotification) => boolean)[] = [];
  if (f.service_id) tests.push((n) => n.serviceId === f.service_id);
  if (f.template_id) tests.push((n) => n.templateId === f.template_id);
  if (f.reference !== undefined) tests.push((n) => n.reference === f.reference);
  if (f.type) tests.push((n) => n.type === f.type);
  if (f.key_type) tests.push((n) => n.keyType === f.key_type);
  if (f.status) tests.push((n) => n.status === f.status || publicStatus(n.status, n.type) === f.status);
  if (f.recipient) {
    // A phone number or email address matches however it is written (`07700 900123`, `+447700900123`);
    // a letter matches on any part of its address.
    const normalised = formatRecipient(f.recipient.trim());
    const lower = f.recipient.trim().toLowerCase();
    tests.push((n) =>
      n.type === 'letter'
        ? (n.to ?? '').toLowerCase().includes(lower)
        : n.normalisedTo === normalised || (n.to ?? '').toLowerCase() === lower,
    );
  }
  return (n) => tests.every((t) => t(n));
}

/** One notification as the inbox lists it; `detail` adds the whole body and the address. */
export function inboxItem(n: StoredNotification, sandbox: Sandbox, detail = false) {
  const { store } = sandbox.ctx;
  const key = n.apiKeyId ? store.keys.get(n.serviceId)?.find((k) => k.id === n.apiKeyId) : undefined;
  const template = store.templates.get(n.templateId);
  const item: Record<string, unknown> = {
    id: n.id,
    service_id: n.serviceId,
    service_name: store.services.get(n.serviceId)?.name ?? null,
    key_type: n.keyType,
    api_key_name: key?.name ?? null,
    created_by_name: n.createdByName,
    job: n.fromJob,
    type: n.type,
    status: n.status,
    api_status: publicStatus(n.status, n.type),
    to: n.to,
    reference: n.reference,
    template_id: n.templateId,
    template_name: n.precompiled ? 'Pre-compiled PDF' : (template?.name ?? null),
    template_version: n.templateVersion,
    subject: n.subject,
    body_preview: n.body.length > PREVIEW_CHARACTERS ? `${n.body.slice(0, PREVIEW_CHARACTERS)}…` : n.body,
    postage: n.postage,
    precompiled: n.precompiled,
    created_at: formatDatetime(n.createdAt),
    sent_at: n.sentAt === null ? null : formatDatetime(n.sentAt),
    updated_at: n.updatedAt === null ? null : formatDatetime(n.updatedAt),
    history: n.history.map((h) => ({ status: h.status, at: formatDatetime(h.at) })),
  };
  if (detail) {
    item.body = n.body;
    item.address = n.address;
  }
  return item;
}

/** Every stored notification, newest first. */
function newestFirst(sandbox: Sandbox): StoredNotification[] {
  // Stored in the order they were made (created_at only grows), so the reverse is newest first.
  return [...sandbox.ctx.store.notifications.values()].reverse();
}

/** `GET /_sandbox/notifications`: a page, newest first, with the cursor to follow changes from. */
export function inboxPage(req: SandboxRequest, sandbox: Sandbox): SandboxResponse {
  const q = pageQuery.parse(queryObject(req));
  const size = q.page_size ?? INBOX_DEFAULT_PAGE;
  const cursor = sandbox.changes.cursor();
  const test = matcher(q);
  const all = newestFirst(sandbox);
  let start = 0;
  if (q.older_than) {
    const pivot = parseUuid(q.older_than);
    start = all.findIndex((n) => n.id === pivot) + 1;
    // An unknown or expired pivot gives an empty page, as Notify's `older_than` does.
    if (start === 0) start = all.length;
  }
  const page: StoredNotification[] = [];
  let more = false;
  for (let i = start; i < all.length; i++) {
    if (!test(all[i]!)) continue;
    if (page.length === size) {
      more = true;
      break;
    }
    page.push(all[i]!);
  }
  const links: Record<string, string> = {};
  if (more) {
    const next = new URLSearchParams(req.queryPairs.filter(([k]) => k !== 'older_than'));
    next.set('older_than', page[page.length - 1]!.id);
    links.next = `/_sandbox/notifications?${next}`;
  }
  return json(200, { cursor, links, notifications: page.map((n) => inboxItem(n, sandbox)) });
}

/**
 * `GET /_sandbox/notifications/changes?since=<cursor>&wait=<seconds>`: the notifications (matching the
 * filters) stored or changed since the cursor, newest change first, and the ids of those removed.
 * With `wait`, answers once something changed, or after that many seconds with nothing. A cursor it
 * cannot answer in full (none given, from before a reset, too old, another run's) gets
 * `complete: false` and the newest page, so the caller starts again from there.
 */
export async function inboxChanges(req: SandboxRequest, sandbox: Sandbox): Promise<SandboxResponse> {
  const q = changesQuery.parse(queryObject(req));
  const since = q.since ?? null;
  await sandbox.changes.wait(since, (q.wait ?? 0) * 1000);
  const changed = sandbox.changes.since(since);
  const test = matcher(q);
  const { notifications } = sandbox.ctx.store;
  if (!changed.complete) {
    const page = newestFirst(sandbox).filter(test).slice(0, INBOX_DEFAULT_PAGE);
    return json(200, {
      complete: false,
      cursor: changed.cursor,
      notifications: page.map((n) => inboxItem(n, sandbox)),
      removed: [],
    });
  }
  const items: Record<string, unknown>[] = [];
  const removed: string[] = [];
  for (const id of changed.ids) {
    const n = notifications.get(id);
    if (!n) removed.push(id);
    else if (test(n)) items.push(inboxItem(n, sandbox));
  }
  return json(200, { complete: true, cursor: changed.cursor, notifications: items, removed });
}

/**
 * `GET /_sandbox/notifications/{id}/rendered`: a text message as the phone shows it (the service name
 * first when the service prefixes its texts), an email as an HTML page, a letter as its PDF.
 */
export async function renderedNotification(
  n: StoredNotification,
  sandbox: Sandbox,
): Promise<SandboxResponse> {
  const service = sandbox.ctx.store.services.get(n.serviceId);
  if (n.type === 'sms') {
    const text = service?.prefix_sms ? `${sanitiseSms(`${service.name}: `)}${n.body}` : n.body;
    return { status: 200, body: text, headers: { 'Content-Type': 'text/plain; charset=utf-8' } };
  }
  if (n.type === 'email') {
    return { status: 200, body: emailPage(n), headers: { 'Content-Type': 'text/html; charset=utf-8' } };
  }
  if (n.status === 'virus-scan-failed')
    return appError(409, 'This letter failed the virus scan: the sandbox does not serve its file.');
  // A precompiled letter's file is kept as sent, so one that failed validation is still shown.
  const pdf = await sandbox.ctx.pdfs.get(n.id);
  if (!pdf)
    return appError(
      409,
      n.status === 'validation-failed' || n.status === 'technical-failure'
        ? `This letter has no PDF: it ended ${n.status}.`
        : 'This letter’s PDF is not ready yet: it is made a moment after the send. Try again shortly.',
    );
  return { status: 200, body: pdf, headers: { 'Content-Type': 'application/pdf' } };
}

/** An email as a page: its subject as the title, its body rendered as Notify's HTML email renders it. */
function emailPage(n: StoredNotification): string {
  let body = n.body;
  let note = '';
  if (body.length > RENDERED_EMAIL_MAX_CHARACTERS) {
    // Cut at the last paragraph break inside the limit, so no markup is cut in two.
    const cut = body.lastIndexOf('\n\n', RENDERED_EMAIL_MAX_CHARACTERS);
    const end = cut > RENDERED_EMAIL_MAX_CHARACTERS / 2 ? cut : RENDERED_EMAIL_MAX_CHARACTERS;
    note = `<p data-sandbox-note="truncated">[The Notify Sandbox shows the first ${end.toLocaleString('en-GB')} of ${body.length.toLocaleString('en-GB')} characters of this email here; the whole body is in GET /_sandbox/notifications/${n.id}.]</p>`;
    body = body.slice(0, end);
  }
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(n.subject ?? '')}</title>\n</head>\n<body>\n${renderEmailHtml(body, {})}${note}\n</body>\n</html>\n`;
}
