/**
 * The inbox (issue 14.4): every notification the embedded sandbox received, from any key (the
 * developer's own app's too), newest first, as Mailpit shows mail.
 *
 * Pages come from `GET /_sandbox/notifications` with the sandbox's filters (a recipient however
 * written, a template, a type); each notification rendered as its recipient sees it from
 * `…/{id}/rendered`. Live: a feed long-polls `…/changes?since=&wait=` (one request held at a time,
 * nothing while nothing changes) and tells the window the inbox changed, so the page the user looks
 * at is read again; it starts with the first inbox call and stops when the console closes. An
 * email can be reported as spam from here (`…/{id}/complaint`), as its recipient would.
 */
import type { MethodOutput } from '../../contract/methods';
import type { InboxFilters, InboxItem, InboxRendered } from '../../contract/sandbox';
import type { CoreEvents } from '../events';
import { CoreError, type Logger } from '../ports';
import { SandboxRefusedError, type ControlInboxItem, type SandboxControlApi } from './control-api';

/** How long one change poll waits (the sandbox allows up to 30 s). */
const WAIT_SECONDS = 25;
/** After a failed poll: 1 s, 2 s, 4 s… up to 30 s. */
const MAX_BACKOFF_MS = 30_000;

function toInboxItem(n: ControlInboxItem): InboxItem {
  return {
    id: n.id,
    serviceId: n.service_id,
    serviceName: n.service_name,
    keyType: n.key_type,
    apiKeyName: n.api_key_name,
    createdByName: n.created_by_name,
    type: n.type,
    status: n.api_status ?? n.status,
    to: n.to,
    reference: n.reference,
    templateId: n.template_id,
    templateName: n.template_name,
    templateVersion: n.template_version,
    subject: n.subject,
    bodyPreview: n.body_preview,
    createdAt: n.created_at,
  };
}

/** The sandbox's query for the inbox's filters. */
function inboxQuery(
  filters: InboxFilters = {},
  olderThan?: string,
  pageSize?: number,
): Record<string, string> {
  const q: Record<string, string> = {};
  if (filters.recipient) q.recipient = filters.recipient;
  if (filters.templateId) q.template_id = filters.templateId;
  if (filters.type) q.type = filters.type;
  if (filters.reference) q.reference = filters.reference;
  if (filters.serviceId) q.service_id = filters.serviceId;
  if (olderThan) q.older_than = olderThan;
  if (pageSize) q.page_size = String(pageSize);
  return q;
}

export class SandboxInbox {
  private feed: Promise<void> | null = null;
  private closed = false;
  private abort: (() => void) | null = null;
  private readonly stop = new AbortController();

  constructor(
    private readonly control: SandboxControlApi,
    private readonly events: CoreEvents,
    private readonly logger: Logger,
    private readonly sleep: (ms: number) => Promise<void> = (ms) =>
      new Promise((resolve) => {
        const t = setTimeout(resolve, ms);
        this.abort = () => {
          clearTimeout(t);
          resolve();
        };
      }),
  ) {}

  async page(filters: InboxFilters | undefined, olderThan?: string, pageSize?: number) {
    const page = await this.control.inboxPage(inboxQuery(filters, olderThan, pageSize));
    this.follow();
    const next = page.links.next
      ? new URLSearchParams(page.links.next.split('?')[1] ?? '').get('older_than')
      : null;
    return { notifications: page.notifications.map(toInboxItem), nextOlderThan: next };
  }

  async rendered(id: string): Promise<InboxRendered> {
    let answer;
    try {
      answer = await this.control.rendered(id);
    } catch (err) {
      // 409: a letter with no PDF (not made yet, or it failed); the sandbox says which.
      if (err instanceof SandboxRefusedError && err.status === 409)
        return { kind: 'unavailable', message: err.message.replace(/^The sandbox said: /, '') };
      throw err;
    }
    const type = answer.contentType.split(';')[0]!.trim();
    const bytes = Buffer.from(answer.body);
    if (type === 'application/pdf') return { kind: 'letter', pdfBase64: bytes.toString('base64') };
    const text = bytes.toString('utf8');
    if (type === 'text/html') {
      const subject = /<title>([\s\S]*?)<\/title>/.exec(text)?.[1] ?? '';
      return { kind: 'email', subject: unescapeHtml(subject), html: text };
    }
    return { kind: 'sms', text };
  }

  async forceStatus(id: string, status: string) {
    return { status: (await this.control.forceStatus(id, status)).status };
  }

  /**
   * Files a complaint about an email as its recipient's provider would. Whether it went to a
   * complaint callback is read from the sandbox's callback log, where the sandbox enters it before
   * it answers: the record whose body names this complaint, so a callback set or cleared meanwhile
   * cannot make the answer wrong.
   */
  async complain(id: string): Promise<MethodOutput<'sandbox.complain'>> {
    const complaint = await this.control.complain(id);
    let log;
    try {
      log = await this.control.callbacks();
    } catch (err) {
      // Filed all the same: say so, so that no one files it again thinking it failed.
      if (!(err instanceof CoreError)) throw err;
      throw new CoreError(
        err.code,
        `The complaint was recorded, but whether it went to a complaint callback is not known: ${err.message}`,
      );
    }
    const sent = log.findLast((c) => c.kind === 'complaint' && c.payload.complaint_id === complaint.id);
    return {
      complaintId: complaint.id,
      complaintDate: complaint.complaint_date,
      callbackUrl: sent?.url ?? null,
    };
  }

  /** Starts the change feed, once. */
  follow(): void {
    if (this.feed || this.closed) return;
    this.feed = this.run();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stop.abort();
    this.abort?.();
    await this.feed;
  }

  private async run(): Promise<void> {
    let cursor: string | null = null;
    let failures = 0;
    while (!this.closed) {
      try {
        const changes = await this.control.inboxChanges(
          cursor,
          cursor === null ? 0 : WAIT_SECONDS,
          this.stop.signal,
        );
        failures = 0;
        const first = cursor === null;
        cursor = changes.cursor;
        if (!first && (!changes.complete || changes.notifications.length > 0 || changes.removed.length > 0))
          this.events.emit('sandbox.inboxChanged', { cursor });
      } catch (err) {
        if (this.closed) return;
        failures++;
        if (failures === 1)
          this.logger.warn('the sandbox inbox feed stopped; retrying', {
            error: err instanceof Error ? err.message : String(err),
          });
        await this.sleep(Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (failures - 1)));
        // A restarted sandbox has another run's cursors: start again from now.
        cursor = null;
      }
    }
  }
}

function unescapeHtml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
